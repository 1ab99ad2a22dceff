package load

import (
	"cmp"
	"maps"
	"slices"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

// minWorkingDays is the shortest comment window of a consultation: 10
// working days (Nghị định 98/2023/NĐ-CP, article 46; Nghị định
// 152/2025/NĐ-CP).
const minWorkingDays = 10

// decisions builds the decisions of data/decisions.yaml and checks that
// each one's file is a file under static/.
func (a *assembler) decisions() {
	df := a.files.Decisions
	if df == nil {
		return
	}
	static := map[string]bool{}
	for _, s := range a.files.Static {
		static[s] = true
	}
	for _, e := range df.Decisions {
		d := e.Decision
		if d.File != "" {
			if p, ok := staticPath(d.File); ok && static[p] {
				d.File = p
			} else {
				a.diags.Error(df.Path, e.FileAt.Line, e.FileAt.Column, "decision-file-missing", d.File)
				d.File = ""
			}
		}
		a.site.Decisions = append(a.site.Decisions, &d)
	}
	slices.SortStableFunc(a.site.Decisions, func(x, y *model.Decision) int {
		return cmp.Or(y.Date.Compare(x.Date), cmp.Compare(x.ID, y.ID))
	})
}

// resolveDecisions links each award that names a decision by id to its
// record, reporting an id that data/decisions.yaml does not have.
func (a *assembler) resolveDecisions() {
	byID := map[string]*model.Decision{}
	for _, d := range a.site.Decisions {
		byID[d.ID] = d
	}
	ids := slices.Sorted(maps.Keys(byID))
	for _, b := range a.site.Blocs {
		b.HasAwards = len(b.Awards) > 0
	}
	for _, y := range a.site.Years {
		for _, by := range y.Blocs {
			for _, aw := range by.Awards {
				place := a.awardAt[aw]
				id := place.entry.DecisionID
				if id.ID == "" {
					continue
				}
				d := byID[id.ID]
				if d == nil {
					a.diags.ErrorGuess(place.file, id.Line, id.Column, "unknown-decision", diag.Suggest(id.ID, ids), id.ID)
					continue
				}
				aw.Decision = d
				d.Awards = append(d.Awards, aw)
				if aw.Status == model.Conferred || aw.Status == model.NotConferred {
					last := &aw.History[len(aw.History)-1]
					if last.Date.IsZero() {
						// A new slice: the history of the parsed entry is
						// shared with the next assembly.
						aw.History = slices.Clone(aw.History)
						aw.History[len(aw.History)-1].Date = d.Date
					}
				}
			}
		}
	}
}

// notices builds the public consultations, resolving their award kinds and
// units, checking their windows against the holidays, and closing those
// whose window ended before the build's date.
func (a *assembler) notices() {
	today := a.opts.today()
	first, last := vn.HolidayYears()
	for _, f := range sortedBy(a.files.Notices, func(f *NoticeFile) string { return f.Path }) {
		if f.ID == "" {
			continue
		}
		n := &model.Notice{ID: f.ID, Path: f.Path, Title: f.Title, Year: f.Year, Published: f.Published, From: f.From, To: f.To, Contact: f.Contact, Basis: f.Basis}
		if f.Award.ID != "" {
			n.Kind = a.kindByID[f.Award.ID]
			if n.Kind == nil {
				a.diags.ErrorGuess(f.Path, f.Award.Line, f.Award.Column, "unknown-award", diag.Suggest(f.Award.ID, a.kindIDs), f.Award.ID)
			}
		}
		for _, e := range f.Candidates {
			c := model.Candidate{Name: e.Name, Person: e.Person, Position: e.Position, UnitName: e.UnitName}
			if e.Unit.ID != "" {
				c.Unit = a.unit(f.Path, e.Unit)
				if c.Unit == nil {
					continue
				}
				if !c.Person {
					c.Name = c.Unit.Name
				}
			}
			n.Candidates = append(n.Candidates, c)
		}
		if !f.From.IsZero() && !f.To.IsZero() && !f.To.Before(f.From) {
			days, known := vn.WorkingDays(f.From, f.To)
			switch {
			case !known:
				a.diags.Warn(f.Path, f.ToAt.Line, f.ToAt.Column, "notice-holidays-unknown", first, last, minWorkingDays)
			case days < minWorkingDays:
				a.diags.Warn(f.Path, f.ToAt.Line, f.ToAt.Column, "notice-window-short", days, minWorkingDays)
			}
			if known {
				n.WorkingDays = days
			}
			n.Closed = f.To.Before(today)
		}
		a.site.Notices = append(a.site.Notices, n)
		a.linkNotice(n)
	}
	slices.SortStableFunc(a.site.Notices, func(x, y *model.Notice) int {
		if x.Closed != y.Closed {
			if x.Closed {
				return 1
			}
			return -1
		}
		return cmp.Or(y.From.Compare(x.From), cmp.Compare(x.ID, y.ID))
	})
}

// linkNotice links to n each award of its kind and year whose unit it
// lists as a candidate collective; of two such notices, the later one.
func (a *assembler) linkNotice(n *model.Notice) {
	if n.Kind == nil || n.Year == 0 {
		return
	}
	i := slices.IndexFunc(a.site.Years, func(y *model.Year) bool { return y.Year == n.Year })
	if i < 0 {
		return
	}
	for _, by := range a.site.Years[i].Blocs {
		for _, aw := range by.Awards {
			if aw.Kind == n.Kind && aw.Unit != nil && (aw.Notice == nil || n.From.After(aw.Notice.From)) && slices.ContainsFunc(n.Candidates, func(c model.Candidate) bool { return !c.Person && c.Unit == aw.Unit }) {
				aw.Notice = n
			}
		}
	}
}

// flags computes once what the pages ask of the model as a whole: which
// results a table of members has, whether a bloc or year records awards,
// the tally and the span of years of each award kind.
func (a *assembler) flags() {
	for _, b := range a.site.Blocs {
		for _, y := range b.Years {
			y.Results = model.ResultsOf(y.Members)
			b.Awards = append(b.Awards, y.Awards...)
		}
	}
	for _, y := range a.site.Years {
		for _, by := range y.Blocs {
			y.HasAwards = y.HasAwards || len(by.Awards) > 0
		}
	}
	for _, u := range a.site.Units {
		u.Results = model.ResultsOf(u.Memberships)
		u.HasRole = slices.ContainsFunc(u.Memberships, func(m *model.Membership) bool { return m.Role != model.RoleMember })
	}
	for _, k := range a.site.Awards {
		k.Tally = model.TallyOf(k.Awards)
		if n := len(k.Awards); n > 0 {
			k.FirstYear, k.LastYear = k.Awards[0].BlocYear.Year, k.Awards[n-1].BlocYear.Year
		}
	}
}

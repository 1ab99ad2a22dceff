package load

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

// Assemble resolves the identifiers of the parsed files, checks what needs
// more than one file to tell, and builds the cross-linked site. It reports
// only those checks: the diagnostics of parsing are the parser's. When the
// diagnostics hold errors the site may be partial and must not be rendered.
func Assemble(files *Files, opts Options) (*model.Site, *diag.List) {
	a := &assembler{files: files, opts: opts, diags: &diag.List{}, coll: vn.NewCollator(), site: &model.Site{}}
	a.config()
	a.awards()
	a.units()
	a.blocs()
	a.blocYears()
	a.articles()
	a.pages()
	a.decisions()
	a.resolveDecisions()
	a.notices()
	a.link()
	a.site.Index()
	return a.site, a.diags
}

// assembler holds the state of one call of Assemble.
type assembler struct {
	files *Files
	opts  Options
	diags *diag.List
	coll  *vn.Collator
	site  *model.Site

	unitByID      map[string]*model.Unit
	endAt         map[*model.Unit]Pos // where data/units.yaml gives a unit's last year, or its merger or split
	establishedAt map[*model.Unit]Pos // where data/units.yaml gives a unit's first year
	unitIDs       []string
	unitsKnown    bool // data/units.yaml was read whole: an id not in it is unknown
	kindByID      map[string]*model.AwardKind
	kindIDs       []string
	blocByID      map[string]*model.Bloc
	blocIDs       []string
	blocRank      map[*model.Bloc]int // place of a bloc in Site.Blocs
	// awardAt is where each award's entry is, for the checks that need
	// the decisions.
	awardAt map[*model.Award]awardPlace
}

// awardPlace is the entry of an award in its year file.
type awardPlace struct {
	file  string
	entry *AwardEntry
}

// at formats a place for messages that name a second place.
func at(file string, p Pos) string { return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column) }

func (a *assembler) config() {
	c := a.files.Config
	if c == nil {
		a.diags.Error("site.yaml", 0, 0, "missing-file-site")
		a.site.Config = model.Config{Language: "vi", Paginate: defaultPaginate}
	} else {
		a.site.Config = c.Config
	}
	if a.opts.BaseURL != "" {
		u, problem := parseBaseURL(a.opts.BaseURL)
		switch problem {
		case urlNotAbsolute:
			a.diags.Error("site.yaml", 0, 0, "flag-base-url-not-absolute", quote(a.opts.BaseURL))
		case urlExtraParts:
			a.diags.Error("site.yaml", 0, 0, "flag-base-url-extra-parts", quote(a.opts.BaseURL))
		}
		a.site.Config.BaseURL = u
	}
}

func (a *assembler) awards() {
	kinds := BuiltinAwards()
	a.kindByID = map[string]*model.AwardKind{}
	for _, k := range kinds {
		a.kindByID[k.ID] = k
	}
	if af := a.files.Awards; af != nil {
		for _, e := range af.Awards {
			if k := a.kindByID[e.ID.ID]; k != nil {
				k.Name = cmp.Or(e.Name, k.Name)
				k.Short = cmp.Or(e.Short, k.Short)
				k.Rank = cmp.Or(e.Rank, k.Rank)
				k.Class = cmp.Or(e.Class, k.Class)
				k.BuiltIn = false
				continue
			}
			if e.Name == "" || e.Rank == 0 {
				a.diags.Error(af.Path, e.At.Line, e.At.Column, "award-needs-name-rank", e.ID.ID)
			}
			k := &model.AwardKind{ID: e.ID.ID, Name: e.Name, Short: e.Short, Rank: e.Rank, Class: cmp.Or(e.Class, model.ClassForm)}
			a.kindByID[k.ID] = k
			kinds = append(kinds, k)
		}
	}
	slices.SortStableFunc(kinds, func(x, y *model.AwardKind) int {
		return cmp.Or(cmp.Compare(x.Rank, y.Rank), a.coll.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
	})
	a.site.Awards = kinds
	a.kindIDs = slices.Sorted(maps.Keys(a.kindByID))
}

func (a *assembler) units() {
	a.unitByID = map[string]*model.Unit{}
	a.endAt = map[*model.Unit]Pos{}
	a.establishedAt = map[*model.Unit]Pos{}
	uf := a.files.Units
	if uf == nil {
		if len(a.files.BlocYears) > 0 {
			a.diags.Error("data/units.yaml", 0, 0, "missing-file-units")
		}
		return
	}
	a.unitsKnown = uf.Whole
	for _, e := range uf.Units {
		if e.ID.ID == "" || a.unitByID[e.ID.ID] != nil {
			continue
		}
		u := &model.Unit{ID: e.ID.ID, Name: e.Name, Short: e.Short, Kind: e.Kind, Website: e.Website, Formerly: e.Formerly,
			Established: e.Established, Dissolved: e.Dissolved}
		a.unitByID[u.ID] = u
		switch {
		case u.Dissolved != 0:
			a.endAt[u] = e.DissolvedAt
		case e.Ending != nil:
			a.endAt[u] = e.Ending.At
		}
		if u.Established != 0 {
			a.establishedAt[u] = e.EstablishedAt
		}
		a.site.Units = append(a.site.Units, u)
	}
	a.unitIDs = slices.Sorted(maps.Keys(a.unitByID))
	link := func(from, to *model.Unit) {
		if !slices.Contains(to.Predecessors, from) {
			to.Predecessors = append(to.Predecessors, from)
		}
		if !slices.Contains(from.Successors, to) {
			from.Successors = append(from.Successors, to)
		}
	}
	for _, e := range uf.Units {
		u := a.unitByID[e.ID.ID]
		if u == nil || e.Ending == nil {
			continue
		}
		end := &model.Ending{Year: e.Ending.Year, Split: e.Ending.Split}
		for _, id := range e.Ending.Into {
			if s := a.unit(uf.Path, id); s != nil {
				end.Into = append(end.Into, s)
			}
		}
		if len(end.Into) == 0 {
			continue
		}
		u.Ending = end
		for _, s := range end.Into {
			if s != u {
				link(u, s)
			}
		}
	}
	for _, e := range uf.Units {
		u := a.unitByID[e.ID.ID]
		if u == nil {
			continue
		}
		for _, p := range e.Predecessors {
			pu := a.unit(uf.Path, p)
			switch {
			case pu == nil:
			case pu == u:
				a.diags.Error(uf.Path, p.Line, p.Column, "own-predecessor", p.ID)
			case slices.ContainsFunc(e.Predecessors[:slices.Index(e.Predecessors, p)], func(o Ident) bool { return o.ID == p.ID }):
				a.diags.Error(uf.Path, p.Line, p.Column, "duplicate-predecessor", p.ID)
			case pu.Ending != nil && !slices.Contains(pu.Ending.Into, u):
				a.diags.Error(uf.Path, p.Line, p.Column, "unit-predecessor-conflict", u.ID, p.ID, unitList(pu.Ending.Into), at(uf.Path, a.endAt[pu]))
			default:
				link(pu, u)
			}
		}
	}
	a.checkEndings(uf)
	byName := func(x, y *model.Unit) int { return cmp.Or(a.coll.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID)) }
	slices.SortStableFunc(a.site.Units, byName)
	for _, u := range a.site.Units {
		slices.SortStableFunc(u.Successors, byName)
	}
}

// checkEndings reports mergers and splits that lead back to the unit they
// start from, and successors that did not exist in the year of the merger.
func (a *assembler) checkEndings(uf *UnitsFile) {
	inCycle := map[*model.Unit]bool{}
	for _, e := range uf.Units {
		u := a.unitByID[e.ID.ID]
		if u == nil || u.Ending == nil || inCycle[u] {
			continue
		}
		if path := mergeCycle(u); path != nil {
			for _, v := range path {
				inCycle[v] = true
			}
			p := a.endAt[u]
			a.diags.Error(uf.Path, p.Line, p.Column, "unit-merge-cycle", u.ID, unitPath(path))
		}
	}
	for _, e := range uf.Units {
		u := a.unitByID[e.ID.ID]
		if u == nil || u.Ending == nil || inCycle[u] {
			continue
		}
		for _, id := range e.Ending.Into {
			s, y, p := a.unitByID[id.ID], u.Ending.Year, id.Pos
			switch {
			case s == nil || s == u:
			case s.Established != 0 && s.Established > y:
				a.diags.Error(uf.Path, p.Line, p.Column, "unit-successor-not-yet", s.ID, s.Established, u.ID, y, at(uf.Path, a.establishedAt[s]))
			case s.LastYear() != 0 && s.LastYear() < y:
				a.diags.Error(uf.Path, p.Line, p.Column, "unit-successor-gone", s.ID, s.LastYear(), u.ID, y, at(uf.Path, a.endAt[s]))
			}
		}
	}
}

// mergeCycle returns the units from u along mergers and splits back to u,
// u first and last, or nil when no such way exists.
func mergeCycle(u *model.Unit) []*model.Unit {
	seen := map[*model.Unit]bool{}
	var walk func(v *model.Unit, path []*model.Unit) []*model.Unit
	walk = func(v *model.Unit, path []*model.Unit) []*model.Unit {
		if v.Ending == nil {
			return nil
		}
		for _, s := range v.Ending.Into {
			if s == u {
				return append(slices.Clone(path), s)
			}
			if !seen[s] {
				seen[s] = true
				if c := walk(s, append(path, s)); c != nil {
					return c
				}
			}
		}
		return nil
	}
	return walk(u, []*model.Unit{u})
}

// unitPath is "a → b → a".
func unitPath(us []*model.Unit) string {
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	return strings.Join(ids, " → ")
}

// unitList is "a, b" of the ids of us.
func unitList(us []*model.Unit) string {
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	return strings.Join(ids, ", ")
}

// exists reports, as an error at p of file, a unit named in field of the
// year file when it did not exist that year: after its last year, or
// before it was established.
func (a *assembler) exists(file string, p Pos, u *model.Unit, year int, field string) {
	switch {
	case u.ExistsIn(year):
	case u.LastYear() != 0 && year > u.LastYear():
		a.diags.Error(file, p.Line, p.Column, "unit-ceased", u.ID, field, year, u.LastYear(), at(a.files.Units.Path, a.endAt[u]))
	case u.Established != 0 && year < u.Established:
		a.diags.Error(file, p.Line, p.Column, "unit-not-yet", u.ID, field, year, u.Established, at(a.files.Units.Path, a.establishedAt[u]))
	}
}

// unit resolves the unit id of a file, reporting an unknown one unless
// data/units.yaml is missing or broken, which is reported once instead.
func (a *assembler) unit(file string, id Ident) *model.Unit {
	if id.ID == "" {
		return nil
	}
	if u := a.unitByID[id.ID]; u != nil || !a.unitsKnown {
		return u
	}
	a.diags.Consequence("unit:"+id.ID, file, id.Line, id.Column, "unknown-unit", diag.Suggest(id.ID, a.unitIDs), id.ID)
	return nil
}

// bloc resolves a bloc id of a file, reporting an unknown one.
func (a *assembler) bloc(file string, id Ident) *model.Bloc {
	if b := a.blocByID[id.ID]; b != nil {
		return b
	}
	a.diags.Consequence("bloc:"+id.ID, file, id.Line, id.Column, "unknown-bloc", diag.Suggest(id.ID, a.blocIDs), id.ID)
	return nil
}

func (a *assembler) blocs() {
	a.blocByID = map[string]*model.Bloc{}
	md := markdown.New(markdownOptions(a.files.Config, a.opts))
	read := map[string]string{} // bloc id → the path of its file read
	for _, f := range sortedBy(a.files.Blocs, func(f *BlocFile) string { return f.Path }) {
		if f.ID == "" {
			continue
		}
		if first, ok := read[f.ID]; ok {
			a.twice(first, f.Path)
			continue
		}
		read[f.ID] = f.Path
		b := &model.Bloc{ID: f.ID, Name: f.Name, Short: f.Short, Description: f.Description, Order: f.Order}
		if f.Description != "" {
			var html bytes.Buffer
			info, err := md.Convert([]byte(f.Description), &html)
			if err != nil {
				a.diags.Error(f.Path, 0, 0, "description-markdown", err)
			}
			b.DescriptionHTML = template.HTML(html.String())
			b.Summary = info.Summary
		}
		a.blocByID[b.ID] = b
		a.site.Blocs = append(a.site.Blocs, b)
	}
	slices.SortStableFunc(a.site.Blocs, func(x, y *model.Bloc) int {
		return cmp.Or(cmp.Compare(x.Order, y.Order), a.coll.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
	})
	a.blocRank = map[*model.Bloc]int{}
	for i, b := range a.site.Blocs {
		a.blocRank[b] = i
	}
	a.blocIDs = slices.Sorted(maps.Keys(a.blocByID))
}

// twice reports the file second, bloc.yml or <year>.yml, that says again
// what the file first, of the same name in .yaml, says: only first is read.
func (a *assembler) twice(first, second string) {
	a.diags.Error(second, 0, 0, CodeYAMLTwice, path.Base(first), path.Base(second), path.Base(second), path.Base(first), path.Base(second))
}

// placed is where a unit is a member in one year.
type placed struct {
	bloc string
	file string
	at   Pos
}

func (a *assembler) blocYears() {
	inYear := map[int]map[string]placed{} // year → unit id → its first place
	years := map[int]*model.Year{}
	raw := map[*model.BlocYear]*BlocYearFile{}
	missing := map[string]bool{}
	awarded := map[string]bool{} // units named by an award of any year
	for _, f := range sortedBy(a.files.BlocYears, func(f *BlocYearFile) string { return f.Path }) {
		if f.Bloc == "" || f.Year == 0 {
			continue
		}
		b := a.blocByID[f.Bloc]
		if b == nil {
			if dir := path.Dir(f.Path); !missing[dir] {
				missing[dir] = true
				a.diags.Error(dir, 0, 0, "missing-file-bloc")
			}
			continue
		}
		if by := b.Year(f.Year); by != nil {
			a.twice(by.Path, f.Path)
			continue
		}
		by := &model.BlocYear{Bloc: b, Year: f.Year, Path: f.Path, Covenant: f.Covenant, Review: f.Review, Figures: f.Figures}
		raw[by] = f
		if inYear[f.Year] == nil {
			inYear[f.Year] = map[string]placed{}
		}
		members := map[string]*model.Membership{}
		for _, m := range f.Members {
			u := a.unit(f.Path, m.Unit)
			if u == nil {
				continue
			}
			if first, dup := inYear[f.Year][u.ID]; dup {
				a.diags.Error(f.Path, m.Unit.Line, m.Unit.Column, "two-blocs", u.ID, first.bloc, f.Year, at(first.file, first.at))
			} else {
				inYear[f.Year][u.ID] = placed{bloc: b.ID, file: f.Path, at: m.Unit.Pos}
			}
			a.exists(f.Path, m.Unit.Pos, u, f.Year, "members")
			ms := &model.Membership{Unit: u, BlocYear: by, Rank: m.Rank, Score: m.Score, Rating: m.Rating}
			members[u.ID] = ms
			by.Members = append(by.Members, ms)
		}
		if ms := members[f.Leader.ID]; ms != nil {
			ms.Role = model.RoleLeader
			by.Leader = ms.Unit
		}
		for _, d := range f.Deputies {
			if ms := members[d.ID]; ms != nil {
				ms.Role = model.RoleDeputy
				by.Deputies = append(by.Deputies, ms.Unit)
			}
		}
		by.NextLeader = a.unit(f.Path, f.NextLeader)
		for i, e := range f.Awards {
			k := a.kindByID[e.Award.ID]
			if k == nil {
				a.diags.Consequence("award:"+e.Award.ID, f.Path, e.Award.Line, e.Award.Column, "unknown-award", diag.Suggest(e.Award.ID, a.kindIDs), e.Award.ID)
				continue
			}
			aw := &model.Award{Kind: k, BlocYear: by, Count: e.Count, Recipient: e.Recipient, Status: e.Status, History: e.History, DecisionNote: e.DecisionNote}
			if e.Unit.ID != "" {
				// A recipient may be outside the bloc: a district's people,
				// a company, a school (docs/format.md, "awards").
				if aw.Unit = a.unit(f.Path, e.Unit); aw.Unit == nil {
					continue
				}
				a.exists(f.Path, e.Unit.Pos, aw.Unit, f.Year, "awards")
				awarded[aw.Unit.ID] = true
			}
			by.Awards = append(by.Awards, aw)
			if a.awardAt == nil {
				a.awardAt = map[*model.Award]awardPlace{}
			}
			a.awardAt[aw] = awardPlace{f.Path, &f.Awards[i]}
		}
		if e := f.Flag; e != nil {
			if ms := members[e.Holder.ID]; ms != nil {
				// The flag is handed over at the review of the year before,
				// when its last holder may have existed for the last time.
				by.Flag = &model.Flag{Holder: ms.Unit, From: a.unit(f.Path, e.From), Date: e.Date}
				by.Bloc.HasFlag = true
			}
		}
		for _, e := range f.Models {
			if ms := members[e.Unit.ID]; ms != nil {
				by.Models = append(by.Models, &model.Model{Unit: ms.Unit, BlocYear: by, Name: e.Name, Summary: e.Summary})
			}
		}
		a.sortBlocYear(by)
		b.Years = append(b.Years, by)
		y := years[f.Year]
		if y == nil {
			y = &model.Year{Year: f.Year}
			years[f.Year] = y
			a.site.Years = append(a.site.Years, y)
		}
		y.Blocs = append(y.Blocs, by)
	}
	slices.SortFunc(a.site.Years, func(x, y *model.Year) int { return cmp.Compare(x.Year, y.Year) })
	for _, y := range a.site.Years {
		slices.SortStableFunc(y.Blocs, func(x, z *model.BlocYear) int { return cmp.Compare(a.blocRank[x.Bloc], a.blocRank[z.Bloc]) })
	}
	for _, b := range a.site.Blocs {
		slices.SortFunc(b.Years, func(x, y *model.BlocYear) int { return cmp.Compare(x.Year, y.Year) })
		for i := 1; i < len(b.Years); i++ {
			prev, cur := raw[b.Years[i-1]], raw[b.Years[i]]
			if prev.Year+1 == cur.Year && prev.NextLeader.ID != "" && cur.Leader.ID != "" && prev.NextLeader.ID != cur.Leader.ID {
				a.diags.Warn(cur.Path, cur.Leader.Line, cur.Leader.Column, "next-leader", cur.Leader.ID, prev.NextLeader.ID, at(prev.Path, prev.NextLeader.Pos), cur.Year)
			}
			if prev.Year+1 == cur.Year && prev.Flag != nil && cur.Flag != nil && cur.Flag.From.ID != "" && cur.Flag.From.ID != prev.Flag.Holder.ID {
				a.diags.Warn(cur.Path, cur.Flag.From.Line, cur.Flag.From.Column, "flag-from-differs", cur.Flag.From.ID, prev.Flag.Holder.ID, prev.Year, at(prev.Path, prev.Flag.Holder.Pos))
			}
		}
	}
	if uf := a.files.Units; uf != nil {
		placedAnywhere := map[string]bool{}
		for _, units := range inYear {
			for id := range units {
				placedAnywhere[id] = true
			}
		}
		for _, e := range uf.Units {
			if e.ID.ID != "" && !placedAnywhere[e.ID.ID] && !awarded[e.ID.ID] {
				a.diags.Warn(uf.Path, e.ID.Line, e.ID.Column, "no-bloc", e.ID.ID)
			}
		}
	}
}

// sortBlocYear orders the members by rank (unranked last), then name, and
// the awards by rank of their kind, then unit name (unnamed last).
func (a *assembler) sortBlocYear(by *model.BlocYear) {
	rank := func(r int) int {
		if r == 0 {
			return int(^uint(0) >> 1)
		}
		return r
	}
	slices.SortStableFunc(by.Members, func(x, y *model.Membership) int {
		return cmp.Or(cmp.Compare(rank(x.Rank), rank(y.Rank)), a.coll.Compare(x.Unit.Name, y.Unit.Name), cmp.Compare(x.Unit.ID, y.Unit.ID))
	})
	slices.SortStableFunc(by.Awards, func(x, y *model.Award) int {
		return cmp.Or(a.compareKinds(x.Kind, y.Kind), a.compareUnits(x.Unit, y.Unit))
	})
}

func (a *assembler) compareKinds(x, y *model.AwardKind) int {
	return cmp.Or(cmp.Compare(x.Rank, y.Rank), cmp.Compare(x.ID, y.ID))
}

// compareUnits orders units by name, with nil last.
func (a *assembler) compareUnits(x, y *model.Unit) int {
	switch {
	case x == y:
		return 0
	case x == nil:
		return 1
	case y == nil:
		return -1
	}
	return cmp.Or(a.coll.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
}

func (a *assembler) articles() {
	static := map[string]bool{}
	for _, s := range a.files.Static {
		static[s] = true
	}
	seen := map[string]string{}
	for _, f := range sortedBy(a.files.Articles, func(f *ArticleFile) string { return f.Path }) {
		if !a.claimSlug(seen, "duplicate-article-slug", f.Path, f.Slug) {
			continue
		}
		if a.opts.Summaries && f.ShortSummary && !f.Draft {
			a.diags.Warn(f.Path, 1, 1, "article-no-summary", minSummaryWords)
		}
		art := &model.Article{
			Slug: f.Slug.ID, Path: f.Path, Title: f.Title, Date: f.Date, Summary: f.Summary, Author: f.Author,
			Year: f.Year, Draft: f.Draft, Body: f.HTML, BodyLine: f.BodyLine, Terms: f.Terms, Refs: f.Refs,
		}
		if f.Image != "" {
			if img, ok := staticPath(f.Image); ok && static[img] {
				art.Image = img
			} else {
				a.diags.Error(f.Path, f.ImageAt.Line, f.ImageAt.Column, "missing-image", f.Image)
			}
		}
		for _, id := range f.Blocs {
			if b := a.bloc(f.Path, id); b != nil && !slices.Contains(art.Blocs, b) {
				art.Blocs = append(art.Blocs, b)
			}
		}
		for _, id := range f.Units {
			if u := a.unit(f.Path, id); u != nil && !slices.Contains(art.Units, u) {
				art.Units = append(art.Units, u)
			}
		}
		if !f.Draft || a.opts.BuildDrafts {
			a.site.Articles = append(a.site.Articles, art)
		}
	}
	// Slugs are unique, so the order is total and need not be stable.
	slices.SortFunc(a.site.Articles, func(x, y *model.Article) int {
		return cmp.Or(y.Date.Compare(x.Date), cmp.Compare(x.Slug, y.Slug))
	})
}

// claimSlug records in seen (slug → place) that the file claims its slug;
// it reports, and returns false, when the slug is invalid or already taken,
// with the code dup.
func (a *assembler) claimSlug(seen map[string]string, dup, file string, slug Ident) bool {
	if slug.ID == "" {
		return false
	}
	if first, taken := seen[slug.ID]; taken {
		// codes: duplicate-article-slug, duplicate-page-slug
		a.diags.Error(file, slug.Line, slug.Column, dup, slug.ID, first)
		return false
	}
	seen[slug.ID] = at(file, slug.Pos)
	return true
}

// staticPath turns an image path as written ("/images/x.jpg") into a path
// relative to static/; ok is false when it cannot name a file there.
func staticPath(p string) (string, bool) {
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.Contains(p, "://") || strings.ContainsAny(rel, "?#\\") || path.Clean(rel) != rel || strings.HasPrefix(rel, "../") || rel == ".." {
		return "", false
	}
	return rel, true
}

func (a *assembler) pages() {
	seen := map[string]string{}
	for _, f := range sortedBy(a.files.Pages, func(f *PageFile) string { return f.Path }) {
		if !a.claimSlug(seen, "duplicate-page-slug", f.Path, f.Slug) {
			continue
		}
		a.site.Pages = append(a.site.Pages, &model.Page{Slug: f.Slug.ID, Path: f.Path, Title: f.Title, Summary: f.Summary, Body: f.HTML, BodyLine: f.BodyLine, Refs: f.Refs})
	}
	slices.SortFunc(a.site.Pages, func(x, y *model.Page) int { return cmp.Compare(x.Slug, y.Slug) })
	a.site.Static = slices.Sorted(slices.Values(a.files.Static))
}

// link fills the back-links from units, award kinds, blocs and years.
func (a *assembler) link() {
	for _, y := range a.site.Years {
		for _, by := range y.Blocs {
			for _, m := range by.Members {
				m.Unit.Memberships = append(m.Unit.Memberships, m)
			}
			for _, aw := range by.Awards {
				aw.Kind.Awards = append(aw.Kind.Awards, aw)
				if aw.Unit != nil {
					aw.Unit.Awards = append(aw.Unit.Awards, aw)
				}
			}
			for _, md := range by.Models {
				md.Unit.Models = append(md.Unit.Models, md)
			}
		}
	}
	for _, u := range a.site.Units {
		slices.SortStableFunc(u.Awards, func(x, y *model.Award) int {
			return cmp.Or(cmp.Compare(x.BlocYear.Year, y.BlocYear.Year), a.compareKinds(x.Kind, y.Kind))
		})
	}
	a.flags()
	for _, art := range a.site.Articles {
		for _, b := range art.Blocs {
			b.Articles = append(b.Articles, art)
			if by := b.Year(art.Year); by != nil {
				by.Articles = append(by.Articles, art)
			}
		}
		for _, u := range art.Units {
			u.Articles = append(u.Articles, art)
		}
		if art.Year != 0 {
			for _, y := range a.site.Years {
				if y.Year == art.Year {
					y.Articles = append(y.Articles, art)
				}
			}
		}
	}
}

// sortedBy returns a copy of s sorted by key, which no two elements share
// (a file's path), so that the first of two clashing files is always the
// same one.
func sortedBy[T any](s []T, key func(T) string) []T {
	out := slices.Clone(s)
	slices.SortFunc(out, func(x, y T) int { return cmp.Compare(key(x), key(y)) })
	return out
}

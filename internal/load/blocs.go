package load

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// BlocFile is data/blocs/<bloc>/bloc.yaml as written.
type BlocFile struct {
	Path        string
	ID          string // the folder name; "" when it is not a valid identifier
	Name        string
	Short       string
	Description string // Markdown
	Order       int
}

// blocID returns the bloc folder name of a file in data/blocs/<bloc>/,
// reporting a name that is not an identifier; it returns "" then.
func blocID(file string, diags *diag.List) string {
	dir := path.Dir(file)
	id := path.Base(dir)
	if !validID(id) {
		fix := idFix(id)
		about := ""
		if fix != "" {
			about = "bloc:" + fix
		}
		diags.Add(diag.Diagnostic{Path: dir, Severity: diag.Error, Code: "bad-bloc-folder", Args: []any{id}, Fix: fix, About: about})
		return ""
	}
	return id
}

// ParseBloc reads data/blocs/<bloc>/bloc.yaml. The result is never nil.
func ParseBloc(file string, src []byte) (*BlocFile, *diag.List) {
	d := newDecoder(file, 0)
	b := &BlocFile{Path: file, ID: blocID(file, d.diags)}
	root := d.parse(clean(src))
	if root == nil {
		if d.diags.Len() == 0 {
			d.error(Pos{Line: 1, Column: 1}, "empty-bloc-yaml")
		}
		return b, d.diags
	}
	f, ok := d.mapping(root, msg.P("what-file", "bloc.yaml"), []string{"name", "short", "description", "order"}, []string{"name"})
	if !ok {
		return b, d.diags
	}
	b.Name = d.str(f, "name")
	b.Short = d.str(f, "short")
	b.Description = d.str(f, "description")
	b.Order, _, _ = d.integer(f, "order")
	return b, d.diags
}

// BlocYearFile is data/blocs/<bloc>/<year>.yaml as written. Every unit
// named in it other than by members, next_leader, the units of awards and
// the hander of the flag has been checked to be a member.
type BlocYearFile struct {
	Path       string
	Bloc       string // the folder name; "" when it is not a valid identifier
	Year       int    // from the file name; 0 when the name is not a year
	At         Pos    // the file's map
	Members    []MemberEntry
	Leader     Ident
	Deputies   []Ident
	NextLeader Ident
	Covenant   *model.Event
	Review     *model.Event
	Awards     []AwardEntry
	Flag       *FlagEntry // nil when the year records no rotating flag
	Models     []ModelEntry
	Figures    []model.Figure
}

// times calls f with each time of y, always in the same order: the dates
// of the covenant and the review, of the flag, and of each step of each
// award. TestBlocYearTimes checks that it misses none.
func (y *BlocYearFile) times(f func(*time.Time)) {
	for _, e := range []*model.Event{y.Covenant, y.Review} {
		if e != nil {
			f(&e.Date)
		}
	}
	if y.Flag != nil {
		f(&y.Flag.Date)
	}
	for i := range y.Awards {
		for j := range y.Awards[i].History {
			f(&y.Awards[i].History[j].Date)
		}
	}
}

// MemberEntry is one unit of the members of a year.
type MemberEntry struct {
	Unit   Ident
	Rank   int      // 0 when not ranked
	Score  *float64 // nil when not given
	Rating model.Rating
}

// AwardEntry is one award, or proposal, of a year.
type AwardEntry struct {
	At        Pos
	Award     Ident
	Unit      Ident  // ID "" when only Count or Recipient is known
	Recipient string // the name of a recipient that data/units.yaml does not hold
	Count     int
	Status    model.AwardStatus
	History   []model.Step
	// DecisionID names a record of data/decisions.yaml; DecisionNote is
	// a decision written as free text instead.
	DecisionID   Ident
	DecisionNote string
}

// FlagEntry is the rotating flag (cờ luân lưu) of a year as written.
type FlagEntry struct {
	Holder Ident
	From   Ident // ID "" when not given
	Date   time.Time
}

// ModelEntry is one good practice of a year.
type ModelEntry struct {
	At      Pos
	Unit    Ident
	Name    string
	Summary string
}

var yearFileRe = regexp.MustCompile(`^(\d{4})\.ya?ml$`)

// ratings are the values a member's rating may take, best first.
var ratings = []string{string(model.RatingExcellent), string(model.RatingGood), string(model.RatingCompleted), string(model.RatingNotCompleted)}

// ratingWords are the Vietnamese words of the ratings, folded (vn.Slug),
// that a rating may be written in: "Hoàn thành xuất sắc nhiệm vụ",
// "xuất sắc".
var ratingWords = map[string]string{
	"hoan-thanh-xuat-sac-nhiem-vu": string(model.RatingExcellent),
	"hoan-thanh-xuat-sac":          string(model.RatingExcellent),
	"hoan-thanh-tot-nhiem-vu":      string(model.RatingGood),
	"hoan-thanh-tot":               string(model.RatingGood),
	"hoan-thanh-nhiem-vu":          string(model.RatingCompleted),
	"khong-hoan-thanh-nhiem-vu":    string(model.RatingNotCompleted),
}

// statusWords are the Vietnamese words of the statuses of an award, folded.
var statusWords = map[string]string{
	"da-tang": string(model.Conferred),
	"de-nghi": string(model.Proposed),
}

// ParseBlocYear reads data/blocs/<bloc>/<year>.yaml and checks what the
// file alone can tell: types, that the leader, deputies and the units of
// awards and models are members, repeated members and the ranks. The result
// is never nil.
func ParseBlocYear(file string, src []byte) (*BlocYearFile, *diag.List) {
	d := newDecoder(file, 0)
	y := &BlocYearFile{Path: file, Bloc: blocID(file, d.diags)}
	name := path.Base(file)
	if m := yearFileRe.FindStringSubmatch(name); m == nil {
		d.error(Pos{}, "bad-year-file", name)
	} else if n, _ := strconv.Atoi(m[1]); !inYearRange(n) {
		d.error(Pos{}, "year-file-out-of-range", name, minYear, maxYear)
	} else {
		y.Year = n
	}
	root := d.parse(clean(src))
	if root == nil {
		if d.diags.Len() == 0 {
			d.error(Pos{Line: 1, Column: 1}, "empty-year-file")
		}
		return y, d.diags
	}
	f, ok := d.mapping(root, msg.P("what-bloc-year"), []string{"members", "leader", "deputies", "next_leader", "covenant", "review", "awards", "flag", "models", "figures"}, []string{"members", "leader"})
	if !ok {
		return y, d.diags
	}
	y.At = f.at
	d.members(f, y)
	members := make([]string, len(y.Members))
	for i, m := range y.Members {
		members[i] = m.Unit.ID
	}
	isMember := func(id Ident, what msg.Phrase) bool {
		if id.ID == "" || slices.Contains(members, id.ID) {
			return id.ID != ""
		}
		d.errorGuess(id.Pos, "not-member", diag.Suggest(id.ID, members), what, id.ID, yearName(y))
		return false
	}
	if l := d.ident(f, "leader"); isMember(l, msg.P("who-leader")) {
		y.Leader = l
	}
	for _, dep := range d.idents(f, "deputies") {
		switch {
		case dep.ID == y.Leader.ID:
			d.error(dep.Pos, "bad-role", dep.ID)
		case slices.ContainsFunc(y.Deputies, func(o Ident) bool { return o.ID == dep.ID }):
			d.error(dep.Pos, "duplicate-deputy", dep.ID)
		case isMember(dep, msg.P("who-deputy")):
			y.Deputies = append(y.Deputies, dep)
		}
	}
	y.NextLeader = d.ident(f, "next_leader")
	y.Covenant = d.event(f, "covenant")
	y.Review = d.event(f, "review")
	for _, n := range d.seq(f, "awards") {
		af, ok := d.mapping(n, msg.P("what-award"), []string{"award", "unit", "recipient", "count", "status", "history", "decision"}, []string{"award"})
		if !ok {
			continue
		}
		a := AwardEntry{At: af.at, Award: d.ident(af, "award"), Status: model.Conferred}
		d.awardCourse(af, &a)
		unit, hasUnit := d.ident(af, "unit"), af.has("unit")
		count, countAt, hasCount := d.integer(af, "count")
		if af.has("recipient") {
			if hasUnit || af.has("count") {
				d.error(af.at, "award-recipient-and")
			} else if a.Recipient = d.str(af, "recipient"); a.Award.ID != "" && a.Recipient != "" {
				a.Count = 1
				y.Awards = append(y.Awards, a)
			}
			continue
		}
		switch {
		case hasUnit && af.has("count"):
			d.error(af.at, "award-unit-and-count")
		case !hasUnit && !af.has("count"):
			d.error(af.at, "award-no-unit")
		case hasUnit:
			// Not only a member: a recipient may be outside the bloc.
			if unit.ID == "" {
				continue
			}
			a.Unit, a.Count = unit, 1
		case hasCount && count < 1:
			d.error(countAt, "bad-count", count)
		case hasCount:
			a.Count = count
		}
		if a.Award.ID != "" && a.Count > 0 {
			y.Awards = append(y.Awards, a)
		}
	}
	y.Flag = d.flag(f, y.Year, members)
	for _, n := range d.seq(f, "models") {
		mf, ok := d.mapping(n, msg.P("what-model"), []string{"unit", "name", "summary"}, []string{"unit", "name"})
		if !ok {
			continue
		}
		m := ModelEntry{At: mf.at, Unit: d.ident(mf, "unit"), Name: d.str(mf, "name"), Summary: d.str(mf, "summary")}
		if isMember(m.Unit, msg.P("who-model-unit")) {
			y.Models = append(y.Models, m)
		}
	}
	for _, n := range d.seq(f, "figures") {
		ff, ok := d.mapping(n, msg.P("what-figure"), []string{"label", "value", "unit"}, []string{"label", "value"})
		if !ok {
			continue
		}
		v, _ := d.number(ff, "value")
		y.Figures = append(y.Figures, model.Figure{Label: d.str(ff, "label"), Value: v, Unit: d.str(ff, "unit")})
	}
	return y, d.diags
}

// flag reads the rotating flag of a year: {holder, from, date}, the holder
// a member; nil when it is absent or wrong.
func (d *decoder) flag(f fields, year int, members []string) *FlagEntry {
	v := f.vals["flag"]
	if v == nil || isNull(v) {
		return nil
	}
	ff, ok := d.mapping(v, msg.P("what-field", "flag"), []string{"holder", "from", "date"}, []string{"holder"})
	if !ok {
		return nil
	}
	e := &FlagEntry{Holder: d.ident(ff, "holder"), From: d.ident(ff, "from")}
	if ff.has("date") {
		e.Date = d.date(ff, "date")
	}
	if e.Holder.ID == "" {
		return nil
	}
	if !slices.Contains(members, e.Holder.ID) {
		d.error(e.Holder.Pos, "flag-holder-not-member", e.Holder.ID, year)
		return nil
	}
	if e.From.ID == e.Holder.ID {
		d.error(e.From.Pos, "flag-from-holder", e.Holder.ID)
		e.From = Ident{}
	}
	return e
}

// yearName is "2024", or "this year" when the file name is not a year.
func yearName(y *BlocYearFile) msg.Phrase {
	if y.Year == 0 {
		return msg.P("this-year")
	}
	return msg.P("year-n", y.Year)
}

// members reads the members of a year and warns about ranks that are not
// 1..n.
func (d *decoder) members(f fields, y *BlocYearFile) {
	list := d.seq(f, "members")
	if f.has("members") && len(list) == 0 && f.vals["members"].Kind == yaml.SequenceNode {
		d.error(d.pos(f.vals["members"]), "empty-members")
	}
	seen := map[string]Pos{}
	rankAt := map[int]Pos{}
	ranked := 0
	for _, n := range list {
		var m MemberEntry
		if n.Kind == yaml.ScalarNode {
			m.Unit = d.identNode(n, "members")
		} else {
			mf, ok := d.mapping(n, msg.P("what-member"), []string{"unit", "rank", "score", "rating"}, []string{"unit"})
			if !ok {
				continue
			}
			m.Unit = d.ident(mf, "unit")
			if r, p, ok := d.integer(mf, "rank"); ok {
				if r >= 1 {
					ranked++
				}
				if r < 1 {
					d.error(p, "bad-rank", r)
				} else if first, dup := rankAt[r]; dup {
					d.warn(p, "duplicate-rank", r, d.at(first))
				} else {
					rankAt[r] = p
					m.Rank = r
				}
			}
			if s, ok := d.number(mf, "score"); ok {
				m.Score = &s
			}
			m.Rating = model.Rating(d.oneOfSaid(mf, "rating", ratings, ratingWords))
		}
		if m.Unit.ID == "" {
			continue
		}
		if first, dup := seen[m.Unit.ID]; dup {
			d.error(m.Unit.Pos, "duplicate-member", m.Unit.ID, d.at(first))
			continue
		}
		seen[m.Unit.ID] = m.Unit.Pos
		y.Members = append(y.Members, m)
	}
	if ranked == 0 {
		return
	}
	n := ranked
	var missing []string
	for r := 1; r <= n; r++ {
		if _, ok := rankAt[r]; !ok {
			missing = append(missing, strconv.Itoa(r))
		}
	}
	if len(missing) > 0 {
		d.warn(d.pos(f.keys["members"]), "rank-gap", n, strings.Join(missing, ", "), n)
	}
}

// event reads a covenant or review: {date, goals}.
func (d *decoder) event(f fields, key string) *model.Event {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return nil
	}
	ef, ok := d.mapping(v, msg.P("what-field", key), []string{"date", "goals"}, []string{"date"})
	if !ok {
		return nil
	}
	e := &model.Event{Date: d.date(ef, "date")}
	for _, g := range d.seq(ef, "goals") {
		if d.scalar(g, "goals", msg.P("want-text")) && !isNull(g) {
			e.Goals = append(e.Goals, strings.TrimSpace(g.Value))
		}
	}
	return e
}

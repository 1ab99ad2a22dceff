package load

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
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
		diags.Errorf(dir, 0, 0, "bad-id", "bloc folder name %q is not a valid identifier; rename the folder with lower-case letters a-z, digits and single hyphens, like \"khoi-8\"", id)
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
			d.errorf(Pos{Line: 1, Column: 1}, "missing-field", "bloc.yaml is empty; give at least the bloc's name")
		}
		return b, d.diags
	}
	f, ok := d.mapping(root, "bloc.yaml", []string{"name", "short", "description", "order"}, []string{"name"})
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

// ParseBlocYear reads data/blocs/<bloc>/<year>.yaml and checks what the
// file alone can tell: types, that the leader, deputies and the units of
// awards and models are members, repeated members and the ranks. The result
// is never nil.
func ParseBlocYear(file string, src []byte) (*BlocYearFile, *diag.List) {
	d := newDecoder(file, 0)
	y := &BlocYearFile{Path: file, Bloc: blocID(file, d.diags)}
	name := path.Base(file)
	if m := yearFileRe.FindStringSubmatch(name); m == nil {
		d.errorf(Pos{}, "bad-year", "file name %q is not a year; name the file of a bloc's year like 2024.yaml", name)
	} else if n, _ := strconv.Atoi(m[1]); !inYearRange(n) {
		d.errorf(Pos{}, "bad-year", "file name %q is not a year from %d to %d; name the file after the emulation year it records", name, minYear, maxYear)
	} else {
		y.Year = n
	}
	root := d.parse(clean(src))
	if root == nil {
		if d.diags.Len() == 0 {
			d.errorf(Pos{Line: 1, Column: 1}, "missing-field", "the file is empty; give at least members and leader")
		}
		return y, d.diags
	}
	f, ok := d.mapping(root, "a bloc's year", []string{"members", "leader", "deputies", "next_leader", "covenant", "review", "awards", "flag", "models", "figures"}, []string{"members", "leader"})
	if !ok {
		return y, d.diags
	}
	y.At = f.at
	d.members(f, y)
	members := make([]string, len(y.Members))
	for i, m := range y.Members {
		members[i] = m.Unit.ID
	}
	isMember := func(id Ident, what string) bool {
		if id.ID == "" || slices.Contains(members, id.ID) {
			return id.ID != ""
		}
		d.errorf(id.Pos, "not-member", "%s %q is not a member of the bloc in %s; add it to members or name a member%s", what, id.ID, yearName(y), diag.DidYouMean(id.ID, members))
		return false
	}
	if l := d.ident(f, "leader"); isMember(l, "leader") {
		y.Leader = l
	}
	for _, dep := range d.idents(f, "deputies") {
		switch {
		case dep.ID == y.Leader.ID:
			d.errorf(dep.Pos, "bad-role", "deputy %q is the leader too; a unit is either the leader or a deputy", dep.ID)
		case slices.ContainsFunc(y.Deputies, func(o Ident) bool { return o.ID == dep.ID }):
			d.errorf(dep.Pos, "duplicate-id", "deputy %q is listed twice; keep one", dep.ID)
		case isMember(dep, "deputy"):
			y.Deputies = append(y.Deputies, dep)
		}
	}
	y.NextLeader = d.ident(f, "next_leader")
	y.Covenant = d.event(f, "covenant")
	y.Review = d.event(f, "review")
	for _, n := range d.seq(f, "awards") {
		af, ok := d.mapping(n, "an award", []string{"award", "unit", "recipient", "count", "status", "history", "decision"}, []string{"award"})
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
			d.errorf(af.at, "bad-award", "an award gives both unit and count; give unit for a named unit, or count for unnamed ones")
		case !hasUnit && !af.has("count"):
			d.errorf(af.at, "bad-award", "an award gives neither unit nor count; give unit for a named unit, or count for unnamed ones")
		case hasUnit:
			// Not only a member: a recipient may be outside the bloc.
			if unit.ID == "" {
				continue
			}
			a.Unit, a.Count = unit, 1
		case hasCount && count < 1:
			d.errorf(countAt, "bad-value", "field \"count\" is %d; give how many units received it, 1 or more", count)
		case hasCount:
			a.Count = count
		}
		if a.Award.ID != "" && a.Count > 0 {
			y.Awards = append(y.Awards, a)
		}
	}
	y.Flag = d.flag(f, y.Year, members)
	for _, n := range d.seq(f, "models") {
		mf, ok := d.mapping(n, "a model", []string{"unit", "name", "summary"}, []string{"unit", "name"})
		if !ok {
			continue
		}
		m := ModelEntry{At: mf.at, Unit: d.ident(mf, "unit"), Name: d.str(mf, "name"), Summary: d.str(mf, "summary")}
		if isMember(m.Unit, "model unit") {
			y.Models = append(y.Models, m)
		}
	}
	for _, n := range d.seq(f, "figures") {
		ff, ok := d.mapping(n, "a figure", []string{"label", "value", "unit"}, []string{"label", "value"})
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
	ff, ok := d.mapping(v, "field \"flag\"", []string{"holder", "from", "date"}, []string{"holder"})
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
func yearName(y *BlocYearFile) string {
	if y.Year == 0 {
		return "this year"
	}
	return strconv.Itoa(y.Year)
}

// members reads the members of a year and warns about ranks that are not
// 1..n.
func (d *decoder) members(f fields, y *BlocYearFile) {
	list := d.seq(f, "members")
	if f.has("members") && len(list) == 0 && f.vals["members"].Kind == yaml.SequenceNode {
		d.errorf(d.pos(f.vals["members"]), "missing-field", "field \"members\" is empty; list the units of the bloc this year")
	}
	seen := map[string]Pos{}
	rankAt := map[int]Pos{}
	ranked := 0
	for _, n := range list {
		var m MemberEntry
		if n.Kind == yaml.ScalarNode {
			m.Unit = d.identNode(n, "members")
		} else {
			mf, ok := d.mapping(n, "a member", []string{"unit", "rank", "score", "rating"}, []string{"unit"})
			if !ok {
				continue
			}
			m.Unit = d.ident(mf, "unit")
			if r, p, ok := d.integer(mf, "rank"); ok {
				if r >= 1 {
					ranked++
				}
				if r < 1 {
					d.errorf(p, "bad-value", "field \"rank\" is %d; rank 1 is the best, then 2, 3 and so on", r)
				} else if first, dup := rankAt[r]; dup {
					d.warnf(p, "rank", "rank %d is given twice, also at %s; give the ranked members 1..n without repeats", r, d.at(first))
				} else {
					rankAt[r] = p
					m.Rank = r
				}
			}
			if s, ok := d.number(mf, "score"); ok {
				m.Score = &s
			}
			m.Rating = model.Rating(d.oneOf(mf, "rating", ratings))
		}
		if m.Unit.ID == "" {
			continue
		}
		if first, dup := seen[m.Unit.ID]; dup {
			d.errorf(m.Unit.Pos, "duplicate-member", "unit %q is listed twice in members, also at %s; keep one", m.Unit.ID, d.at(first))
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
		d.warnf(d.pos(f.keys["members"]), "rank", "the ranks of the %d ranked members skip %s; number them 1 to %d without gaps", n, strings.Join(missing, ", "), n)
	}
}

// event reads a covenant or review: {date, goals}.
func (d *decoder) event(f fields, key string) *model.Event {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return nil
	}
	ef, ok := d.mapping(v, fmt.Sprintf("field %q", key), []string{"date", "goals"}, []string{"date"})
	if !ok {
		return nil
	}
	e := &model.Event{Date: d.date(ef, "date")}
	for _, g := range d.seq(ef, "goals") {
		if d.scalar(g, "goals", "text") && !isNull(g) {
			e.Goals = append(e.Goals, strings.TrimSpace(g.Value))
		}
	}
	return e
}

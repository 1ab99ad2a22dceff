package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/opendata"
)

// prefixes are the folded words that open a unit's name and that a sheet
// may leave out or add: "Hội", "Sở", "UBND huyện"… The longest come first.
var prefixes = [][]string{
	{"uy", "ban", "nhan", "dan", "thanh", "pho"}, {"uy", "ban", "nhan", "dan", "thi", "xa"},
	{"uy", "ban", "nhan", "dan", "huyen"}, {"uy", "ban", "nhan", "dan", "quan"}, {"uy", "ban", "nhan", "dan"},
	{"ubnd", "thanh", "pho"}, {"ubnd", "thi", "xa"}, {"ubnd", "huyen"}, {"ubnd", "quan"}, {"ubnd"},
	{"hoi", "lien", "hiep"}, {"lien", "doan"}, {"thanh", "pho"}, {"thi", "xa"},
	{"hoi"}, {"so"}, {"ban"}, {"huyen"}, {"quan"},
}

// core is a name folded, without its usual prefix and without a closing
// "tỉnh" or "tỉnh <province>": "Hội Người cao tuổi tỉnh" is "nguoi cao
// tuoi".
func core(name string, province []string) string {
	w := words(name)
	for _, p := range prefixes {
		if len(w) > len(p) && slices.Equal(w[:len(p)], p) {
			w = w[len(p):]
			break
		}
	}
	if n := len(w) - len(province); len(province) > 0 && n > 1 && w[n-1] == "tinh" && slices.Equal(w[n:], province) {
		w = w[:n-1]
	} else if len(w) > 1 && w[len(w)-1] == "tinh" {
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

// units finds the units of a site by what a sheet calls them.
type units struct {
	site     *model.Site
	byFold   map[string][]*model.Unit // folded name, short or former name
	byCore   map[string][]*model.Unit // their cores
	province []string
}

func newUnits(site *model.Site) *units {
	u := &units{site: site, byFold: map[string][]*model.Unit{}, byCore: map[string][]*model.Unit{}, province: words(site.Config.Province)}
	add := func(m map[string][]*model.Unit, key string, unit *model.Unit) {
		if key != "" && !slices.Contains(m[key], unit) {
			m[key] = append(m[key], unit)
		}
	}
	for _, unit := range site.Units {
		names := []string{unit.Name, unit.Short}
		for _, f := range unit.Formerly {
			names = append(names, f.Name)
		}
		for _, n := range names {
			add(u.byFold, folded(n), unit)
			add(u.byCore, core(n, u.province), unit)
		}
	}
	return u
}

// find returns the unit a sheet's cell names: by id, by folded name, short
// or former name, then by those without their usual prefixes. Found, it
// returns one unit; else none, or, when the name fits several, those.
func (u *units) find(cell string) (*model.Unit, []*model.Unit) {
	if unit := u.site.Unit(strings.TrimSpace(cell)); unit != nil {
		return unit, nil
	}
	for _, found := range [][]*model.Unit{u.byFold[folded(cell)], u.byCore[core(cell, u.province)]} {
		switch len(found) {
		case 0:
		case 1:
			return found[0], nil
		default:
			return nil, found
		}
	}
	return nil, nil
}

// closest are up to three units whose names share the most words with
// cell, half of them at least, and the one diag.Suggest finds a likely
// typo of, first.
func (u *units) closest(cell string) []*model.Unit {
	var out []*model.Unit
	want := core(cell, u.province)
	var cores []string
	byCore := map[string]*model.Unit{}
	for _, unit := range u.site.Units {
		c := core(unit.Name, u.province)
		cores = append(cores, c)
		byCore[c] = unit
	}
	if s := diag.Suggest(want, cores); s != "" {
		out = append(out, byCore[s])
	}
	type scored struct {
		unit   *model.Unit
		shared int
	}
	var ranked []scored
	cellWords := strings.Fields(want)
	for _, unit := range u.site.Units {
		shared := 0
		for _, w := range strings.Fields(core(unit.Name, u.province)) {
			if slices.Contains(cellWords, w) {
				shared++
			}
		}
		if 2*shared >= len(cellWords) {
			ranked = append(ranked, scored{unit, shared})
		}
	}
	slices.SortStableFunc(ranked, func(a, b scored) int { return b.shared - a.shared })
	for _, s := range ranked {
		if len(out) >= 3 {
			break
		}
		if !slices.Contains(out, s.unit) {
			out = append(out, s.unit)
		}
	}
	return out
}

// unitList writes units as "Name (id)", joined by commas.
func unitList(us []*model.Unit) string {
	var parts []string
	for _, u := range us {
		parts = append(parts, strconv.Quote(u.Name)+" ("+u.ID+")")
	}
	return strings.Join(parts, ", ")
}

// findAward returns the award kind a cell names, by id, folded name or
// short name.
func findAward(site *model.Site, cell string) *model.AwardKind {
	if k := site.Award(strings.TrimSpace(cell)); k != nil {
		return k
	}
	want := folded(cell)
	for _, k := range site.Awards {
		if folded(k.Name) == want || (k.Short != "" && folded(k.Short) == want) {
			return k
		}
	}
	return nil
}

// awardNames are the folded names of the award kinds, for a suggestion.
func awardNames(site *model.Site) ([]string, map[string]string) {
	var names []string
	byName := map[string]string{}
	for _, k := range site.Awards {
		n := folded(k.Name)
		names = append(names, n)
		byName[n] = k.Name
	}
	return names, byName
}

// ratingOf reads a rating: its id, its label as the downloads write it
// (Hoàn thành xuất sắc nhiệm vụ), the short label (Xuất sắc) or the
// initials offices write (HTXSNV).
func ratingOf(cell string) (model.Rating, bool) {
	w := folded(cell)
	for _, r := range []model.Rating{model.RatingExcellent, model.RatingGood, model.RatingCompleted, model.RatingNotCompleted} {
		label := folded(opendata.RatingLabel(r))
		short := strings.TrimSuffix(strings.TrimPrefix(label, "hoan thanh "), " nhiem vu")
		if r == model.RatingCompleted {
			short = "hoan thanh"
		}
		initials := ""
		for _, x := range strings.Fields(label) {
			initials += x[:1]
		}
		if w == folded(string(r)) || w == label || w == short || w == initials {
			return r, true
		}
	}
	return "", false
}

// ratingNames lists the ratings for a message.
func ratingNames() string {
	var names []string
	for _, r := range []model.Rating{model.RatingExcellent, model.RatingGood, model.RatingCompleted, model.RatingNotCompleted} {
		names = append(names, opendata.RatingLabel(r))
	}
	return strings.Join(names, ", ")
}

// roleOf reads a role: Khối trưởng, Khối phó, Thành viên, or the ids.
func roleOf(cell string) (model.Role, bool) {
	w := folded(cell)
	for _, r := range []model.Role{model.RoleLeader, model.RoleDeputy, model.RoleMember} {
		if w == folded(opendata.RoleLabel(r)) || w == folded(opendata.RoleName(r)) {
			return r, true
		}
	}
	switch w {
	case "truong khoi":
		return model.RoleLeader, true
	case "pho khoi":
		return model.RoleDeputy, true
	}
	return "", false
}

// statusOf reads an award's status: Đã tặng, Đề nghị, or the ids.
func statusOf(cell string) (model.AwardStatus, bool) {
	w := folded(cell)
	for _, s := range model.Stages {
		if w == folded(opendata.StatusLabel(s)) || w == string(s) {
			return s, true
		}
	}
	switch w {
	case "da cong nhan":
		return model.Conferred, true
	case "khong duoc cong nhan":
		return model.NotConferred, true
	}
	switch w {
	case "da khen", "da khen thuong", "da co quyet dinh":
		return model.Conferred, true
	case "de nghi khen thuong", "de xuat":
		return model.Proposed, true
	}
	return "", false
}

// number reads a number as a workbook stores it (98.5) or as a Vietnamese
// sheet writes it (98,5; 1.234,5).
func number(cell string) (float64, bool) {
	s := strings.ReplaceAll(strings.TrimSpace(cell), " ", "")
	switch {
	case strings.Contains(s, ",") && strings.Contains(s, "."):
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case strings.Count(s, ",") == 1:
		s = strings.Replace(s, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !strings.ContainsAny(s, "eEnNiI")
}

// whole reads a positive whole number: 3, or 3.0 as a workbook may store it.
func whole(cell string) (int, bool) {
	f, ok := number(cell)
	if !ok || f < 1 || f != float64(int(f)) {
		return 0, false
	}
	return int(f), true
}

// folded is s folded, its words joined by one space.
func folded(s string) string { return strings.Join(words(s), " ") }

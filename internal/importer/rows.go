package importer

import (
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
)

// The kinds of table thidua import reads.
const (
	Members = "members" // a score sheet: units with score, rank, rating, role
	Awards  = "awards"  // an award list: award kind, unit or count, status, decision
)

// memberRow is one understood row of a score sheet.
type memberRow struct {
	ref    string // the unit's cell
	unit   *model.Unit
	rank   int      // 0 when not given
	score  *float64 // nil when not given
	rating model.Rating
	role   model.Role
	roled  bool // the sheet gives the role
}

// awardRow is one understood row of an award list.
type awardRow struct {
	ref      string // the unit's cell, or the row's first
	kind     *model.AwardKind
	unit     *model.Unit // nil when only a count is given
	count    int
	status   model.AwardStatus // "" when not given
	decision string
}

// reader turns the rows of a table below its header into rows of a kind,
// reporting every cell it does not understand.
type reader struct {
	t     *table
	cols  columns
	first int // the first row below the header
	site  *model.Site
	units *units
	award *model.AwardKind // --award, nil when not given
	diags *report
}

func (rd *reader) errorAt(ref, code string, args ...any) {
	// codes: import-unknown-id, import-ambiguous-unit, import-unknown-unit, import-no-unit, import-duplicate, import-bad-number, import-bad-rank, import-bad-count, import-bad-rating, import-bad-role, import-bad-status, import-unknown-award, import-no-award, import-unit-and-count
	rd.diags.Add(diag.Diagnostic{Path: ref, Severity: diag.Error, Code: code, Args: args})
}

// value is the trimmed cell of field f in row r, "" when the sheet has no
// such column.
func (rd *reader) value(r int, f field) string {
	if !rd.cols.has(f) {
		return ""
	}
	return strings.TrimSpace(rd.t.cell(r, rd.cols[f]))
}

// ref names the cell of field f in row r, or the row's first cell.
func (rd *reader) ref(r int, f field) string {
	if !rd.cols.has(f) {
		return rd.t.ref(r, 0)
	}
	return rd.t.ref(r, rd.cols[f])
}

// unitField is the column that names the unit of row r: its id when the
// sheet gives one there, else its name.
func (rd *reader) unitField(r int) field {
	if rd.value(r, fUnitID) != "" || !rd.cols.has(fUnit) {
		return fUnitID
	}
	return fUnit
}

// each calls f with every row of data: it skips blank rows, rows of
// merged cells only, headings across the table, a repeated header and the
// row of column numbers under it, and stops at a total row.
func (rd *reader) each(f func(r int, uf field, name string)) {
	for r := rd.first; r < len(rd.t.rows); r++ {
		uf := rd.unitField(r)
		name := rd.value(r, uf)
		if rd.blank(r) || (rd.cols.has(uf) && rd.t.across[[2]int{r, rd.cols[uf]}]) || numbering(name) || isUnitHeading(name) {
			continue
		}
		if w := words(name); len(w) > 0 && (w[0] == "tong" || w[0] == "cong") {
			return
		}
		f(r, uf, name)
	}
}

// blank reports whether row r has nothing in its columns but what merged
// cells spread into it.
func (rd *reader) blank(r int) bool {
	for _, c := range rd.cols {
		if c >= 0 && strings.TrimSpace(rd.t.cell(r, c)) != "" && !rd.t.filled[[2]int{r, c}] {
			return false
		}
	}
	return true
}

// numbering reports whether a unit cell holds a column number, "2" or
// "(2)", as the row under a header of an official form does.
func numbering(s string) bool {
	s = strings.Trim(s, "()[] ")
	_, err := strconv.Atoi(s)
	return err == nil
}

// isUnitHeading reports whether a cell is the heading of the unit column.
func isUnitHeading(s string) bool {
	h := headings(Members)
	w := folded(s)
	for _, f := range []field{fUnit, fUnitID} {
		for _, a := range h[f] {
			if w == a {
				return true
			}
		}
	}
	return false
}

// unit finds the unit of row r, reporting a name it cannot.
func (rd *reader) unit(r int, uf field, name string) *model.Unit {
	ref := rd.ref(r, uf)
	if uf == fUnitID {
		if u := rd.site.Unit(name); u != nil {
			return u
		}
		var ids []string
		for _, u := range rd.site.Units {
			ids = append(ids, u.ID)
		}
		rd.errorAt(ref, "import-unknown-id", name, rd.didYouMean(quoted(diag.Suggest(name, ids))))
		return nil
	}
	u, several := rd.units.find(name)
	switch {
	case u != nil:
		return u
	case len(several) > 0:
		rd.errorAt(ref, "import-ambiguous-unit", name, unitList(several))
	default:
		rd.errorAt(ref, "import-unknown-unit", name, rd.didYouMean(unitList(rd.units.closest(name))))
	}
	return nil
}

// didYouMean is " (did you mean …?)", "" for no suggestion.
func (rd *reader) didYouMean(s string) any { return didYouMean(s) }

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return strconv.Quote(s)
}

// members reads the rows of a score sheet.
func (rd *reader) members() []memberRow {
	var out []memberRow
	seen := map[*model.Unit]string{}
	rd.each(func(r int, uf field, name string) {
		if name == "" {
			rd.errorAt(rd.ref(r, uf), "import-no-unit", r+1)
			return
		}
		m := memberRow{ref: rd.ref(r, uf), unit: rd.unit(r, uf, name)}
		if v := rd.value(r, fScore); v != "" {
			if s, ok := number(v); ok {
				m.score = &s
			} else {
				rd.errorAt(rd.ref(r, fScore), "import-bad-number", v)
			}
		}
		if v := rd.value(r, fRank); v != "" {
			if n, ok := whole(v); ok {
				m.rank = n
			} else {
				rd.errorAt(rd.ref(r, fRank), "import-bad-rank", v)
			}
		}
		if v := rd.value(r, fRating); v != "" {
			if rt, ok := ratingOf(v); ok {
				m.rating = rt
			} else {
				rd.errorAt(rd.ref(r, fRating), "import-bad-rating", v, ratingNames())
			}
		}
		if v := rd.value(r, fRole); v != "" {
			if role, ok := roleOf(v); ok {
				m.role, m.roled = role, true
			} else {
				rd.errorAt(rd.ref(r, fRole), "import-bad-role", v)
			}
		} else if rd.cols.has(fRole) {
			m.roled = true
		}
		if m.unit == nil {
			return
		}
		if other, dup := seen[m.unit]; dup {
			rd.errorAt(m.ref, "import-duplicate", m.unit.Name, other)
			return
		}
		seen[m.unit] = m.ref
		out = append(out, m)
	})
	return out
}

// awards reads the rows of an award list.
func (rd *reader) awards() []awardRow {
	var out []awardRow
	type key struct {
		kind *model.AwardKind
		unit *model.Unit
	}
	seen := map[key]string{}
	rd.each(func(r int, uf field, name string) {
		a := awardRow{ref: rd.ref(r, uf), kind: rd.kind(r)}
		ok := a.kind != nil
		if v := rd.value(r, fCount); v != "" {
			if n, good := whole(v); good {
				a.count = n
			} else {
				rd.errorAt(rd.ref(r, fCount), "import-bad-count", v)
				ok = false
			}
		}
		switch {
		case name != "":
			a.unit = rd.unit(r, uf, name)
			ok = ok && a.unit != nil
			if a.count > 1 {
				rd.errorAt(rd.ref(r, fCount), "import-unit-and-count", a.count)
				ok = false
			}
			a.count = 1
		case a.count == 0 && ok:
			rd.errorAt(a.ref, "import-no-unit", r+1)
			ok = false
		}
		if v := rd.value(r, fStatus); v != "" {
			if s, good := statusOf(v); good {
				a.status = s
			} else {
				rd.errorAt(rd.ref(r, fStatus), "import-bad-status", v)
				ok = false
			}
		}
		a.decision = decisionRef(rd.site, rd.value(r, fDecision))
		if !ok {
			return
		}
		if a.unit != nil {
			k := key{a.kind, a.unit}
			if other, dup := seen[k]; dup {
				rd.errorAt(a.ref, "import-duplicate", a.unit.Name, other)
				return
			}
			seen[k] = a.ref
		}
		out = append(out, a)
	})
	return out
}

// kind finds the award kind of row r: its id, its name, or --award.
func (rd *reader) kind(r int) *model.AwardKind {
	if v := rd.value(r, fAwardID); v != "" {
		if k := rd.site.Award(v); k != nil {
			return k
		}
		var ids []string
		for _, k := range rd.site.Awards {
			ids = append(ids, k.ID)
		}
		rd.errorAt(rd.ref(r, fAwardID), "import-unknown-award", v, rd.didYouMean(quoted(diag.Suggest(v, ids))))
		return nil
	}
	if v := rd.value(r, fAward); v != "" {
		if k := findAward(rd.site, v); k != nil {
			return k
		}
		names, byName := awardNames(rd.site)
		rd.errorAt(rd.ref(r, fAward), "import-unknown-award", v, rd.didYouMean(quoted(byName[diag.Suggest(folded(v), names)])))
		return nil
	}
	if rd.award != nil {
		return rd.award
	}
	rd.errorAt(rd.t.ref(r, 0), "import-no-award", r+1)
	return nil
}

// decisionRef is the id of the decision of data/decisions.yaml that the
// cell names by its id or its number (as the downloads write it, in any
// case), or the cell as it is when no record matches.
func decisionRef(site *model.Site, cell string) string {
	for _, d := range site.Decisions {
		if cell == d.ID || folded(cell) == folded(d.Number) {
			return d.ID
		}
	}
	return cell
}

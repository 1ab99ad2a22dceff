package importer

import (
	"slices"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/internal/vn"
)

// A field is what a column of a sheet holds.
type field string

// The fields a sheet's columns may hold.
const (
	fUnitID   field = "unit_id"
	fUnit     field = "unit"
	fScore    field = "score"
	fRank     field = "rank"
	fRating   field = "rating"
	fRole     field = "role"
	fAwardID  field = "award_id"
	fAward    field = "award"
	fCount    field = "count"
	fStatus   field = "status"
	fDecision field = "decision"
)

// headings are the folded column headings of each field, the first
// preferred where a sheet has two (Tổng điểm over Điểm đạt).
func headings(what string) map[field][]string {
	h := map[field][]string{
		fUnitID: {"ma don vi"},
		fUnit:   {"ten don vi", "don vi", "co quan don vi", "ten co quan don vi", "ten co quan", "co quan", "ten tap the", "tap the"},
	}
	if what == Awards {
		h[fAwardID] = []string{"ma hinh thuc", "ma khen thuong", "ma danh hieu"}
		h[fAward] = []string{"hinh thuc khen thuong", "hinh thuc", "danh hieu thi dua", "danh hieu", "khen thuong", "loai khen thuong"}
		h[fCount] = []string{"so luong", "so don vi"}
		h[fStatus] = []string{"tinh trang", "trang thai"}
		h[fDecision] = []string{"so quyet dinh", "quyet dinh", "so ngay quyet dinh", "so va ngay quyet dinh", "so ky hieu quyet dinh"}
		return h
	}
	h[fScore] = []string{"tong diem", "tong so diem", "diem tong", "diem", "diem dat", "diem cham", "so diem"}
	h[fRank] = []string{"xep hang", "hang", "thu hang", "thu tu xep hang", "vi thu"}
	h[fRating] = []string{"xep loai", "ket qua xep loai", "muc xep loai", "phan loai", "muc do hoan thanh"}
	h[fRole] = []string{"vai tro", "vai tro trong khoi", "chuc danh trong khoi"}
	return h
}

// fields lists the fields of a kind of table, in the order of --map's help.
func fields(what string) []field {
	if what == Awards {
		return []field{fUnitID, fUnit, fAwardID, fAward, fCount, fStatus, fDecision}
	}
	return []field{fUnitID, fUnit, fScore, fRank, fRating, fRole}
}

// words folds s and splits it into words, punctuation dropped:
// "Số, ngày Quyết định" is [so ngay quyet dinh].
func words(s string) []string {
	return strings.FieldsFunc(vn.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// maxHeadingWords is the most words a heading has; a longer cell is a
// title or a note.
const maxHeadingWords = 6

// columns maps each field to a column, -1 when the sheet has none.
type columns map[field]int

func (c columns) has(f field) bool { i, ok := c[f]; return ok && i >= 0 }

// match finds the fields of a header whose cells are given: first the
// headings that are a cell's whole text, then those a cell contains, each
// field's in their order; one column for each field, one field for each
// column.
func match(cells []string, what string) columns {
	h := headings(what)
	cols := columns{}
	used := map[int]bool{}
	cellWords := make([][]string, len(cells))
	for i, c := range cells {
		if w := words(c); len(w) <= maxHeadingWords {
			cellWords[i] = w
		}
	}
	for _, whole := range []bool{true, false} {
		for _, f := range fields(what) {
			if cols.has(f) {
				continue
			}
		aliases:
			for _, alias := range h[f] {
				a := strings.Fields(alias)
				for i, w := range cellWords {
					if !used[i] && len(w) > 0 && ((whole && slices.Equal(w, a)) || (!whole && containsRun(w, a))) {
						cols[f], used[i] = i, true
						break aliases
					}
				}
			}
		}
	}
	return cols
}

// containsRun reports whether the words w hold the words a one after another.
func containsRun(w, a []string) bool {
	for i := 0; i+len(a) <= len(w); i++ {
		if slices.Equal(w[i:i+len(a)], a) {
			return true
		}
	}
	return false
}

// header is where a table's header is and what its columns hold.
type header struct {
	row  int // the last row of the header, 0-based; -1 when there is none
	cols columns
}

// headerSearchRows is how far down a sheet its header is looked for.
const headerSearchRows = 40

// findHeader finds the header of t: the row, or two rows read together
// (a merged "Kết quả" over "Điểm" and "Xếp hạng"), within the first rows,
// whose cells name the most fields, a unit among them. It returns row -1
// when there is none.
func findHeader(t *table, what string) header {
	best := header{row: -1}
	bestN := 0
	for r := 0; r < min(len(t.rows), headerSearchRows); r++ {
		for _, two := range []bool{false, true} {
			cells := slices.Clone(t.rows[r])
			last := r
			if two {
				if r+1 >= len(t.rows) {
					continue
				}
				last = r + 1
				below := t.rows[r+1]
				for len(cells) < len(below) {
					cells = append(cells, "")
				}
				for i, b := range below {
					if b != cells[i] {
						cells[i] = strings.TrimSpace(cells[i] + " " + b)
					}
				}
			}
			// A merged title, or a heading over several columns with
			// nothing under it, names one column, its first.
			for i := len(cells) - 1; i > 0; i-- {
				if cells[i] == cells[i-1] {
					cells[i] = ""
				}
			}
			cols := match(cells, what)
			if !cols.has(fUnit) && !cols.has(fUnitID) {
				continue
			}
			if n := len(cols); n > bestN {
				best, bestN = header{row: last, cols: cols}, n
			}
		}
	}
	return best
}

// parseMap reads --map "unit=B,score=E": each field of what given a
// column letter. It reports false when s is not such a list.
func parseMap(s, what string) (columns, bool) {
	cols := columns{}
	known := fields(what)
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, letter, ok := strings.Cut(part, "=")
		f := field(strings.TrimSpace(name))
		if !ok || !slices.Contains(known, f) {
			return nil, false
		}
		n, err := excelize.ColumnNameToNumber(strings.TrimSpace(letter))
		if err != nil {
			return nil, false
		}
		cols[f] = n - 1
	}
	return cols, len(cols) > 0
}

// fieldNames lists the fields of what for a message.
func fieldNames(what string) string {
	var names []string
	for _, f := range fields(what) {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

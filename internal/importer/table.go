package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/thidua/thidua/internal/vn"
)

// table is one sheet of a workbook, or a CSV file, as text: every value in
// NFC, and every cell of a merged range holding the range's value.
type table struct {
	file  string // as the editor named it, for messages
	sheet string // "" for a CSV file
	rows  [][]string
	// filled marks the cells that hold the value of a merged range they
	// are not the first cell of, by row and column; across, those of a
	// range wider than one column: a section heading, not a value.
	filled, across map[[2]int]bool
}

// cell is the value at row r, column c (0-based), "" outside the table.
func (t *table) cell(r, c int) string {
	if r < 0 || r >= len(t.rows) || c < 0 || c >= len(t.rows[r]) {
		return ""
	}
	return t.rows[r][c]
}

// ref names the cell at row r, column c as a spreadsheet does, with its
// file and sheet: "bang-diem.xlsx:Sheet1!B7", or "bang-diem.csv:B7".
func (t *table) ref(r, c int) string {
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		name = fmt.Sprintf("R%dC%d", r+1, c+1)
	}
	if t.sheet == "" {
		return t.file + ":" + name
	}
	return t.file + ":" + t.sheet + "!" + name
}

// errKind means the file is neither a workbook nor a CSV file.
var errKind = errors.New("not .xlsx or .csv")

// readTables reads the sheets of an .xlsx workbook, or the one table of a
// .csv file, named name (for messages and its extension).
func readTables(name string, src []byte) ([]*table, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm":
		return readWorkbook(name, src)
	case ".csv", ".txt":
		t, err := readCSV(name, src)
		if err != nil {
			return nil, err
		}
		return []*table{t}, nil
	}
	return nil, errKind
}

// readWorkbook reads every sheet of a workbook, numbers as they are stored
// (98.5, not the 98,50 a format shows).
func readWorkbook(name string, src []byte) ([]*table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*table
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		t := &table{file: name, sheet: sheet, filled: map[[2]int]bool{}, across: map[[2]int]bool{}}
		for _, row := range rows {
			for i, c := range row {
				row[i] = vn.NFC(c)
			}
			t.rows = append(t.rows, row)
		}
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			return nil, err
		}
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil {
				continue
			}
			t.fill(r1-1, c1-1, r2-1, c2-1, vn.NFC(m.GetCellValue()))
		}
		out = append(out, t)
	}
	return out, nil
}

// fill gives every cell from (r1, c1) to (r2, c2) the value v.
func (t *table) fill(r1, c1, r2, c2 int, v string) {
	for r := r1; r <= r2; r++ {
		for len(t.rows) <= r {
			t.rows = append(t.rows, nil)
		}
		for len(t.rows[r]) <= c2 {
			t.rows[r] = append(t.rows[r], "")
		}
		for c := c1; c <= c2; c++ {
			t.rows[r][c] = v
			if r != r1 || c != c1 {
				t.filled[[2]int{r, c}] = true
			}
			if c2 > c1 {
				t.across[[2]int{r, c}] = true
			}
		}
	}
}

// readCSV reads a CSV file in UTF-8, with or without a byte order mark, or
// in Windows-1258, as Excel saves "CSV" on a Vietnamese Windows, its tone
// marks combining ones that are composed here. The separator is the one of
// comma, semicolon and tab that gives the most rows of one width.
func readCSV(name string, src []byte) (*table, error) {
	text := decodeText(src)
	sep := separator(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	t := &table{file: name, filled: map[[2]int]bool{}, across: map[[2]int]bool{}}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		t.rows = append(t.rows, rec)
	}
	return t, nil
}

// decodeText returns src as NFC text: UTF-8 when it has a byte order mark
// or is valid UTF-8; UTF-16 (as Excel's "Unicode Text" saves) when
// vn.GuessEncoding sees it; else Windows-1258.
func decodeText(src []byte) string {
	if b, ok := bytes.CutPrefix(src, []byte("\xef\xbb\xbf")); ok {
		return vn.NFC(string(b))
	}
	var dec *encoding.Decoder
	switch enc := vn.GuessEncoding(src); {
	case enc == vn.UTF16LE:
		dec = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
	case enc == vn.UTF16BE:
		dec = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
	case utf8.Valid(src):
		return vn.NFC(string(src))
	default:
		dec = charmap.Windows1258.NewDecoder()
	}
	b, err := dec.Bytes(src)
	if err != nil {
		return vn.NFC(string(src))
	}
	return vn.NFC(string(b))
}

// separator picks the field separator of a CSV text.
func separator(text string) rune {
	best, bestRows := ',', -1
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma = sep
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		widths := map[int]int{}
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) > 1 {
				widths[len(rec)]++
			}
		}
		most := 0
		for _, n := range widths {
			most = max(most, n)
		}
		if most > bestRows {
			best, bestRows = sep, most
		}
	}
	return best
}

package opendata

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// fixedTime is the time written into every workbook, as its creation and
// modification and those of its parts, so that the same tables give the
// same bytes in every build.
func fixedTime() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

// dosDate is fixedTime's day as a zip entry's MS-DOS date: years since
// 1980, month, day; its time of day is 0.
const dosDate = (2000-1980)<<9 | 1<<5 | 1

// dateFormat is how a workbook shows a date.
const dateFormat = "dd/mm/yyyy"

// WriteXLSX writes the tables as a workbook, a sheet each: the headings
// in bold in a frozen first row, the columns as wide as their Columns
// say, numbers as numbers and dates as dates. title is the workbook's
// title in its properties. The bytes depend on the tables and title only.
func WriteXLSX(w io.Writer, title string, tables []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	format := dateFormat
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		if err := writeSheet(f, t, bold, date); err != nil {
			return err
		}
	}
	stamp := fixedTime().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "thidua", Created: stamp, Modified: stamp, Language: "vi-VN"}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	return repack(w, buf.Bytes())
}

// writeSheet writes the table t into its sheet of f.
func writeSheet(f *excelize.File, t Table, bold, date int) error {
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Title
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(t.Name, name, name, c.Width); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(t.Name, "A1", &head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), 1)
	if err := f.SetCellStyle(t.Name, "A1", last, bold); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r+2)
			if err != nil {
				return err
			}
			if err := f.SetCellValue(t.Name, cell, v); err != nil {
				return err
			}
			if _, ok := v.(time.Time); ok {
				if err := f.SetCellStyle(t.Name, cell, cell, date); err != nil {
					return err
				}
			}
		}
	}
	return f.SetPanes(t.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// repack writes the zip archive src again, its entries as they are
// compressed, in a fixed order, [Content_Types].xml first as readers
// expect, each dated fixedTime, so that the archive's bytes depend on its
// contents only.
func repack(w io.Writer, src []byte) error {
	r, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return err
	}
	files := slices.Clone(r.File)
	slices.SortFunc(files, func(a, b *zip.File) int {
		return strings.Compare(entryOrder(a.Name), entryOrder(b.Name))
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		out, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: f.Method, ModifiedDate: dosDate, ModifiedTime: 0,
			CRC32: f.CRC32, CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64})
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// entryOrder sorts [Content_Types].xml first, then the package's
// relationships, then by name.
func entryOrder(name string) string {
	switch name {
	case "[Content_Types].xml":
		return "0"
	case "_rels/.rels":
		return "1"
	}
	return "2" + name
}

// writeTableCSV writes a table as a CSV file with its Vietnamese headings:
// numbers with a decimal point, dates as 2006-01-02.
func writeTableCSV(w io.Writer, t Table) error {
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Title
	}
	rows := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		cells := make([]string, len(row))
		for j, v := range row {
			cells[j] = cellText(v)
		}
		rows[i] = cells
	}
	return WriteCSV(w, head, rows)
}

// cellText is a cell of a table as CSV writes it.
func cellText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		return v.Format(time.DateOnly)
	}
	return ""
}

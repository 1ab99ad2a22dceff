package opendata

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// fixedTime is the time written into every workbook, as its creation and
// modification and those of its parts, so that the same tables give the
// same bytes in every build.
func fixedTime() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

// dateFormat is how a workbook shows a date.
const dateFormat = "dd/mm/yyyy"

// WriteXLSX writes the tables as a workbook, a sheet each: the headings
// in bold in a frozen first row, the columns as wide as their Columns
// say, numbers as numbers and dates as dates. title is the workbook's
// title in its properties. The bytes depend on the tables and title only.
func WriteXLSX(w io.Writer, title string, tables []Table) error {
	return writeWorkbook(w, title, tables, &flates{})
}

// flates lends out flate writers, so that the workbooks of one run do not
// each allocate their own (hundreds of kilobytes). It is safe for
// concurrent use.
type flates struct{ pool sync.Pool }

func (fl *flates) get(out io.Writer) (*flate.Writer, error) {
	if w, ok := fl.pool.Get().(*flate.Writer); ok {
		w.Reset(out)
		return w, nil
	}
	return flate.NewWriter(out, flate.BestSpeed)
}

func (fl *flates) put(w *flate.Writer) { fl.pool.Put(w) }

// writeWorkbook is WriteXLSX with the flate writers of fl.
func writeWorkbook(w io.Writer, title string, tables []Table, fl *flates) error {
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
	parts := &zipParts{parts: map[string]*bytes.Buffer{}}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return parts }
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	return parts.write(w, fl)
}

// xlsxBytes is the workbook WriteXLSX writes.
func xlsxBytes(title string, tables []Table, fl *flates) ([]byte, error) {
	var b bytes.Buffer
	err := writeWorkbook(&b, title, tables, fl)
	return b.Bytes(), err
}

// writeSheet writes the table t into its sheet of f, streaming its rows:
// a site's table of members has tens of thousands.
func writeSheet(f *excelize.File, t Table, bold, date int) error {
	sw, err := f.NewStreamWriter(t.Name)
	if err != nil {
		return err
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: bold, Value: c.Title}
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	cells := make([]any, len(t.Columns))
	for r, row := range t.Rows {
		for c, v := range row {
			if d, ok := v.(time.Time); ok {
				cells[c] = excelize.Cell{StyleID: date, Value: d}
			} else {
				cells[c] = v
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells[:len(row)]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// zipParts collects the parts of a workbook as excelize writes them, to
// be zipped by write.
type zipParts struct {
	parts map[string]*bytes.Buffer
}

func (z *zipParts) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *zipParts) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err == nil {
			z.parts[name] = bytes.NewBuffer(b)
		}
		return err
	})
}

func (z *zipParts) Close() error { return nil }

// write zips the parts in a fixed order, [Content_Types].xml first as
// readers expect, each dated fixedTime and compressed fast, so that the
// archive's bytes depend on its contents only.
func (z *zipParts) write(w io.Writer, fl *flates) error {
	names := slices.Collect(maps.Keys(z.parts))
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(entryOrder(a), entryOrder(b)) })
	zw := zip.NewWriter(w)
	var fw *flate.Writer
	defer func() {
		if fw != nil {
			fl.put(fw)
		}
	}()
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = fl.get(out)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	for _, name := range names {
		out, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime()})
		if err != nil {
			return err
		}
		if _, err := out.Write(z.parts[name].Bytes()); err != nil {
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

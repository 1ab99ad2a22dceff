package opendata

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash"
	"hash/crc32"
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
	parts := &zipParts{fl: fl, parts: map[string]*zipPart{}}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return parts }
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	return parts.write(w)
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

// zipParts collects the parts of a workbook as excelize writes them, one
// after the other, each compressed as it comes (a site's sheet of members
// is tens of megabytes of XML), to be zipped by write.
type zipParts struct {
	fl    *flates
	parts map[string]*zipPart
	open  *zipPart // being written
	fw    *flate.Writer
}

// zipPart is one part, compressed.
type zipPart struct {
	name string
	data bytes.Buffer
	crc  hash.Hash32
	size uint64
	z    *zipParts
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p.z.open != p {
		return 0, fmt.Errorf("opendata: part %s written after the next began", p.name)
	}
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.z.fw.Write(b)
}

func (z *zipParts) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE(), z: z}
	if z.fw == nil {
		fw, err := z.fl.get(&p.data)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	z.parts[name], z.open = p, p
	return p, nil
}

// finish ends the part being written.
func (z *zipParts) finish() error {
	if z.open == nil {
		return nil
	}
	z.open = nil
	return z.fw.Close()
}

func (z *zipParts) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write(b)
		}
		return err
	})
}

func (z *zipParts) Close() error { return z.finish() }

// write zips the parts in a fixed order, [Content_Types].xml first as
// readers expect, each dated fixedTime, so that the archive's bytes depend
// on its contents only.
func (z *zipParts) write(w io.Writer) error {
	if err := z.finish(); err != nil {
		return err
	}
	if z.fw != nil {
		z.fl.put(z.fw)
		z.fw = nil
	}
	names := slices.Collect(maps.Keys(z.parts))
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(entryOrder(a), entryOrder(b)) })
	zw := zip.NewWriter(w)
	for _, name := range names {
		p := z.parts[name]
		out, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, ModifiedDate: dosDate,
			CRC32: p.crc.Sum32(), CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := out.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// dosDate is fixedTime's day as a zip entry's MS-DOS date: years since
// 1980, month, day; its time of day is 0.
const dosDate = (2000-1980)<<9 | 1<<5 | 1

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

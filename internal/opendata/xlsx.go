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
	return writeWorkbook(w, title, tables, &kit{})
}

// The parts of the kit's empty workbook that each workbook is given as
// bytes, written as they are, rather than parsed into excelize's model when
// it is opened and written from that model again: parsing them took a
// third of a small workbook's time.
const (
	themePart  = "xl/theme/theme1.xml"
	stylesPart = "xl/styles.xml"
)

// A kit is what the workbooks of one run are made with. It lends out flate
// writers, so that the workbooks do not each allocate their own (hundreds
// of kilobytes); it starts each workbook from the same empty one, made
// once with the styles; and it keeps the small parts that every workbook
// has alike compressed. It is safe for concurrent use.
type kit struct {
	pool sync.Pool // of *flate.Writer

	once sync.Once
	err  error // of making the empty workbook
	// base is the empty workbook, stored uncompressed, without its theme
	// and styles; theme and styles are those parts as excelize writes them.
	base, theme, styles []byte
	bold, date          int // the styles of headings and of dates

	mu sync.Mutex
	// parts are small parts of the workbooks made so far, by name: the
	// last bytes met under each and those bytes compressed.
	parts map[string]keptPart
}

// keptPart is a part of a workbook, as written and compressed.
type keptPart struct{ raw, data []byte }

// compressed returns the compressed bytes of the part name holding raw,
// when the kit has them.
func (k *kit) compressed(name string, raw []byte) ([]byte, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	p, ok := k.parts[name]
	if !ok || !bytes.Equal(p.raw, raw) {
		return nil, false
	}
	return p.data, true
}

// keep keeps the part name holding raw, compressed as data, in place of
// the one of that name it kept before.
func (k *kit) keep(name string, raw, data []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.parts == nil {
		k.parts = map[string]keptPart{}
	}
	k.parts[name] = keptPart{bytes.Clone(raw), bytes.Clone(data)}
}

func (k *kit) get(out io.Writer) (*flate.Writer, error) {
	if w, ok := k.pool.Get().(*flate.Writer); ok {
		w.Reset(out)
		return w, nil
	}
	return flate.NewWriter(out, flate.BestSpeed)
}

func (k *kit) put(w *flate.Writer) { k.pool.Put(w) }

// newFile returns an empty workbook with the kit's styles, its one sheet
// named Sheet1.
func (k *kit) newFile() (*excelize.File, error) {
	k.once.Do(func() { k.err = k.makeEmpty() })
	if k.err != nil {
		return nil, k.err
	}
	f, err := excelize.OpenReader(bytes.NewReader(k.base))
	if err != nil {
		return nil, err
	}
	// Opening found no theme and no styles, and made empty ones: without
	// them excelize writes the bytes it holds, and reads them should it
	// need them.
	f.Theme, f.Styles = nil, nil
	f.Pkg.Store(themePart, k.theme)
	f.Pkg.Store(stylesPart, k.styles)
	return f, nil
}

// makeEmpty makes the kit's empty workbook with excelize.NewFile and the
// styles of headings and dates, and keeps it apart from its theme and
// styles.
func (k *kit) makeEmpty() error {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	if k.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	format := dateFormat
	if k.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
		return err
	}
	var whole, base bytes.Buffer
	if err := f.Write(&whole); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(whole.Bytes()), int64(whole.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(&base)
	for _, part := range zr.File {
		b, err := readPart(part)
		if err != nil {
			return err
		}
		switch part.Name {
		case themePart:
			k.theme = b
		case stylesPart:
			k.styles = b
		default:
			w, err := zw.CreateHeader(&zip.FileHeader{Name: part.Name, Method: zip.Store})
			if err == nil {
				_, err = w.Write(b)
			}
			if err != nil {
				return err
			}
		}
	}
	if k.theme == nil || k.styles == nil {
		return fmt.Errorf("opendata: excelize wrote no %s or no %s", themePart, stylesPart)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	k.base = base.Bytes()
	return nil
}

// readPart returns the bytes of a part of a zip archive.
func readPart(part *zip.File) ([]byte, error) {
	r, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// writeWorkbook is WriteXLSX with the kit k.
func writeWorkbook(w io.Writer, title string, tables []Table, k *kit) error {
	f, err := k.newFile()
	if err != nil {
		return err
	}
	defer f.Close()
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		if err := writeSheet(f, t, k.bold, k.date); err != nil {
			return err
		}
	}
	stamp := fixedTime().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "thidua", Created: stamp, Modified: stamp, Language: "vi-VN"}); err != nil {
		return err
	}
	parts := &zipParts{kit: k, parts: map[string]*zipPart{}}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return parts }
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	return parts.write(w)
}

// xlsxBytes is the workbook WriteXLSX writes.
func xlsxBytes(title string, tables []Table, k *kit) ([]byte, error) {
	var b bytes.Buffer
	err := writeWorkbook(&b, title, tables, k)
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
	}
	// The stream writer puts each column's width before those set earlier;
	// Excel saves them in the columns' order, and is strict about the order
	// of what a sheet holds: the last is set first.
	for i := len(t.Columns) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, t.Columns[i].Width); err != nil {
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
// after the other, to be zipped by write. A small part is kept whole until
// it ends, then compressed, or taken compressed from the kit when an
// earlier workbook had the same (styles, theme, relationships: most parts
// of a workbook are the same in every one); a large one is compressed as
// it comes (a site's sheet of members is tens of megabytes of XML).
type zipParts struct {
	kit   *kit
	parts map[string]*zipPart
	open  *zipPart     // being written
	raw   bytes.Buffer // its bytes, while it is small
	// streaming is whether the open part is being compressed as it comes.
	streaming bool
	crc       hash.Hash32 // of the open part
	fw        *flate.Writer
}

// smallPart is the size up to which a part is kept whole before it is
// compressed.
const smallPart = 64 << 10

// zipPart is one part, compressed.
type zipPart struct {
	name string
	data bytes.Buffer
	crc  uint32
	size uint64
	z    *zipParts
}

func (p *zipPart) Write(b []byte) (int, error) {
	z := p.z
	if z.open != p {
		return 0, fmt.Errorf("opendata: part %s written after the next began", p.name)
	}
	z.crc.Write(b)
	p.size += uint64(len(b))
	if !z.streaming {
		if z.raw.Len()+len(b) <= smallPart {
			return z.raw.Write(b)
		}
		if err := z.stream(p); err != nil {
			return 0, err
		}
	}
	return z.fw.Write(b)
}

// stream starts compressing the open part p into its data: the bytes
// kept so far, then those still to come.
func (z *zipParts) stream(p *zipPart) error {
	if z.fw == nil {
		fw, err := z.kit.get(&p.data)
		if err != nil {
			return err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	z.streaming = true
	_, err := z.fw.Write(z.raw.Bytes())
	return err
}

func (z *zipParts) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if z.crc == nil {
		z.crc = crc32.NewIEEE()
	}
	p := &zipPart{name: name, z: z}
	z.parts[name], z.open = p, p
	z.crc.Reset()
	z.raw.Reset()
	z.streaming = false
	return p, nil
}

// finish ends the part being written.
func (z *zipParts) finish() error {
	p := z.open
	if p == nil {
		return nil
	}
	z.open = nil
	p.crc = z.crc.Sum32()
	small := !z.streaming
	if small {
		if data, ok := z.kit.compressed(p.name, z.raw.Bytes()); ok {
			p.data.Write(data)
			return nil
		}
		if err := z.stream(p); err != nil {
			return err
		}
	}
	if err := z.fw.Close(); err != nil {
		return err
	}
	if small {
		z.kit.keep(p.name, z.raw.Bytes(), p.data.Bytes())
	}
	return nil
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
		z.kit.put(z.fw)
		z.fw = nil
	}
	names := slices.Collect(maps.Keys(z.parts))
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(entryOrder(a), entryOrder(b)) })
	zw := zip.NewWriter(w)
	for _, name := range names {
		p := z.parts[name]
		out, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, ModifiedDate: dosDate,
			CRC32: p.crc, CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size})
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

package opendata

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"

	"github.com/thidua/thidua/internal/model"
)

// siteTables are the tables of the site's three workbooks.
func siteTables(site *model.Site) []Table {
	return []Table{siteTable(site, MembersSheet), siteTable(site, AwardsSheet), siteTable(site, YearsSheet)}
}

func xlsxOf(t *testing.T, title string, tables []Table) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, title, tables); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestXLSXIsDeterministic: the same tables give the same bytes, the zip's
// entries and the document's properties dated fixedTime, whenever and
// however often they are written.
func TestXLSXIsDeterministic(t *testing.T) {
	site := trickySite()
	first := xlsxOf(t, site.Config.Title, siteTables(site))
	for range 5 {
		time.Sleep(time.Millisecond * 1100 / 5)
		if again := xlsxOf(t, site.Config.Title, siteTables(site)); !bytes.Equal(first, again) {
			t.Fatal("two writes of the same workbook differ")
		}
	}
	z, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	if z.File[0].Name != "[Content_Types].xml" {
		t.Errorf("the first entry is %s", z.File[0].Name)
	}
	for _, f := range z.File {
		if !f.Modified.Equal(fixedTime()) {
			t.Errorf("%s is dated %v", f.Name, f.Modified)
		}
		if f.Name == "docProps/core.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if strings.Count(string(b), "2000-01-01T00:00:00Z") != 2 {
				t.Errorf("core.xml is not dated 2000-01-01: %s", b)
			}
		}
	}
}

// TestXLSXShape: Vietnamese headings in a bold frozen first row, columns
// of the widths given, numbers as numbers, dates as dates, empty cells
// empty, text that looks like a formula as text.
func TestXLSXShape(t *testing.T) {
	site := trickySite()
	f, err := excelize.OpenReader(bytes.NewReader(xlsxOf(t, "T", siteTables(site))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "Thành viên|Khen thưởng|Khối trưởng" {
		t.Fatalf("sheets %q", got)
	}
	for _, table := range siteTables(site) {
		rows, err := f.GetRows(table.Name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range table.Columns {
			if rows[0][i] != c.Title {
				t.Errorf("%s: heading %d is %q, want %q", table.Name, i, rows[0][i], c.Title)
			}
			col, _ := excelize.ColumnNumberToName(i + 1)
			if w, _ := f.GetColWidth(table.Name, col); w != c.Width {
				t.Errorf("%s: column %s is %v wide, want %v", table.Name, col, w, c.Width)
			}
		}
		panes, err := f.GetPanes(table.Name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v %v", table.Name, panes, err)
		}
		if len(rows)-1 != len(table.Rows) {
			t.Fatalf("%s: %d rows, want %d", table.Name, len(rows)-1, len(table.Rows))
		}
		for r, row := range table.Rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
				typ, _ := f.GetCellType(table.Name, cell)
				shown, _ := f.GetCellValue(table.Name, cell)
				switch v := v.(type) {
				case nil:
					if shown != "" {
						t.Errorf("%s!%s is %q, want empty", table.Name, cell, shown)
					}
				case string:
					if shown != v || typ == excelize.CellTypeFormula {
						t.Errorf("%s!%s is %q (%v), want the text %q", table.Name, cell, shown, typ, v)
					}
					if formula, _ := f.GetCellFormula(table.Name, cell); formula != "" {
						t.Errorf("%s!%s is a formula %q", table.Name, cell, formula)
					}
				case int, float64:
					if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
						t.Errorf("%s!%s is of type %v, want a number", table.Name, cell, typ)
					}
					if raw := rows[r+1][c]; raw != cellText(v) {
						t.Errorf("%s!%s holds %q, want %s", table.Name, cell, raw, cellText(v))
					}
				case time.Time:
					if want := v.Format("02/01/2006"); shown != want {
						t.Errorf("%s!%s shows %q, want the date %s", table.Name, cell, shown, want)
					}
				}
			}
		}
	}
}

// TestXLSXColumnsInOrder: each sheet's widths are given column by column
// in the columns' order, as Excel wants them and excelize writes them
// outside its stream writer.
func TestXLSXColumnsInOrder(t *testing.T) {
	site := trickySite()
	b := xlsxOf(t, "T", siteTables(site))
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	colMin := regexp.MustCompile(`<col min="(\d+)" max="(\d+)"`)
	sheets := 0
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		rc, _ := f.Open()
		xml, _ := io.ReadAll(rc)
		rc.Close()
		cols := colMin.FindAllStringSubmatch(string(xml), -1)
		if len(cols) < 2 {
			t.Errorf("%s sets %d column widths", f.Name, len(cols))
		}
		for i, c := range cols {
			if want := strconv.Itoa(i + 1); c[1] != want || c[2] != want {
				t.Errorf("%s: width %d is of columns %s to %s, want %s", f.Name, i+1, c[1], c[2], want)
			}
		}
	}
	if sheets != 3 {
		t.Errorf("%d sheets", sheets)
	}
}

// TestOneKitManyWorkbooks: workbooks of other titles, sheets and sizes
// (one with a sheet too large to be kept whole), made through one kit from
// several goroutines in turn, are each what a kit of their own makes, with
// the theme and the styles that excelize writes.
func TestOneKitManyWorkbooks(t *testing.T) {
	site := trickySite()
	all := siteTables(site)
	big := MembersTable(nil)
	for i := range 3000 {
		big.Rows = append(big.Rows, []any{"khoi-" + strconv.Itoa(i%7), "Khối thi đua số " + strconv.Itoa(i%7), 2000 + i%25, "don-vi-" + strconv.Itoa(i), "Đơn vị " + strconv.Itoa(i), i%12 + 1, 90.5, "Hoàn thành tốt nhiệm vụ", "Thành viên"})
	}
	if n := partSize(t, xlsxOf(t, "big", []Table{big}), "xl/worksheets/sheet1.xml"); n <= smallPart {
		t.Fatalf("the large sheet has %d bytes, not more than smallPart", n)
	}
	kinds := []struct {
		title  string
		tables []Table
	}{
		{site.Config.Title, all},
		{"Khối 1", all[:1]},
		{"Khối 2", all[1:2]},
		{"Năm 2024", all[2:]},
		{"Thành viên", []Table{big}},
		{"Khối 1", all[:2]},
	}
	want := make([][]byte, len(kinds))
	for i, k := range kinds {
		want[i] = xlsxOf(t, k.title, k.tables)
	}
	var k kit
	var g errgroup.Group
	for w := range 4 {
		g.Go(func() error {
			for n := range 3 * len(kinds) {
				i := (n + w) % len(kinds)
				got, err := xlsxBytes(kinds[i].title, kinds[i].tables, &k)
				if err != nil {
					return err
				}
				if !bytes.Equal(got, want[i]) {
					return fmt.Errorf("workbook %d (%s), made after %d others through the same kit, differs from one made alone", i, kinds[i].title, n)
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(want[0]), int64(len(want[0])))
	if err != nil {
		t.Fatal(err)
	}
	for name, root := range map[string]string{themePart: "<a:theme", stylesPart: "<styleSheet"} {
		b, err := fs.ReadFile(z, name)
		if err != nil {
			t.Fatalf("the workbook has no %s: %v", name, err)
		}
		if !bytes.Contains(b, []byte(root)) {
			t.Errorf("%s has no %s: %.200s", name, root, b)
		}
	}
}

// partSize is the size of the part name of the workbook xlsx.
func partSize(t *testing.T, xlsx []byte, name string) uint64 {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			return f.UncompressedSize64
		}
	}
	t.Fatalf("the workbook has no %s", name)
	return 0
}

// TestWorkbooksMakeOnlyWhatChanged: with a cache, a second run makes no
// workbook, and after a score changes only the four that show it (its
// bloc year's, its bloc's, its unit's and the site's); every file is what
// a run without the cache writes.
func TestWorkbooksMakeOnlyWhatChanged(t *testing.T) {
	site := loadedSite(t)
	x := Extra{Workbooks: NewWorkbooks()}
	same := func(step string, got map[string][]byte) {
		t.Helper()
		want := writeAll(t, site)
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("%s: %s differs from a run without the cache", step, name)
			}
		}
	}
	same("first", writeWith(t, x, site))
	all := x.Workbooks.Made()
	if all != 3+len(sets(site)) {
		t.Errorf("first run made %d workbooks, want %d", all, 3+len(sets(site)))
	}
	same("again", writeWith(t, x, site))
	if made := x.Workbooks.Made() - all; made != 0 {
		t.Errorf("an unchanged site made %d workbooks again", made)
	}
	score := 91.0
	site.Blocs[0].Years[1].Members[1].Score = &score
	same("score", writeWith(t, x, site))
	if made := x.Workbooks.Made() - all; made != 4 {
		t.Errorf("a new score made %d workbooks, want 4", made)
	}
}

// BenchmarkWorkbook makes the workbook of a bloc year, as a build does
// for each: a site of 1,000 articles has about 240 of them.
func BenchmarkWorkbook(b *testing.B) {
	site := trickySite()
	tables := siteTables(site)
	k := &kit{}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xlsxBytes(site.Config.Title, tables, k); err != nil {
			b.Fatal(err)
		}
	}
}

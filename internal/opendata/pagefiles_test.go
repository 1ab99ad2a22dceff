package opendata

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// TestPageDownloads: every bloc, bloc year, unit and award kind page links
// a workbook and a CSV file of each of its tables, which the extra writes:
// the workbook's sheets and the CSV files' headers are the tables'
// Vietnamese headings, their rows the page's facts.
func TestPageDownloads(t *testing.T) {
	each(t, "pages", func(t *testing.T, site *model.Site) {
		files := writeAll(t, site)
		linked := 0
		for _, p := range pages.Plan(site, func(k string) string { return k }) {
			ds := PageFiles(p)
			want := map[pages.Kind]bool{"bloc": true, "blocyear": true, "unit": true, "award": true}[p.Kind]
			if (len(ds) > 0) != want {
				t.Errorf("%s page %s links %d downloads", p.Kind, p.Path, len(ds))
			}
			if len(ds) == 0 {
				continue
			}
			linked++
			if ds[0].Format != "XLSX" || !strings.HasPrefix(ds[0].Path, pages.DataPath) {
				t.Errorf("%s: first download %+v", p.Path, ds[0])
			}
			wb, err := excelize.OpenReader(bytes.NewReader(files[ds[0].Path]))
			if err != nil {
				t.Fatalf("%s: %v", ds[0].Path, err)
			}
			sheets := wb.GetSheetList()
			for i, d := range ds[1:] {
				if d.Format != "CSV" || sheets[i] != d.Title {
					t.Errorf("%s: CSV %+v beside sheet %s", p.Path, d, sheets[i])
				}
				cols := columnsOf(d.Title)
				var head []string
				for _, c := range cols {
					head = append(head, c.Title)
				}
				csvRows := readCSV(t, files[d.Path], head)
				xlsxRows, _ := wb.GetRows(sheets[i])
				if len(csvRows) != len(xlsxRows)-1 || !slices.Equal(xlsxRows[0], head) {
					t.Errorf("%s: %d CSV rows, %d in the sheet; heading %q", d.Path, len(csvRows), len(xlsxRows)-1, xlsxRows[0])
				}
				if p.Kind == "blocyear" && d.Title == MembersSheet && len(csvRows) != len(p.BlocYear.Members) {
					t.Errorf("%s: %d rows, %d members", d.Path, len(csvRows), len(p.BlocYear.Members))
				}
			}
			wb.Close()
		}
		if linked == 0 {
			t.Error("no page links downloads")
		}
	})
}

// TestDataPackage: datapackage.json describes every other download, each
// CSV file by the columns of its header, each sheet of a workbook by its
// own, with a type, a Vietnamese title and a description each; the
// licence is site.yaml's.
func TestDataPackage(t *testing.T) {
	each(t, "package", func(t *testing.T, site *model.Site) {
		files := writeAll(t, site)
		raw := files[PackageJSON]
		if again := writeAll(t, site)[PackageJSON]; !bytes.Equal(raw, again) {
			t.Error("two writes of datapackage.json differ")
		}
		var p Package
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if p.Profile != "data-package" || len(p.Licenses) != 1 || p.Licenses[0].Name != "CC-BY-4.0" || p.Name == "" {
			t.Errorf("package %+v", p)
		}
		described := map[string]bool{}
		names := map[string]bool{}
		for _, r := range p.Resources {
			if names[r.Name] {
				t.Errorf("two resources named %s", r.Name)
			}
			names[r.Name] = true
			path := pages.DataPath + r.Path
			described[path] = true
			b, ok := files[path]
			if !ok {
				t.Errorf("resource %s: no file %s", r.Name, path)
				continue
			}
			if r.Schema == nil {
				continue
			}
			var sc Schema
			raw, _ := json.Marshal(r.Schema)
			if ref, ok := r.Schema.(string); ok {
				raw = files[pages.DataPath+ref]
				described[pages.DataPath+ref] = true
			}
			if err := json.Unmarshal(raw, &sc); err != nil || len(sc.Fields) == 0 {
				t.Fatalf("%s: schema %s: %v", r.Name, raw, err)
			}
			for _, f := range sc.Fields {
				if f.Name == "" || f.Title == "" || f.Description == "" || !slices.Contains([]string{"string", "integer", "number", "date"}, f.Type) {
					t.Errorf("%s: field %+v", r.Name, f)
				}
			}
			var header []string
			for _, f := range sc.Fields {
				header = append(header, f.Name)
			}
			switch r.Format {
			case "csv":
				readCSV(t, b, header)
			case "xlsx":
				wb, err := excelize.OpenReader(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				rows, err := wb.GetRows(r.Dialect.SheetName)
				if err != nil || !slices.Equal(rows[0], header) {
					t.Errorf("%s: sheet %s heads %q, want %q (%v)", r.Name, r.Dialect.SheetName, rows, header, err)
				}
				wb.Close()
			}
		}
		for path := range files {
			if path != PackageJSON && !described[path] {
				t.Errorf("datapackage.json does not describe %s", path)
			}
		}
	})
}

func TestDataPackageLicenseAndDate(t *testing.T) {
	site := trickySite()
	site.Config.DataLicenseID = "ODbL-1.0"
	site.Blocs[0].Years[1].Updated = time.Date(2025, 2, 3, 10, 0, 0, 0, time.UTC)
	site.Units[0].Updated = time.Date(2025, 1, 3, 10, 0, 0, 0, time.UTC)
	p := NewPackage(site, sets(site))
	if p.Licenses[0].Name != "ODbL-1.0" || !strings.Contains(p.Licenses[0].Path, "odbl") || p.Created != "2025-02-03T10:00:00Z" {
		t.Errorf("licences %+v, created %s", p.Licenses, p.Created)
	}
	site.Blocs[0].Years[1].Updated = time.Time{}
	site.Units[0].Updated = time.Time{}
	if p := NewPackage(site, sets(site)); p.Created != "" {
		t.Errorf("created %q without dates", p.Created)
	}
}

// TestNoPersonalData: an article's author is a person, and no download
// names one.
func TestNoPersonalData(t *testing.T) {
	site := trickySite()
	site.Articles[0].Author = "Nguyễn Văn Tác Giả"
	for name, b := range writeAll(t, site) {
		if bytes.Contains(b, []byte("Tác Giả")) || bytes.Contains(b, []byte("author")) {
			t.Errorf("%s names the author", name)
		}
	}
}

package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/opendata"
	"github.com/thidua/thidua/internal/pages"
)

// exported is what the site in dir gives for download: path → bytes.
func exported(t *testing.T, dir string) (*model.Site, map[string][]byte) {
	t.Helper()
	site, diags := load.Site(os.DirFS(dir), load.Options{})
	if diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	files := map[string][]byte{}
	var mu sync.Mutex
	err := opendata.Extra{}.Write(site, nil, func(name string) (io.WriteCloser, error) {
		return &sink{put: func(b []byte) { mu.Lock(); files[name] = b; mu.Unlock() }}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return site, files
}

type sink struct {
	bytes.Buffer
	put func([]byte)
}

func (s *sink) Close() error { s.put(s.Bytes()); return nil }

// TestImportTheSitesOwnDownloads: each bloc year's workbook and CSV files,
// as the site exports them, import into the same year files unchanged.
func TestImportTheSitesOwnDownloads(t *testing.T) {
	dir := testSite(t, nil)
	site, files := exported(t, dir)
	checked := 0
	for _, b := range site.Blocs {
		for _, y := range b.Years {
			p := &pages.Page{Kind: "blocyear", BlocYear: y}
			ds := opendata.PageFiles(p)
			for _, c := range []struct {
				file, what string
			}{{ds[0].Path, Members}, {ds[0].Path, Awards}, {ds[1].Path, Members}, {ds[2].Path, Awards}} {
				if c.what == Awards && len(y.Awards) == 0 {
					continue
				}
				res := Import(os.DirFS(dir), files[c.file], Options{File: filepath.Base(c.file), Bloc: b.ID, Year: y.Year, What: c.what})
				if !res.OK() || res.Changed != 0 || !bytes.Equal(res.New, res.Old) {
					t.Errorf("%s %s into %s: %d changed\n%s\n%s", c.file, c.what, y.Path, res.Changed, diagnostics(res), res.Diff())
				}
				checked++
			}
		}
	}
	if checked < 6 {
		t.Errorf("only %d imports", checked)
	}
}

// TestImportRestoresResults: a year file of bare member ids, given the
// workbook the site exported before, holds the same results again.
func TestImportRestoresResults(t *testing.T) {
	dir := testSite(t, nil)
	site, files := exported(t, dir)
	y := site.Bloc("khoi-a").Year(2024)
	bare := "members:\n"
	for _, m := range y.Members {
		bare += "  - " + m.Unit.ID + "\n"
	}
	bare += "leader: " + y.Members[len(y.Members)-1].Unit.ID + "\n"
	if err := os.WriteFile(filepath.Join(dir, y.Path), []byte(bare), 0o644); err != nil {
		t.Fatal(err)
	}
	xlsx := files[opendata.PageFiles(&pages.Page{Kind: "blocyear", BlocYear: y})[0].Path]
	res := Import(os.DirFS(dir), xlsx, Options{File: "khoi-a-2024.xlsx", Bloc: "khoi-a", Year: 2024, What: Members})
	if !res.OK() {
		t.Fatal(diagnostics(res))
	}
	mustLoad(t, dir, res)
	again, _ := load.Site(os.DirFS(dir), load.Options{})
	got := again.Bloc("khoi-a").Year(2024)
	if len(got.Members) != len(y.Members) || got.Leader.ID != y.Leader.ID || len(got.Deputies) != len(y.Deputies) {
		t.Fatalf("got\n%s", res.New)
	}
	for i, m := range y.Members {
		g := got.Members[i]
		if g.Unit.ID != m.Unit.ID || g.Rank != m.Rank || g.Rating != m.Rating || g.Role != m.Role || fmtScore(g.Score) != fmtScore(m.Score) {
			t.Errorf("member %d: %+v, want %+v", i, *g, *m)
		}
	}
}

func fmtScore(s *float64) string {
	if s == nil {
		return "none"
	}
	return strconv.FormatFloat(*s, 'f', -1, 64)
}

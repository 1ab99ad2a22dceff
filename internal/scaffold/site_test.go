package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/thidua/thidua/internal/load"
)

// siteFS holds the files of a new site.
func siteFS(t *testing.T, o SiteOptions) fstest.MapFS {
	t.Helper()
	files, err := Site(o)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		if _, ok := fsys[f.Path]; ok {
			t.Errorf("%s composed twice", f.Path)
		}
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// A new site loads with no error and no warning, with its province, a
// bloc with this year's members and leader, and a published article.
func TestSite(t *testing.T) {
	// 20:00 UTC on 31 December 2026 is already 2027 in Vietnam.
	fsys := siteFS(t, SiteOptions{Province: " Bình  Thuận ", Today: time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC), Docs: "https://docs.example/"})
	site, diags := load.Site(fsys, load.Options{})
	if diags.Len() != 0 {
		t.Fatalf("the new site has diagnostics: %v", diags.Items())
	}
	if site.Config.Title != "Thi đua – Khen thưởng tỉnh Bình Thuận" || site.Config.Province != "Bình Thuận" {
		t.Errorf("title %q, province %q", site.Config.Title, site.Config.Province)
	}
	if len(site.Blocs) != 1 || len(site.Blocs[0].Years) != 1 || site.Blocs[0].Years[0].Year != 2027 ||
		len(site.Blocs[0].Years[0].Members) != 2 || site.Blocs[0].Years[0].Leader == nil {
		t.Fatalf("blocs %+v", site.Blocs)
	}
	if len(site.Articles) != 1 || site.Articles[0].Draft || site.Articles[0].Year != 2027 {
		t.Errorf("articles %+v", site.Articles)
	}
	for _, p := range []string{".gitignore", "README.md", "data/blocs/khoi-1/2027.yaml", "content/news/2027/ra-mat-trang-thi-dua-khen-thuong-tinh-binh-thuan.md"} {
		if _, ok := fsys[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	ignore := string(fsys[".gitignore"].Data)
	for _, line := range []string{"/public\n", "/.public.thidua/\n", ".public.thidua-*\n"} {
		if !strings.Contains(ignore, line) {
			t.Errorf(".gitignore lacks %q:\n%s", line, ignore)
		}
	}
	readme := string(fsys["README.md"].Data)
	for _, part := range []string{"# Thi đua – Khen thưởng tỉnh Bình Thuận\n", "thidua check --strict", "thidua serve", "thidua build",
		"thidua new year khoi-1 2028", "https://docs.example/editing.md", "data/blocs/khoi-1/2027.yaml"} {
		if !strings.Contains(readme, part) {
			t.Errorf("README.md lacks %q", part)
		}
	}
}

func TestSiteProvinceKinds(t *testing.T) {
	today := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ given, title, province string }{
		{"Bình Thuận", "Thi đua – Khen thưởng tỉnh Bình Thuận", "Bình Thuận"},
		{"tỉnh Lâm Đồng", "Thi đua – Khen thưởng tỉnh Lâm Đồng", "Lâm Đồng"},
		{"Thành phố Huế", "Thi đua – Khen thưởng thành phố Huế", "Huế"},
		{"Khánh Hòa: \"mẫu\" #1", "Thi đua – Khen thưởng tỉnh Khánh Hòa: \"mẫu\" #1", "Khánh Hòa: \"mẫu\" #1"},
		{"Ca\u0300 Mau", "Thi đua – Khen thưởng tỉnh Cà Mau", "Cà Mau"}, // NFD as typed on a Mac
	} {
		site, diags := load.Site(siteFS(t, SiteOptions{Province: tc.given, Today: today}), load.Options{})
		if diags.Len() != 0 {
			t.Errorf("%q: %v", tc.given, diags.Items())
			continue
		}
		if site.Config.Title != tc.title || site.Config.Province != tc.province {
			t.Errorf("%q: title %q, province %q; want %q, %q", tc.given, site.Config.Title, site.Config.Province, tc.title, tc.province)
		}
	}
	for _, bad := range []string{"", "  ", "tỉnh ", "Bình\nThuận"} {
		if _, err := Site(SiteOptions{Province: bad, Today: today}); err == nil {
			t.Errorf("province %q accepted", bad)
		}
	}
}

func TestCheckEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := CheckEmpty(dir); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
	if err := CheckEmpty(filepath.Join(dir, "new")); err != nil {
		t.Errorf("a folder not there yet: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckEmpty(dir); err == nil || !strings.Contains(err.Error(), "not empty (it holds notes.txt)") {
		t.Errorf("a folder with a file: %v", err)
	}
	if err := CheckEmpty(filepath.Join(dir, "notes.txt")); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("a file: %v", err)
	}
	if err := CheckEmpty(filepath.Join(dir, "notes.txt", "x")); err == nil || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a path through a file: %v", err)
	}
}

package build

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/load"
)

// blocDir is the folder of the demo's bloc whose files the tests rename.
const blocDir = "data/blocs/noi-chinh"

// yearPage is the page that blocDir's 2023 file makes.
const yearPage = "khoi/noi-chinh/2023/index.html"

func rename(t *testing.T, site, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(site, from), filepath.Join(site, to)); err != nil {
		t.Fatal(err)
	}
}

// builtFiles builds site and returns the names of the files of its output.
func builtFiles(t *testing.T, site string) []string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, site, dst); err != nil {
		t.Fatalf("%v: %v", err, res.Diagnostics)
	}
	return slices.Sorted(maps.Keys(readTree(t, dst)))
}

// TestYMLFilesArePublished builds the demo with a bloc's bloc.yaml and
// 2023.yaml renamed to .yml: the same files, /khoi/noi-chinh/2023/ among
// them, as with .yaml.
func TestYMLFilesArePublished(t *testing.T) {
	want := builtFiles(t, copyDemo(t))
	site := copyDemo(t)
	rename(t, site, blocDir+"/2023.yaml", blocDir+"/2023.yml")
	rename(t, site, blocDir+"/bloc.yaml", blocDir+"/bloc.yml")
	got := builtFiles(t, site)
	if !slices.Contains(got, yearPage) {
		t.Errorf("no %s among %d files", yearPage, len(got))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
}

// TestYAMLAndYMLOfOneYear: 2023.yml beside 2023.yaml is an error at the
// .yml file, which says to move what it holds and delete it.
func TestYAMLAndYMLOfOneYear(t *testing.T) {
	site := copyDemo(t)
	src, err := os.ReadFile(filepath.Join(site, blocDir, "2023.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2023.yml", "bloc.yml"} {
		if err := os.WriteFile(filepath.Join(site, blocDir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := buildSite(t, site, filepath.Join(t.TempDir(), "public"))
	if !errors.Is(err, ErrSite) {
		t.Fatalf("err = %v", err)
	}
	for _, name := range []string{"2023.yml", "bloc.yml"} {
		i := slices.IndexFunc(res.Diagnostics, func(d diag.Diagnostic) bool {
			return d.Code == load.CodeYAMLTwice && d.Path == blocDir+"/"+name
		})
		if i < 0 {
			t.Errorf("no %s at %s: %v", load.CodeYAMLTwice, name, res.Diagnostics)
		}
	}
}

// TestWatchReportsAnIgnoredFileThatLosesPages renames a year file to
// 2023.yaml.bak between two builds of a Builder, as serve sees it: the
// rebuild is an error at the ignored file and the destination keeps the
// page. Deleting the file instead removes the page with no error.
func TestWatchReportsAnIgnoredFileThatLosesPages(t *testing.T) {
	site := copyDemo(t)
	dest := filepath.Join(t.TempDir(), "public")
	b, err := NewBuilder(Options{Source: site, Destination: dest, Theme: thidua.Theme()}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	if _, _, err := b.Build(ctx, nil, false); err != nil {
		t.Fatal(err)
	}
	from, to := blocDir+"/2023.yaml", blocDir+"/2023.yaml.bak"
	rename(t, site, from, to)
	res, _, err := b.Build(ctx, []string{from, to}, false)
	if !errors.Is(err, ErrSite) {
		t.Fatalf("err = %v", err)
	}
	var found []diag.Diagnostic
	for _, d := range res.Diagnostics {
		if d.Code == CodeIgnoredLosesPages {
			found = append(found, d)
		}
	}
	if len(found) != 1 || found[0].Path != to || found[0].Severity != diag.Error || len(found[0].Args) != 2 || found[0].Args[1] != "/khoi/noi-chinh/2023/" {
		t.Errorf("got %+v", found)
	}
	if _, err := os.Stat(filepath.Join(dest, yearPage)); err != nil {
		t.Errorf("the page is gone from the destination: %v", err)
	}
	if err := os.Remove(filepath.Join(site, to)); err != nil {
		t.Fatal(err)
	}
	if res, _, err := b.Build(ctx, []string{to}, false); err != nil {
		t.Fatalf("%v: %v", err, res.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(dest, yearPage)); err == nil {
		t.Errorf("the page of the deleted file is still in the destination")
	}
}

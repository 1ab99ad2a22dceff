package render

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/pages"
)

// TestIssue12Case14LayoutSymlinksAreWarnedOf checks that the site's
// layouts/ is read as loading reads its files: a symbolic link to a file
// inside the site folder is followed; one pointing outside it, at a
// folder or at nothing gets the warning of docs/format.md's site folder rules, not a
// raw error of the system, and the other layouts are still read.
func TestIssue12Case14LayoutSymlinksAreWarnedOf(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			if runtime.GOOS == "windows" {
				t.Skipf("cannot make a symbolic link: %v", err)
			}
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(parent, "outside.html"), []byte(`{{define "main"}}OUTSIDE{{end}}`), 0o644)
	write("shared/blocs.html", `{{define "main"}}blocs through a link{{end}}`)
	write("layouts/units.html", `{{define "main"}}units of the site{{end}}`)
	link("../shared/blocs.html", "layouts/blocs.html")
	link("../../outside.html", "layouts/unit.html")
	link("nowhere.html", "layouts/gone.html")
	link("../../shared", "layouts/partials/dir.html")
	link("../..", "layouts/linkdir")

	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site := testSite("https://x.vn/")
	r, diags := New(site, Options{Theme: theme, Site: root.FS()})
	want := []string{
		"layouts/gone.html: warning: this symbolic link points at nothing; it is not followed, and what it points at is left out",
		"layouts/linkdir: warning: this symbolic link points outside the site folder (to ../..); it is not followed, and what it points at is left out",
		"layouts/partials/dir.html: warning: this symbolic link points at a folder, and loading follows no link to a folder; move the folder here instead",
		"layouts/unit.html: warning: this symbolic link points outside the site folder (to ../../outside.html); it is not followed, and what it points at is left out",
	}
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("diagnostics:\ngot  %q\nwant %q", got, want)
	}
	for kind, text := range map[pages.Kind]string{"blocs": "blocs through a link", "units": "units of the site", "unit": "hoi-a"} {
		if got := renderPage(t, r, &pages.Page{Kind: kind, Unit: site.Units[0]}); !strings.Contains(got, text) || strings.Contains(got, "OUTSIDE") {
			t.Errorf("page of kind %s: %q, want %q in it", kind, got, text)
		}
	}

	// layouts/ itself a link out of the site folder.
	os.RemoveAll(filepath.Join(dir, "layouts"))
	link("../", "layouts")
	_, diags = New(site, Options{Theme: theme, Site: root.FS()})
	got = nil
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	want = []string{"layouts: warning: this symbolic link points outside the site folder (to ../); it is not followed, and nothing under it is read"}
	if !slices.Equal(got, want) {
		t.Errorf("layouts/ a link out:\ngot  %q\nwant %q", got, want)
	}
}

package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// siteDir copies testdata/site into a temporary folder and returns it and
// a folder beside it, outside the site.
func siteDir(t *testing.T) (site, outside string) {
	t.Helper()
	parent := t.TempDir()
	site, outside = filepath.Join(parent, "site"), filepath.Join(parent, "outside")
	if err := os.CopyFS(site, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(outside, "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret := "- id: bi-mat\n  name: Bí mật\n"
	if err := os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	return site, outside
}

// rootFileSystems opens the folder site as an os.Root and returns, by
// name, its FS and its RootFS, as a build loads it: both are closed when
// the test ends.
func rootFileSystems(t *testing.T, site string) map[string]fs.FS {
	t.Helper()
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	rootFS := NewRootFS(root)
	t.Cleanup(func() {
		rootFS.Close()
		root.Close()
	})
	return map[string]fs.FS{"os.Root": root.FS(), "RootFS": rootFS}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestSymlinkedFoldersOutside checks data/, content/ and static/ that are
// themselves links out of the folder.
func TestSymlinkedFoldersOutside(t *testing.T) {
	site, outside := siteDir(t)
	for _, dir := range []string{"content", "static"} {
		if err := os.RemoveAll(filepath.Join(site, dir)); err != nil {
			t.Fatal(err)
		}
		symlink(t, outside, filepath.Join(site, dir))
	}
	os.Remove(filepath.Join(site, "site.yaml"))
	symlink(t, filepath.Join(outside, "secret.yaml"), filepath.Join(site, "site.yaml"))
	for name, fsys := range rootFileSystems(t, site) {
		_, d := Site(fsys, Options{})
		for _, want := range []string{
			"content: warning: this symbolic link points outside the site folder (to " + outside + "); it is not followed, and nothing under it is read",
			"static: warning: this symbolic link points outside the site folder (to " + outside + "); it is not followed, and nothing under it is read",
			"site.yaml: warning: this symbolic link points outside the site folder (to " + filepath.Join(outside, "secret.yaml") + "); it is not followed, and what it points at is left out",
		} {
			if !slices.Contains(lines(d), want) {
				t.Errorf("%s: no %q in %q", name, want, lines(d))
			}
		}
	}
}

func TestFileNames(t *testing.T) {
	fsys := validSite(t)
	article := func(extra, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: Ảnh\ndate: 2025-01-08\n" + extra + "---\n" + body)}
	}
	// Spaces and diacritics: fine under static/ (links escape them), fine
	// for an article that gives its slug, an error for one that does not.
	fsys["static/images/ảnh hội nghị.jpg"] = &fstest.MapFile{Data: []byte("jpg")}
	fsys["content/news/tin có dấu.md"] = article("slug: tin-co-dau\nimage: /images/ảnh hội nghị.jpg\n", "![Ảnh](/images/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg)\n")
	fsys["content/news/tin khác.md"] = article("", "")
	// A name macOS would write: decomposed.
	fsys["static/images/a\u0309nh.jpg"] = &fstest.MapFile{Data: []byte("jpg")}
	// Names no web address can hold.
	fsys["static/a\\b.jpg"] = &fstest.MapFile{Data: []byte("jpg")}
	fsys["static/tab\there.jpg"] = &fstest.MapFile{Data: []byte("jpg")}
	fsys["data/blocs/khối 9/bloc.yaml"] = &fstest.MapFile{Data: []byte("name: Khối 9\n")}
	s, d := Site(fsys, Options{})
	want := []string{
		"content/news/tin khác.md:1:1: error: file name \"tin khác\" is not a valid slug; rename the file, or give slug: with lower-case letters a-z, digits and single hyphens; write \"tin-khac\"",
		"data/blocs/khối 9: error: bloc folder name \"khối 9\" is not a valid identifier; rename the folder with lower-case letters a-z, digits and single hyphens, like \"khoi-8\"; write \"khoi-9\"",
		"static/a\\b.jpg: error: the file name holds \"\\\\\", which a web address cannot hold; rename the file",
		"static/images/a\u0309nh.jpg: warning: the file name is in decomposed Unicode (as macOS writes it), which the links of the site never match; rename it to the same name typed again, \"ảnh.jpg\"",
		"static/tab\there.jpg: error: the file name holds \"\\t\", which a web address cannot hold; rename the file",
	}
	if got := lines(d); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Contains(s.Static, "images/ảnh hội nghị.jpg") || slices.Contains(s.Static, "a\\b.jpg") {
		t.Errorf("static = %q", s.Static)
	}
	if a := s.Article("tin-co-dau"); a == nil || a.Image != "images/ảnh hội nghị.jpg" {
		t.Errorf("article tin-co-dau = %+v", a)
	}
}

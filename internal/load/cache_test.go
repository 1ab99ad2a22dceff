package load

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// copyTree copies the folders and files of the demo site that loading reads.
func copyDemo(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"site.yaml", "data", "content", "static"} {
		src := filepath.Join("..", "..", name)
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// same checks that the cache gives what loading the folder afresh gives.
func same(t *testing.T, step string, c *Cache, dir string) {
	t.Helper()
	want, wantDiags := Site(os.DirFS(dir), Options{})
	got, gotDiags := c.Site(Options{})
	if !slices.Equal(gotDiags.Items(), wantDiags.Items()) {
		t.Errorf("%s: diagnostics\n%v\nwant\n%v", step, gotDiags.Items(), wantDiags.Items())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the cached site differs from a fresh load", step)
	}
}

func TestCacheLoadsWhatSiteLoads(t *testing.T) {
	dir := copyDemo(t)
	c := NewCache(os.DirFS(dir), 0)
	same(t, "start", c, dir)
	write := func(rel, content string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	year := "data/blocs/khoi-8/2024.yaml"
	src, err := os.ReadFile(filepath.Join(dir, year))
	if err != nil {
		t.Fatal(err)
	}

	write(year, string(src)+"\n# a comment\n")
	if n := c.Update([]string{year}, false); n != 1 {
		t.Errorf("parsed %d files after one edit, want 1", n)
	}
	same(t, "edit", c, dir)

	if n := c.Update([]string{"data/units.yaml"}, false); n != 0 {
		t.Errorf("parsed %d files for a file whose bytes did not change", n)
	}

	write(year, "members: [nobody]\nleader: nobody\n")
	c.Update([]string{year}, false)
	same(t, "broken", c, dir)

	write(year, string(src))
	write("content/news/2025/moi.md", "---\ntitle: Tin mới\ndate: 2025-02-01\nblocs: [khoi-8]\n---\n\nNội dung.\n")
	write("data/blocs/khoi-8/notes.txt", "x")
	c.Update([]string{year, "content/news/2025/moi.md", "data/blocs/khoi-8/notes.txt"}, false)
	same(t, "fixed, added", c, dir)

	if err := os.Rename(filepath.Join(dir, "data/blocs/khoi-8"), filepath.Join(dir, "data/blocs/khoi-9")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "content/news/2025/moi.md"))
	c.Update([]string{"data/blocs/khoi-8", "data/blocs/khoi-9", "content/news/2025/moi.md"}, false)
	same(t, "renamed folder, deleted article", c, dir)

	write("content/news/.nhap/an.md", "---\ntitle: x\n---\n")
	write("data/blocs/khoi-9/.2024.yaml.swp", "x")
	write("content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nTrang.\n")
	c.Update([]string{"content/news/.nhap", "data/blocs/khoi-9/.2024.yaml.swp", "content/pages"}, false)
	same(t, "hidden files, a new folder", c, dir)

	write("static/images/new.png", "png")
	c.Update(nil, true)
	same(t, "everything", c, dir)
}

func TestCacheKeepsTheFileSizeLimit(t *testing.T) {
	dir := copyDemo(t)
	const limit = 4 << 10
	c := NewCache(os.DirFS(dir), limit)
	_, want := Site(os.DirFS(dir), Options{MaxFileSize: limit})
	_, got := c.Site(Options{MaxFileSize: limit})
	if !slices.Equal(got.Items(), want.Items()) {
		t.Errorf("diagnostics\n%v\nwant\n%v", got.Items(), want.Items())
	}
	over := 0
	for _, d := range got.Items() {
		if strings.Contains(d.Message, "over the limit of") {
			over++
		}
	}
	if over == 0 {
		t.Error("no file of the demo is over a 4 KiB limit in the cache")
	}
}

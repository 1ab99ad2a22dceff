package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
)

// TestBodyKeysAreFreshKeys edits the demo's articles between loads through
// load.Cache, as a rebuild does, and wants the key of every article, taken
// from the last build's where its body is the same string, to be the key
// hashing every body afresh gives.
func TestBodyKeysAreFreshKeys(t *testing.T) {
	dir := copyDemo(t)
	cache := load.NewCache(os.DirFS(dir), load.Options{})
	site, diags := cache.Site(load.Options{})
	if diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	last := newKeys(site, nil)
	var articles []string
	filepath.WalkDir(filepath.Join(dir, "content", "news"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			articles = append(articles, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(articles) < 3 {
		t.Fatalf("the demo has %d articles", len(articles))
	}
	for step, edit := range []struct {
		file, old, new string
	}{
		{articles[0], "", "\nMột đoạn mới ở cuối bài.\n"},
		{articles[1], "", "\nMột đoạn khác, có [liên kết](/khoi/).\n"},
		{articles[0], "\nMột đoạn mới ở cuối bài.\n", ""},
		{articles[2], "", ""}, // saved again unchanged
	} {
		path := filepath.Join(dir, filepath.FromSlash(edit.file))
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(src)
		if edit.old != "" {
			text = strings.Replace(text, edit.old, edit.new, 1)
		} else {
			text += edit.new
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		cache.Update([]string{edit.file}, false)
		site, diags = cache.Site(load.Options{})
		if diags.HasErrors(false) {
			t.Fatal(diags.Items())
		}
		cached, fresh := newKeys(site, last), newKeys(site, nil)
		for _, a := range site.Articles {
			if got, want := cached.articles[a], fresh.articles[a]; got != want {
				t.Errorf("step %d: the key of %s from the last build's bodies is %x, hashing afresh gives %x", step, a.Path, got, want)
			}
		}
		if n := withBody(site.Articles); cached.bodies.reused < n-1 {
			t.Errorf("step %d: %d of %d bodies were taken from the last build, want all but the edited one", step, cached.bodies.reused, n)
		}
		last = cached
	}
}

func withBody(as []*model.Article) int {
	n := 0
	for _, a := range as {
		if len(a.Body) > 0 {
			n++
		}
	}
	return n
}

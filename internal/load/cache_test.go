package load

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// copyTree copies the folders and files of the demo site that loading reads.
func copyDemo(t testing.TB) string {
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

// writer returns a function that writes content into the file at the
// slash path rel of the folder dir, making its folders.
func writer(t *testing.T, dir string) func(rel, content string) {
	return func(rel, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// same checks that the cache gives what loading the folder afresh gives.
func same(t *testing.T, step string, c *Cache, dir string) {
	t.Helper()
	sameWith(t, step, c, dir, Options{})
}

// sameWith checks that the cache gives what loading the folder afresh with
// opts gives.
func sameWith(t *testing.T, step string, c *Cache, dir string, opts Options) {
	t.Helper()
	want, wantDiags := Site(os.DirFS(dir), opts)
	got, gotDiags := c.Site(opts)
	if !reflect.DeepEqual(gotDiags.Items(), wantDiags.Items()) {
		t.Errorf("%s: diagnostics\n%v\nwant\n%v", step, gotDiags.Items(), wantDiags.Items())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the cached site differs from a fresh load", step)
	}
}

func TestCacheLoadsWhatSiteLoads(t *testing.T) {
	dir := copyDemo(t)
	c := NewCache(os.DirFS(dir), Options{})
	same(t, "start", c, dir)
	write := writer(t, dir)
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

// TestCacheRendersBodiesForTheBasePath changes the base path, in site.yaml
// and from the command line, and the Markdown settings: every cached body
// is rendered again for them, as a fresh load renders it.
func TestCacheRendersBodiesForTheBasePath(t *testing.T) {
	dir := copyDemo(t)
	c := NewCache(os.DirFS(dir), Options{})
	link := `href="/khoi/hoi-dac-thu/"`
	if !strings.Contains(string(articleBody(t, c, Options{})), link) {
		t.Fatalf("the article does not link %s", link)
	}
	config, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(config), "baseURL: https://thidua.binhthuan.gov.vn/", "baseURL: https://binhthuan.gov.vn/thidua/", 1)
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	c.Update([]string{"site.yaml"}, false)
	sameWith(t, "base path in site.yaml", c, dir, Options{})
	if body := articleBody(t, c, Options{}); !strings.Contains(body, `href="/thidua/khoi/hoi-dac-thu/"`) {
		t.Errorf("after site.yaml moved the site under /thidua/, the body is\n%s", body)
	}

	serve := Options{BaseURL: "http://127.0.0.1:1313/xem/"}
	sameWith(t, "base URL given on the command line", c, dir, serve)
	if body := articleBody(t, c, serve); !strings.Contains(body, `href="/xem/khoi/hoi-dac-thu/"`) {
		t.Errorf("with the base URL %s, the body is\n%s", serve.BaseURL, body)
	}

	news := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	src, err := os.ReadFile(filepath.Join(dir, news))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, news), append(src, "\n<b>đậm</b>\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	unsafe := moved + "markdown:\n  unsafe: true\n"
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(unsafe), 0o644); err != nil {
		t.Fatal(err)
	}
	c.Update([]string{"site.yaml", news}, false)
	sameWith(t, "raw HTML allowed", c, dir, serve)
	if body := articleBody(t, c, serve); !strings.Contains(body, "<b>đậm</b>") {
		t.Errorf("with markdown.unsafe, raw HTML is still escaped:\n%s", body)
	}
}

// articleBody is the body of the demo's article on the 2023 meeting of
// the bloc hoi-dac-thu, as the cache renders it with opts.
func articleBody(t *testing.T, c *Cache, opts Options) string {
	t.Helper()
	site, diags := c.Site(opts)
	if diags.HasErrors(false) {
		t.Fatalf("the site has errors: %v", diags.Items())
	}
	for _, a := range site.Articles {
		if a.Path == "content/news/2023/hoi-dac-thu-tong-ket-2023.md" {
			return string(a.Body)
		}
	}
	t.Fatal("no article from content/news/2023/hoi-dac-thu-tong-ket-2023.md")
	return ""
}

func TestCacheKeepsTheFileSizeLimit(t *testing.T) {
	dir := copyDemo(t)
	const limit = 4 << 10
	c := NewCache(os.DirFS(dir), Options{MaxFileSize: limit})
	_, want := Site(os.DirFS(dir), Options{MaxFileSize: limit})
	_, got := c.Site(Options{MaxFileSize: limit})
	if !reflect.DeepEqual(got.Items(), want.Items()) {
		t.Errorf("diagnostics\n%v\nwant\n%v", got.Items(), want.Items())
	}
	over := 0
	for _, d := range got.Items() {
		if strings.Contains(d.Text(msg.English), "over the limit of") {
			over++
		}
	}
	if over == 0 {
		t.Error("no file of the demo is over a 4 KiB limit in the cache")
	}
}

// TestIssue12Case14HiddenMarkdownIsWarnedOf checks that a Markdown file
// under content/ whose name starts with "." is warned of, at the file,
// with the name to give it, and is not published; and that the cache of a
// watcher says the same as it comes and goes.
func TestIssue12Case14HiddenMarkdownIsWarnedOf(t *testing.T) {
	dir := copyDemo(t)
	write := writer(t, dir)
	article := "---\ntitle: Tin ẩn\ndate: 2025-02-01\n---\n\nNội dung.\n"
	c := NewCache(os.DirFS(dir), Options{})
	write("content/news/2025/.tin-an.md", article)
	write("content/pages/.lien-he.md", "---\ntitle: Liên hệ\n---\n\nTrang.\n")
	write("content/news/..md", article)
	// Not an editor's page: a hidden folder, Emacs's lock, macOS's
	// metadata, a hidden file that is not Markdown.
	write("content/.obsidian/ghi-chu.md", article)
	write("content/news/.#tin.md", "x")
	write("content/news/._tin.md", "x")
	write("content/news/.ghi-chu.txt", "x")
	site, d := Site(os.DirFS(dir), Options{})
	var got []string
	for _, m := range d.Items() {
		if m.Severity == diag.Warning {
			got = append(got, m.String())
		}
	}
	want := []string{
		`content/news/..md: warning: the file name starts with ".", which hides the file: it is not published; rename it without the dot in front, like tin-moi.md`,
		`content/news/2025/.tin-an.md: warning: the file name starts with ".", which hides the file: it is not published; rename it to "tin-an.md" to publish it, or delete it`,
		`content/pages/.lien-he.md: warning: the file name starts with ".", which hides the file: it is not published; rename it to "lien-he.md" to publish it, or delete it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\ngot  %q\nwant %q", got, want)
	}
	for _, a := range site.Articles {
		if a.Title == "Tin ẩn" {
			t.Errorf("the hidden article is published as %s", a.Slug)
		}
	}
	c.Update([]string{"content/news/2025/.tin-an.md", "content/pages/.lien-he.md", "content/news/..md", "content/.obsidian", "content/news/.#tin.md", "content/news/._tin.md", "content/news/.ghi-chu.txt"}, false)
	same(t, "hidden files written", c, dir)
	if err := os.Rename(filepath.Join(dir, "content/news/2025/.tin-an.md"), filepath.Join(dir, "content/news/2025/tin-an.md")); err != nil {
		t.Fatal(err)
	}
	c.Update([]string{"content/news/2025/.tin-an.md", "content/news/2025/tin-an.md"}, false)
	same(t, "a hidden file renamed", c, dir)
	site, _ = c.Site(Options{})
	if !slices.ContainsFunc(site.Articles, func(a *model.Article) bool { return a.Title == "Tin ẩn" }) {
		t.Error("the article renamed without its dot is not published")
	}
}

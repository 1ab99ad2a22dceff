package build

import (
	"bytes"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/charts"
	"github.com/thidua/thidua/internal/feeds"
	"github.com/thidua/thidua/internal/opendata"
	"github.com/thidua/thidua/internal/render"
	"github.com/thidua/thidua/internal/search"
)

// builtTree builds the test site with the default extras and returns its files.
func builtTree(t *testing.T) map[string][]byte {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, "testdata/site", dst); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	return readTree(t, dst)
}

func TestDefaultExtrasAreWritten(t *testing.T) {
	files := builtTree(t)
	want := []string{"robots.txt", feeds.AtomFile, feeds.SitemapFile, search.IndexFile, "tim-kiem/index.html", "du-lieu/index.html"}
	for _, f := range opendata.Files() {
		want = append(want, f.Path)
	}
	for _, name := range want {
		if len(files[name]) == 0 {
			t.Errorf("%s is missing or empty", name)
		}
	}
	robots := string(files["robots.txt"])
	if !strings.Contains(robots, "\nSitemap: https://portal.example.gov.vn/thidua/sitemap.xml\n") {
		t.Errorf("robots.txt does not point at the sitemap:\n%s", robots)
	}
}

func TestExtrasWithoutSitemapLeaveRobotsAlone(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, "testdata/site", dst, func(o *Options) { o.Extras = []Extra{feeds.Atom{}} }); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dst)
	if strings.Contains(string(files["robots.txt"]), "Sitemap") {
		t.Error("robots.txt names a sitemap the build did not write")
	}
	if _, ok := files[feeds.SitemapFile]; ok {
		t.Error("sitemap written though not asked for")
	}
}

// TestDataPageDescribesEveryDownload: the open data page links each file
// and names each of its columns with a description.
func TestDataPageDescribesEveryDownload(t *testing.T) {
	page := string(builtTree(t)["du-lieu/index.html"])
	for _, f := range opendata.Files() {
		if !strings.Contains(page, `href="/thidua/`+f.Path+`"`) {
			t.Errorf("the data page does not link %s", f.Path)
		}
		if strings.Contains(page, "data_file_"+f.Name) {
			t.Errorf("no description of %s", f.Name)
		}
		for _, c := range f.Columns {
			if !strings.Contains(page, "<code>"+c+"</code>") {
				t.Errorf("the data page does not name column %s of %s", c, f.Name)
			}
			if strings.Contains(page, "data_col_"+c) {
				t.Errorf("column %s has no description", c)
			}
		}
	}
}

func TestSearchPageWithoutJavaScript(t *testing.T) {
	page := string(builtTree(t)["tim-kiem/index.html"])
	start, end := strings.Index(page, "<noscript>"), strings.Index(page, "</noscript>")
	if start < 0 || end < start {
		t.Fatal("the search page has no noscript message")
	}
	for _, list := range []string{"khoi/", "don-vi/", "tin-tuc/"} {
		if !strings.Contains(page[start:end], `href="/thidua/`+list+`"`) {
			t.Errorf("the noscript message does not link /thidua/%s", list)
		}
	}
	if !strings.Contains(page, `<script src="/thidua/assets/js/search.js" defer></script>`) {
		t.Error("the search page does not load its script from the site")
	}
	if !regexp.MustCompile(`id="search"[^>]* hidden`).MatchString(page) {
		t.Error("the search form shows without JavaScript")
	}
}

var metaTag = regexp.MustCompile(`<(?:meta (?:name|property)="([^"]+)" content="([^"]*)"|link rel="(canonical)" href="([^"]*)")>`)

// meta returns the social and canonical tags of a page by name; a name
// given twice is reported.
func meta(t *testing.T, name string, page []byte) map[string]string {
	t.Helper()
	head := page[:bytes.Index(page, []byte("</head>"))]
	out := map[string]string{}
	for _, m := range metaTag.FindAllSubmatch(head, -1) {
		k, v := string(m[1]), string(m[2])
		if m[3] != nil {
			k, v = string(m[3]), string(m[4])
		}
		if _, dup := out[k]; dup {
			t.Errorf("%s: %s given twice", name, k)
		}
		out[k] = html.UnescapeString(v)
	}
	return out
}

// pageMetas returns the tags of meta of every page of files but 404.html,
// by file, failing the test when there are fewer than 30.
func pageMetas(t *testing.T, files map[string][]byte) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for name, b := range files {
		if path.Ext(name) == ".html" && name != "404.html" && !strings.HasPrefix(name, "assets/") {
			out[name] = meta(t, name, b)
		}
	}
	if len(out) < 30 {
		t.Errorf("only %d pages", len(out))
	}
	return out
}

// TestEveryPageHasSocialMeta: canonical URL, description, Open Graph and
// Twitter card on every page, with a share picture: never an SVG.
func TestEveryPageHasSocialMeta(t *testing.T) {
	const base = "https://portal.example.gov.vn/thidua/"
	files := builtTree(t)
	for name, m := range pageMetas(t, files) {
		url := base + strings.TrimSuffix(name, "index.html")
		for k, want := range map[string]string{
			"canonical": url, "og:url": url, "og:locale": "vi_VN", "og:site_name": "Thi đua – Khen thưởng tỉnh Mẫu",
		} {
			if m[k] != want {
				t.Errorf("%s: %s = %q, want %q", name, k, m[k], want)
			}
		}
		for _, k := range []string{"description", "og:title", "og:description", "og:type", "twitter:card", "twitter:title", "og:image", "og:image:alt"} {
			if m[k] == "" {
				t.Errorf("%s: no %s", name, k)
			}
		}
	}
	article := meta(t, "article", files["tin-tuc/khoi-a-tong-ket-2024/index.html"])
	for k, want := range map[string]string{
		"og:type": "article", "og:title": "Khối các hội tổng kết năm 2024",
		"og:description": "Chiều 8/1, Khối thi đua các hội tổng kết năm 2024.",
		// Its image is an SVG, which Facebook, Zalo and X do not show: the
		// picture is that of the bloc year it is about.
		"og:image": base + "khoi/khoi-a/2024/og.png", "twitter:image": base + "khoi/khoi-a/2024/og.png",
		"twitter:card": "summary_large_image", "og:image:width": "1200", "og:image:height": "630", "og:image:type": "image/png",
	} {
		if article[k] != want {
			t.Errorf("article: %s = %q, want %q", k, article[k], want)
		}
	}
	noImage := meta(t, "article", files["tin-tuc/so-ket-2024/index.html"])
	if noImage["og:image"] != base+"khoi/khoi-b/og.png" || noImage["twitter:card"] != "summary_large_image" {
		t.Errorf("article without an image, about one bloc: %v", noImage)
	}
	if m := meta(t, "404", files["404.html"]); m["canonical"] != "" {
		t.Error("the 404 page has a canonical URL")
	}
}

// TestRobotsNamesOnlyAWrittenSitemap builds with extras that write no
// sitemap: robots.txt must not point crawlers at a file that is not there.
func TestRobotsNamesOnlyAWrittenSitemap(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, "testdata/site", dst, func(o *Options) { o.Extras = []Extra{feeds.Atom{}, charts.Library{}} }); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dst, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "User-agent: *\nAllow: /\n" {
		t.Errorf("robots.txt without a sitemap = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dst, "sitemap.xml")); err == nil {
		t.Error("a sitemap was written though no extra writes one")
	}
}

// TestDescriptionsAreShort is issue 18's: in a site whose site.yaml has no
// description, every page but the 404 page has a description of its own,
// of at most 160 characters; an article whose first paragraph runs to 1,600
// characters is described cut at a word, and its card in the news list
// holds at most 300 characters.
func TestDescriptionsAreShort(t *testing.T) {
	src := copySite(t)
	edit(t, src, "site.yaml", "description: Trang thử của thidua.\n", "")
	long := strings.Repeat("Hội nghị tổng kết phong trào thi đua của khối các hội, ", 30)
	writeFile(t, src, "content/news/2024/dai.md", "---\ntitle: Một bài rất dài\ndate: 2024-12-30\n---\n"+long+"\n")
	dst := filepath.Join(t.TempDir(), "public")
	if res, err := buildSite(t, src, dst); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	files := readTree(t, dst)
	seen := map[string]bool{}
	for name, b := range files {
		if path.Ext(name) != ".html" || name == "404.html" || strings.HasPrefix(name, "assets/") {
			continue
		}
		d := meta(t, name, b)["description"]
		if d == "" || utf8.RuneCountInString(d) > render.MaxDescription {
			t.Errorf("%s: description of %d characters: %q", name, utf8.RuneCountInString(d), d)
		}
		if seen[d] && !strings.HasPrefix(name, "tin-tuc/trang/") && name != "tin-tuc/index.html" {
			t.Errorf("%s: description %q is another page's too", name, d)
		}
		seen[d] = true
	}
	d := meta(t, "article", files["tin-tuc/dai/index.html"])["description"]
	if !strings.HasSuffix(d, "…") || !strings.HasPrefix(long, strings.TrimSuffix(d, "…")) || strings.HasSuffix(strings.TrimSuffix(d, "…"), " ") {
		t.Errorf("the long article's description = %q, want its first words and …", d)
	}
	card := regexp.MustCompile(`(?s)<a href="[^"]*tin-tuc/dai/">.*?<p class="summary">([^<]*)</p>`).FindSubmatch(files["tin-tuc/index.html"])
	if card == nil {
		t.Fatal("no card of the long article in the news list")
	}
	if n := utf8.RuneCountInString(html.UnescapeString(string(card[1]))); n > render.MaxCardSummary {
		t.Errorf("the long article's card holds %d characters", n)
	}
}

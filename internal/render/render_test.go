package render

import (
	"html/template"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

func testSite(base string) *model.Site {
	u, _ := url.Parse(base)
	s := &model.Site{Config: model.Config{Title: "Thi đua", BaseURL: u, Language: "vi", Paginate: 10}}
	s.Units = []*model.Unit{{ID: "hoi-a", Name: `Hội <A> & "B"`}}
	s.Articles = []*model.Article{{Slug: "bai", Title: "Bài", Body: `<p>Xem <a href="/a/don-vi/hoi-a/">đơn vị</a>.</p>`,
		Date: time.Date(2023, 12, 13, 0, 0, 0, 0, vn.TimeZone())}}
	s.Index()
	return s
}

var theme = fstest.MapFS{
	"layouts/base.html":          {Data: []byte(`{{define "base"}}<title>{{.Page.Title}}</title>{{template "main" .}}{{end}}`)},
	"layouts/partials/link.html": {Data: []byte(`{{define "link"}}<a href="{{href .}}">{{.Name}}</a>{{end}}`)},
	"layouts/unit.html":          {Data: []byte(`{{define "main"}}{{template "link" .Page.Unit}} {{t "units"}} {{url "khoi/"}} {{absURL "tin-tuc/"}}{{end}}`)},
	"layouts/article.html":       {Data: []byte(`{{define "main"}}<p>{{date .Page.Article.Date}}</p>{{.Content}}{{end}}`)},
	"i18n/vi.yaml":               {Data: []byte("units: Đơn vị\n")},
	"i18n/en.yaml":               {Data: []byte("units: Units\n")},
}

func newRenderer(t *testing.T, site *model.Site, siteFS fstest.MapFS) *Renderer {
	t.Helper()
	r, diags := New(site, Options{Theme: theme, Site: siteFS})
	if diags.HasErrors(false) {
		t.Fatalf("New: %v", diags.Items())
	}
	return r
}

func renderPage(t *testing.T, r *Renderer, p *pages.Page) string {
	t.Helper()
	var b strings.Builder
	if err := r.Page(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestFuncsUnderBasePath(t *testing.T) {
	site := testSite("https://portal.example.gov.vn/thidua/")
	r := newRenderer(t, site, nil)
	got := renderPage(t, r, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]})
	want := `<title>U</title><a href="/thidua/don-vi/hoi-a/">Hội &lt;A&gt; &amp; &#34;B&#34;</a> Đơn vị /thidua/khoi/ https://portal.example.gov.vn/thidua/tin-tuc/`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestArticleContent(t *testing.T) {
	site := testSite("https://x.vn/a/")
	r := newRenderer(t, site, nil)
	got := renderPage(t, r, &pages.Page{Kind: "article", Article: site.Articles[0]})
	for _, want := range []string{"Thứ Tư, 13/12/2023", `<p>Xem <a href="/a/don-vi/hoi-a/">đơn vị</a>.</p>`} {
		if !strings.Contains(got, want) {
			t.Errorf("article lacks %q:\n%s", want, got)
		}
	}
}

func TestSiteLayoutOverrides(t *testing.T) {
	site := testSite("https://x.vn/")
	r := newRenderer(t, site, fstest.MapFS{
		"layouts/unit.html": {Data: []byte(`{{define "main"}}riêng {{.Page.Unit.ID}}{{end}}`)},
		"i18n/vi.yaml":      {Data: []byte("units: Các đơn vị\n")},
	})
	if got := renderPage(t, r, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]}); got != "<title>U</title>riêng hoi-a" {
		t.Errorf("override not used: %q", got)
	}
	if r.T("units") != "Các đơn vị" {
		t.Errorf("T(units) = %q", r.T("units"))
	}
	if r.T("no-such-key") != "no-such-key" {
		t.Error("a missing key is not given back as itself")
	}
}

func TestLanguageEnglish(t *testing.T) {
	site := testSite("https://x.vn/")
	site.Config.Language = "en"
	r := newRenderer(t, site, nil)
	if r.T("units") != "Units" {
		t.Errorf("T(units) in en = %q", r.T("units"))
	}
	got := renderPage(t, r, &pages.Page{Kind: "article", Article: site.Articles[0]})
	if !strings.Contains(got, "Wednesday, 13/12/2023") {
		t.Errorf("English date missing: %s", got)
	}
}

func TestBrokenSiteTemplateIsPositioned(t *testing.T) {
	site := testSite("https://x.vn/")
	_, diags := New(site, Options{Theme: theme, Site: fstest.MapFS{
		"layouts/unit.html": {Data: []byte("{{define \"main\"}}\n\n{{.Page.Unit.ID}\n{{end}}")},
	}})
	items := diags.Items()
	if len(items) != 1 {
		t.Fatalf("diagnostics = %v", items)
	}
	if d := items[0]; d.Path != "layouts/unit.html" || d.Line != 3 || !strings.HasPrefix(d.Text(msg.English), "the template does not parse: ") {
		t.Errorf("diagnostic = %s", d)
	}
}

// TestKindSetsMadeWhenNeeded: New makes no kind's templates; a page's
// render makes its kind's, once, also after partialCached has executed
// the common templates, which html/template can then no longer clone.
func TestKindSetsMadeWhenNeeded(t *testing.T) {
	site := testSite("https://x.vn/")
	r := newRenderer(t, site, nil)
	for kind, ks := range r.sets {
		if ks.set != nil {
			t.Errorf("New made the templates of %s", kind)
		}
	}
	if _, err := r.partialCached("link", site.Units[0]); err != nil {
		t.Fatal(err)
	}
	renderPage(t, r, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]})
	made := r.sets["unit"].set
	if made == nil || r.sets["article"].set != nil {
		t.Fatalf("after a unit's page: unit's made %t, article's made %t", made != nil, r.sets["article"].set != nil)
	}
	renderPage(t, r, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]})
	if r.sets["unit"].set != made {
		t.Error("the unit's templates were made twice")
	}
	if got := renderPage(t, r, &pages.Page{Kind: "article", Title: "A", Article: site.Articles[0]}); !strings.Contains(got, "<p>Xem") {
		t.Errorf("the article's page: %q", got)
	}
}

func TestUnknownKind(t *testing.T) {
	r := newRenderer(t, testSite("https://x.vn/"), nil)
	if err := r.Page(&strings.Builder{}, &pages.Page{Kind: "nope", Path: "x/"}); err == nil {
		t.Error("a page kind with no layout rendered")
	}
}

// partialCached renders a partial once per list of variants and gives that
// HTML to every later call, whatever else the data holds.
func TestPartialCached(t *testing.T) {
	site := testSite("https://x.vn/")
	r := newRenderer(t, site, fstest.MapFS{
		"layouts/partials/stamp.html": {Data: []byte(`{{define "stamp"}}<b>{{.Page.Title}}</b>{{end}}`)},
		"layouts/unit.html":           {Data: []byte(`{{define "main"}}{{partialCached "stamp" .}} {{partialCached "stamp" . .Page.Kind}}{{end}}`)},
		"layouts/blocs.html":          {Data: []byte(`{{define "main"}}{{partialCached "stamp" .}} {{partialCached "stamp" . .Page.Kind}}{{end}}`)},
		"layouts/units.html":          {Data: []byte(`{{define "main"}}{{partialCached "no-such" .}}{{end}}`)},
	})
	for _, tc := range []struct{ kind, title, want string }{
		{"unit", "A", "<title>A</title><b>A</b> <b>A</b>"},
		{"unit", "B", "<title>B</title><b>A</b> <b>A</b>"},
		{"blocs", "C", "<title>C</title><b>A</b> <b>C</b>"},
	} {
		p := &pages.Page{Kind: pages.Kind(tc.kind), Title: tc.title, Unit: site.Units[0]}
		if got := renderPage(t, r, p); got != tc.want {
			t.Errorf("%s page %s: got %q, want %q", tc.kind, tc.title, got, tc.want)
		}
	}
	err := r.Page(&strings.Builder{}, &pages.Page{Kind: "units", Path: "don-vi/"})
	if err == nil || !strings.Contains(err.Error(), `no template "no-such"`) {
		t.Errorf("partialCached of a missing template: %v", err)
	}
}

func TestVariantKeysTellListsApart(t *testing.T) {
	seen := map[partialKey][]any{}
	for _, vs := range [][]any{
		nil, {"ab"}, {"a", "b"}, {"a", "b", ""}, {1}, {"1"}, {int64(1)}, {true}, {"true"}, {"s1:a"}, {"a", 1}, {"a1"},
		{"news", true}, {"news", false}, {"news"}, {"s2:ab"}, {""}, {"", ""},
	} {
		k := keyOf("p", vs)
		if other, dup := seen[k]; dup {
			t.Errorf("variants %#v and %#v have the same key %+v", other, vs, k)
		}
		seen[k] = vs
	}
}

// TestArticleCardsIsTheRangeItReplaced wants articleCards to give what
// the range of the article lists gave, with the site's own "article-card"
// cached by article as partialCached caches it, and the error of a site
// without that partial.
func TestArticleCardsIsTheRangeItReplaced(t *testing.T) {
	site := testSite("https://x.vn/thi-dua/")
	site.Articles[0].Path = "content/news/bai.md"
	second := &model.Article{Path: "content/news/bai-2.md", Slug: "bai-2", Title: `Bài <2> & "ba"`, Date: time.Date(2024, 1, 2, 0, 0, 0, 0, vn.TimeZone())}
	site.Articles = append(site.Articles, second)
	site.Index()
	list := []*model.Article{site.Articles[0], second, site.Articles[0]}
	r := newRenderer(t, site, fstest.MapFS{
		"layouts/partials/card.html": {Data: []byte(`{{define "article-card"}}<h3>{{link . .Title}}</h3><p>{{.Date.Format "2006"}}</p>{{end}}`)},
	})
	ref := template.Must(template.New("").Funcs(r.funcMap()).Parse(
		"{{range .}}\n<li>{{partialCached \"article-card\" . .Path}}</li>{{end}}"))
	var want strings.Builder
	if err := ref.Execute(&want, list); err != nil {
		t.Fatal(err)
	}
	got, err := r.articleCards(list)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() || !strings.Contains(want.String(), "Bài &lt;2&gt;") {
		t.Errorf("articleCards:\ngot  %q\nwant %q", got, want.String())
	}
	if got, err := r.articleCards(nil); got != "" || err != nil {
		t.Errorf("articleCards of no articles = %q, %v", got, err)
	}
	if _, err := newRenderer(t, site, nil).articleCards(list); err == nil || !strings.Contains(err.Error(), `"article-card"`) {
		t.Errorf("articleCards without the partial: %v", err)
	}
}

// TestPreviousTemplatesAreTaken makes a renderer from an earlier one of
// another site: with the same layouts and strings it takes the earlier
// one's templates, which then render the new site (its base path, its
// units) and not the old; with a layout changed it parses them again.
func TestPreviousTemplatesAreTaken(t *testing.T) {
	old := testSite("https://a.example.vn/cu/")
	rOld := newRenderer(t, old, nil)
	if got := renderPage(t, rOld, &pages.Page{Kind: "unit", Title: "U", Unit: old.Units[0]}); !strings.Contains(got, `href="/cu/don-vi/hoi-a/"`) {
		t.Fatalf("the first renderer: %s", got)
	}

	site := testSite("https://b.example.vn/moi/")
	site.Units[0].Name = "Hội mới"
	r, diags := New(site, Options{Theme: theme, Previous: rOld})
	if diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	if r.sets["unit"].set == nil || r.sets["unit"].set != rOld.sets["unit"].set || r.common != rOld.common {
		t.Error("the templates were parsed again, though the layouts are the same")
	}
	got := renderPage(t, r, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]})
	want := `<title>U</title><a href="/moi/don-vi/hoi-a/">Hội mới</a> Đơn vị /moi/khoi/ https://b.example.vn/moi/tin-tuc/`
	if got != want {
		t.Errorf("the taken templates rendered\n%s\nwant\n%s", got, want)
	}

	changed := fstest.MapFS{"layouts/unit.html": {Data: []byte(`{{define "main"}}riêng {{.Page.Unit.ID}} {{url "khoi/"}}{{end}}`)}}
	r2, diags := New(site, Options{Theme: theme, Site: changed, Previous: r})
	if diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	if got := renderPage(t, r2, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]}); got != "<title>U</title>riêng hoi-a /moi/khoi/" {
		t.Errorf("after the layout changed: %q", got)
	}
	if r2.sets["unit"].set == r.sets["unit"].set || r2.common == r.common {
		t.Error("a changed layout did not make the templates parsed again")
	}
}

// TestStringsFolded: each {{t "key"}} and (t "key") is the site's string,
// escaped where it stands, and no longer a call of t; a t that something
// is piped into is still called, and one called wrongly still fails.
func TestStringsFolded(t *testing.T) {
	site := testSite("https://x.vn/")
	r := newRenderer(t, site, fstest.MapFS{
		"layouts/unit.html": {Data: []byte(`{{define "main"}}<p title="{{t "units"}}">{{t "units"}}</p>{{printf "%s!" (t "units")}} {{"units" | t}} {{t "no-key"}}{{end}}`)},
		"i18n/vi.yaml":      {Data: []byte(`units: 'Đơn <vị> & "x"'` + "\n")},
	})
	got := renderPage(t, r, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]})
	const e = "Đơn &lt;vị&gt; &amp; &#34;x&#34;"
	if want := `<title>U</title><p title="` + e + `">` + e + `</p>` + e + `! ` + e + ` no-key`; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	calls := 0
	var count func(n parse.Node)
	count = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			for _, c := range n.Nodes {
				count(c)
			}
		case *parse.ActionNode:
			for _, cmd := range n.Pipe.Cmds {
				for _, arg := range cmd.Args {
					if id, ok := arg.(*parse.IdentifierNode); ok && id.Ident == "t" {
						calls++
					}
					if sub, ok := arg.(*parse.PipeNode); ok {
						count(&parse.ActionNode{Pipe: sub})
					}
				}
			}
		}
	}
	count(r.sets["unit"].set.Lookup("main").Tree.Root)
	if calls != 1 {
		t.Errorf("%d calls of t left in the unit's main, want 1 (the piped one)", calls)
	}

	wrong := newRenderer(t, site, fstest.MapFS{
		"layouts/unit.html": {Data: []byte(`{{define "main"}}{{"x" | t "units"}}{{end}}`)},
	})
	if err := wrong.Page(&strings.Builder{}, &pages.Page{Kind: "unit", Title: "U", Unit: site.Units[0]}); err == nil {
		t.Error(`{{"x" | t "units"}} rendered`)
	}
}

package render

import (
	"html/template"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// replacedTemplates returns the text of the templates of testdata/ that
// metaTags and crumbs replaced.
func replacedTemplates(t testing.TB) string {
	t.Helper()
	var templates strings.Builder
	for _, f := range []string{"testdata/meta-template.html", "testdata/crumbs-template.html"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		templates.Write(b)
	}
	return templates.String()
}

// TestHeadFuncsAreTheTemplatesTheyReplaced renders the meta tags and the
// breadcrumbs of pages of every shape, with values that need escaping, with
// metaTags and crumbs and with the templates of testdata/ they replaced,
// and wants the same bytes.
func TestHeadFuncsAreTheTemplatesTheyReplaced(t *testing.T) {
	templates := replacedTemplates(t)
	tricky := "Hội <b>\"A\"</b> & 'B' + C\x00 – Người cao tuổi"
	article := &model.Article{Slug: "bai", Title: tricky, Image: "/images/ảnh hội nghị+1.jpg",
		Date: time.Date(2025, 1, 8, 14, 30, 0, 0, vn.TimeZone())}
	noImage := &model.Article{Slug: "bai-2", Title: "Bài", Date: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	crumbs := []pages.Crumb{{Title: "Trang chủ", Path: ""}, {Title: tricky, Path: "tin-tuc/"}, {Title: "Năm", Path: "tin-tuc/2025/ảnh x/"}}
	pageList := []*pages.Page{
		{Kind: "home", Title: "ignored"},
		{Kind: "article", Path: "tin-tuc/2025/bai/", Title: tricky, Description: tricky, Crumbs: crumbs, Article: article},
		{Kind: "article", Path: "tin-tuc/2024/bai-2/", Title: "Bài", Crumbs: crumbs[:2], Article: noImage},
		{Kind: "unit", Path: "don-vi/hoi-a/", Title: "Hội A", Description: "Một đơn vị", Crumbs: crumbs[:1]},
		{Kind: "404", Path: "404.html", Title: "Không tìm thấy"},
		{Kind: "unit", Path: "javascript:alert(1)", Title: "x", Crumbs: []pages.Crumb{{Title: "y", Path: "javascript:alert(2)"}}},
	}
	for _, base := range []string{"https://thidua.example.gov.vn/", "https://example.org/thi%20d%C3%BAa+x/"} {
		for _, lang := range []string{"vi", "en"} {
			for _, desc := range []string{"", "Mô tả của trang & <site>"} {
				u, _ := url.Parse(base)
				site := &model.Site{Config: model.Config{Title: tricky, BaseURL: u, Language: lang, Description: desc}}
				r := newRenderer(t, site, nil)
				r.strings = map[string]string{"breadcrumbs": `Đường "dẫn"`}
				ref := template.Must(template.New("").Funcs(r.funcMap()).Parse(templates))
				for _, p := range pageList {
					d := Data{Site: site, Page: p}
					for name, got := range map[string]template.HTML{"meta": r.metaTags(d), "crumbs": r.crumbs(d)} {
						var want strings.Builder
						if err := ref.ExecuteTemplate(&want, name, d); err != nil {
							t.Fatal(err)
						}
						if string(got) != want.String() {
							t.Errorf("%s of %s page %q under %s in %s:\ngot  %q\nwant %q", name, p.Kind, p.Path, base, lang, got, want.String())
						}
					}
				}
			}
		}
	}
}

// TestLinkIsTheTemplateItReplaced wants link to give what html/template
// gives for <a href="{{href X}}">{{LABEL}}</a>, and an error for what has
// no page or a label of another type.
func TestLinkIsTheTemplateItReplaced(t *testing.T) {
	for _, base := range []string{"https://thidua.example.gov.vn/", "https://example.org/thi%20d%C3%BAa+x/"} {
		site := testSite(base)
		unit := &model.Unit{ID: "hoi-a", Name: "Hội <b>\"A\"</b> & 'B' + C\x00"}
		bloc := &model.Bloc{ID: "khoi-1", Name: "Khối 1"}
		r := newRenderer(t, site, nil)
		ref := template.Must(template.New("").Funcs(r.funcMap()).Parse(`<a href="{{href .X}}">{{.Label}}</a>|<a href="{{href .X}}">{{year 2024}}</a>`))
		for _, x := range []any{unit, bloc, site.Articles[0]} {
			var want strings.Builder
			if err := ref.Execute(&want, map[string]any{"X": x, "Label": unit.Name}); err != nil {
				t.Fatal(err)
			}
			named, err := r.link(x, unit.Name)
			if err != nil {
				t.Fatal(err)
			}
			year, err := r.link(x, 2024)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(named) + "|" + string(year); got != want.String() {
				t.Errorf("link(%T) under %s:\ngot  %s\nwant %s", x, base, got, want.String())
			}
		}
		if _, err := r.link(unit, 2.5); err == nil {
			t.Error("link with a float label gives no error")
		}
		if _, err := r.link("khoi/", "x"); err == nil {
			t.Error("link to a string gives no error")
		}
	}
}

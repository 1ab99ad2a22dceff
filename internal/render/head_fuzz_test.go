package render

import (
	"html/template"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// FuzzHeadIsTheTemplates gives the Go writers of the head, the breadcrumbs
// and the list links (metaTags, crumbs, link) any titles, descriptions,
// paths, image addresses and base URLs the model can hold, and wants the
// bytes the templates of testdata/ they replaced give for the same page.
func FuzzHeadIsTheTemplates(f *testing.F) {
	templates := replacedTemplates(f) + `{{define "link"}}<a href="{{href .X}}">{{.Label}}</a>{{end}}`
	f.Add("https://thidua.example.gov.vn/", "Hội <b>\"A\"</b> & 'B'", "Mô tả & <site>", "tin-tuc/2025/bai/", "/images/ảnh hội nghị+1.jpg", "Năm", "tin-tuc/2025/ảnh x/", "hoi-a", uint8(1), false)
	f.Add("https://example.org/thi%20d%C3%BAa+x/", "x", "", "javascript:alert(1)", "", "y", "javascript:alert(2)", "a b", uint8(3), true)
	f.Add("http://[::1]:1313/", "\x00–\u00a0", "\u2028", "%zz/", "https://cdn.vn/a?b=1&c=2", "", "", "đ", uint8(0), false)
	kinds := []pages.Kind{pages.KindHome, pages.KindArticle, pages.KindUnit, pages.KindNotFound, pages.KindBlocYear}
	f.Fuzz(func(t *testing.T, base, title, desc, path, image, crumbTitle, crumbPath, unitID string, kind uint8, english bool) {
		for _, s := range []string{base, title, desc, path, image, crumbTitle, crumbPath, unitID} {
			if !utf8.ValidString(s) {
				return // loading accepts only UTF-8 text
			}
		}
		u, err := url.Parse(base)
		if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return // base_url is checked to be an absolute http(s) address
		}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		lang := "vi"
		if english {
			lang = "en"
		}
		site := &model.Site{Config: model.Config{Title: title, BaseURL: u, Language: lang, Description: desc}}
		r := newRenderer(t, site, nil)
		ref := template.Must(template.New("").Funcs(r.funcMap()).Parse(templates))
		p := &pages.Page{Kind: kinds[int(kind)%len(kinds)], Path: path, Title: title, Description: desc,
			Crumbs: []pages.Crumb{{Title: "Trang chủ"}, {Title: crumbTitle, Path: crumbPath}}}
		if p.Kind == pages.KindArticle {
			p.Article = &model.Article{Slug: "bai", Title: title, Image: image, Date: time.Date(2025, 1, 8, 14, 30, 0, 0, time.UTC)}
		}
		d := Data{Site: site, Page: p}
		for name, got := range map[string]template.HTML{"meta": r.metaTags(d), "crumbs": r.crumbs(d)} {
			var want strings.Builder
			if err := ref.ExecuteTemplate(&want, name, d); err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Fatalf("%s:\ngot  %q\nwant %q", name, got, want.String())
			}
		}
		unit := &model.Unit{ID: unitID, Name: title}
		got, err := r.link(unit, title)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		if err := ref.ExecuteTemplate(&want, "link", map[string]any{"X": unit, "Label": title}); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Fatalf("link:\ngot  %q\nwant %q", got, want.String())
		}
	})
}

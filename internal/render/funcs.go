package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// funcMap is the template function map of docs/architecture.md.
func (r *Renderer) funcMap() template.FuncMap {
	lang := r.site.Config.Language
	return template.FuncMap{
		"url":    r.URL,
		"absURL": r.AbsURL,
		"href": func(x any) (string, error) {
			p, err := pages.PathOf(x)
			return r.URL(p), err
		},
		"asset":     func(p string) string { return r.URL("assets/" + strings.TrimPrefix(p, "/")) },
		"t":         r.T,
		"date":      func(t time.Time) string { return vn.FormatDate(t, lang) },
		"shortdate": vn.FormatShortDate,
		"num":       func(n any) (string, error) { return formatNumber(n, lang) },
		"quantity":  func(v float64, unit string) string { return vn.FormatQuantity(v, unit, lang) },
		"rating":    func(x model.Rating) string { return r.T("rating-" + string(x)) },
		"role": func(x model.Role) string {
			if x == model.RoleMember {
				return r.T("role-member")
			}
			return r.T("role-" + string(x))
		},
		"status":      func(x model.AwardStatus) string { return r.T("status-" + string(x)) },
		"awardsTable": awardsTable,
		"stageKey":    model.StageKey,
		"year":        strconv.Itoa,
		// clip N S: S cut at a word to at most N characters, "…" at the end.
		"clip":        func(n int, s string) string { return vn.Clip(s, n) },
		"cardSummary": func(s string) string { return vn.Clip(s, MaxCardSummary) },

		"partialCached": r.partialCached,
		"articleCards":  r.articleCards,
		"metaTags":      r.metaTags,
		"sharePicture":  sharePicture,
		"crumbs":        r.crumbs,
		"link":          r.link,
		"unitIn":        r.unitIn,
		"unitsIn":       r.unitsIn,
	}
}

// unitIn is a link to the page of u labelled with the name u bore in
// year, followed, when that is not its current name, by the current one:
// "<a …>Ban Dân tộc tỉnh</a> <span class="now-name">(nay là Sở Dân tộc và
// Tôn giáo)</span>". Every year-scoped list names a unit by it.
func (r *Renderer) unitIn(u *model.Unit, year int) (template.HTML, error) {
	p, err := pages.PathOf(u)
	if err != nil {
		return "", err
	}
	html := anchor(r.URL(p), "", u.NameIn(year))
	if u.Renamed(year) {
		html += ` <span class="now-name">(` + escapeHTML(r.T("name_now")) + " " + escapeHTML(u.Name) + `)</span>`
	}
	return template.HTML(html), nil
}

// unitsIn is unitIn of each of us, with commas between.
func (r *Renderer) unitsIn(us []*model.Unit, year int) (template.HTML, error) {
	var b strings.Builder
	for i, u := range us {
		if i > 0 {
			b.WriteString(", ")
		}
		h, err := r.unitIn(u, year)
		if err != nil {
			return "", err
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// partialKey names one rendering of a partial: its variants are one
// string as it is (as most are, an article's file), or any others as
// variantKey writes them.
type partialKey struct {
	name      string
	variants  string
	oneString bool
}

// keyOf is the partialKey of the partial name with variants.
func keyOf(name string, variants []any) partialKey {
	if len(variants) == 1 {
		if s, ok := variants[0].(string); ok {
			return partialKey{name: name, variants: s, oneString: true}
		}
	}
	return partialKey{name: name, variants: variantKey(variants)}
}

// variantKey is a string that tells apart lists of variants: strings and
// ints written as themselves, anything else by its type and Go syntax.
func variantKey(variants []any) string {
	var b strings.Builder
	for _, v := range variants {
		switch v := v.(type) {
		case string:
			b.WriteString("s")
			b.WriteString(strconv.Itoa(len(v)))
			b.WriteString(":")
			b.WriteString(v)
		case int:
			b.WriteString("i")
			b.WriteString(strconv.Itoa(v))
			b.WriteString(";")
		case bool:
			b.WriteString(strconv.FormatBool(v))
			b.WriteString(";")
		default:
			fmt.Fprintf(&b, "%T:%#v;", v, v)
		}
	}
	return b.String()
}

// partialCached renders the partial template name (base.html's or one of
// partials/) with data once per build for each distinct list of variants,
// and gives that HTML to every later call with the same name and variants,
// as Hugo's partialCached does. The partial must depend only on the site
// and on the variants, not on the rest of data: the site's header, for
// one, differs only by the kind of page.
func (r *Renderer) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	key := keyOf(name, variants)
	r.mu.RLock()
	html, ok := r.cached[key]
	r.mu.RUnlock()
	if ok {
		return html, nil
	}
	if r.common == nil || r.common.Lookup(name) == nil {
		return "", fmt.Errorf("partialCached: no template %q", name)
	}
	var b strings.Builder
	if err := r.common.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if html, ok := r.cached[key]; ok {
		return html, nil // another page rendered it meanwhile
	}
	r.cached[key] = template.HTML(b.String())
	return r.cached[key], nil
}

// articleCards is the items of a list of articles: for each, on a line of
// its own, "<li>", the partial "article-card" of the article as
// partialCached "article-card" A A.Path gives it, and "</li>". Written in
// Go, for the lists of a bloc, a year or a unit hold hundreds of articles,
// and a template spends microseconds on each item.
func (r *Renderer) articleCards(list []*model.Article) (template.HTML, error) {
	const open, end = "\n<li>", "</li>"
	cards := make([]template.HTML, len(list))
	size := 0
	for i, a := range list {
		card, err := r.partialCached("article-card", a, a.Path)
		if err != nil {
			return "", err
		}
		cards[i] = card
		size += len(open) + len(card) + len(end)
	}
	var b strings.Builder
	b.Grow(size)
	for _, card := range cards {
		b.WriteString(open)
		b.WriteString(string(card))
		b.WriteString(end)
	}
	return template.HTML(b.String()), nil
}

// URL joins the site's base path and a site-relative path: "khoi/" gives
// "/thidua/khoi/" under https://example.org/thidua/.
func (r *Renderer) URL(p string) string {
	return r.site.Config.BasePath() + strings.TrimPrefix(p, "/")
}

// AbsURL is the absolute URL of a site-relative path.
func (r *Renderer) AbsURL(p string) string {
	return r.site.Config.BaseURL.String() + strings.TrimPrefix(p, "/")
}

// formatNumber formats an int or float in the site's language.
func formatNumber(n any, lang string) (string, error) {
	switch v := n.(type) {
	case int:
		return vn.FormatInt(int64(v), lang), nil
	case int64:
		return vn.FormatInt(v, lang), nil
	case float64:
		return vn.FormatFloat(v, lang), nil
	case *float64:
		if v == nil {
			return "", nil
		}
		return vn.FormatFloat(*v, lang), nil
	}
	return "", fmt.Errorf("num: cannot format a %T", n)
}

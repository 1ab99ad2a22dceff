package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/ogimage"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// The functions here write markup every page has, and the links that fill
// its lists, in Go rather than in a template: a template spends about a
// microsecond on each value it writes, and these few dozen values on each
// of ten thousand pages were a tenth of a build's rendering. Their output
// is byte for byte what html/template gives for layouts/partials/meta.html
// and crumbs.html as they were, and for <a href="{{href X}}">{{LABEL}}</a>;
// a site's own layouts may still define "meta" and "crumbs" as templates.

// The longest description of a page in its head, and of an article on
// its card in a list, in characters: search engines show about 160, and a
// card of more than a few lines pushes the next one off a phone's screen.
const (
	MaxDescription = 160
	MaxCardSummary = 300
)

// metaTags returns the description, canonical URL, Open Graph and Twitter
// tags of d's page, each on a line of its own.
func (r *Renderer) metaTags(d Data) template.HTML {
	p, config := d.Page, d.Site.Config
	title := p.Title
	if p.Kind == pages.KindHome {
		title = config.Title
	}
	desc := p.Description
	if desc == "" {
		desc = config.Description
	}
	desc = vn.Clip(desc, MaxDescription)
	pic, hasPic := ogimage.Of(d.Site, p)

	var b strings.Builder
	tag := func(start, name, attr, value string) {
		b.WriteString("\n<")
		b.WriteString(start)
		b.WriteString(`="`)
		b.WriteString(name)
		b.WriteString(`" `)
		b.WriteString(attr)
		b.WriteString(`="`)
		b.WriteString(value)
		b.WriteString(`">`)
	}
	meta := func(name, value string) { tag("meta name", name, "content", escapeHTML(value)) }
	property := func(name, value string) { tag("meta property", name, "content", escapeHTML(value)) }

	if desc != "" {
		meta("description", desc)
	}
	if p.Kind == pages.KindNotFound {
		meta("robots", "noindex")
	} else {
		url := r.AbsURL(p.Path)
		tag("link rel", "canonical", "href", urlAttr(url))
		property("og:url", url)
	}
	if p.Article != nil {
		property("og:type", "article")
	} else {
		property("og:type", "website")
	}
	property("og:site_name", config.Title)
	property("og:title", title)
	if desc != "" {
		property("og:description", desc)
	}
	if config.Language == "en" {
		property("og:locale", "en_US")
	} else {
		property("og:locale", "vi_VN")
	}
	if hasPic {
		property("og:image", r.AbsURL(pic.Path))
		property("og:image:type", pic.Type)
		if pic.Width > 0 {
			property("og:image:width", strconv.Itoa(pic.Width))
			property("og:image:height", strconv.Itoa(pic.Height))
		}
		property("og:image:alt", pic.Alt)
	}
	if p.Article != nil {
		property("article:published_time", p.Article.Date.Format("2006-01-02T15:04:05Z07:00"))
	}
	if hasPic {
		meta("twitter:card", "summary_large_image")
	} else {
		meta("twitter:card", "summary")
	}
	meta("twitter:title", title)
	if desc != "" {
		meta("twitter:description", desc)
	}
	if hasPic {
		meta("twitter:image", r.AbsURL(pic.Path))
		meta("twitter:image:alt", pic.Alt)
	}
	return template.HTML(b.String())
}

// sharePicture returns the picture of d's page when it is shared, nil for
// none.
func sharePicture(d Data) *ogimage.Picture {
	if pic, ok := ogimage.Of(d.Site, d.Page); ok {
		return &pic
	}
	return nil
}

// crumbs returns the breadcrumb navigation of d's page, from the home page
// to the page itself, or nothing when it has no crumbs.
func (r *Renderer) crumbs(d Data) template.HTML {
	p := d.Page
	if len(p.Crumbs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<nav class="crumbs wrap" aria-label="`)
	b.WriteString(escapeHTML(r.T("breadcrumbs")))
	b.WriteString("\">\n<ol>")
	for _, c := range p.Crumbs {
		b.WriteString("\n<li>" + anchor(r.URL(c.Path), "", c.Title) + "</li>")
	}
	b.WriteString("\n<li>" + anchor(r.URL(p.Path), ` aria-current="page"`, p.Title) + "</li>")
	b.WriteString("\n</ol>\n</nav>")
	return template.HTML(b.String())
}

// link returns the HTML of a link to the page of x, at the URL href gives,
// whose text is label: a string, or an int written as digits (a year).
func (r *Renderer) link(x any, label any) (template.HTML, error) {
	p, err := pages.PathOf(x)
	if err != nil {
		return "", err
	}
	var text string
	switch l := label.(type) {
	case string:
		text = l
	case int:
		text = strconv.Itoa(l)
	default:
		return "", fmt.Errorf("link: the label is a %T, not a string or an int", label)
	}
	return template.HTML(anchor(r.URL(p), "", text)), nil
}

// anchor is the HTML of a link to url, with the attributes attrs (HTML,
// each after a space) and the text text.
func anchor(url, attrs, text string) string {
	return `<a href="` + urlAttr(url) + `"` + attrs + `>` + escapeHTML(text) + `</a>`
}

// urlAttr is url as html/template writes it in a URL attribute: filtered,
// normalised and escaped.
func urlAttr(url string) string { return escapeHTML(normalizeURL(filterURL(url))) }

// htmlEscaper escapes text and quoted attribute values as html/template
// does.
var htmlEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// filterURL returns u, or "#ZgotmplZ" when it has a scheme other than
// http, https or mailto, as html/template does with a URL attribute.
func filterURL(u string) string {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return u
}

// normalizeURL percent-encodes the bytes of u that a URL may not hold, as
// html/template does with a URL attribute: not letters, digits, the
// unreserved and reserved characters of RFC 3986 (but ' ( and )), or a %
// that starts an escape (two hex digits, not at the very end, as
// html/template has it).
func normalizeURL(u string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0 {
			continue
		}
		if c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]) {
			continue
		}
		b.WriteString(u[written:i])
		b.WriteByte('%')
		b.WriteByte("0123456789abcdef"[c>>4])
		b.WriteByte("0123456789abcdef"[c&15])
		written = i + 1
	}
	if written == 0 {
		return u
	}
	b.WriteString(u[written:])
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

package load

import (
	"bytes"
	"errors"
	"html/template"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/vn"
)

// ArticleFile is a news article as written: front matter and body.
type ArticleFile struct {
	Path    string
	Slug    Ident // from slug:, or from the file name at 1:1; ID "" when invalid
	Title   string
	Date    time.Time // zero when missing or wrong
	Summary string    // front matter summary, else the first paragraph
	// ShortSummary is set when the front matter has no summary and the
	// first paragraph is too short to be one (see usableSummary).
	ShortSummary bool
	Author       string
	Image        string // as written; "" when none
	ImageAt      Pos
	Blocs        []Ident
	Year         int
	Units        []Ident
	Draft        bool
	HTML         template.HTML // the body, rendered
	BodyLine     int           // the file line where the body starts, 1-based
	Terms        string        // the distinct search terms of the body's text, one space between
	Refs         []model.Ref   // site-relative and relative links and images, at file lines
}

// PageFile is a standalone page as written.
type PageFile struct {
	Path     string
	Slug     Ident
	Title    string
	Summary  string
	HTML     template.HTML // the body, rendered
	BodyLine int
	Refs     []model.Ref
}

// document is a Markdown file split into its front matter and body.
type document struct {
	d        *decoder
	f        fields
	ok       bool // the front matter is a map
	slug     Ident
	html     template.HTML
	bodyLine int
	info     markdown.Info
	bodies   *Bodies // that rendered the body
}

// readDocument splits a Markdown file with YAML front matter, checks the
// front matter's keys, reads its slug (defaulting to the file name) and
// renders the body with bodies (nil means those of defaultConverter),
// parsing it once for both its HTML and what the checks and the search need
// to know of it.
func readDocument(file string, src []byte, bodies *Bodies, known, required []string) *document {
	src = clean(src)
	doc := &document{d: newDecoder(file, 1), bodyLine: 1}
	body := src
	d := doc.d
	fm, fmBody, bodyLine, closed := splitFrontMatter(src)
	switch {
	case !d.checkText(src, 1, false):
		body = nil
	case fm == nil:
		d.error(Pos{Line: 1, Column: 1}, "no-front-matter")
	case !closed:
		d.error(Pos{Line: 1, Column: 1}, "front-matter-open")
	default:
		body, doc.bodyLine = fmBody, bodyLine
		if root := d.parse(fm); root != nil {
			doc.f, doc.ok = d.mapping(root, msg.P("what-front-matter"), known, required)
		} else if d.diags.Len() == 0 {
			d.error(Pos{Line: 1, Column: 1}, "empty-front-matter", strings.Join(required, ", "))
		}
	}
	if doc.ok && doc.f.has("slug") {
		doc.slug = d.ident(doc.f, "slug")
	} else {
		name := strings.TrimSuffix(path.Base(file), ".md")
		if validID(name) {
			doc.slug = Ident{ID: name, Pos: Pos{Line: 1, Column: 1}}
		} else {
			d.errorFix(Pos{Line: 1, Column: 1}, "bad-slug", idFix(name), name)
		}
	}
	if bodies == nil {
		bodies = &Bodies{md: defaultConverter()}
	}
	doc.bodies = bodies
	html, _ := bodies.html.Get().(*bytes.Buffer)
	if html == nil {
		html = &bytes.Buffer{}
	}
	html.Reset()
	info, err := bodies.md.Convert(body, html)
	var limit *markdown.LimitError
	switch {
	case errors.As(err, &limit):
		// codes: md-too-many-links, md-nested-quote, md-nested-footnote, md-nested-list, md-too-many-refs, md-row-emphasis, md-paragraph-emphasis, md-table-emphasis, md-too-many-marks
		d.error(Pos{Line: doc.bodyLine + limit.Line - 1, Column: limit.Column}, limit.Code, limit.Args...)
	case err != nil:
		d.error(Pos{Line: doc.bodyLine, Column: 1}, "markdown", err)
	}
	doc.info, doc.html = info, template.HTML(html.String())
	bodies.html.Put(html)
	return doc
}

// defaultConverter is the Converter of a site at the root that escapes raw
// HTML, built once: it is safe for concurrent use, and building one costs
// more than converting a body.
var defaultConverter = sync.OnceValue(func() *markdown.Converter { return markdown.New(markdown.Options{}) })

// Bodies renders the Markdown bodies of articles and pages, and finds the
// search terms of articles. It is safe for concurrent use.
type Bodies struct {
	opts  markdown.Options // of md
	md    *markdown.Converter
	terms vn.TermJoiner // keeps the terms it has met, for the next bodies
	html  sync.Pool     // of *bytes.Buffer, for the HTML of a body
}

// NewBodies returns the Bodies of a site whose Markdown has the options o.
func NewBodies(o markdown.Options) *Bodies { return &Bodies{opts: o, md: markdown.New(o)} }

// refs returns the site-relative and relative references of the body at
// file lines.
func (doc *document) refs() []model.Ref {
	var out []model.Ref
	for _, r := range doc.info.Refs {
		out = append(out, model.Ref{Dest: r.Dest, Line: r.Line + doc.bodyLine - 1, Column: r.Column, Image: r.Image})
	}
	return out
}

// summary is the front matter summary, else the first paragraph.
func (doc *document) summary() string {
	if s := doc.d.str(doc.f, "summary"); s != "" {
		return s
	}
	return doc.info.Summary
}

// splitFrontMatter splits src (LF line ends) into the YAML between a first
// line "---" and the next line "---", and the body after it, which starts
// on file line bodyLine. fm is nil when src does not start with "---";
// closed is false when the front matter never ends.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, closed bool) {
	off := lineEnd(src, 0)
	if !isFence(src[:off]) {
		return nil, src, 1, false
	}
	start := off
	for line := 2; off < len(src); line++ {
		next := lineEnd(src, off)
		if isFence(src[off:next]) {
			return src[start:off], src[next:], line + 1, true
		}
		off = next
	}
	return src[start:], nil, 0, false
}

// lineEnd returns the offset just after the line of src that starts at off.
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// isFence reports whether line is "---", the fence of front matter.
func isFence(line []byte) bool { return string(bytes.TrimRight(line, " \t\n")) == "---" }

// ParseArticle reads a news article of content/news, rendering its body
// with bodies (nil means NewBodies(markdown.Options{})). The result is
// never nil.
func ParseArticle(file string, src []byte, bodies *Bodies) (*ArticleFile, *diag.List) {
	doc := readDocument(file, src, bodies,
		[]string{"title", "date", "slug", "summary", "blocs", "year", "units", "author", "image", "draft"},
		[]string{"title", "date"})
	d, f := doc.d, doc.f
	a := &ArticleFile{
		Path:     file,
		Slug:     doc.slug,
		Title:    d.str(f, "title"),
		Date:     d.date(f, "date"),
		Summary:  doc.summary(),
		Author:   d.str(f, "author"),
		Image:    d.str(f, "image"),
		Blocs:    d.idents(f, "blocs"),
		Year:     d.year(f, "year"),
		Units:    d.idents(f, "units"),
		Draft:    d.boolean(f, "draft"),
		HTML:     doc.html,
		BodyLine: doc.bodyLine,
		Terms:    doc.bodies.terms.Join(doc.info.Text),
		Refs:     doc.refs(),
	}
	if v := f.vals["image"]; v != nil {
		a.ImageAt = d.pos(v)
	}
	a.ShortSummary = d.str(f, "summary") == "" && !usableSummary(doc.info.Summary)
	return a, d.diags
}

// minSummaryWords is the fewest words of a first paragraph that can stand
// for its article on a card and in a share, as a sentence does; a
// caption ("Ảnh: Văn phòng") or a lone link does not.
const minSummaryWords = 5

// usableSummary reports whether the first paragraph s of an article can be
// its summary.
func usableSummary(s string) bool { return len(strings.Fields(s)) >= minSummaryWords }

// ParsePage reads a standalone page of content/pages, rendering its body
// with bodies as ParseArticle does. The result is never nil.
func ParsePage(file string, src []byte, bodies *Bodies) (*PageFile, *diag.List) {
	doc := readDocument(file, src, bodies, []string{"title", "slug", "summary"}, []string{"title"})
	return &PageFile{
		Path:     file,
		Slug:     doc.slug,
		Title:    doc.d.str(doc.f, "title"),
		Summary:  doc.summary(),
		HTML:     doc.html,
		BodyLine: doc.bodyLine,
		Refs:     doc.refs(),
	}, doc.d.diags
}

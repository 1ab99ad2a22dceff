// Package markdown turns the Markdown of articles, pages and descriptions
// into HTML: CommonMark with GFM tables, strikethrough, autolinks and
// footnotes, Vietnamese heading ids, site-relative links under the base path,
// and raw HTML escaped unless the site allows it.
package markdown

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options set up a Converter.
type Options struct {
	// Unsafe lets raw HTML and every link destination through; when false,
	// raw HTML is shown escaped, as text (site.yaml markdown.unsafe).
	Unsafe bool
	// BasePath is the path the site is served under, e.g. "/thidua/".
	// Links and images whose destination starts with "/" (but not "//")
	// are site-relative and get it in front: "/images/a.jpg" becomes
	// "/thidua/images/a.jpg". "" and "/" leave them as they are.
	BasePath string
}

// Converter turns CommonMark with GFM tables, strikethrough, autolinks
// (linkify) and footnotes into HTML. It is built once and safe for
// concurrent use.
type Converter struct {
	md goldmark.Markdown // parses with heading ids; destinations are prefixed after parsing
	// unlinked parses as md does but without linkify, which looks for a
	// link after every space: a body with nothing to link parses faster.
	unlinked parser.Parser
	prefix   string    // what goes in front of a site-relative destination
	buffers  sync.Pool // of *buffers, that one Convert works with
}

// buffers are what one Convert works with, kept for the next.
type buffers struct {
	out  *bufio.Writer // in front of Convert's writer
	text bytes.Buffer  // the plain text of the blocks
}

// New returns a Converter set up by opts.
func New(opts Options) *Converter {
	ids := util.Prioritized(headingIDTransformer{}, 900)
	renderers := []util.PrioritizedValue{util.Prioritized(tableRenderer{}, 100)}
	var rendererOpts []renderer.Option
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	} else {
		renderers = append(renderers, util.Prioritized(escapedHTMLRenderer{}, 100))
	}
	rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(renderers...))

	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.Footnote),
		goldmark.WithParserOptions(parser.WithASTTransformers(ids)),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	unlinked := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote),
		goldmark.WithParserOptions(parser.WithASTTransformers(ids)),
	)
	return &Converter{md: md, unlinked: unlinked.Parser(), prefix: basePrefix(opts.BasePath)}
}

// mayAutolink reports whether Markdown src has what linkify makes a link
// of: an address after "http:", "https:" or "ftp:", one that starts with
// "www.", or an e-mail address, which has an "@". A text without any of
// them parses alike with linkify and without.
func mayAutolink(src []byte) bool {
	return bytes.Contains(src, []byte("http")) || bytes.Contains(src, []byte("ftp:")) ||
		bytes.Contains(src, []byte("www.")) || bytes.IndexByte(src, '@') >= 0
}

// Convert writes the HTML of the Markdown src to w and returns, from the
// same parse, its summary, text, headings and site-relative references,
// whose destinations are as written, without the base path. A body that
// passes one of the bounds of its cost (nesting, emphasis, links, marks
// for its size) is not parsed: the error is a *LimitError, and nothing is
// written.
func (c *Converter) Convert(src []byte, w io.Writer) (Info, error) {
	if err := checkLimits(src); err != nil {
		return Info{}, err
	}
	b, _ := c.buffers.Get().(*buffers)
	if b == nil {
		b = &buffers{out: bufio.NewWriter(nil)}
	}
	defer c.buffers.Put(b)
	p := c.unlinked
	if mayAutolink(src) {
		p = c.md.Parser()
	}
	doc := parse(p, src)
	info := inspect(doc, src, &b.text, c.prefix)
	b.out.Reset(w)
	err := c.md.Renderer().Render(b.out, src, doc)
	if flushErr := b.out.Flush(); err == nil {
		err = flushErr
	}
	b.out.Reset(nil)
	return info, err
}

// parse parses src with heading ids that are unique within this document
// only.
func parse(p parser.Parser, src []byte) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	return p.Parse(text.NewReader(src), parser.WithContext(ctx))
}

// basePrefix turns a base path into what goes in front of a site-relative
// destination: "/thidua/" and "thidua" give "/thidua"; "" and "/" give "".
func basePrefix(basePath string) string {
	p := strings.Trim(basePath, "/")
	if p == "" {
		return ""
	}
	return "/" + p
}

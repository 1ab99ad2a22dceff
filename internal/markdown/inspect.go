package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// Info is what the checks, the lists and the search need to know of a
// Markdown body besides its HTML.
type Info struct {
	Summary  string    // plain text of the first paragraph, whitespace collapsed
	Text     string    // plain text of the paragraphs, headings, list items and table cells, a line break between, white space as written: for search
	Refs     []Ref     // every link and image whose destination is site-relative or relative, in source order
	Headings []Heading // in source order
}

// Ref is a link or image whose destination is site-relative (it starts with
// "/" but not "//") or relative to the page it is on ("anh.jpg",
// "../khoi-8/"; no scheme, and not only a "#fragment").
type Ref struct {
	Dest   string // with Markdown's backslash escapes and character references resolved
	Line   int    // 1-based, of the '[' of a link or the '!' of an image
	Column int    // 1-based, in characters (not bytes) from the start of the line
	Image  bool
}

// Heading is a heading of the body.
type Heading struct {
	Level int    // 1 to 6
	ID    string // the id attribute it is rendered with
	Text  string // plain text
}

// inspect walks the parsed document doc of src, writing the blocks' plain
// text to text, emptied first. Once it has noted a link or image, it puts
// prefix in front of its destination (resolveLink).
func inspect(doc ast.Node, src []byte, text *bytes.Buffer, prefix string) Info {
	lines := lazyLines{src: src}
	var info Info
	text.Reset()
	// block writes the plain text of block n to text and returns it.
	block := func(n ast.Node) []byte {
		before := text.Len()
		if before > 0 {
			text.WriteByte('\n')
		}
		start := text.Len()
		writePlain(text, n, src)
		if text.Len() == start {
			text.Truncate(before)
			return nil
		}
		return text.Bytes()[start:]
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			t := collapseSpace(block(n))
			id, _ := n.AttributeString("id")
			idBytes, _ := id.([]byte)
			info.Headings = append(info.Headings, Heading{Level: n.Level, ID: string(idBytes), Text: t})
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			t := block(n)
			if info.Summary == "" && n.Kind() == ast.KindParagraph && n.Parent() == doc {
				info.Summary = collapseSpace(t)
			}
		case *ast.Link:
			info.Refs = appendRef(info.Refs, n, n.Destination, false, &lines)
			resolveLink(n, prefix)
		case *ast.Image:
			info.Refs = appendRef(info.Refs, n, n.Destination, true, &lines)
			resolveLink(n, prefix)
		}
		return ast.WalkContinue, nil
	})
	info.Text = text.String()
	return info
}

// appendRef appends the link or image n to refs when its destination is
// site-relative or relative.
func appendRef(refs []Ref, n ast.Node, raw []byte, image bool, lines *lazyLines) []Ref {
	dest := destination(raw)
	if !isSiteRelative(dest) && !isRelative(dest) {
		return refs
	}
	pos := n.Pos() // goldmark places a link at its '[' and an image at its '!'
	if pos < 0 {
		pos = blockStart(n)
	}
	ref := Ref{Dest: dest, Image: image}
	if pos >= 0 {
		ref.Line, ref.Column = lines.position(pos)
	}
	return append(refs, ref)
}

// blockStart returns the offset of the first line of the block that holds
// n, or -1.
func blockStart(n ast.Node) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return -1
}

// lazyLines is the lineIndex of src, made when first asked: most bodies
// have no site-relative or relative link.
type lazyLines struct {
	src   []byte
	index *lineIndex
}

func (l *lazyLines) position(offset int) (line, column int) {
	if l.index == nil {
		x := newLineIndex(l.src)
		l.index = &x
	}
	return l.index.position(offset)
}

// lineIndex turns byte offsets of a source into lines and columns.
type lineIndex struct {
	src    []byte
	starts []int // offset of the first byte of each line
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

// position returns the 1-based line and column, in characters, of offset.
func (x lineIndex) position(offset int) (line, column int) {
	offset = min(offset, len(x.src))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	return i + 1, utf8.RuneCount(x.src[x.starts[i]:offset]) + 1
}

// plainText returns the text a reader sees in the inline content of n,
// without markup, images and raw HTML, whitespace collapsed to single spaces.
func plainText(n ast.Node, source []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, source)
	return collapseSpace(b.Bytes())
}

// collapseSpace returns b with each run of white space (as unicode.IsSpace
// tells) turned into one space, and none at either end.
func collapseSpace(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	for len(b) > 0 {
		word := spaceAt(b)
		if word > 0 {
			if out.Len() > 0 {
				out.WriteByte(' ')
			}
			out.Write(b[:word])
		}
		b = b[word:]
		for len(b) > 0 {
			n := spaceLen(b)
			if n == 0 {
				break
			}
			b = b[n:]
		}
	}
	return out.String()
}

// spaceAt returns the offset of the first white space in b, or len(b).
func spaceAt(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if asciiSpace[b[i]] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return len(b)
}

// spaceLen returns the length of the white space rune that b starts with,
// or 0 when it starts with another.
func spaceLen(b []byte) int {
	if b[0] < utf8.RuneSelf {
		if asciiSpace[b[0]] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRune(b)
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// asciiSpace tells the ASCII runes that unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func writePlain(b *bytes.Buffer, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			value := c.Segment.Value(source)
			if c.IsRaw() || c.Parent().Kind() == ast.KindCodeSpan {
				b.Write(value)
			} else {
				writeUnescaped(b, value)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				writeUnescaped(b, c.Value)
			}
		case *ast.AutoLink:
			b.Write(c.Label(source))
		case *ast.Image, *ast.RawHTML, *east.FootnoteLink:
			// not text
		default:
			writePlain(b, c, source)
		}
	}
}

// writeUnescaped writes Markdown text value to b with its backslash
// escapes and character references resolved, as the HTML renderer does.
func writeUnescaped(b *bytes.Buffer, value []byte) {
	if bytes.IndexByte(value, '\\') < 0 && bytes.IndexByte(value, '&') < 0 {
		b.Write(value)
		return
	}
	var escaped bytes.Buffer
	w := bufio.NewWriter(&escaped)
	html.DefaultWriter.Write(w, value)
	_ = w.Flush()
	b.WriteString(stdhtml.UnescapeString(escaped.String()))
}

package markdown

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/msg"
)

// The bounds of one body. goldmark spends time and memory on a body in
// proportion to the nodes it builds, about 500 bytes each, and on some
// shapes in proportion to the square of their size. Within these bounds a
// body costs at most about 50 times its size in memory and well under a
// second per megabyte; no article of a real size comes near any of them.
const (
	// maxNesting bounds how deeply lists, block quotes and footnotes nest,
	// counted together: goldmark goes through every open one on each line.
	maxNesting = 32
	// maxDelimiters bounds the runs of *, _ and ~ in one paragraph, heading
	// or table row, which goldmark pairs in time that grows with the square
	// of their number; maxTableDelimiters bounds those of a whole table.
	maxDelimiters      = 1000
	maxTableDelimiters = 20 * maxDelimiters
	// maxReferenceLines bounds the lines of one paragraph that start with
	// "[": goldmark takes link reference definitions off a paragraph in time
	// that grows with the square of their number.
	maxReferenceLines = 1000
	// maxLinkTails bounds the "](" of one line, after each of which goldmark
	// may read the rest of the line for a destination.
	maxLinkTails = 100
	// A body may have minMarks marks (markWeight), or one for every
	// bytesPerMark bytes when that is more.
	minMarks     = 1 << 15
	bytesPerMark = 16
)

// markWeight tells the bytes that may each make goldmark build a node:
// line ends, and the characters of emphasis, tables, links, images, code,
// raw HTML, quotes, entities, escapes and autolinks. It is never changed.
var markWeight = func() (w [256]uint8) {
	for _, c := range []byte("\n*_~|[]!`<>&\\@:") {
		w[c] = 1
	}
	return w
}()

// A LimitError is a Markdown body that passes one of the bounds that keep
// its cost in proportion to its size, at the place where it does.
type LimitError struct {
	Line, Column int    // 1-based, of the body; the column in characters
	Code         string // the code of the message that says what to change, in the catalogue of package msg
	Args         []any  // the values of its text
}

func (e *LimitError) Error() string { return e.Localize(msg.English) }

// Localize returns the error in l, for a message that quotes it.
func (e *LimitError) Localize(l msg.Lang) string {
	// codes: md-too-many-links, md-nested-quote, md-nested-footnote, md-nested-list, md-too-many-refs, md-row-emphasis, md-paragraph-emphasis, md-table-emphasis, md-too-many-marks
	return msg.Sprintf(l, "at-line-column", e.Line, e.Column) + msg.Sprintf(l, e.Code, e.Args...)
}

// container is a block quote, list item or footnote open on a line.
type container struct {
	quote  bool
	indent int // a list item's content column, from 0
}

// limitScan follows the blocks of a body line by line as far as the bounds
// need: the lists, block quotes and footnotes open, and whether a paragraph
// or a table goes on. Where it cannot tell as goldmark would, it counts
// more, never less: it reads fenced code and HTML blocks as text, and
// keeps a container open when unsure.
type limitScan struct {
	stack     []container
	para      bool   // the last line was paragraph text, which the next may continue
	table     bool   // the paragraph has become a table: each row is parsed alone
	prevRow   []byte // the paragraph's last line, the header of a table if a delimiter row follows
	delims    int    // runs of *, _ and ~ of the paragraph (or of the table row)
	allDelims int    // of the paragraph or table
	refLines  int    // lines of the paragraph that start with "["
	marks     int
	maxMarks  int // 0 when the body is too short to pass it
}

// checkLimits reports the first place where the body src passes a bound,
// or nil.
func checkLimits(src []byte) *LimitError {
	s := limitScan{stack: make([]container, 0, 8)}
	if len(src) > minMarks { // a mark takes a byte at least
		s.maxMarks = max(minMarks, len(src)/bytesPerMark)
	}
	for n, start := 1, 0; start < len(src); n++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if err := s.line(src[start:end], n); err != nil {
			return err
		}
		if s.maxMarks > 0 {
			if err := s.countMarks(src[start:min(end+1, len(src))], n); err != nil {
				return err
			}
		}
		start = end + 1
	}
	return nil
}

// line scans line n of the body, without its line end.
func (s *limitScan) line(l []byte, n int) *LimitError {
	if len(l) > 2*maxLinkTails && bytes.Count(l, []byte("](")) > maxLinkTails {
		return errorAt(l, n, nthIndex(l, []byte("]("), maxLinkTails+1),
			"md-too-many-links", maxLinkTails)
	}
	blank := isBlank(l)
	i, col, matched := 0, 0, 0
	for ; matched < len(s.stack); matched++ {
		c := s.stack[matched]
		if c.quote {
			j, w := skipSpaces(l, i, col, col+3)
			if j == len(l) || l[j] != '>' {
				break
			}
			i, col = afterQuote(l, j, w)
		} else if !blank {
			j, w := skipSpaces(l, i, col, c.indent)
			if w < c.indent {
				break
			}
			i, col = j, w
		}
	}
	// A lazy continuation line keeps the containers it does not continue;
	// what it may open replaces them if that is more.
	var kept []container
	if matched < len(s.stack) {
		if s.para && !blank && !interrupts(l, i, col) {
			kept = slices.Clone(s.stack[matched:])
		} else {
			s.endParagraph()
		}
		s.stack = s.stack[:matched]
	}
	// A line that does not interrupt the paragraph continues it, even
	// where the scan opens a container that goldmark does not.
	continues := s.para && !blank && !interrupts(l, i, col)
	for {
		j, w := skipSpaces(l, i, col, col+3)
		if j == len(l) {
			break
		}
		next, nextCol, c, ok := opens(l, j, w)
		if !ok {
			break
		}
		s.stack = append(s.stack, c)
		i, col = next, nextCol
		if !continues {
			s.endParagraph()
		}
		if len(s.stack) > maxNesting {
			switch {
			case c.quote:
				return errorAt(l, n, j, "md-nested-quote", len(s.stack), maxNesting)
			case l[j] == '[':
				return errorAt(l, n, j, "md-nested-footnote", len(s.stack), maxNesting)
			}
			return errorAt(l, n, j, "md-nested-list", len(s.stack), maxNesting)
		}
	}
	if len(s.stack) < matched+len(kept) {
		s.stack = append(s.stack[:matched], kept...)
	}
	if continues {
		return s.text(l, n, l[i:])
	}
	j, w := skipSpaces(l, i, col, col+4)
	rest := l[j:]
	switch {
	case isBlank(rest):
		s.endParagraph()
	case w-col >= 4 && !s.para: // indented code
	case w-col < 4 && isThematicBreak(rest):
		s.endParagraph()
	case w-col < 4 && isHeading(rest): // parsed alone, as a paragraph of one line
		s.endParagraph()
		err := s.text(l, n, rest)
		s.endParagraph()
		return err
	default:
		return s.text(l, n, rest)
	}
	return nil
}

// opens returns the container that line l opens at byte j, column col, and
// the byte and column of its content; ok is false when it opens none.
func opens(l []byte, j, col int) (next, nextCol int, c container, ok bool) {
	if l[j] == '>' {
		next, nextCol = afterQuote(l, j, col)
		return next, nextCol, container{quote: true}, true
	}
	if l[j] == '[' && j+1 < len(l) && l[j+1] == '^' {
		if e := bytes.Index(l[j:], []byte("]:")); e > 0 { // as footnoteMarker, or more
			return j + e + 2, col + e + 2, container{indent: col + 4}, true
		}
	}
	e := listMarker(l, j)
	if e == 0 || isThematicBreak(l[j:]) {
		return 0, 0, container{}, false
	}
	markerEnd := col + e - j
	next, content := skipSpaces(l, e, markerEnd, markerEnd+5)
	if next == len(l) || content-markerEnd > 4 {
		next, content = min(e+1, len(l)), markerEnd+1
	}
	return next, content, container{indent: content}, true
}

// afterQuote returns the byte and column after the '>' at byte j, column
// col, of l, and after the space that may follow it.
func afterQuote(l []byte, j, col int) (int, int) {
	if j+1 < len(l) && l[j+1] == ' ' {
		return j + 2, col + 2
	}
	return j + 1, col + 1
}

// text scans rest, the text of line n (l) of a paragraph.
func (s *limitScan) text(l []byte, n int, rest []byte) *LimitError {
	if !s.para {
		s.para, s.table, s.delims, s.allDelims, s.refLines = true, false, 0, 0, 0
	} else if !s.table && isDelimiterRow(rest) && cells(rest) == cells(s.prevRow) {
		s.table, s.delims = true, 0
	}
	s.prevRow = rest
	if s.table {
		s.delims = 0
	}
	if t := rest[indentOf(rest):]; len(t) > 0 && t[0] == '[' {
		s.refLines++
		if s.refLines > maxReferenceLines {
			return errorAt(l, n, len(l)-len(t),
				"md-too-many-refs", maxReferenceLines)
		}
	}
	for k := firstDelimiter(rest); k < len(rest); k++ {
		c := rest[k]
		if c != '*' && c != '_' && c != '~' || k > 0 && rest[k-1] == c {
			continue
		}
		s.delims++
		s.allDelims++
		at := len(l) - len(rest) + k
		switch {
		case s.delims > maxDelimiters && s.table:
			return errorAt(l, n, at, "md-row-emphasis", maxDelimiters)
		case s.delims > maxDelimiters:
			return errorAt(l, n, at, "md-paragraph-emphasis", maxDelimiters)
		case s.allDelims > maxTableDelimiters:
			return errorAt(l, n, at, "md-table-emphasis", maxTableDelimiters)
		}
	}
	return nil
}

// firstDelimiter returns the offset of the first *, _ or ~ of t, or len(t).
func firstDelimiter(t []byte) int {
	first := len(t)
	for _, c := range []byte("*_~") {
		if i := bytes.IndexByte(t[:first], c); i >= 0 {
			first = i
		}
	}
	return first
}

// endParagraph notes that no paragraph goes on.
func (s *limitScan) endParagraph() { s.para, s.table = false, false }

// countMarks adds the marks of line n, line end included, to those of the
// body, and reports where they pass the bound.
func (s *limitScan) countMarks(l []byte, n int) *LimitError {
	before := s.marks
	for _, c := range l {
		s.marks += int(markWeight[c])
	}
	s.marks += bytes.Count(l, []byte("www."))
	if s.marks <= s.maxMarks {
		return nil
	}
	at, marks := 0, before
	for at < len(l) && marks+int(markWeight[l[at]]) <= s.maxMarks {
		marks += int(markWeight[l[at]])
		at++
	}
	return errorAt(l, n, min(at, len(l)-1),
		"md-too-many-marks", s.maxMarks, bytesPerMark)
}

// errorAt returns the LimitError of code at byte at of line n, l.
func errorAt(l []byte, n, at int, code string, args ...any) *LimitError {
	return &LimitError{Line: n, Column: utf8.RuneCount(l[:max(at, 0)]) + 1, Code: code, Args: args}
}

// skipSpaces skips the spaces and tabs of l from byte i, at column col,
// while the column is below limit; it returns the byte and column reached.
// A tab goes to the next multiple of 4.
func skipSpaces(l []byte, i, col, limit int) (int, int) {
	for ; i < len(l) && col < limit; i++ {
		switch l[i] {
		case ' ':
			col++
		case '\t':
			col = col/4*4 + 4
		default:
			return i, col
		}
	}
	return i, col
}

// listMarker returns the offset just after the list marker that l has at
// byte j ("-", "+", "*", or up to 9 digits and "." or ")"), followed by a
// space, a tab or the line end; 0 when there is none.
func listMarker(l []byte, j int) int {
	e := j
	switch c := l[j]; {
	case c == '-' || c == '+' || c == '*':
		e++
	case '0' <= c && c <= '9':
		for e < len(l) && e-j < 9 && '0' <= l[e] && l[e] <= '9' {
			e++
		}
		if e == len(l) || l[e] != '.' && l[e] != ')' {
			return 0
		}
		e++
	default:
		return 0
	}
	if e < len(l) && l[e] != ' ' && l[e] != '\t' {
		return 0
	}
	return e
}

// interrupts reports whether line l, from byte i at column col, surely
// starts a block that ends a paragraph before it: a block quote, a
// footnote, a list item that can (one with text, and a numbered one only
// from 1), a heading, a thematic break or a fenced code block. Any other
// line continues the paragraph, lazily if need be.
func interrupts(l []byte, i, col int) bool {
	j, w := skipSpaces(l, i, col, col+4)
	t := l[j:]
	switch {
	case len(t) == 0 || w-col >= 4:
		return false
	case t[0] == '>' || footnoteMarker(l, j) > 0 || isThematicBreak(t) || isHeading(t) || opensFence(t):
		return true
	}
	e := listMarker(l, j)
	if e == 0 || isBlank(l[e:]) {
		return false
	}
	return l[j] == '-' || l[j] == '+' || l[j] == '*' || string(l[j:e-1]) == "1"
}

// footnoteMarker returns the offset just after the "[^label]:" that opens a
// footnote at byte j of l, or 0. It says 0 of some labels goldmark takes:
// those with brackets, and those too long.
func footnoteMarker(l []byte, j int) int {
	if j+1 >= len(l) || l[j] != '[' || l[j+1] != '^' {
		return 0
	}
	end := bytes.IndexByte(l[j:], ']')
	if end < 0 || end > 500 || j+end+1 >= len(l) || l[j+end+1] != ':' ||
		isBlank(l[j+2:j+end]) || bytes.IndexByte(l[j+2:j+end], '[') >= 0 {
		return 0
	}
	return j + end + 2
}

// isHeading reports whether t starts an ATX heading: one to six # and a
// space, a tab or the line end.
func isHeading(t []byte) bool {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return 1 <= n && n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t')
}

// isBlank reports whether l holds only spaces and tabs.
func isBlank(l []byte) bool { return indentOf(l) == len(l) }

// indentOf returns the offset of the first byte of l that is neither a
// space nor a tab, or len(l).
func indentOf(l []byte) int {
	for i, c := range l {
		if c != ' ' && c != '\t' {
			return i
		}
	}
	return len(l)
}

// isThematicBreak reports whether t is three or more of one of -, * and _,
// with only spaces and tabs between and after.
func isThematicBreak(t []byte) bool {
	if len(t) == 0 || t[0] != '-' && t[0] != '*' && t[0] != '_' {
		return false
	}
	n := 0
	for _, c := range t {
		switch c {
		case t[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// opensFence reports whether t opens a fenced code block: three or more
// backticks or tildes, and no backtick after backticks.
func opensFence(t []byte) bool {
	if len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return false
	}
	n := fenceLen(t)
	return n >= 3 && (t[0] == '~' || bytes.IndexByte(t[n:], '`') < 0)
}

// fenceLen returns how many of its first character t starts with.
func fenceLen(t []byte) int {
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	return n
}

// isDelimiterRow reports whether t is the delimiter row of a table: cells
// of dashes, each perhaps with a colon at either end, between pipes.
func isDelimiterRow(t []byte) bool {
	t = t[indentOf(t):]
	if len(t) == 0 || t[0] != '|' && t[0] != '-' && t[0] != ':' || bytes.IndexByte(t, '-') < 0 {
		return false
	}
	for _, c := range t {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// cells returns how many cells the table row t has: its pipes that no
// backslash escapes, less those at either end, plus one.
func cells(t []byte) int {
	t = bytes.Trim(t, " \t")
	n := 1
	for k, c := range t {
		if c == '|' && (k == 0 || t[k-1] != '\\') && k != 0 && k != len(t)-1 {
			n++
		}
	}
	return n
}

// nthIndex returns the offset of the nth (from 1) sep in l.
func nthIndex(l, sep []byte, nth int) int {
	at := -len(sep)
	for range nth {
		at += len(sep)
		at += bytes.Index(l[at:], sep)
	}
	return at
}

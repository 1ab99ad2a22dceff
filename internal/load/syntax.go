package load

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/vn"
)

// The codes of the YAML syntax errors that syntaxError finds in the bytes
// of a file. Each is an error of a file that is not read (see Complete).
const (
	CodeYAMLTab       = "yaml-tab"
	CodeYAMLQuote     = "yaml-unclosed-quote"
	CodeYAMLBracket   = "yaml-unclosed-bracket"
	CodeYAMLColon     = "yaml-missing-colon"
	CodeYAMLValue     = "yaml-colon-in-value"
	CodeYAMLStart     = "yaml-bad-start"
	CodeYAMLDeeper    = "yaml-indent-deeper"
	CodeYAMLBetween   = "yaml-indent-between"
	CodeYAMLItemInMap = "yaml-item-in-map"
	CodeYAMLNotItem   = "yaml-not-item"
	CodeYAMLSyntax    = "yaml-syntax"
)

// CodeYAMLTwice is the code of the message about bloc.yml or <year>.yml
// beside the .yaml file of the same name, which alone is read.
const CodeYAMLTwice = "yml-twice"

// syntaxProblem is a YAML syntax error at a place of a file, with its
// code and the values of its message.
type syntaxProblem struct {
	Pos
	code string
	args []any
}

// syntaxError returns the mistake that makes src, YAML the library did not
// parse, fail: the library names the line it noticed it on (often one
// after or before the mistake) and no column, so the place and the kind of
// the mistake are found again from the bytes. line is the library's line.
func syntaxError(src []byte, line int) syntaxProblem {
	for _, n := range []int{line, line + 1} {
		if col := tabIndent(src, n); col > 0 {
			return syntaxProblem{Pos{n, col}, CodeYAMLTab, nil}
		}
	}
	lines := scanLines(src)
	if p, ok := unclosed(lines, line); ok {
		return p
	}
	if p, ok := structure(lines); ok {
		return p
	}
	return syntaxProblem{Pos{line, 1}, CodeYAMLSyntax, nil}
}

// yamlLine is what syntaxError needs to know of one line of a YAML file.
type yamlLine struct {
	num    int    // 1-based
	text   string // without its line end
	indent int    // spaces before the first character
	skip   bool   // blank, a comment, or inside a text or brackets begun above
	item   bool   // starts with "- "
	key    string // the field the line names ("id" of "- id: a"), "" for none
	keyAt  int    // the byte offset of key (or of the value of an item)
	opens  bool   // the line ends with "key:" or "-": what follows, indented, is its value

	quoteAt   int // the byte offset of a quote not closed on the line, or -1
	bracketAt int // the byte offset of a [ or { not closed in the file, or -1
	colonAt   int // the byte offset of a ": " inside a plain value, or -1
	badAt     int // the byte offset of a value starting with @ or `, or -1
}

// col returns the 1-based column, in characters, of the byte offset off of l.
func (l *yamlLine) col(off int) int { return utf8.RuneCountInString(l.text[:off]) + 1 }

// scanLines splits src into lines and reads each as syntaxError needs.
// Lines of a block text (after | or >) and of brackets or quotes left open
// are marked skip.
func scanLines(src []byte) []*yamlLine {
	var out []*yamlLine
	textIndent := -1 // the indentation a block text's lines go deeper than
	flow := 0        // brackets open from the lines above
	quote := ""      // the quote open from the lines above
	for i, raw := range bytes.Split(src, []byte("\n")) {
		l := &yamlLine{num: i + 1, text: string(raw), quoteAt: -1, bracketAt: -1, colonAt: -1, badAt: -1}
		out = append(out, l)
		trimmed := strings.TrimLeft(l.text, " ")
		l.indent = len(l.text) - len(trimmed)
		switch {
		case quote != "":
			l.skip = true
			if strings.Contains(l.text, quote) {
				quote = ""
			}
			continue
		case flow > 0:
			l.skip = true
			flow += bracketDepth(l.text)
			continue
		case strings.TrimSpace(trimmed) == "" || trimmed[0] == '#':
			l.skip = true
			continue
		case textIndent >= 0 && l.indent > textIndent:
			l.skip = true
			continue
		}
		textIndent = -1
		if l.read() {
			textIndent = l.indent
		}
		if l.quoteAt >= 0 {
			quote = l.text[l.quoteAt : l.quoteAt+1]
		}
		if l.bracketAt >= 0 {
			flow = bracketDepth(l.text[l.bracketAt:])
		}
	}
	// A bracket left open on a line may be closed on a later one: it is a
	// mistake only when the file never closes it.
	for i, l := range out {
		if l.bracketAt < 0 {
			continue
		}
		depth := bracketDepth(l.text[l.bracketAt:])
		for _, next := range out[i+1:] {
			if depth += bracketDepth(next.text); depth <= 0 {
				l.bracketAt = -1
				break
			}
		}
	}
	return out
}

// bracketDepth returns how many more brackets s opens than it closes.
func bracketDepth(s string) int {
	return strings.Count(s, "[") + strings.Count(s, "{") - strings.Count(s, "]") - strings.Count(s, "}")
}

// read reads the fields, item marks and values of l, and reports whether
// its value is a block text (| or >) whose lines follow.
func (l *yamlLine) read() (blockText bool) {
	s, i := l.text, l.indent
	if strings.HasPrefix(s[i:], "- ") || s[i:] == "-" {
		l.item = true
		i = skipSpaces(s, i+1)
		if i == len(s) {
			l.opens = true
			return false
		}
		l.keyAt = i
	}
	if k, after, ok := keyAt(s, i); ok {
		l.key, l.keyAt = k, i
		i = skipSpaces(s, after)
		if i == len(s) || s[i] == '#' {
			l.opens = true
			return false
		}
	}
	return l.readValue(i)
}

// keyAt reads a field name "key:" at s[i:], plain or quoted, and returns
// it and the offset after its colon.
func keyAt(s string, i int) (key string, after int, ok bool) {
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		end := closingQuote(s, i)
		if end < 0 || end+1 >= len(s) || s[end+1] != ':' || !(end+2 == len(s) || s[end+2] == ' ') {
			return "", 0, false
		}
		return s[i : end+1], end + 2, true
	}
	if i < len(s) && strings.IndexByte("[{\"'|>#&*!%@`", s[i]) >= 0 {
		return "", 0, false
	}
	for j := i; j < len(s); j++ {
		if s[j] == ' ' && j+1 < len(s) && s[j+1] == '#' {
			return "", 0, false
		}
		if s[j] == ':' && (j+1 == len(s) || s[j+1] == ' ') {
			return s[i:j], j + 1, j > i
		}
	}
	return "", 0, false
}

// readValue reads the value of l that starts at s[i:]: it notes a quote or
// bracket left open, a ": " in a plain value and a character no plain
// value may start with, and reports whether the value is a block text.
func (l *yamlLine) readValue(i int) (blockText bool) {
	s := l.text
	if i >= len(s) {
		return false
	}
	// Anchors and tags come before the value they name.
	for i < len(s) && (s[i] == '&' || s[i] == '!') {
		i = skipSpaces(s, skipWord(s, i))
	}
	if i >= len(s) {
		return false
	}
	switch s[i] {
	case '"', '\'':
		if closingQuote(s, i) < 0 {
			l.quoteAt = i
		}
		return false
	case '[', '{':
		if !l.flowCloses(i) {
			l.bracketAt = i
		}
		return false
	case '|', '>':
		return true
	case '@', '`':
		l.badAt = i
		return false
	}
	for j := i; j < len(s); j++ {
		switch {
		case s[j] == ' ' && j+1 < len(s) && s[j+1] == '#':
			return false
		case s[j] == ':' && (j+1 == len(s) || s[j+1] == ' '):
			l.colonAt = j
			return false
		}
	}
	return false
}

// flowCloses reports whether the brackets opened at s[i] close on the
// line; it notes a quote inside them left open.
func (l *yamlLine) flowCloses(i int) bool {
	s, depth := l.text, 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return true
			}
		case '"', '\'':
			if j > i && strings.IndexByte("[{, ", s[j-1]) < 0 {
				continue // a quote inside a word: part of the text
			}
			end := closingQuote(s, j)
			if end < 0 {
				l.quoteAt = j
				return true
			}
			j = end
		case '#':
			if s[j-1] == ' ' {
				return false
			}
		}
	}
	return false
}

// closingQuote returns the offset of the quote that closes the one at
// s[i], or -1 when the line does not close it.
func closingQuote(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == q:
			return j
		}
	}
	return -1
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func skipWord(s string, i int) int {
	for i < len(s) && s[i] != ' ' {
		i++
	}
	return i
}

// unclosed returns the first quote on a line up to line that its line
// does not close, or the first bracket the file never closes.
func unclosed(lines []*yamlLine, line int) (syntaxProblem, bool) {
	for _, l := range lines {
		switch {
		case l.num > line+1:
			return syntaxProblem{}, false
		case l.quoteAt >= 0 && l.num <= line:
			q := l.text[l.quoteAt : l.quoteAt+1]
			fixed := strings.TrimRight(l.text[l.indent:], " ") + q
			return syntaxProblem{Pos{l.num, l.col(l.quoteAt)}, CodeYAMLQuote, []any{q, suggestion(fixed)}}, true
		case l.bracketAt >= 0:
			open := l.text[l.bracketAt : l.bracketAt+1]
			shut := map[string]string{"[": "]", "{": "}"}[open]
			return syntaxProblem{Pos{l.num, l.col(l.bracketAt)}, CodeYAMLBracket, []any{open, shut}}, true
		}
	}
	return syntaxProblem{}, false
}

// level is a map, a list or a value open at an indentation.
type level struct {
	indent int
	list   bool
	text   bool      // a value, not a map or list: "a:" then "  text"
	first  *yamlLine // where it starts
	last   *yamlLine // its last line at its indentation
}

// structure reads the indentation of the lines as the YAML library does,
// and returns the first line that breaks it or a line that breaks the
// rules of one line.
func structure(lines []*yamlLine) (syntaxProblem, bool) {
	var stack []level
	var prev *yamlLine
	at := func(l *yamlLine, code string, args ...any) (syntaxProblem, bool) {
		return syntaxProblem{Pos{l.num, l.indent + 1}, code, args}, true
	}
	for _, l := range lines {
		if l.skip {
			continue
		}
		if l.badAt >= 0 {
			return syntaxProblem{Pos{l.num, l.col(l.badAt)}, CodeYAMLStart, []any{l.text[l.badAt : l.badAt+1], quoteValue(l, l.badAt)}}, true
		}
		n := l.indent
		top := func() *level { return &stack[len(stack)-1] }
		switch {
		case len(stack) == 0:
		case n > top().indent && prev.opens:
		case n > top().indent:
			// Deeper than a line that has its value: more of a text, unless
			// it names a field.
			if l.key != "" && !l.item {
				return at(l, CodeYAMLDeeper, prev.num, strings.TrimSpace(l.text))
			}
			continue
		default:
			var poppedLevel level
			for len(stack) > 0 && top().indent > n {
				poppedLevel = *top()
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || top().indent < n {
				below := poppedLevel
				if len(stack) > 0 {
					below = *top()
				}
				return at(l, CodeYAMLBetween, n, poppedLevel.indent, poppedLevel.last.num, below.indent, below.last.num)
			}
			t := top()
			switch {
			case t.text && (l.key != "" || l.item):
				return missingColon(t.first)
			case t.text:
				continue
			case t.list && !l.item && len(stack) > 1 && stack[len(stack)-2].indent == n && !stack[len(stack)-2].list:
				// "key:" then "- item" at the same indentation: the list ends here.
				stack = stack[:len(stack)-1]
				if l.key == "" {
					return missingColon(l)
				}
			case t.list && !l.item:
				return at(l, CodeYAMLNotItem, t.first.num)
			case !t.list && l.item && prev.opens && prev.indent == n && prev.key != "":
				stack = append(stack, level{indent: n, list: true, first: l, last: l})
			case !t.list && l.item:
				return at(l, CodeYAMLItemInMap, t.first.num)
			case !t.list && l.key == "":
				return missingColon(l)
			}
		}
		if len(stack) == 0 || n > top().indent {
			switch {
			case l.item:
				stack = append(stack, level{indent: n, list: true, first: l, last: l})
			case l.key != "":
				stack = append(stack, level{indent: n, first: l, last: l})
			default:
				stack = append(stack, level{indent: n, text: true, first: l, last: l})
			}
		}
		top().last = l
		if l.item && l.key != "" {
			stack = append(stack, level{indent: l.col(l.keyAt) - 1, first: l, last: l})
		}
		if l.colonAt >= 0 {
			return syntaxProblem{Pos{l.num, l.col(l.colonAt)}, CodeYAMLValue, []any{quoteValue(l, l.valueStart())}}, true
		}
		prev = l
	}
	return syntaxProblem{}, false
}

// valueStart returns the byte offset where the value of l starts.
func (l *yamlLine) valueStart() int {
	if l.key == "" {
		return l.keyAt
	}
	return skipSpaces(l.text, l.keyAt+len(l.key)+1)
}

// quoteValue returns l with its value from off on in double quotes, as the
// message suggests to write it.
func quoteValue(l *yamlLine, off int) string {
	v := strings.TrimRight(l.text[off:], " ")
	v = strings.ReplaceAll(strings.ReplaceAll(v, `\`, `\\`), `"`, `\"`)
	return suggestion(l.text[l.indent:off] + `"` + v + `"`)
}

// maxSuggestion is the most characters of a line a message quotes as
// what to write.
const maxSuggestion = 120

// suggestion returns the line s that a message says to write, cut with
// "…" when it is long.
func suggestion(s string) string {
	if utf8.RuneCountInString(s) <= maxSuggestion {
		return s
	}
	return vn.Clip(s, maxSuggestion)
}

// missingColon returns the problem of l, a line whose field name lacks
// its ": ", at the place the ": " goes: after a colon that no space
// follows, or else after the first word.
func missingColon(l *yamlLine) (syntaxProblem, bool) {
	start := l.indent
	if l.item {
		start = skipSpaces(l.text, start+1)
	}
	s := l.text[start:]
	fix := func(at int, with string) (syntaxProblem, bool) {
		return syntaxProblem{Pos{l.num, l.col(start + at)}, CodeYAMLColon, []any{suggestion(s[:at] + with + strings.TrimLeft(s[at:], " "))}}, true
	}
	if i := strings.IndexByte(s, ':'); i > 0 && i+1 < len(s) && s[i+1] != ' ' {
		return fix(i+1, " ")
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		return fix(i, ": ")
	}
	return fix(len(s), ": …")
}

package load

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/vn"
)

// DefaultMaxFileSize is the largest YAML or Markdown file loading reads when
// Options.MaxFileSize is 0: 10 MiB, far more than any record or article
// needs. Files under static/ are copied, not read, and have no limit.
const DefaultMaxFileSize = 10 << 20

// maxDepth bounds how deeply the values of a YAML file may nest. The format
// needs five levels at most; a file nested deeper is a mistake or an attack.
const maxDepth = 50

// maxSeparators bounds the lines, commas and opening brackets of one YAML
// file, each of which may start a value: the YAML library builds every value
// in memory (about 200 bytes each) before the loader sees any, so a 10 MiB
// file of one-character items would take a gigabyte. 400,000 is ten times
// the largest units.yaml a national aggregation of every province needs.
const maxSeparators = 400_000

// textProblem returns the place and a description of the first NUL byte
// or byte that is not UTF-8 in src; when yamlText is set, also of the first
// character YAML does not allow in a file (control characters other than
// tab and line ends, the C1 controls, U+FFFE and U+FFFF, a byte order mark
// after the start). line is firstLine for the first line of src; code is
// the code of the message ("" when src is clean) and arg its value.
func textProblem(src []byte, firstLine int, yamlText bool) (p Pos, code string, arg any) {
	line, col := firstLine, 1
	if bytes.HasPrefix(src, bom) {
		src = src[len(bom):]
	}
	if !yamlText && utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return Pos{}, "", nil // most text, at the speed of the two scans
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return Pos{line, col}, "not-utf8", fmt.Sprintf("0x%02X", src[i])
		case r == 0:
			return Pos{line, col}, "nul-byte", nil
		case r == '\n':
			line, col = line+1, 1
			i += size
			continue
		case yamlText && !yamlAllows(r):
			return Pos{line, col}, "control-char", fmt.Sprintf("U+%04X", r)
		}
		col++
		i += size
	}
	return Pos{}, "", nil
}

// bom is the UTF-8 byte order mark.
var bom = []byte("\uFEFF")

// yamlAllows reports whether YAML allows the character r in a file.
func yamlAllows(r rune) bool {
	switch {
	case r == '\t' || r == '\r' || r == 0x85:
		return true
	case r < 0x20 || r >= 0x7F && r <= 0x9F:
		return false
	case r == 0xFEFF || r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return true
}

// checkText reports the first problem of textProblem in src, whose first
// line is line firstLine of the file, and returns false if there is one.
// A file that looks written in another encoding than UTF-8 gets one
// message, naming it, instead.
// Its codes are among those of a file that is not read (see Complete): what
// the file defines is missing.
func (d *decoder) checkText(src []byte, firstLine int, yamlText bool) bool {
	p, code, arg := textProblem(src, firstLine, yamlText)
	if code == "" {
		return true
	}
	if enc := encodingCode(vn.GuessEncoding(src)); enc != "" {
		// codes: encoding-utf16le, encoding-utf16be, encoding-windows1258, encoding-tcvn3, encoding-vni
		d.error(Pos{Line: firstLine, Column: 1}, enc)
		return false
	}
	if arg == nil {
		// codes: nul-byte
		d.diags.Error(d.path, p.Line, p.Column, code)
	} else {
		// codes: not-utf8, control-char
		d.diags.Error(d.path, p.Line, p.Column, code, arg)
	}
	return false
}

// tooManyValues returns the line of src on which it passes maxSeparators
// lines, commas and opening brackets, or 0 when it does not.
func tooManyValues(src []byte) int {
	line, n := 1, 0
	for _, c := range src {
		switch c {
		case '\n':
			line++
			n++
		case ',', '[', '{':
			n++
		default:
			continue
		}
		if n > maxSeparators {
			return line
		}
	}
	return 0
}

// flowTooDeep returns the place in src where brackets first nest more than
// limit deep, or false when they never do. It does not skip quoted text: it
// only places the error of the YAML library, which gives no line.
func flowTooDeep(src []byte, limit int) (Pos, bool) {
	line, col, depth := 1, 1, 0
	for _, c := range src {
		switch c {
		case '\n':
			line, col = line+1, 1
			continue
		case '[', '{':
			depth++
			if depth > limit {
				return Pos{line, col}, true
			}
		case ']', '}':
			depth--
		}
		if c&0xC0 != 0x80 { // count characters, not bytes
			col++
		}
	}
	return Pos{}, false
}

// tooDeep returns the first node of the tree under root that is nested more
// than maxDepth deep, or nil. Aliases are not followed: the walker bounds
// them on its own.
func tooDeep(root *yaml.Node) *yaml.Node {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{root, 1}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth > maxDepth {
			return it.n
		}
		for i := len(it.n.Content) - 1; i >= 0; i-- {
			stack = append(stack, item{it.n.Content[i], it.depth + 1})
		}
	}
	return nil
}

// tabIndent returns the column of the first tab in the indentation of line
// n (1-based) of src, or 0 when its indentation has none.
func tabIndent(src []byte, n int) int {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return 0
		}
		src = src[j+1:]
	}
	for i, c := range src {
		switch c {
		case '\t':
			return i + 1
		case ' ', '-', '?', ':':
			continue
		}
		return 0
	}
	return 0
}

// encodingCode returns the code of the message about a file written in e,
// or "" for no encoding.
func encodingCode(e vn.Encoding) string {
	switch e {
	case vn.UTF16LE:
		return CodeUTF16LE
	case vn.UTF16BE:
		return CodeUTF16BE
	case vn.Windows1258:
		return CodeWindows1258
	case vn.TCVN3:
		return CodeTCVN3
	case vn.VNI:
		return CodeVNI
	}
	return ""
}

// The codes of the messages about a file that is not UTF-8, by the
// encoding it looks written in. Each is an error of a file that is not
// read (see Complete).
const (
	CodeUTF16LE     = "encoding-utf16le"
	CodeUTF16BE     = "encoding-utf16be"
	CodeWindows1258 = "encoding-windows1258"
	CodeTCVN3       = "encoding-tcvn3"
	CodeVNI         = "encoding-vni"
)

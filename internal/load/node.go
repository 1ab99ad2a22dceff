package load

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/vn"
)

// Pos is a place in a file: a 1-based line and column.
type Pos struct{ Line, Column int }

// Ident is an identifier as written in a file, with its place.
type Ident struct {
	ID string
	Pos
}

// idPattern is the identifier pattern of docs/format.md, "General rules".
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validID reports whether s is an identifier (docs/format.md, "General rules").
func validID(s string) bool { return idPattern.MatchString(s) }

// maxNodes bounds the values one file may expand to through aliases, so
// that a file of nested aliases cannot make loading take forever. Values
// written out are not counted: tooManyValues bounds those.
const maxNodes = 100000

// decoder walks the YAML nodes of one file and records its mistakes.
type decoder struct {
	path       string
	lineOffset int // added to every line: the front matter of an article starts on line 2
	diags      *diag.List
	// expanded holds the copies resolve made of what aliases stand for,
	// each true once its own items are copies too.
	expanded  map[*yaml.Node]bool
	copies    int  // of what aliases stand for, made or refused
	exhausted bool // copies passed maxNodes
}

func newDecoder(path string, lineOffset int) *decoder {
	return &decoder{path: path, lineOffset: lineOffset, diags: &diag.List{}}
}

// pos returns the place of n in the file.
func (d *decoder) pos(n *yaml.Node) Pos {
	return Pos{Line: n.Line + d.lineOffset, Column: n.Column}
}

// error reports an error at p whose text is the catalogue's message of code.
func (d *decoder) error(p Pos, code string, args ...any) {
	d.diags.Error(d.path, p.Line, p.Column, code, args...)
}

// warn reports a warning at p whose text is the catalogue's message of code.
func (d *decoder) warn(p Pos, code string, args ...any) {
	d.diags.Warn(d.path, p.Line, p.Column, code, args...)
}

func (d *decoder) errorf(p Pos, code, format string, args ...any) {
	d.diags.Errorf(d.path, p.Line, p.Column, code, format, args...)
}

func (d *decoder) warnf(p Pos, code, format string, args ...any) {
	d.diags.Warnf(d.path, p.Line, p.Column, code, format, args...)
}

// at formats the place p of this file as "path:line:col", for messages that
// name a second place.
func (d *decoder) at(p Pos) string { return fmt.Sprintf("%s:%d:%d", d.path, p.Line, p.Column) }

// parse reads src, clean text whose first line is line 1+lineOffset of the
// file, as one YAML document and returns its root node, nil when the
// document is empty or is not read (which is then reported): it does not
// parse, holds bytes that are not text, has too many values or nests them
// too deep.
func (d *decoder) parse(src []byte) (root *yaml.Node) {
	defer func() {
		if r := recover(); r != nil {
			d.errorf(Pos{Line: 1 + d.lineOffset, Column: 1}, CodeYAML, "the YAML does not parse (%v); check the indentation and quotes", r)
			root = nil
		}
	}()
	if !d.checkText(src, 1+d.lineOffset, true) {
		return nil
	}
	if line := tooManyValues(src); line > 0 {
		d.errorf(Pos{Line: line + d.lineOffset, Column: 1}, CodeYAML, "the file has more than %d lines and list items, more than loading reads from one file; split it, or check that it is the right file", maxSeparators)
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		d.yamlError(src, err)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	if n := tooDeep(doc.Content[0]); n != nil {
		d.errorf(d.pos(n), CodeYAML, "the values here are nested more than %d levels deep, when the format needs a few; check the brackets and the indentation", maxDepth)
		return nil
	}
	return d.resolve(doc.Content[0])
}

// yamlError reports err, an error of the YAML library about src, as the
// mistake syntaxError finds near the line it names.
func (d *decoder) yamlError(src []byte, err error) {
	line, msg := yamlErrorLine(err.Error())
	if strings.HasPrefix(msg, "exceeded max depth") {
		p, _ := flowTooDeep(src, maxFlowDepth)
		d.errorf(Pos{Line: max(p.Line, 1) + d.lineOffset, Column: max(p.Column, 1)}, CodeYAML, "the brackets here are nested more than %d levels deep, when the format needs a few; check that each [ and { is closed", maxFlowDepth)
		return
	}
	p := syntaxError(src, line)
	d.error(Pos{Line: p.Line + d.lineOffset, Column: p.Column}, p.code, p.args...)
}

// maxFlowDepth is how deeply the YAML library lets brackets nest.
const maxFlowDepth = 10000

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlErrorLine splits a message of the yaml package into its line (1 when
// it gives none) and the rest.
func yamlErrorLine(msg string) (int, string) {
	msg, _, _ = strings.Cut(msg, "\n")
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1 {
			return n, m[2]
		}
		return 1, m[2]
	}
	return 1, strings.TrimPrefix(msg, "yaml: ")
}

// resolve returns n, or for an alias what it stands for. What an alias
// stands for is copied, items and all as the walker reaches them, with the
// place of the alias, so that a mistake in it is reported where the alias
// is used. Only the copies are counted: resolve returns nil once more than
// maxNodes are asked for, which it reports once.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		at := n
		for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
			if hops > 100 {
				return nil
			}
			n = n.Alias
		}
		if n == nil || !d.spend(at, 1) {
			return nil
		}
		n = d.copyAt(n, at)
	}
	if n == nil {
		return nil
	}
	if done, ok := d.expanded[n]; !ok || done {
		return n
	}
	if !d.spend(n, len(n.Content)) {
		return nil
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		items[i] = d.copyAt(c, n)
	}
	n.Content = items
	d.expanded[n] = true
	return n
}

// copyAt returns a copy of n, not yet counted, at the place of at.
func (d *decoder) copyAt(n, at *yaml.Node) *yaml.Node {
	c := *n
	c.Line, c.Column = at.Line, at.Column
	if d.expanded == nil {
		d.expanded = map[*yaml.Node]bool{}
	}
	d.expanded[&c] = false
	return &c
}

// spend counts k more copies of what aliases stand for, made at the place
// of at. Once the count passes maxNodes it reports that, once, and returns
// false.
func (d *decoder) spend(at *yaml.Node, k int) bool {
	d.copies += k
	if d.copies <= maxNodes {
		return true
	}
	if !d.exhausted {
		d.exhausted = true
		d.errorf(d.pos(at), CodeYAML, "the file expands to more than %d values through aliases; write the values out instead", maxNodes)
	}
	return false
}

// items returns the resolved items of a sequence node.
func (d *decoder) items(n *yaml.Node) []*yaml.Node {
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = d.resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// describe names what n is, for messages: "a map", "a list", or the value quoted.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	}
	if isNull(n) {
		return "empty"
	}
	return strconv.Quote(n.Value)
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// fields is a checked YAML mapping: each known key with its key and value nodes.
type fields struct {
	at   Pos
	keys map[string]*yaml.Node
	vals map[string]*yaml.Node
}

// has reports whether the mapping gives key a value that is not empty.
func (f fields) has(key string) bool {
	v, ok := f.vals[key]
	return ok && !isNull(v)
}

// mapping checks that n is a map whose keys are among known, each once,
// and that every key of required is there. what names the map in the
// message when n is not a map ("the file", "a member"). It reports unknown
// keys (with the closest known one), repeated keys and missing ones; ok is
// false when n is not a map at all.
func (d *decoder) mapping(n *yaml.Node, what string, known, required []string) (f fields, ok bool) {
	f = fields{keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	if n == nil || d.exhausted {
		return f, false
	}
	f.at = d.pos(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(d.pos(n), "type", "%s must be a map of fields, not %s", what, describe(n))
		return f, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.resolve(n.Content[i]), d.resolve(n.Content[i+1])
		if k == nil || v == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(d.pos(k), "type", "a field name must be plain text, not %s", describe(k))
			continue
		}
		name := k.Value
		if first, dup := f.keys[name]; dup {
			d.errorf(d.pos(k), "duplicate-key", "field %q is given twice, also at %s; keep one", name, d.at(d.pos(first)))
			continue
		}
		if !slices.Contains(known, name) {
			if hint := diag.DidYouMean(name, known); hint != "" {
				d.errorf(d.pos(k), "unknown-field", "unknown field %q%s", name, hint)
			} else {
				d.errorf(d.pos(k), "unknown-field", "unknown field %q; the fields here are %s", name, strings.Join(known, ", "))
			}
			f.keys[name] = k
			continue
		}
		f.keys[name] = k
		f.vals[name] = v
	}
	if d.exhausted {
		// The budget of nodes ran out in this map or before it: what is
		// missing was not read, and is no mistake of the file.
		return f, false
	}
	for _, r := range required {
		if _, ok := f.keys[r]; !ok {
			d.errorf(f.at, "missing-field", "missing required field %q", r)
		} else if v, ok := f.vals[r]; ok && isNull(v) {
			d.errorf(d.pos(v), "missing-field", "required field %q is empty; give it a value", r)
		}
	}
	return f, true
}

// seq returns the items of the field key when it is a list; it reports
// another kind of value. It returns nil when the field is absent or empty.
func (d *decoder) seq(f fields, key string) []*yaml.Node {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return nil
	}
	switch v.Kind {
	case yaml.SequenceNode:
		return d.items(v)
	case yaml.ScalarNode:
		d.errorf(d.pos(v), "type", "field %q must be a list, like [%s], not %s", key, v.Value, describe(v))
	default:
		d.errorf(d.pos(v), "type", "field %q must be a list, not %s", key, describe(v))
	}
	return nil
}

// scalar reports, and returns false, when v is not a single value.
func (d *decoder) scalar(v *yaml.Node, key string, want string) bool {
	if v.Kind == yaml.ScalarNode {
		return true
	}
	d.errorf(d.pos(v), "type", "field %q must be %s, not %s", key, want, describe(v))
	return false
}

// str returns the text of the field key, NFC-normalised and trimmed, or ""
// when it is absent or empty.
func (d *decoder) str(f fields, key string) string {
	v := f.vals[key]
	if v == nil || isNull(v) || !d.scalar(v, key, "text") {
		return ""
	}
	return strings.TrimSpace(vn.NFC(v.Value))
}

// ident returns the identifier in the field key, reporting one that breaks
// the identifier pattern. ID is "" when the field is absent or wrong.
func (d *decoder) ident(f fields, key string) Ident {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return Ident{}
	}
	return d.identNode(v, key)
}

// identNode is ident for a node that is not a field of a map: an item of a list.
func (d *decoder) identNode(v *yaml.Node, key string) Ident {
	if !d.scalar(v, key, "an identifier") {
		return Ident{}
	}
	id := vn.NFC(v.Value)
	if !validID(id) {
		d.errorf(d.pos(v), "bad-id", "%q in field %q is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like \"khoi-8\"", id, key)
		return Ident{}
	}
	return Ident{ID: id, Pos: d.pos(v)}
}

// idents returns the identifiers of the list in the field key.
func (d *decoder) idents(f fields, key string) []Ident {
	var out []Ident
	for _, it := range d.seq(f, key) {
		if id := d.identNode(it, key); id.ID != "" {
			out = append(out, id)
		}
	}
	return out
}

// integer returns the whole number in the field key; ok is false when it is
// absent, empty or not a whole number (which is reported).
func (d *decoder) integer(f fields, key string) (n int, p Pos, ok bool) {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return 0, Pos{}, false
	}
	p = d.pos(v)
	var i int
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || v.Decode(&i) != nil {
		d.errorf(p, "type", "field %q must be a whole number, not %s", key, describe(v))
		return 0, p, false
	}
	return i, p, true
}

// year returns the year in the field key, reported when it is not a whole
// number in yearRange.
func (d *decoder) year(f fields, key string) int {
	y, p, ok := d.integer(f, key)
	if !ok {
		return 0
	}
	if !inYearRange(y) {
		d.errorf(p, "bad-year", "field %q is %d; give a year from %d to %d", key, y, minYear, maxYear)
		return 0
	}
	return y
}

// The years a file may speak of.
const (
	minYear = 1945
	maxYear = 2100
)

func inYearRange(y int) bool { return y >= minYear && y <= maxYear }

// number returns the number in the field key; ok is false when it is
// absent, empty or not a finite number (which is reported).
func (d *decoder) number(f fields, key string) (float64, bool) {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return 0, false
	}
	var x float64
	tag := v.ShortTag()
	if v.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") || v.Decode(&x) != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		d.errorf(d.pos(v), "type", "field %q must be a number, like 98.5, not %s", key, describe(v))
		return 0, false
	}
	return x, true
}

// boolean returns the true or false of the field key, false when absent.
func (d *decoder) boolean(f fields, key string) bool {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return false
	}
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		d.errorf(d.pos(v), "type", "field %q must be true or false, not %s", key, describe(v))
		return false
	}
	return b
}

// oneOf returns the value of the field key when it is one of allowed; it
// reports any other value.
func (d *decoder) oneOf(f fields, key string, allowed []string) string {
	v := f.vals[key]
	if v == nil || isNull(v) || !d.scalar(v, key, "one of "+strings.Join(allowed, ", ")) {
		return ""
	}
	if slices.Contains(allowed, v.Value) {
		return v.Value
	}
	hint := ""
	if len(allowed) > 2 {
		hint = diag.DidYouMean(v.Value, allowed)
	}
	d.errorf(d.pos(v), "bad-value", "field %q is %q; use one of %s%s", key, v.Value, strings.Join(allowed, ", "), hint)
	return ""
}

// date returns the date or time of the field key, the zero time when it is
// absent or wrong (which is reported).
func (d *decoder) date(f fields, key string) time.Time {
	v := f.vals[key]
	if v == nil || isNull(v) || !d.scalar(v, key, "a date") {
		return time.Time{}
	}
	t, err := parseDate(strings.TrimSpace(v.Value))
	if err != nil {
		d.errorf(d.pos(v), "bad-date", "field %q %s", key, err)
		return time.Time{}
	}
	return t
}

var dateLike = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)

// parseDate reads a date (midnight in Asia/Ho_Chi_Minh), a date and time
// without a zone (in Asia/Ho_Chi_Minh) or an RFC 3339 time (kept in its
// zone). Its error completes the sentence "field "date" …".
func parseDate(s string) (time.Time, error) {
	zone := vn.TimeZone()
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, zone); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if m := dateLike.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 || day < 1 || day > daysIn(y, mo) {
			return time.Time{}, fmt.Errorf("is %q, a date that does not exist; check the day and the month", s)
		}
	}
	return time.Time{}, fmt.Errorf("is %q, which is not a date; write it as 2025-01-08, or 2025-01-08T09:00:00+07:00 with a time", s)
}

// daysIn returns the number of days of month m (1..12) of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// clean returns src without a UTF-8 byte order mark, with CRLF line ends
// turned into LF and its text in NFC.
func clean(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return vn.NFCBytes(src)
}

// list returns the items of n, the root of a file that must be a list of
// what; it reports any other kind of root.
func (d *decoder) list(n *yaml.Node, file, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.errorf(d.pos(n), "type", "%s must be a list of %s, not %s", file, what, describe(n))
		return nil
	}
	return d.items(n)
}

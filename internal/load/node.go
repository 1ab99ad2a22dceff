package load

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/msg"
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
	lineOffset int    // added to every line: the front matter of an article starts on line 2
	declares   string // what the field id of the file's items declares ("unit", "award"), or ""
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
			d.error(Pos{Line: 1 + d.lineOffset, Column: 1}, "yaml-broken", fmt.Sprint(r))
			root = nil
		}
	}()
	if !d.checkText(src, 1+d.lineOffset, true) {
		return nil
	}
	if line := tooManyValues(src); line > 0 {
		d.error(Pos{Line: line + d.lineOffset, Column: 1}, "yaml-too-many-values", maxSeparators)
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
		d.error(d.pos(n), "yaml-too-deep", maxDepth)
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
		d.error(Pos{Line: max(p.Line, 1) + d.lineOffset, Column: max(p.Column, 1)}, "yaml-brackets-too-deep", maxFlowDepth)
		return
	}
	p := syntaxError(src, line)
	// codes: yaml-bad-start, yaml-colon-in-value, yaml-indent-between, yaml-indent-deeper, yaml-item-in-map, yaml-missing-colon, yaml-not-item, yaml-syntax, yaml-tab, yaml-unclosed-bracket, yaml-unclosed-quote
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
		d.error(d.pos(at), "yaml-aliases", maxNodes)
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
func describe(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		return msg.P("value-map")
	case yaml.SequenceNode:
		return msg.P("value-list")
	}
	if isNull(n) {
		return msg.P("value-empty")
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
func (d *decoder) mapping(n *yaml.Node, what msg.Phrase, known, required []string) (f fields, ok bool) {
	f = fields{keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	if n == nil || d.exhausted {
		return f, false
	}
	f.at = d.pos(n)
	if n.Kind != yaml.MappingNode {
		d.error(d.pos(n), "not-a-map", what, describe(n))
		return f, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.resolve(n.Content[i]), d.resolve(n.Content[i+1])
		if k == nil || v == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.error(d.pos(k), "bad-field-name", describe(k))
			continue
		}
		name := k.Value
		if first, dup := f.keys[name]; dup {
			d.error(d.pos(k), "duplicate-key", name, d.at(d.pos(first)))
			continue
		}
		if !slices.Contains(known, name) {
			switch fix := diag.Suggest(name, known); {
			case d.decimalComma(n, i):
			case fix != "":
				d.errorGuess(d.pos(k), "unknown-field", fix, name)
			default:
				d.error(d.pos(k), "unknown-field-list", name, strings.Join(known, ", "))
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
			d.error(f.at, "missing-field", r)
		} else if v, ok := f.vals[r]; ok && isNull(v) {
			d.error(d.pos(v), "empty-field", r)
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
		d.error(d.pos(v), "not-a-list-like", key, v.Value, describe(v))
	default:
		d.error(d.pos(v), "not-a-list", key, describe(v))
	}
	return nil
}

// scalar reports, and returns false, when v is not a single value.
func (d *decoder) scalar(v *yaml.Node, key string, want msg.Phrase) bool {
	if v.Kind == yaml.ScalarNode {
		return true
	}
	d.error(d.pos(v), "not-a-value", key, want, describe(v))
	return false
}

// str returns the text of the field key, NFC-normalised and trimmed, or ""
// when it is absent or empty.
func (d *decoder) str(f fields, key string) string {
	v := f.vals[key]
	if v == nil || isNull(v) || !d.scalar(v, key, msg.P("want-text")) {
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
	if !d.scalar(v, key, msg.P("want-id")) {
		return Ident{}
	}
	id := vn.NFC(v.Value)
	if !validID(id) {
		fix := idFix(id)
		p := d.pos(v)
		about := ""
		if d.declares != "" && key == "id" && fix != "" {
			about = d.declares + ":" + fix
		}
		d.diags.Add(diag.Diagnostic{Path: d.path, Line: p.Line, Column: p.Column, Severity: diag.Error, Code: "bad-id", Args: []any{id, key}, Fix: fix, About: about})
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
		d.error(p, "not-a-whole-number", key, describe(v))
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
		d.error(p, "year-out-of-range", key, y, minYear, maxYear)
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
		if fix, ok := decimalPoint(v); ok {
			d.errorFix(d.pos(v), "decimal-comma", fix, key, v.Value)
			return 0, false
		}
		d.error(d.pos(v), "not-a-number", key, describe(v))
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
		d.error(d.pos(v), "not-true-false", key, describe(v))
		return false
	}
	return b
}

// oneOf returns the value of the field key when it is one of allowed; it
// reports any other value, with the allowed one it folds to, if any.
func (d *decoder) oneOf(f fields, key string, allowed []string) string {
	return d.oneOfSaid(f, key, allowed, nil)
}

// oneOfSaid is oneOf for a field whose values may also be said in words:
// a value whose folded form (vn.Slug) is an allowed value or a key of
// synonyms is read as that value, with a warning that names it.
func (d *decoder) oneOfSaid(f fields, key string, allowed []string, synonyms map[string]string) string {
	v := f.vals[key]
	if v == nil || isNull(v) || !d.scalar(v, key, msg.P("want-one-of", strings.Join(allowed, ", "))) {
		return ""
	}
	if slices.Contains(allowed, v.Value) {
		return v.Value
	}
	folded := vn.Slug(v.Value)
	if s, ok := synonyms[folded]; ok || synonyms != nil && slices.Contains(allowed, folded) {
		s = cmp.Or(s, folded)
		d.warn(d.pos(v), "value-synonym", key, v.Value, s)
		return s
	}
	switch {
	case slices.Contains(allowed, folded):
		d.errorFix(d.pos(v), "bad-value", folded, key, v.Value, strings.Join(allowed, ", "))
	case len(allowed) > 2:
		d.errorGuess(d.pos(v), "bad-value", diag.Suggest(v.Value, allowed), key, v.Value, strings.Join(allowed, ", "))
	default:
		d.error(d.pos(v), "bad-value", key, v.Value, strings.Join(allowed, ", "))
	}
	return ""
}

// errorFix reports an error at p with the fix to suggest, "" for none.
func (d *decoder) errorFix(p Pos, code, fix string, args ...any) {
	d.diags.ErrorFix(d.path, p.Line, p.Column, code, fix, args...)
}

// errorGuess reports an error at p with the closest known value, "" for none.
func (d *decoder) errorGuess(p Pos, code, guess string, args ...any) {
	d.diags.ErrorGuess(d.path, p.Line, p.Column, code, guess, args...)
}

// idFix returns the identifier an editor likely meant by id, one that
// breaks the identifier pattern: its letters folded to a-z ("hội-luật-gia"
// gives "hoi-luat-gia"), or "" when folding gives nothing.
func idFix(id string) string {
	if s := vn.Slug(id); s != id && validID(s) {
		return s
	}
	return ""
}

// decimalPoint returns the number v means when it is written with a
// decimal comma, as Vietnamese writes it: "98,5" gives "98.5".
func decimalPoint(v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || !decimalCommaRe.MatchString(strings.TrimSpace(v.Value)) {
		return "", false
	}
	return strings.Replace(strings.TrimSpace(v.Value), ",", ".", 1), true
}

var decimalCommaRe = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)

// decimalComma reports, and returns true, when the key at n.Content[i] of
// the map n is the decimal part of a number written with a comma in flow
// style: YAML reads "{score: 98,5}" as score 98 and a key "5" with no
// value.
func (d *decoder) decimalComma(n *yaml.Node, i int) bool {
	if i < 2 || n.Style&yaml.FlowStyle == 0 {
		return false
	}
	k, v, prev := n.Content[i], n.Content[i+1], n.Content[i-1]
	if k.Kind != yaml.ScalarNode || !isNull(v) || v.Value != "" || !digitsRe.MatchString(k.Value) ||
		prev.Kind != yaml.ScalarNode || prev.ShortTag() != "!!int" || prev.Line != k.Line ||
		k.Column != prev.Column+len(prev.Value)+1 {
		return false
	}
	d.errorFix(d.pos(prev), "decimal-comma", prev.Value+"."+k.Value, n.Content[i-2].Value, prev.Value+","+k.Value)
	return true
}

var digitsRe = regexp.MustCompile(`^[0-9]+$`)

// date returns the date or time of the field key, the zero time when it is
// absent or wrong (which is reported).
func (d *decoder) date(f fields, key string) time.Time {
	v := f.vals[key]
	if v == nil || isNull(v) || !d.scalar(v, key, msg.P("want-date")) {
		return time.Time{}
	}
	s := strings.TrimSpace(v.Value)
	t, code := parseDate(s)
	if code != "" {
		// codes: date-not-exist, bad-date
		d.errorFix(d.pos(v), code, dateFix(s), key, s)
		return time.Time{}
	}
	return t
}

var dateLike = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)

// parseDate reads a date (midnight in Asia/Ho_Chi_Minh), a date and time
// without a zone (in Asia/Ho_Chi_Minh) or an RFC 3339 time (kept in its
// zone). It returns the code of the message when s is not one:
// "date-not-exist" for a day the calendar does not have, "bad-date"
// otherwise.
func parseDate(s string) (time.Time, string) {
	zone := vn.TimeZone()
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, zone); err == nil {
			return t, ""
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, ""
	}
	if m := dateLike.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 || day < 1 || day > daysIn(y, mo) {
			return time.Time{}, "date-not-exist"
		}
	}
	return time.Time{}, "bad-date"
}

// dayFirst matches a date written day first, as Vietnam writes it:
// 25/03/2026, 25-03-2026, 25.03.2026, with a time after it or not.
var dayFirst = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2}))?$`)

// dateFix returns s, a date written day first, as the format writes it
// ("25/03/2026" gives "2026-03-25"), or "" when s is not such a date or the
// date does not exist.
func dateFix(s string) string {
	m := dayFirst.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	day, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || day < 1 || day > daysIn(y, mo) {
		return ""
	}
	out := fmt.Sprintf("%04d-%02d-%02d", y, mo, day)
	if m[4] != "" {
		h, _ := strconv.Atoi(m[4])
		if h > 23 {
			return ""
		}
		out += fmt.Sprintf("T%02d:%s", h, m[5])
	}
	return out
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
func (d *decoder) list(n *yaml.Node, file string, what msg.Phrase) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.error(d.pos(n), "not-a-list-of", file, what, describe(n))
		return nil
	}
	return d.items(n)
}

package importer

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlFile is a YAML file being changed in place: its lines, its node
// tree, and the edits of lines that write the nodes that changed, so that
// every other line, comment and blank line stays as the editor wrote it.
type yamlFile struct {
	lines []string // each with its line end
	eol   string   // "\r\n" when the file's lines end so, else "\n"
	root  *yaml.Node
	edits []edit
}

// edit replaces the lines [from, to) with text.
type edit struct {
	from, to int
	text     string
}

// errNotMapping means the file's top level is not a mapping.
var errNotMapping = errors.New("the file is not a mapping")

// parseYAML reads src, whose top level must be a mapping.
func parseYAML(src []byte) (*yamlFile, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errNotMapping
	}
	f := &yamlFile{root: doc.Content[0], eol: "\n"}
	f.lines = strings.SplitAfter(string(src), "\n")
	if last := len(f.lines) - 1; f.lines[last] == "" {
		f.lines = f.lines[:last]
	}
	if len(f.lines) > 0 && strings.HasSuffix(f.lines[0], "\r\n") {
		f.eol = "\r\n"
	}
	return f, nil
}

// entry is a top-level key of the file with its value, and the lines it
// spans.
type entry struct {
	key, value *yaml.Node
	from, to   int
}

// get returns the top-level entry key, false when the file has none.
func (f *yamlFile) get(key string) (entry, bool) {
	c := f.root.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value == key {
			end := len(f.lines)
			if i+2 < len(c) {
				end = c[i+2].Line - 1
			}
			from, to := f.span(c[i].Line-1, end)
			return entry{key: c[i], value: c[i+1], from: from, to: to}, true
		}
	}
	return entry{}, false
}

// span is the lines from from to before end, less the blank and comment
// lines that end them: those are the next node's head comment or a foot
// comment, and stay.
func (f *yamlFile) span(from, end int) (int, int) {
	to := end
	for to > from+1 {
		s := strings.TrimSpace(f.lines[to-1])
		if s != "" && !strings.HasPrefix(s, "#") {
			break
		}
		to--
	}
	return from, to
}

// item is the lines of item i of the block sequence of e.
func (f *yamlFile) item(e entry, i int) (int, int) {
	items := e.value.Content
	end := e.to
	if i+1 < len(items) && items[i+1].Line > 0 { // not an item added
		end = items[i+1].Line - 1
	}
	return f.span(items[i].Line-1, end)
}

// indent is the white space that opens line i.
func (f *yamlFile) indent(i int) string {
	l := f.lines[i]
	return l[:len(l)-len(strings.TrimLeft(l, " \t"))]
}

// replaceItem writes item i of the block sequence of e anew.
func (f *yamlFile) replaceItem(e entry, i int) {
	from, to := f.item(e, i)
	f.edits = append(f.edits, edit{from, to, f.encode(seqOf(e.value.Content[i]), f.indent(from))})
}

// appendItems writes nodes after the last item of the block sequence of e.
func (f *yamlFile) appendItems(e entry, nodes []*yaml.Node) {
	last := len(e.value.Content) - len(nodes) - 1
	_, to := f.item(e, last)
	f.edits = append(f.edits, edit{to, to, f.encode(seqOf(nodes...), f.indent(e.value.Content[last].Line-1))})
}

// replaceEntry writes the entry e anew, key and value.
func (f *yamlFile) replaceEntry(e entry) {
	f.edits = append(f.edits, edit{e.from, e.to, f.encode(mapOf(e.key, e.value), "")})
}

// removeEntry removes the entry e.
func (f *yamlFile) removeEntry(e entry) { f.edits = append(f.edits, edit{e.from, e.to, ""}) }

// addEntry writes a new top-level entry after the entry after, or at the
// end of the file when after is "" or absent.
func (f *yamlFile) addEntry(key string, value *yaml.Node, after string) {
	at := len(f.lines)
	if e, ok := f.get(after); ok && after != "" {
		at = e.to
	}
	if at == len(f.lines) && at > 0 && !strings.HasSuffix(f.lines[at-1], "\n") {
		f.lines[at-1] += f.eol
	}
	f.edits = append(f.edits, edit{at, at, f.encode(mapOf(scalar(key), value), "")})
}

// encode writes n as YAML indented by two spaces a level, each line opened
// by indent, without the comments before and after it, which the lines
// around it keep.
func (f *yamlFile) encode(n *yaml.Node, indent string) string {
	for _, c := range n.Content {
		c.HeadComment = ""
	}
	dropFootComments(n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	enc.Encode(n)
	enc.Close()
	var out strings.Builder
	for line := range strings.SplitAfterSeq(b.String(), "\n") {
		if line != "" {
			out.WriteString(indent + strings.TrimSuffix(line, "\n") + f.eol)
		}
	}
	return out.String()
}

func dropFootComments(n *yaml.Node) {
	n.FootComment = ""
	for _, c := range n.Content {
		dropFootComments(c)
	}
}

// bytes is the file with its edits made.
func (f *yamlFile) bytes() []byte {
	edits := slices.Clone(f.edits)
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Or(b.from-a.from, b.to-a.to) })
	lines := slices.Clone(f.lines)
	for _, e := range edits {
		lines = slices.Replace(lines, e.from, e.to, e.text)
	}
	return []byte(strings.Join(lines, ""))
}

// scalar is a scalar node of s, written plain when it can be: a key or a
// number.
func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// text is a scalar node of the string s, quoted when plain it would read
// as something else.
func text(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func seqOf(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}

func mapOf(kv ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: kv}
}

// lookup is the value of key in the mapping m, nil when absent.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set gives key the value v in the mapping m, adding it at the end when
// absent, unless same says the value there is v already. It reports
// whether it changed m.
func set(m *yaml.Node, key string, v *yaml.Node, same func(old string) bool) bool {
	if old := lookup(m, key); old != nil {
		if old.Kind == yaml.ScalarNode && same(old.Value) {
			return false
		}
		v.LineComment = old.LineComment
		*old = *v
		return true
	}
	m.Content = append(m.Content, scalar(key), v)
	return true
}

// isFlow reports whether n is written in flow style, [a, b] or {a: b}.
func isFlow(n *yaml.Node) bool { return n.Style&yaml.FlowStyle != 0 }

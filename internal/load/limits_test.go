package load

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/thidua/thidua/internal/diag"
)

// parser is one of the Parse functions, with the path of its file kind.
type parser struct {
	path  string
	parse func(file string, src []byte) *diag.List
}

// parsers is every Parse function, at a path of its kind.
var parsers = []parser{
	{"site.yaml", func(f string, b []byte) *diag.List { _, d := ParseConfig(f, b); return d }},
	{"data/units.yaml", func(f string, b []byte) *diag.List { _, d := ParseUnits(f, b); return d }},
	{"data/awards.yaml", func(f string, b []byte) *diag.List { _, d := ParseAwards(f, b); return d }},
	{"data/blocs/khoi-8/bloc.yaml", func(f string, b []byte) *diag.List { _, d := ParseBloc(f, b); return d }},
	{"data/blocs/khoi-8/2024.yaml", func(f string, b []byte) *diag.List { _, d := ParseBlocYear(f, b); return d }},
	{"content/news/tin.md", func(f string, b []byte) *diag.List { _, d := ParseArticle(f, b, nil); return d }},
	{"content/pages/trang.md", func(f string, b []byte) *diag.List { _, d := ParsePage(f, b, nil); return d }},
}

// valid holds a small valid file of each kind, by path.
var valid = map[string]string{
	"site.yaml":                   "title: Thi đua\nbaseURL: https://a.example/\n",
	"data/units.yaml":             "- id: hoi-a\n  name: Hội A\n",
	"data/awards.yaml":            "- id: giay-khen-so\n  name: Giấy khen của Sở\n",
	"data/blocs/khoi-8/bloc.yaml": "name: Khối 8\ndescription: Các hội.\n",
	"data/blocs/khoi-8/2024.yaml": "members: [hoi-a, hoi-b]\nleader: hoi-a\n",
	"content/news/tin.md":         "---\ntitle: Tin\ndate: 2025-01-08\n---\nThân bài.\n",
	"content/pages/trang.md":      "---\ntitle: Trang\n---\nThân bài.\n",
}

// TestBOMCRLFAndNFDAreAccepted checks every file kind with a byte order
// mark, CRLF line ends and decomposed text: no message.
func TestBOMCRLFAndNFDAreAccepted(t *testing.T) {
	for _, p := range parsers {
		src := "\uFEFF" + strings.ReplaceAll(valid[p.path], "\n", "\r\n")
		// "ộ" and "ố" decomposed: o, combining circumflex, combining dot or acute.
		src = strings.ReplaceAll(src, "ộ", "o\u0302\u0323")
		src = strings.ReplaceAll(src, "â", "a\u0302")
		if d := p.parse(p.path, []byte(src)); d.Len() != 0 {
			t.Errorf("%s: %q", p.path, lines(d))
		}
	}
	u, _ := ParseUnits("data/units.yaml", []byte("\uFEFF- id: hoi-a\r\n  name: Ho\u0302\u0323i A\r\n"))
	if len(u.Units) != 1 || u.Units[0].Name != "Hội A" {
		t.Errorf("units = %+v, want the name Hội A in NFC", u.Units)
	}
}

func TestBadBytesAreErrorsAtTheirLine(t *testing.T) {
	for _, c := range []struct{ path, src, want string }{
		{"data/units.yaml", "- id: hoi-a\n  name: H\x00i\n",
			"data/units.yaml:2:10: error: the file holds a NUL (zero) byte, which text does not; remove it, or save the file again as UTF-8 text"},
		{"data/blocs/khoi-8/bloc.yaml", "name: Khối 8\ndescription: Kh\xf4i\n",
			"data/blocs/khoi-8/bloc.yaml:2:16: error: the byte 0xF4 is not UTF-8 text; save the file as UTF-8"},
		{"site.yaml", "title: A\x01\nbaseURL: https://a.example/\n",
			"site.yaml:1:9: error: the character U+0001 is a control character that YAML does not allow; remove it"},
		{"data/awards.yaml", "- id: a\n  name: b\ufeffc\n",
			"data/awards.yaml:2:10: error: the character U+FEFF is a control character that YAML does not allow; remove it"},
		// In front matter, the line is that of the file.
		{"content/news/tin.md", "---\ntitle: Tin\ndate: 2025-01-08\nauthor: \x85\x86\n---\n",
			"content/news/tin.md:4:9: error: the byte 0x85 is not UTF-8 text; save the file as UTF-8"},
		{"content/news/tin.md", "---\ntitle: Tin\ndate: 2025-01-08\nauthor: A\u0007\n---\n",
			"content/news/tin.md:4:10: error: the character U+0007 is a control character that YAML does not allow; remove it"},
		// In the body, only NUL and bytes that are not UTF-8 are errors.
		{"content/news/tin.md", "---\ntitle: Tin\ndate: 2025-01-08\n---\nMột\u000b dòng.\n\nHai \x00.\n",
			"content/news/tin.md:7:5: error: the file holds a NUL (zero) byte, which text does not; remove it, or save the file again as UTF-8 text"},
		{"content/pages/trang.md", "\uFEFF---\r\ntitle: Trang\r\n---\r\nđúng\r\nsai \xc3\x28\r\n",
			"content/pages/trang.md:5:5: error: the byte 0xC3 is not UTF-8 text; save the file as UTF-8"},
	} {
		got := lines(parserOf(t, c.path).parse(c.path, []byte(c.src)))
		if !slices.Equal(got, []string{c.want}) {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

func parserOf(t *testing.T, path string) parser {
	for _, p := range parsers {
		if p.path == path {
			return p
		}
	}
	t.Fatalf("no parser for %s", path)
	return parser{}
}

func TestTabIndentIsAPositionedYAMLError(t *testing.T) {
	for _, c := range []struct{ path, src, want string }{
		{"data/blocs/khoi-8/2024.yaml", "members:\n\t- hoi-a\nleader: hoi-a\n",
			"data/blocs/khoi-8/2024.yaml:2:1: error: this line is indented with a tab, and YAML takes spaces only; delete the tab and type spaces instead, two for each level"},
		{"data/units.yaml", "- id: hoi-a\n  \tname: A\n",
			"data/units.yaml:2:3: error: this line is indented with a tab, and YAML takes spaces only; delete the tab and type spaces instead, two for each level"},
		{"data/blocs/khoi-8/2024.yaml", "members:\n  - hoi-a\n\t- hoi-b\nleader: hoi-a\n",
			"data/blocs/khoi-8/2024.yaml:3:1: error: this line is indented with a tab, and YAML takes spaces only; delete the tab and type spaces instead, two for each level"},
		{"content/news/tin.md", "---\ntitle: Tin\n\tdate: 2025-01-08\n---\n",
			"content/news/tin.md:3:1: error: this line is indented with a tab, and YAML takes spaces only; delete the tab and type spaces instead, two for each level"},
	} {
		got := lines(parserOf(t, c.path).parse(c.path, []byte(c.src)))
		if !slices.Equal(got, []string{c.want}) {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestNestingTooDeep(t *testing.T) {
	for _, c := range []struct{ path, src, want string }{
		// Deeper than the YAML library allows: its error, placed.
		{"data/units.yaml", "- id: a\n  name: " + strings.Repeat("[", 20000) + "\n",
			"data/units.yaml:2:10009: error: the brackets here are nested more than 10000 levels deep, when the format needs a few; check that each [ and { is closed"},
		// Deeper than the format could need.
		{"data/blocs/khoi-8/2024.yaml", "members: [hoi-a]\nleader: hoi-a\nfigures: " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\n",
			"data/blocs/khoi-8/2024.yaml:3:59: error: the values here are nested more than 50 levels deep, when the format needs a few; check the brackets and the indentation"},
		{"content/news/tin.md", "---\ntitle: Tin\ndate: 2025-01-08\nunits: " + strings.Repeat("{a: ", 60) + strings.Repeat("}", 60) + "\n---\n",
			"content/news/tin.md:4:201: error: the values here are nested more than 50 levels deep, when the format needs a few; check the brackets and the indentation"},
	} {
		got := lines(parserOf(t, c.path).parse(c.path, []byte(c.src)))
		if !slices.Equal(got, []string{c.want}) {
			t.Errorf("%.60q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestTooManyValues(t *testing.T) {
	src := "- id: hoi-a\n  name: A\n  predecessors: [" + strings.Repeat("a,", maxSeparators) + "a]\n"
	start := time.Now()
	got := lines(parserOf(t, "data/units.yaml").parse("data/units.yaml", []byte(src)))
	want := []string{"data/units.yaml:3:1: error: the file has more than 400000 lines and list items, more than loading reads from one file; split it, or check that it is the right file"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing took %v", d)
	}
}

// TestAliasBomb is the "billion laughs": nine levels of nine aliases each.
// The loader follows aliases only into the fields it reads, within a budget.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("- id: hoi-a\n  name: A\n  formerly: &l0 [{name: x, until: 2000}, {name: y, until: 2001}]\n")
	for i := 1; i <= 9; i++ {
		prev := "*l" + string(rune('0'+i-1))
		b.WriteString("- id: hoi-" + string(rune('a'+i)) + "\n  name: A\n  formerly: &l" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 8) + prev + "]\n")
	}
	done := make(chan []string)
	go func() {
		_, d := ParseUnits("data/units.yaml", []byte(b.String()))
		done <- lines(d)
	}()
	select {
	case got := <-done:
		// Each list of the levels past the first is a list of lists: type
		// errors, one per item, and no expansion.
		if len(got) == 0 || !strings.Contains(got[0], "an earlier name must be a map of fields, not a list") {
			t.Errorf("got %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("an alias bomb takes more than 5 seconds")
	}
	// Aliases of maps, which the walker does follow, spend the budget.
	b.Reset()
	b.WriteString("- id: hoi-a\n  name: A\n  formerly: [&m {name: x, until: 2000}]\n")
	for i := range 200 {
		b.WriteString("- id: hoi-" + strings.Repeat("b", i+1) + "\n  name: A\n  formerly: [" + strings.Repeat("*m, ", 999) + "*m]\n")
	}
	_, d := ParseUnits("data/units.yaml", []byte(b.String()))
	got := lines(d)
	want := "error: the file expands to more than 100000 values through aliases; write the values out instead"
	if len(got) != 1 || !strings.HasSuffix(got[0], want) || !strings.HasPrefix(got[0], "data/units.yaml:") {
		t.Errorf("got %q, want one message ending %q", got, want)
	}
}

func TestFileSizeLimit(t *testing.T) {
	fsys := validSite(t)
	big := "---\ntitle: Lớn\ndate: 2025-01-08\n---\n" + strings.Repeat("Một câu dài của bài viết lớn.\n", 100)
	fsys["content/news/lon.md"] = &fstest.MapFile{Data: []byte(big)}
	_, d := Site(fsys, Options{MaxFileSize: 1000})
	want := "content/news/lon.md: error: the file has " + strconv.Itoa(len(big)) + " bytes, over the limit of 1000 bytes for one file; split it, or check that it is the right file"
	if got := lines(d); !slices.Contains(got, want) {
		t.Errorf("got %q, want %q among them", got, want)
	}
	// The default: 10 MiB is read, one byte more is not.
	head := "---\ntitle: Lớn\ndate: 2025-01-08\n---\n"
	body := strings.Repeat("Một câu dài của bài viết lớn.\n", DefaultMaxFileSize/64)
	exact := head + body + strings.Repeat("a", DefaultMaxFileSize-len(head)-len(body))
	fsys["content/news/lon.md"] = &fstest.MapFile{Data: []byte(exact)}
	if _, d := Site(fsys, Options{}); d.HasErrors(false) {
		t.Errorf("a file of exactly 10 MiB: %q", lines(d))
	}
	fsys["content/news/lon.md"] = &fstest.MapFile{Data: []byte(exact + "x")}
	_, d = Site(fsys, Options{})
	want = "content/news/lon.md: error: the file has 10485761 bytes, over the limit of 10 MiB for one file; split it, or check that it is the right file"
	if got := lines(d); !slices.Contains(got, want) {
		t.Errorf("got %q, want %q among them", got, want)
	}
}

// TestIssue12Case6PlainIDsAreNotAliases checks that values written out do
// not spend the budget of aliases: 21,000 units and 100,000 member ids are
// read without a message, while a billion laughs after the plain units is
// still stopped, at an alias, and quickly.
func TestIssue12Case6PlainIDsAreNotAliases(t *testing.T) {
	var units strings.Builder
	for i := range 21000 {
		units.WriteString("- id: hoi-" + strconv.Itoa(i) + "\n  name: Hội " + strconv.Itoa(i) + "\n")
	}
	uf, d := ParseUnits("data/units.yaml", []byte(units.String()))
	if d.Len() != 0 || len(uf.Units) != 21000 {
		t.Errorf("21,000 plain units: %d read, messages %q", len(uf.Units), firstLines(d, 3))
	}
	var members strings.Builder
	members.WriteString("leader: hoi-0\nmembers:\n")
	for i := range 100000 {
		members.WriteString("  - hoi-" + strconv.Itoa(i) + "\n")
	}
	y, d := ParseBlocYear("data/blocs/khoi-8/2024.yaml", []byte(members.String()))
	if d.Len() != 0 || len(y.Members) != 100000 {
		t.Errorf("100,000 plain member ids: %d read, messages %q", len(y.Members), firstLines(d, 3))
	}

	// An alias of a list of a thousand aliases, used again and again,
	// after the plain units.
	bomb := units.String() + "- id: bom\n  name: B\n  formerly: &big [&m {name: x, until: 2000}" + strings.Repeat(", *m", 999) + "]\n"
	for i := range 200 {
		bomb += "- id: bom-" + strconv.Itoa(i) + "\n  name: B\n  formerly: *big\n"
	}
	start := time.Now()
	_, d = ParseUnits("data/units.yaml", []byte(bomb))
	if s := time.Since(start); s > 5*time.Second {
		t.Errorf("the alias bomb took %v", s)
	}
	want := "error: the file expands to more than 100000 values through aliases; write the values out instead"
	if got := d.Items(); len(got) != 1 || !strings.HasSuffix(got[0].String(), want) || !strings.HasPrefix(textAt(bomb, got[0]), "*big") {
		t.Errorf("the alias bomb: got %q, want one message %q at a *big", lines(d), want)
	}
}

// textAt returns the text of src from the line and column of m on.
func textAt(src string, m diag.Diagnostic) string {
	lines := strings.Split(src, "\n")
	if m.Line < 1 || m.Line > len(lines) {
		return ""
	}
	runes := []rune(lines[m.Line-1])
	if m.Column < 1 || m.Column > len(runes) {
		return ""
	}
	return string(runes[m.Column-1:])
}

// firstLines returns at most n of the messages of l, formatted as lines does.
func firstLines(l *diag.List, n int) []string {
	all := lines(l)
	return all[:min(n, len(all))]
}

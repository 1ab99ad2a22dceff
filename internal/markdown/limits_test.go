package markdown

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// cost converts src and returns the bytes it allocated, the time it took
// and its error.
func cost(t *testing.T, src []byte) (alloc uint64, took time.Duration, err error) {
	t.Helper()
	c := New(Options{})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var out bytes.Buffer
	_, err = c.Convert(src, &out)
	took = time.Since(start)
	runtime.ReadMemStats(&after)
	var limit *LimitError
	if errors.As(err, &limit) && out.Len() > 0 {
		t.Errorf("%d bytes written for a body past a bound", out.Len())
	}
	return after.TotalAlloc - before.TotalAlloc, took, err
}

// wantLimit wants Convert to refuse src at line:column with a message that
// holds each of words, quickly and without building the document.
func wantLimit(t *testing.T, src []byte, line, column int, words ...string) {
	t.Helper()
	alloc, took, err := cost(t, src)
	var limit *LimitError
	if !errors.As(err, &limit) {
		t.Fatalf("Convert = %v after %v and %d MB, want a LimitError", err, took, alloc>>20)
	}
	if limit.Line != line || limit.Column != column {
		t.Errorf("LimitError at %d:%d, want %d:%d: %s", limit.Line, limit.Column, line, column, limit.Error())
	}
	for _, w := range words {
		if !strings.Contains(limit.Error(), w) {
			t.Errorf("message %q lacks %q", limit.Error(), w)
		}
	}
	if took > time.Second || alloc > 2*uint64(len(src))+1<<20 {
		t.Errorf("refusing %d bytes took %v and %d bytes", len(src), took, alloc)
	}
}

// indentedList is a list whose item on line i is nested i deep, as far as
// depth, each line indented two spaces more than the one before.
func indentedList(depth int) []byte {
	var b bytes.Buffer
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.Bytes()
}

func TestIssue12Case3NestedLists(t *testing.T) {
	wantLimit(t, []byte(strings.Repeat("* ", 20_000)+"x"), 1, 65, "list is nested 33 levels deep", "at most 32", "indent less")
	wantLimit(t, indentedList(3000), 33, 65, "list is nested 33 levels deep")
	wantLimit(t, []byte(strings.Repeat("[^a]: ", 5000)+"x"), 1, 193, "footnote is nested 33 levels deep")
}

func TestIssue12Case3NestedQuotes(t *testing.T) {
	wantLimit(t, []byte(strings.Repeat(">", 200_000)), 1, 33, "block quote is nested 33 levels deep", "use fewer >")
	wantLimit(t, []byte("Đoạn đầu.\n\n"+strings.Repeat("> ", 20)+strings.Repeat("- ", 13)+"x"), 3, 65, "list is nested 33 levels deep")
}

// footnotes is a footnote in a footnote, depth deep, one a line.
func footnotes(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("    ", i) + "[^a]: a\n")
	}
	return b.String()
}

// goldmarkDepth is how deeply block quotes, list items and footnotes nest
// in goldmark's parse of src.
func goldmarkDepth(src []byte) int {
	c := New(Options{})
	deepest := 0
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.(type) {
		case *ast.Blockquote, *ast.ListItem, *east.Footnote:
			depth++
		}
		deepest = max(deepest, depth)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(parse(c.md.Parser(), src), 0)
	return deepest
}

// TestNestingLimitSeesWhatGoldmarkNests wants checkLimits to refuse every
// body goldmark would nest more than maxNesting deep, lazy continuation
// lines, tabs and footnotes among them, and to take those within the bound.
func TestNestingLimitSeesWhatGoldmarkNests(t *testing.T) {
	deep := strings.Repeat("- ", 31) + "a\n"
	indent := strings.Repeat(" ", 62)
	for _, src := range []string{
		deep + "lazy line\n" + indent + "- - b\n",
		deep + indent + "    x\n" + indent + "- - b\n",
		deep + "\n" + indent + "- - b\n",
		strings.Repeat("-\t", 33) + "a",
		strings.Repeat("> - ", 17) + "a",
		strings.Repeat("1. ", 33) + "a",
		"x\n" + strings.Repeat("* ", 33) + "y",
		"```\n" + strings.Repeat("> ", 33) + "\n```\n" + strings.Repeat("- ", 33) + "y",
		"<div>\n```\n\n" + strings.Repeat("- ", 33) + "y",
	} {
		depth := goldmarkDepth([]byte(src))
		err := checkLimits([]byte(src))
		if depth > maxNesting && err == nil {
			t.Errorf("goldmark nests %q %d deep, and checkLimits takes it", src, depth)
		}
	}
	for _, src := range []string{
		strings.Repeat("- ", 32) + "a",
		strings.Repeat("> ", 32) + "a",
		strings.Repeat("- ", 40),
		strings.Repeat("* ", 5000),
		strings.Repeat("- ", 31) + "a\n" + strings.Repeat("  ", 31) + "b\n",
		string(indentedList(32)),
		footnotes(32),
		"Bảng:\n\n" + strings.Repeat("> ", 10) + "| a | b |\n" + strings.Repeat("> ", 10) + "|---|---|\n",
		"    " + strings.Repeat("- ", 40) + "code",
	} {
		if depth, err := goldmarkDepth([]byte(src)), checkLimits([]byte(src)); err != nil || depth > maxNesting {
			t.Errorf("checkLimits(%q) = %v; goldmark nests it %d deep", src, err, depth)
		}
	}
}

// padded repeats unit, which has marks marks, with x in place of each "·"
// so that each mark comes with bytesPerMark bytes, until the body is size
// bytes; after every group units it writes "\n\n", which is two marks more.
func padded(unit string, marks, group, size int) []byte {
	pads := strings.Count(unit, "·")
	pad := strings.Repeat("x", max(0, (marks*bytesPerMark-len(unit)+pads*len("·"))/max(pads, 1)))
	u := strings.Repeat(strings.ReplaceAll(unit, "·", pad), group) + "\n\n" + strings.Repeat("x", 2*bytesPerMark-2)
	return []byte(strings.Repeat(u, size/len(u)))
}

func TestIssue12Case4HugeTable(t *testing.T) {
	var table bytes.Buffer
	table.WriteString("| Hạng | Đơn vị |\n|---|---|\n")
	for table.Len() < 1<<20 {
		table.WriteString("|a|b|\n")
	}
	wantLimit(t, table.Bytes(), 16385, 1, "more than 65536 Markdown marks", "split it")
}

func TestIssue12Case4Emphasis(t *testing.T) {
	wantLimit(t, []byte(strings.Repeat("*a **a ", 600_000)), 1, 3501, "more than 1000 runs of *, _ and ~", "blank lines")
	wantLimit(t, bytes.Repeat([]byte(strings.Repeat("*a **a ", 100)+"\n\n"), 6000), 1743, 487, "more than 263250 Markdown marks")
	wantLimit(t, padded("*a_· ", 2, 1000, 1<<20), 1, 16001, "more than 1000 runs")
	wantLimit(t, []byte(strings.Repeat("[a](<b", 100_000)), 1, 603, "more than 100 links", "several lines")
	wantLimit(t, []byte(strings.Repeat("[a]: b\n", 100_000)), 1001, 1, "more than 1000 lines that start with [", "blank line")
	wantLimit(t, []byte("| a |\n|---|\n"+strings.Repeat("| *a_ "+strings.Repeat("x", 100)+" |\n", 15_000)), 10003, 3, "table has more than 20000 runs")
}

// TestLimitsBoundTheCostWithin wants the costliest bodies within the bounds
// to take less than 50 times their size and less than a second per
// megabyte (three here, for a shared machine).
func TestLimitsBoundTheCostWithin(t *testing.T) {
	size := 512 << 10
	for name, src := range map[string][]byte{
		"table":          padded("|a·|b|\n", 4, 1, size),
		"lines":          padded("a·\n", 1, 1, size),
		"list items":     padded("- a·\n", 2, 1, size),
		"quotes":         padded("> a·\n", 2, 1, size),
		"emphasis":       padded("_a· _ ", 2, 450, size),
		"mismatched":     padded("*a_· ", 2, 450, size),
		"images":         padded("![a](b)· ", 3, 90, size),
		"link tails":     padded("[a](<b· ", 3, 90, size),
		"brackets":       padded("[a· ", 1, 1000, size),
		"addresses":      padded("a@b· ", 1, 1000, size),
		"nested 31 deep": padded(strings.Repeat("* ", 31)+"·\n", 32, 1, size),
		"footnotes":      padded("[^a]: ·\n", 4, 1, size),
		"references":     padded("[a]: b·\n", 4, 900, size),
	} {
		alloc, took, err := cost(t, src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if alloc > 50*uint64(len(src)) || took > 3*time.Second {
			t.Errorf("%s: %d bytes took %d MB (%.0f×) and %v", name, len(src), alloc>>20, float64(alloc)/float64(len(src)), took)
		}
	}
}

// FuzzNestingLimit wants checkLimits to refuse whatever goldmark nests
// more than maxNesting deep.
func FuzzNestingLimit(f *testing.F) {
	deep := strings.Repeat("- ", 31) + "a\n"
	for _, s := range []string{
		deep + "lazy line\n" + strings.Repeat(" ", 62) + "- b\n",
		strings.Repeat("> ", 16) + strings.Repeat("1. ", 16) + "a",
		string(indentedList(31)) + strings.Repeat(" ", 62) + "\t- b",
		strings.Repeat(">", 30) + "- * a\n> b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if depth := goldmarkDepth([]byte(s)); depth > maxNesting && checkLimits([]byte(s)) == nil {
			t.Fatalf("goldmark nests %q %d deep, and checkLimits takes it", s, depth)
		}
	})
}

// BenchmarkCheckLimits is what the bounds add to BenchmarkConvert.
func BenchmarkCheckLimits(b *testing.B) {
	articles := testArticles(b)
	size := 0
	for _, a := range articles {
		size += len(a)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			if err := checkLimits(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

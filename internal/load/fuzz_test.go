package load

import (
	"io/fs"
	"os"
	"testing"

	"github.com/thidua/thidua/internal/diag"
)

// seed adds the files of testdata/site under dir, and a few broken inputs,
// to the corpus of f.
func seed(f *testing.F, dir string, extra ...string) {
	root := os.DirFS("testdata/site")
	matches, _ := fs.Glob(root, dir)
	for _, m := range matches {
		b, err := fs.ReadFile(root, m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// positioned fails t when src is not empty and a diagnostic has no line.
func positioned(t *testing.T, src []byte, l *diag.List) {
	if len(src) == 0 {
		return
	}
	for _, d := range l.Items() {
		if d.Line < 1 || d.Column < 1 {
			t.Errorf("diagnostic without a place: %s", d)
		}
	}
}

func FuzzParseBlocYear(f *testing.F) {
	seed(f, "data/blocs/*/[0-9]*.yaml", "members: {a: b}\n", "leader: [x\n", "- 1\n", "members:\n  - {unit: a, rank: 0x10}\n  - *x\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		y, d := ParseBlocYear("data/blocs/khoi-8/2024.yaml", src)
		if y == nil {
			t.Fatal("nil result")
		}
		positioned(t, src, d)
	})
}

func FuzzParseArticle(f *testing.F) {
	seed(f, "content/news/*.md", "---\n---\n", "---\ntitle: [\n---\n", "\uFEFF---\r\ntitle: T\r\ndate: 2025-02-30\r\n---\r\n", "---")
	f.Fuzz(func(t *testing.T, src []byte) {
		a, d := ParseArticle("content/news/tin.md", src)
		if a == nil {
			t.Fatal("nil result")
		}
		positioned(t, src, d)
		for _, r := range a.Refs {
			if r.Line < a.BodyLine {
				t.Errorf("ref %+v before the body, which starts on line %d", r, a.BodyLine)
			}
		}
	})
}

func FuzzParseUnits(f *testing.F) {
	seed(f, "data/units.yaml", "- id: a\n- id: a\n", "{}", "- [1, 2]\n", "- {id: a, name: b, formerly: [{name: c, until: 1800}]}\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		u, d := ParseUnits("data/units.yaml", src)
		if u == nil {
			t.Fatal("nil result")
		}
		positioned(t, src, d)
	})
}

package load

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
)

// The fuzz targets of this file check that no input makes loading panic
// and that every input ends in a result and messages that each name a place
// in the file. `go test` runs their seed corpora (the files of testdata/site,
// the inputs below and the regressions under testdata/fuzz); `make fuzz`
// fuzzes each for a while.

// seed adds the files of testdata/site matching the pattern glob, and a
// few broken inputs, to the corpus of f.
func seed(f *testing.F, glob string, extra ...string) {
	root := os.DirFS("testdata/site")
	matches, _ := fs.Glob(root, glob)
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

// hostile is a set of inputs that every YAML fuzz target starts from.
var hostile = []string{
	"",
	"\uFEFF",
	"\x00",
	"\xff\xfe",
	"a: \t\n\tb: c\n",
	"a: &a [*a]\n",
	"- &a [*a, *a]\n- *a\n",
	"a: *nope\n",
	"!!binary aGk=\n",
	"? [a, b]\n: c\n",
	"{a: 1, a: 2}\n",
	"a: !!timestamp x\n",
	"%YAML 1.1\n---\na: b\n",
	"--- a\n--- b\n",
	"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
	"a: <<\n<<: {b: c}\n",
	"- !<tag:yaml.org,2002:map> {}\n",
	"\"\\ud800\"\n",
}

// checkResult fails t when a parser returned nil, or a message that does
// not name file, or (for a file that is not empty) a place in it.
func checkResult(t *testing.T, file string, src []byte, result any, l *diag.List) {
	t.Helper()
	if result == nil {
		t.Fatal("nil result")
	}
	// Once the budget of values is spent, the rest of the file is not read:
	// no message may come from beyond that place.
	budget := 0
	for _, d := range l.Items() {
		if strings.Contains(d.Text(msg.English), "through aliases") {
			budget = d.Line
		}
	}
	for _, d := range l.Items() {
		if budget > 0 && d.Line > budget {
			t.Errorf("message after the budget of values ran out on line %d: %s", budget, d)
		}
		if d.Path != file && !strings.HasPrefix(file, d.Path+"/") {
			t.Errorf("message about %s, not %s: %s", d.Path, file, d)
		}
		if d.Text(msg.English) == "" || d.Code == "" {
			t.Errorf("message without text or code: %+v", d)
		}
		if len(src) > 0 && d.Path == file && (d.Line < 1 || d.Column < 1) {
			t.Errorf("message without a place: %s", d)
		}
	}
}

func FuzzParseConfig(f *testing.F) {
	seed(f, "site.yaml", append(hostile, "title: [\n", "baseURL: javascript:alert(1)\ntitle: x\n", "paginate: 99999999999999999999\n", "markdown: {unsafe: yes}\n")...)
	f.Fuzz(func(t *testing.T, src []byte) {
		c, d := ParseConfig("site.yaml", src)
		checkResult(t, "site.yaml", src, c, d)
		if d.Len() == 0 && c.BaseURL != nil && c.BaseURL.Scheme != "http" && c.BaseURL.Scheme != "https" {
			t.Errorf("baseURL %v accepted", c.BaseURL)
		}
	})
}

func FuzzParseUnits(f *testing.F) {
	seed(f, "data/units.yaml", append(hostile, "- id: a\n- id: a\n", "{}", "- [1, 2]\n", "- {id: a, name: b, formerly: [{name: c, until: 1800}]}\n")...)
	f.Fuzz(func(t *testing.T, src []byte) {
		u, d := ParseUnits("data/units.yaml", src)
		checkResult(t, "data/units.yaml", src, u, d)
		for _, e := range u.Units {
			if !validID(e.ID.ID) {
				t.Errorf("unit id %q accepted", e.ID.ID)
			}
		}
	})
}

func FuzzParseAwards(f *testing.F) {
	seed(f, "data/awards.yaml", append(hostile, "- {id: a, rank: -1}\n", "- id: huan-chuong-lao-dong-hang-nhat\n  name: x\n")...)
	f.Fuzz(func(t *testing.T, src []byte) {
		a, d := ParseAwards("data/awards.yaml", src)
		checkResult(t, "data/awards.yaml", src, a, d)
		for _, e := range a.Awards {
			if !validID(e.ID.ID) {
				t.Errorf("award id %q accepted", e.ID.ID)
			}
		}
	})
}

func FuzzParseBloc(f *testing.F) {
	seed(f, "data/blocs/*/bloc.yaml", append(hostile, "name: <script>alert(1)</script>\norder: 1e9\n")...)
	f.Fuzz(func(t *testing.T, src []byte) {
		b, d := ParseBloc("data/blocs/khoi-8/bloc.yaml", src)
		checkResult(t, "data/blocs/khoi-8/bloc.yaml", src, b, d)
	})
}

func FuzzParseBlocYear(f *testing.F) {
	seed(f, "data/blocs/*/[0-9]*.yaml", append(hostile, "members: {a: b}\n", "leader: [x\n", "- 1\n", "members:\n  - {unit: a, rank: 0x10}\n  - *x\n")...)
	f.Fuzz(func(t *testing.T, src []byte) {
		y, d := ParseBlocYear("data/blocs/khoi-8/2024.yaml", src)
		checkResult(t, "data/blocs/khoi-8/2024.yaml", src, y, d)
		for _, m := range y.Members {
			if !validID(m.Unit.ID) {
				t.Errorf("member %q accepted", m.Unit.ID)
			}
		}
	})
}

func FuzzParseArticle(f *testing.F) {
	seed(f, "content/news/*.md", "---\n---\n", "---\ntitle: [\n---\n", "\uFEFF---\r\ntitle: T\r\ndate: 2025-02-30\r\n---\r\n", "---",
		"---\ntitle: x\ndate: 2025-01-01\nslug: ../../x\nimage: /../../../etc/passwd\n---\n[a](/../../x)\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		a, d := ParseArticle("content/news/tin.md", src, nil)
		checkResult(t, "content/news/tin.md", src, a, d)
		if a.Slug.ID != "" && !validID(a.Slug.ID) {
			t.Errorf("slug %q accepted", a.Slug.ID)
		}
		for _, r := range a.Refs {
			if r.Line < a.BodyLine {
				t.Errorf("ref %+v before the body, which starts on line %d", r, a.BodyLine)
			}
		}
	})
}

func FuzzParsePage(f *testing.F) {
	seed(f, "content/pages/*.md", "---\ntitle: x\nslug: tin-tuc\n---\n", "---\ntitle: x\n---\n<script>alert(1)</script>\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		p, d := ParsePage("content/pages/trang.md", src, nil)
		checkResult(t, "content/pages/trang.md", src, p, d)
		if p.Slug.ID != "" && !validID(p.Slug.ID) {
			t.Errorf("slug %q accepted", p.Slug.ID)
		}
	})
}

func FuzzSplitFrontMatter(f *testing.F) {
	seed(f, "content/*/*.md", "---", "---\n", "---\n---", "--- \n---\t\nx", "x\n---\n", "---\na\n---\n---\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, bodyLine, closed := splitFrontMatter(src)
		switch {
		case fm == nil:
			if closed || !bytes.Equal(body, src) || bodyLine != 1 {
				t.Fatalf("no front matter, but body %q, line %d, closed %v", body, bodyLine, closed)
			}
		case !closed:
			if body != nil || !bytes.HasSuffix(src, fm) {
				t.Fatalf("unclosed: front matter %q is not the rest, or body %q", fm, body)
			}
		default:
			if !bytes.HasSuffix(src, body) {
				t.Fatalf("body %q is not the end of the file", body)
			}
			head := src[:len(src)-len(body)]
			if want := bytes.Count(head, []byte("\n")) + 1; bodyLine != want && !(len(body) == 0 && bodyLine == want+1) {
				t.Fatalf("body on line %d, want %d", bodyLine, want)
			}
			if !bytes.Contains(head, fm) {
				t.Fatalf("front matter %q is not in %q", fm, head)
			}
		}
	})
}

// FuzzSite checks a whole site folder, the valid one of testdata/site with
// units.yaml, a year file and an article (at a fuzzed name) replaced by
// fuzzed bytes, as thidua check does: load, plan, links. Whatever the files,
// no panic; with no errors, every page and static file has a path that
// stays inside the destination.
func FuzzSite(f *testing.F) {
	base := validSite(f)
	f.Add(base["data/units.yaml"].Data, base["data/blocs/khoi-8/2024.yaml"].Data, base["content/news/ky-ket.md"].Data, "ky-ket")
	f.Add([]byte("- id: a\n  name: <script>alert(1)</script>\n"), []byte("members: [a]\nleader: a\n"), []byte("---\ntitle: x\ndate: 2025-01-01\nslug: a\n---\n[x](/../../etc/passwd)\n"), "../x")
	f.Add([]byte("[]"), []byte("members: [&a hoi-a, *a]\nleader: *a\n"), []byte("---\ntitle: x\ndate: 2025-01-01\nimage: /../site.yaml\n---\n"), "2025/tin có dấu")
	f.Add([]byte(""), []byte(""), []byte(""), "")
	f.Fuzz(func(t *testing.T, units, year, article []byte, name string) {
		fsys := maps.Clone(base)
		fsys["data/units.yaml"] = &fstest.MapFile{Data: units}
		fsys["data/blocs/khoi-8/2024.yaml"] = &fstest.MapFile{Data: year}
		if p := "content/news/" + name + ".md"; fs.ValidPath(p) {
			fsys[p] = &fstest.MapFile{Data: article}
		}
		site, diags := Site(fsys, Options{})
		plan := pages.Plan(site, func(k string) string { return k })
		diags.Merge(pages.CheckCollisions(site, plan))
		diags.Merge(pages.CheckRefs(site, pages.NewTargets(plan, site.Static)))
		for _, d := range diags.Items() {
			if _, err := fs.Stat(fsys, d.Path); err != nil {
				t.Errorf("message about %q, which is not in the folder: %s", d.Path, d)
			}
		}
		if diags.HasErrors(false) {
			return
		}
		files := map[string]bool{}
		for _, p := range plan {
			if err := output.CheckRel(p.File()); err != nil {
				t.Errorf("page %s: %v", p.Kind, err)
			}
			if files[p.File()] {
				t.Errorf("two pages write %s", p.File())
			}
			files[p.File()] = true
		}
		for _, s := range site.Static {
			if err := output.CheckRel(s); err != nil {
				t.Errorf("static file: %v", err)
			}
		}
	})
}

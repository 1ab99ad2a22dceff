package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
)

// demoSite returns what the schemas know of the demo site.
func demoSite(t *testing.T) *Site {
	t.Helper()
	s, diags := load.Site(readDemo(t), load.Options{})
	if diags.HasErrors(false) {
		t.Fatalf("the demo does not load: %v", diags.Items())
	}
	return SiteOf(s, msg.Vietnamese)
}

// planted is a mistake planted in the demo's yearFile: the text it
// replaces, the text that replaces it, and the code of the message that
// an editor must show at the start of the new text.
type planted struct{ from, to, code string }

var plantedMistakes = map[string]planted{
	"misspelt award id": {"award: co-thi-dua-tinh", "award: co-thi-dua-tihn", "schema-unknown-award"},
	"unknown unit id":   {"unit: hoi-nguoi-mu\n", "unit: hoi-nguoi-mux\n", "schema-unknown-unit"},
	"unknown leader":    {"leader: hoi-nan-nhan-chat-doc-da-cam", "leader: hoi-nan-nhan", "schema-unknown-unit"},
	"bad date":          {"date: 2025-03-25", "date: 25/03/2025", "schema-bad-date"},
	"bad rating":        {"rating: tot\n", "rating: tốt\n", "schema-bad-rating"},
}

// plant returns the demo's yearFile with the mistake p, and the 0-based
// line and column (in UTF-16 units, as an editor counts) of its value.
func plant(t *testing.T, src string, p planted) (string, int, int) {
	t.Helper()
	i := strings.Index(src, p.from)
	if i < 0 {
		t.Fatalf("the demo's %s has no %q", yearFile, p.from)
	}
	out := src[:i] + p.to + src[i+len(p.from):]
	i += strings.Index(p.to, ": ") + 2
	line := strings.Count(out[:i], "\n")
	col := len(utf16(out[strings.LastIndex(out[:i], "\n")+1 : i]))
	return out, line, col
}

func utf16(s string) []rune {
	var out []rune
	for _, r := range s {
		out = append(out, r)
		if r > 0xFFFF {
			out = append(out, r)
		}
	}
	return out
}

// TestSiteSchemasNameTheSite checks that the fields naming a unit, bloc
// or award kind take the demo's, with their names, that no list of values
// takes null, and that every pattern and list of values has its message.
func TestSiteSchemasNameTheSite(t *testing.T) {
	site := demoSite(t)
	var year map[string]any
	for _, s := range For(site) {
		if s.Name == "year" {
			json.Unmarshal(s.JSON, &year)
		}
		var walk func(where string, v any)
		walk = func(where string, v any) {
			switch v := v.(type) {
			case map[string]any:
				if enum, ok := v["enum"].([]any); ok && !strings.HasSuffix(where, "/not") {
					if slices.Contains(enum, nil) || slices.Contains(types(v), "null") {
						t.Errorf("%s: %s offers null among %v", s.File, where, enum)
					}
					if v["errorMessage"] == nil {
						t.Errorf("%s: %s has a list of values and no message", s.File, where)
					}
				}
				if v["pattern"] != nil && v["patternErrorMessage"] == nil {
					t.Errorf("%s: %s shows its pattern %v", s.File, where, v["pattern"])
				}
				for k, c := range v {
					if strings.HasPrefix(k, "x-thidua") {
						t.Errorf("%s: %s keeps %s", s.File, where, k)
					}
					walk(where+"/"+k, c)
				}
			case []any:
				for i, c := range v {
					walk(where+"/"+strconv.Itoa(i), c)
				}
			}
		}
		walk("", func() any { var v any; json.Unmarshal(s.JSON, &v); return v }())
	}
	leader := year["properties"].(map[string]any)["leader"].(map[string]any)
	enum, _ := leader["enum"].([]any)
	names, _ := leader["markdownEnumDescriptions"].([]any)
	if len(enum) != len(site.Units) || len(names) != len(enum) || !slices.Contains(enum, any("hoi-nguoi-cao-tuoi")) {
		t.Fatalf("leader takes %v (%v)", enum, names)
	}
	i := slices.Index(enum, any("hoi-nguoi-cao-tuoi"))
	if names[i] != "Hội Người cao tuổi tỉnh" {
		t.Errorf("hoi-nguoi-cao-tuoi is described as %v", names[i])
	}
	if leader["errorMessage"] != msg.Sprintf(msg.Vietnamese, "schema-unknown-unit") {
		t.Errorf("leader's message is %v", leader["errorMessage"])
	}
}

func types(n map[string]any) []string {
	switch t := n["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, s := range t {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}

// TestSiteSchemasFlagPlantedMistakes validates the demo's year file with
// each planted mistake against the site's year schema with the Go engine,
// and checks that the error is at the value of the planted line.
func TestSiteSchemasFlagPlantedMistakes(t *testing.T) {
	var sch *jsonschema.Schema
	for _, s := range For(demoSite(t)) {
		if s.Name == "year" {
			doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(s.JSON))
			c := jsonschema.NewCompiler()
			c.AddResource(s.File, doc)
			var err error
			if sch, err = c.Compile(s.File); err != nil {
				t.Fatal(err)
			}
		}
	}
	demoFiles := readDemo(t)
	src := string(demoFiles[yearFile].Data)
	if err := sch.Validate(instance(t, yearFile, []byte(src))); err != nil {
		t.Fatalf("the demo's %s does not validate: %v", yearFile, err)
	}
	for name, p := range plantedMistakes {
		t.Run(name, func(t *testing.T) {
			text, line, _ := plant(t, src, p)
			err := sch.Validate(instance(t, yearFile, []byte(text)))
			var verr *jsonschema.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("not flagged: %v", err)
			}
			var doc yaml.Node
			yaml.Unmarshal([]byte(text), &doc)
			var lines []int
			for _, loc := range leaves(verr) {
				if n := nodeAt(doc.Content[0], loc); n != nil {
					lines = append(lines, n.Line-1)
				}
			}
			if !slices.Contains(lines, line) {
				t.Errorf("flagged on lines %v, not %d: %v", lines, line, err)
			}
		})
	}
}

// leaves returns the instance locations of the errors that have no causes.
func leaves(e *jsonschema.ValidationError) [][]string {
	if len(e.Causes) == 0 {
		return [][]string{e.InstanceLocation}
	}
	var out [][]string
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// nodeAt returns the node of the YAML tree at the JSON instance location loc.
func nodeAt(n *yaml.Node, loc []string) *yaml.Node {
	for _, key := range loc {
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					next = n.Content[i+1]
				}
			}
			if next == nil {
				return nil
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(key)
			if err != nil || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
	}
	return n
}

// yamlLanguageServer returns node and the node_modules folder that holds
// yaml-language-server (the repository's, or the one that the variable
// YAML_LANGUAGE_SERVER_MODULES names), or skips the test; under CI=true,
// where make test has installed the npm packages, it fails instead.
func yamlLanguageServer(t *testing.T) (node, modules string) {
	t.Helper()
	missing := t.Skip
	if os.Getenv("CI") == "true" {
		missing = t.Fatal
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	for _, dir := range []string{os.Getenv("YAML_LANGUAGE_SERVER_MODULES"), filepath.Join(demo, "node_modules")} {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "yaml-language-server", "package.json")); err == nil {
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			return node, abs
		}
	}
	missing("yaml-language-server is not in node_modules: run npm ci (make test does)")
	return "", ""
}

// lsFile is a file the language server validates, with the places to
// complete at; lsAnswer what it says of it.
type lsFile struct {
	URI      string    `json:"uri"`
	Text     string    `json:"text"`
	Complete []lsPlace `json:"complete,omitempty"`
}
type lsPlace struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}
type lsAnswer struct {
	Diagnostics []struct {
		lsPlace
		Message string `json:"message"`
	} `json:"diagnostics"`
	Completions [][]string `json:"completions"`
}

// TestYAMLLanguageServer validates the demo's YAML files, and its year
// file with each planted mistake, with the schemas of the demo as thidua
// schema --write writes them, through yaml-language-server as VS Code's
// YAML extension does: the demo passes; each mistake is flagged at its
// value with the catalogue's message, no regular expression shown; the
// leader, award and rating fields offer the site's ids or the ratings,
// and no null.
func TestYAMLLanguageServer(t *testing.T) {
	node, modules := yamlLanguageServer(t)
	dir := t.TempDir()
	site := demoSite(t)
	type schemaRef struct {
		URI       string   `json:"uri"`
		FileMatch []string `json:"fileMatch"`
	}
	var schemas []schemaRef
	for _, s := range For(site) {
		p := filepath.Join(dir, s.File)
		if err := os.WriteFile(p, s.JSON, 0o644); err != nil {
			t.Fatal(err)
		}
		if s.Match == nil {
			continue
		}
		var match []string
		for _, m := range s.Match {
			match = append(match, "**/site/"+m)
		}
		schemas = append(schemas, schemaRef{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String(), FileMatch: match})
	}
	var files []lsFile
	var names []string
	// Each file has its own address: the server keeps a parse by address.
	uri := func(p string) string { return "file:///work/" + strconv.Itoa(len(files)) + "/site/" + p }
	demoFiles := readDemo(t)
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range demoFiles {
			if !yield(p) {
				return
			}
		}
	}) {
		if path.Ext(p) == ".yaml" {
			files = append(files, lsFile{URI: uri(p), Text: string(demoFiles[p].Data)})
			names = append(names, p)
		}
	}
	demoCount := len(files)
	src := string(demoFiles[yearFile].Data)
	type where struct{ line, col int }
	var want []where
	var codes []string
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for n := range plantedMistakes {
			if !yield(n) {
				return
			}
		}
	}) {
		text, line, col := plant(t, src, plantedMistakes[name])
		files = append(files, lsFile{URI: uri(yearFile), Text: text})
		names = append(names, name)
		want = append(want, where{line, col})
		codes = append(codes, plantedMistakes[name].code)
	}
	// Completions: the value of leader: (emptied), of the first award: and
	// of the first rating:.
	text := strings.Replace(src, "leader: hoi-nan-nhan-chat-doc-da-cam", "leader: ", 1)
	at := func(s, before string) lsPlace {
		i := strings.Index(s, before) + len(before)
		return lsPlace{strings.Count(s[:i], "\n"), i - strings.LastIndex(s[:i], "\n") - 1}
	}
	files = append(files, lsFile{URI: uri(yearFile), Text: text, Complete: []lsPlace{at(text, "leader: "), at(text, "  - award: "), at(text, "    rating: ")}})

	req, _ := json.Marshal(map[string]any{"schemas": schemas, "files": files})
	cmd := exec.Command(node, filepath.Join("testdata", "yls.mjs"), modules)
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node yls.mjs: %v\n%s", err, stderr.Bytes())
	}
	var answers []lsAnswer
	if err := json.Unmarshal(out, &answers); err != nil || len(answers) != len(files) {
		t.Fatalf("answer %s: %v", out, err)
	}
	for i, a := range answers[:demoCount] {
		if len(a.Diagnostics) > 0 {
			t.Errorf("the demo's %s: %+v", names[i], a.Diagnostics)
		}
	}
	for i, a := range answers[demoCount : demoCount+len(want)] {
		name, w, text := names[demoCount+i], want[i], msg.Sprintf(msg.Vietnamese, codes[i])
		found := false
		for _, d := range a.Diagnostics {
			found = found || d.Line == w.line && d.Character == w.col && d.Message == text
			if strings.Contains(d.Message, "[0-9]") || strings.Contains(d.Message, "^[") {
				t.Errorf("%s: a regular expression shown: %s", name, d.Message)
			}
		}
		if !found {
			t.Errorf("%s: no %q at %d:%d; got %+v", name, codes[i], w.line+1, w.col+1, a.Diagnostics)
		}
	}
	c := answers[len(answers)-1].Completions
	if len(c) != 3 {
		t.Fatalf("completions: %v", c)
	}
	for i, want := range [][]string{{"hoi-nguoi-cao-tuoi", "hoi-luat-gia"}, {"co-thi-dua-tinh", "bang-khen-tinh"}, {"xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh"}} {
		for _, label := range want {
			if !slices.Contains(c[i], label) {
				t.Errorf("completion %d lacks %s: %v", i, label, c[i])
			}
		}
		if slices.Contains(c[i], "null") {
			t.Errorf("completion %d offers null: %v", i, c[i])
		}
	}
	if len(c[0]) != len(site.Units) || len(c[2]) != 4 {
		t.Errorf("completions offer %d units (want %d) and %d ratings: %v", len(c[0]), len(site.Units), len(c[2]), c)
	}
}

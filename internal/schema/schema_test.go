package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/load"
)

// demo is the demo site: the repository's root.
const demo = "../.."

// compiled compiles every schema, which the library checks against the
// meta-schema of draft 2020-12, and returns them by name.
func compiled(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, s := range All() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(s.JSON))
		if err != nil {
			t.Fatalf("%s: %v", s.File, err)
		}
		if err := c.AddResource(s.File, doc); err != nil {
			t.Fatalf("%s: %v", s.File, err)
		}
		sch, err := c.Compile(s.File)
		if err != nil {
			t.Fatalf("%s does not compile: %v", s.File, err)
		}
		out[s.Name] = sch
	}
	return out
}

func TestSchemasCompileAndDeclareTheDraft(t *testing.T) {
	compiled(t)
	for _, s := range All() {
		var doc map[string]any
		if err := json.Unmarshal(s.JSON, &doc); err != nil {
			t.Fatal(err)
		}
		if doc["$schema"] != Draft {
			t.Errorf("%s: $schema is %v", s.File, doc["$schema"])
		}
		if !strings.HasSuffix(string(s.JSON), "}\n") {
			t.Errorf("%s does not end in a newline", s.File)
		}
	}
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Bundle()))
	if err != nil {
		t.Fatal(err)
	}
	c.AddResource("bundle.json", doc)
	for _, name := range Names() {
		if _, err := c.Compile("bundle.json#/$defs/" + name); err != nil {
			t.Errorf("bundle: $defs/%s: %v", name, err)
		}
	}
}

// TestDescriptionsAreBilingual checks that every field says what it is in
// Vietnamese and in English: two paragraphs, the first with a Vietnamese letter.
func TestDescriptionsAreBilingual(t *testing.T) {
	var walk func(where string, v any)
	count := 0
	walk = func(where string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok && v["type"] != nil {
				for name, p := range props {
					pm := p.(map[string]any)
					d, _ := pm["description"].(string)
					vi, en, ok := strings.Cut(d, "\n\n")
					if !ok || vi == "" || en == "" || !strings.ContainsAny(vi, "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ") {
						t.Errorf("%s.%s: description %q is not Vietnamese, then English", where, name, d)
					}
					count++
				}
			}
			for k, c := range v {
				walk(where+"/"+k, c)
			}
		case []any:
			for _, c := range v {
				walk(where, c)
			}
		}
	}
	for _, s := range All() {
		var doc any
		json.Unmarshal(s.JSON, &doc)
		walk(s.Name, doc)
	}
	if count < 50 {
		t.Errorf("only %d fields described", count)
	}
}

// schemaFor returns the name of the schema of the site file p, "" for none.
func schemaFor(t *testing.T, p string) string {
	t.Helper()
	var names []string
	for _, s := range All() {
		for _, g := range s.Match {
			if ok, _ := path.Match(g, p); ok {
				names = append(names, s.Name)
			}
		}
	}
	switch {
	case strings.HasPrefix(p, "content/news/") && path.Ext(p) == ".md":
		names = append(names, "article")
	case strings.HasPrefix(p, "content/pages/") && path.Ext(p) == ".md":
		names = append(names, "page")
	}
	if len(names) > 1 {
		t.Errorf("%s matches the schemas %v", p, names)
	}
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// instance turns a YAML file, or the front matter of a Markdown file, into
// the JSON value an editor's YAML support validates.
func instance(t *testing.T, p string, src []byte) any {
	t.Helper()
	if path.Ext(p) == ".md" {
		s := strings.ReplaceAll(string(src), "\r\n", "\n")
		rest, ok := strings.CutPrefix(s, "---\n")
		fm, _, closed := strings.Cut(rest, "\n---\n")
		if !ok || !closed {
			t.Fatalf("%s has no front matter", p)
		}
		src = []byte(fm)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var v any
	if len(doc.Content) > 0 {
		v = fromYAML(t, doc.Content[0])
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// fromYAML converts a YAML node as YAML 1.2 sees it: a date is text.
func fromYAML(t *testing.T, n *yaml.Node) any {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = fromYAML(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, fromYAML(t, c))
		}
		return out
	}
	var v any
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		n.Decode(&b)
		v = b
	case "!!int":
		var i int64
		n.Decode(&i)
		v = i
	case "!!float":
		var f float64
		n.Decode(&f)
		v = f
	default:
		v = n.Value
	}
	return v
}

// readDemo returns the files of the demo site that loading reads.
func readDemo(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := os.DirFS(demo)
	out := fstest.MapFS{}
	src, err := fs.ReadFile(fsys, "site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out["site.yaml"] = &fstest.MapFile{Data: src}
	for _, root := range []string{"data", "content", "static"} {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			out[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestDemoSiteIsValid(t *testing.T) {
	schemas := compiled(t)
	files := readDemo(t)
	checked := map[string]int{}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range files {
			if !yield(p) {
				return
			}
		}
	}) {
		name := schemaFor(t, p)
		if name == "" {
			continue
		}
		if err := schemas[name].Validate(instance(t, p, files[p].Data)); err != nil {
			t.Errorf("%s does not validate against the %s schema:\n%v", p, name, err)
		}
		checked[name]++
	}
	for _, name := range Names() {
		if checked[name] == 0 {
			t.Errorf("no file of the demo was checked against the %s schema", name)
		}
	}
	if _, diags := load.Site(files, load.Options{}); diags.HasErrors(false) {
		t.Errorf("the demo does not load: %v", diags.Items())
	}
}

// edit is one change of a demo file.
type edit struct {
	path   string
	change func(old string) string
}

func replaceWith(s string) func(string) string { return func(string) string { return s } }
func appendText(s string) func(string) string  { return func(old string) string { return old + s } }
func substitute(from, to string) func(string) string {
	return func(old string) string { return strings.Replace(old, from, to, 1) }
}

const yearFile = "data/blocs/khoi-8/2025.yaml"

// brokenFiles are mistakes that both the schema and the loader catch.
var brokenFiles = map[string]edit{
	"site without title":           {"site.yaml", replaceWith("baseURL: https://thidua.example.gov.vn/\n")},
	"site language not vi or en":   {"site.yaml", substitute("language: vi", "language: fr")},
	"site paginate 0":              {"site.yaml", substitute("paginate: 10", "paginate: 0")},
	"site baseURL not absolute":    {"site.yaml", substitute("baseURL: https://thidua.binhthuan.gov.vn/", "baseURL: thidua.binhthuan.gov.vn")},
	"site baseURL with a query":    {"site.yaml", substitute("baseURL: https://thidua.binhthuan.gov.vn/", "baseURL: https://thidua.binhthuan.gov.vn/?a=1")},
	"unit field typo":              {"data/units.yaml", appendText("- id: hoi-moi\n  nmae: Hội mới\n")},
	"unit id not an identifier":    {"data/units.yaml", appendText("- id: Hoi_Moi\n  name: Hội mới\n")},
	"unit dissolved not a year":    {"data/units.yaml", appendText("- id: hoi-moi\n  name: Hội mới\n  dissolved: 20245\n")},
	"units not a list":             {"data/units.yaml", replaceWith("id: hoi-moi\nname: Hội mới\n")},
	"new award kind without rank":  {"data/awards.yaml", appendText("- id: co-moi\n  name: Cờ mới\n")},
	"award kind rank 0":            {"data/awards.yaml", substitute("rank: 11", "rank: 0")},
	"bloc order in words":          {"data/blocs/khoi-8/bloc.yaml", substitute("order: 8", "order: tám")},
	"bloc without name":            {"data/blocs/khoi-8/bloc.yaml", replaceWith("short: Khối 8\n")},
	"year members not a list":      {yearFile, replaceWith("members: hoi-nguoi-cao-tuoi\nleader: hoi-nguoi-cao-tuoi\n")},
	"year members empty":           {yearFile, replaceWith("members: []\nleader: hoi-nguoi-cao-tuoi\n")},
	"year leader typo":             {yearFile, substitute("leader:", "leadr:")},
	"year rating not allowed":      {yearFile, substitute("rating: xuat-sac", "rating: xuatsac")},
	"year rank 0":                  {yearFile, substitute("rank: 1\n", "rank: 0\n")},
	"year score in words":          {yearFile, substitute("score: 97.9", "score: cao")},
	"year deputy twice":            {yearFile, substitute("deputies: [hoi-van-hoc-nghe-thuat]", "deputies: [hoi-van-hoc-nghe-thuat, hoi-van-hoc-nghe-thuat]")},
	"year award unit and count":    {yearFile, substitute("status: proposed", "count: 2\n    status: proposed")},
	"year award neither":           {yearFile, appendText("  - award: bang-khen-tinh\n    status: proposed\n")},
	"year award status unknown":    {yearFile, substitute("status: proposed", "status: cho-xet")},
	"year covenant date dd/mm":     {yearFile, substitute("date: 2025-03-25", "date: 25/03/2025")},
	"year model without name":      {yearFile, appendText("  - unit: hoi-nguoi-cao-tuoi\n")},
	"article without title":        {"content/news/2025/khoi-8-tong-ket-2024.md", substitute("title: ", "tilte: ")},
	"article date dd/mm":           {"content/news/2025/khoi-8-tong-ket-2024.md", substitute("date: 2025-01-09T08:40:00+07:00", "date: 09/01/2025")},
	"article draft in words":       {"content/news/2025/khoi-8-tong-ket-2024.md", substitute("author:", "draft: có\nauthor:")},
	"article year out of range":    {"content/news/2025/khoi-8-tong-ket-2024.md", substitute("year: 2024", "year: 1900")},
	"article blocs not identifier": {"content/news/2025/khoi-8-tong-ket-2024.md", substitute("blocs: [khoi-8]", "blocs: [Khối 8]")},
	"page field typo":              {"content/pages/gioi-thieu.md", substitute("title:", "tittle:")},
	"year award history typo":      {"data/blocs/khoi-8/2024.yaml", substitute("history: {proposed: 2025-01-08, submitted: 2025-01-20, consultation:", "history: {proposed: 2025-01-08, submited: 2025-01-20, consultation:")},
	"award kind class in words":    {"data/awards.yaml", substitute("rank: 11", "rank: 11\n  class: danh hiệu")},
	"decision without issuer":      {"data/decisions.yaml", appendText("- {id: qd-1, number: 1/QĐ-UBND, date: 2025-01-02}\n")},
	"decision level in words":      {"data/decisions.yaml", appendText("- {id: qd-1, number: 1/QĐ-UBND, date: 2025-01-02, issuer: {body: UBND tỉnh, level: tỉnh}}\n")},
	"consultation without basis":   {"data/consultations/co-thi-dua-tinh-2024.yaml", substitute("basis:", "basic:")},
	"consultation candidate typo":  {"data/consultations/co-thi-dua-tinh-2024.yaml", substitute("position: Chủ tịch Hội", "postion: Chủ tịch Hội")},
}

// goodVariants are ways of writing that both accept.
var goodVariants = map[string]edit{
	"optional field left empty": {"data/units.yaml", appendText("- id: hoi-moi\n  name: Hội mới\n  short:\n")},
	"award count without unit":  {yearFile, substitute("awards:\n", "awards:\n  - award: bang-khen-tinh\n    count: 2\n    status: proposed\n")},
	"member as a plain id":      {yearFile, substitute("  - unit: hoi-van-hoc-nghe-thuat\n    rank: 12\n    score: 89.3\n    rating: tot\n", "  - hoi-van-hoc-nghe-thuat\n")},
	"date with a time":          {yearFile, substitute("date: 2025-03-25", "date: 2025-03-25 08:00")},
	"override of a built-in":    {"data/awards.yaml", appendText("- id: bang-khen-tinh\n  short: Bằng khen UBND tỉnh\n")},
}

func applyEdit(t *testing.T, files fstest.MapFS, e edit) (fstest.MapFS, []byte) {
	t.Helper()
	old, ok := files[e.path]
	if !ok {
		t.Fatalf("the demo has no %s", e.path)
	}
	src := []byte(e.change(string(old.Data)))
	if bytes.Equal(src, old.Data) {
		t.Fatalf("the edit of %s changes nothing", e.path)
	}
	out := fstest.MapFS{}
	for p, f := range files {
		out[p] = f
	}
	out[e.path] = &fstest.MapFile{Data: src}
	return out, src
}

func TestSchemaAndLoaderAgree(t *testing.T) {
	if len(brokenFiles) < 12 {
		t.Fatalf("only %d broken files", len(brokenFiles))
	}
	schemas := compiled(t)
	demoFiles := readDemo(t)
	for name, e := range brokenFiles {
		t.Run(name, func(t *testing.T) {
			files, src := applyEdit(t, demoFiles, e)
			if err := schemas[schemaFor(t, e.path)].Validate(instance(t, e.path, src)); err == nil {
				t.Errorf("the schema accepts %s:\n%s", e.path, src)
			}
			_, diags := load.Site(files, load.Options{})
			found := false
			for _, d := range diags.Items() {
				found = found || (d.Path == e.path && d.Severity.String() == "error")
			}
			if !found {
				t.Errorf("the loader reports no error in %s: %v", e.path, diags.Items())
			}
		})
	}
	for name, e := range goodVariants {
		t.Run(name, func(t *testing.T) {
			files, src := applyEdit(t, demoFiles, e)
			if err := schemas[schemaFor(t, e.path)].Validate(instance(t, e.path, src)); err != nil {
				t.Errorf("the schema rejects %s: %v", e.path, err)
			}
			if _, diags := load.Site(files, load.Options{}); diags.HasErrors(false) {
				t.Errorf("the loader rejects %s: %v", e.path, diags.Items())
			}
		})
	}
}

func TestLookup(t *testing.T) {
	s, ok := Lookup("year")
	if !ok || s.File != "year.schema.json" || len(s.Match) == 0 {
		t.Errorf("Lookup(year) = %+v, %v", s, ok)
	}
	if _, ok := Lookup("nam"); ok {
		t.Error("Lookup(nam) found a schema")
	}
	if !bytes.Equal(All()[0].JSON, All()[0].JSON) {
		t.Error("two encodings of a schema differ")
	}
}

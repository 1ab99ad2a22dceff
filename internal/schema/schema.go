// Package schema holds the JSON Schemas (draft 2020-12) of the files of a
// site folder: site.yaml, data/units.yaml, data/awards.yaml, bloc.yaml, a
// bloc's year file and the front matter of articles and pages. An editor
// that reads JSON Schema for YAML, such as the YAML extension of VS Code,
// uses them to complete field names and to underline mistakes as one types.
//
// The schemas say what one file alone can say; what needs another file (an
// unknown unit, a leader who is not a member, a date that does not exist)
// is left to thidua check. Each field is described in Vietnamese, then in
// English. Where the schema and the loader differ, the schema is stricter:
// it wants text where the loader would also read a number as text. The
// schemas use only keywords that draft 7 understands in the same way, so
// that older editors read them too.
package schema

import (
	"bytes"
	"encoding/json"
)

// Draft is the JSON Schema dialect of every schema.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Schema is the JSON Schema of one kind of file of a site folder.
type Schema struct {
	Name  string   // "site", "units", "awards", "decisions", "consultation", "bloc", "year", "article" or "page"
	File  string   // the file name it is written under: "year.schema.json"
	Match []string // globs of the YAML files it describes, relative to the site folder; nil for front matter
	JSON  []byte   // the schema, indented, ending in a newline
}

// kind is a schema before it is encoded.
type kind struct {
	name  string
	match []string
	title string
	body  func() node
}

// kinds are the schemas in the order of docs/format.md.
var kinds = []kind{
	{"site", []string{"site.yaml"}, "site.yaml", siteSchema},
	{"units", []string{"data/units.yaml"}, "data/units.yaml", unitsSchema},
	{"awards", []string{"data/awards.yaml"}, "data/awards.yaml", awardsSchema},
	{"decisions", []string{"data/decisions.yaml"}, "data/decisions.yaml", decisionsSchema},
	{"consultation", []string{"data/consultations/*.yaml", "data/consultations/*.yml"}, "data/consultations/{mã}.yaml", consultationSchema},
	{"bloc", []string{"data/blocs/*/bloc.yaml", "data/blocs/*/bloc.yml"}, "data/blocs/{khối}/bloc.yaml", blocSchema},
	// Year files are named after a year from 1945 to 2100, so they start
	// with 1 or 2; bloc.yaml does not.
	{"year", []string{"data/blocs/*/1*.yaml", "data/blocs/*/2*.yaml", "data/blocs/*/1*.yml", "data/blocs/*/2*.yml"}, "data/blocs/{khối}/{năm}.yaml", yearSchema},
	{"article", nil, "content/news/**/{slug}.md (front matter)", articleSchema},
	{"page", nil, "content/pages/{slug}.md (front matter)", pageSchema},
}

// All returns every schema, site.yaml first, as For(nil).
func All() []Schema { return For(nil) }

// For returns every schema, site.yaml first, for the site s: the fields
// that name a unit, bloc or award kind take only those of s. With nil,
// they take any identifier and the messages are in Vietnamese.
func For(s *Site) []Schema {
	out := make([]Schema, len(kinds))
	for i, k := range kinds {
		out[i] = Schema{Name: k.name, File: k.name + ".schema.json", Match: k.match, JSON: encode(k.document(s))}
	}
	return out
}

// Lookup returns the schema of the given name.
func Lookup(name string) (Schema, bool) {
	for _, s := range All() {
		if s.Name == name {
			return s, true
		}
	}
	return Schema{}, false
}

// Names lists the names of the schemas, in the order of All.
func Names() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// Bundle returns one schema document that holds every schema under $defs,
// by name: "#/$defs/year" is the schema of a bloc's year file.
func Bundle() []byte {
	defs := node{}
	for _, k := range kinds {
		defs[k.name] = localize(k.body(), nil).with("title", k.title)
	}
	return encode(node{
		"$schema":     Draft,
		"title":       "thidua",
		"description": desc("Lược đồ các tệp của thư mục trang thidua, mỗi loại tệp một mục trong $defs.", "The schemas of the files of a thidua site folder, one entry of $defs per kind of file."),
		"$defs":       defs,
	})
}

func (k kind) document(s *Site) node {
	return localize(k.body(), s).with("$schema", Draft).with("title", k.title)
}

// encode writes n as indented JSON. Maps are written with sorted keys, so
// the output is the same from run to run.
func encode(n node) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(n); err != nil {
		panic(err) // a node holds only maps, slices, strings, numbers and booleans
	}
	return b.Bytes()
}

package load

import (
	"testing"
	"testing/fstest"
)

func TestComplete(t *testing.T) {
	base := fstest.MapFS{
		"site.yaml":                   {Data: []byte("title: T\nbaseURL: https://x.vn/\n")},
		"data/units.yaml":             {Data: []byte("- id: a\n  name: A\n")},
		"data/blocs/k/bloc.yaml":      {Data: []byte("name: K\n")},
		"data/blocs/k/2024.yaml":      {Data: []byte("members: [a]\nleader: a\n")},
		"content/news/2024/bai-a.md":  {Data: []byte("---\ntitle: A\ndate: 2024-01-02\n---\nx\n")},
		"content/pages/gioi-thieu.md": {Data: []byte("---\ntitle: G\n---\nx\n")},
	}
	for _, tc := range []struct {
		name     string
		file     string
		content  string
		complete bool
	}{
		{"clean", "", "", true},
		{"an unknown field parses", "data/blocs/k/2024.yaml", "members: [a]\nleader: a\nleadr: a\n", true},
		{"an unknown unit parses", "data/blocs/k/2024.yaml", "members: [b]\nleader: b\n", true},
		{"YAML that does not parse", "data/units.yaml", "- id: a\n  name: A\n    bad: x\n", false},
		{"a tab in the indentation", "data/units.yaml", "- id: a\n\tname: A\n", false},
		{"front matter that does not parse", "content/news/2024/bai-a.md", "---\ntitle: [A\n---\nx\n", false},
		{"a NUL byte", "content/pages/gioi-thieu.md", "---\ntitle: G\n---\nx\x00\n", false},
		{"no units.yaml", "data/units.yaml", "", false},
	} {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		if tc.file != "" {
			if tc.content == "" {
				delete(fsys, tc.file)
			} else {
				fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.content)}
			}
		}
		_, diags := Site(fsys, Options{})
		if got := Complete(diags); got != tc.complete {
			t.Errorf("%s: Complete = %v, want %v; diagnostics %v", tc.name, got, tc.complete, diags.Items())
		}
	}
}

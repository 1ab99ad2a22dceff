package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSchemaPrints(t *testing.T) {
	code, out, _ := runCmd("schema")
	var bundle struct {
		Schema string                    `json:"$schema"`
		Defs   map[string]map[string]any `json:"$defs"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &bundle) != nil || bundle.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Fatalf("thidua schema: exit %d\n%.300s", code, out)
	}
	for _, name := range []string{"site", "units", "awards", "bloc", "year", "article", "page"} {
		if bundle.Defs[name]["type"] == nil {
			t.Errorf("the bundle has no schema %q", name)
		}
	}
	code, out, _ = runCmd("schema", "year")
	var year map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &year) != nil || year["title"] != "data/blocs/{khối}/{năm}.yaml" {
		t.Errorf("thidua schema year: exit %d\n%.300s", code, out)
	}
	for _, args := range [][]string{{"schema", "nam"}, {"schema", "year", "site"}, {"schema", "year", "--write"}} {
		if code, _, _ := runCmd(args...); code != exitUsage {
			t.Errorf("thidua %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestSchemaWrite(t *testing.T) {
	site := copyFixture(t)
	settings := filepath.Join(site, ".vscode", "settings.json")
	os.MkdirAll(filepath.Dir(settings), 0o755)
	os.WriteFile(settings, []byte(`{"editor.tabSize": 2, "yaml.schemas": {"other.json": ["x.yaml"]}}`), 0o644)
	code, out, errOut := runCmd("schema", "--write", "-s", site)
	if code != exitOK {
		t.Fatalf("schema --write: exit %d, %s", code, errOut)
	}
	if !strings.Contains(out, filepath.Join(site, ".vscode/schemas/year.schema.json")) || !strings.Contains(out, settings+"\n") {
		t.Errorf("schema --write printed %q", out)
	}
	// The last line reminds to run it again, in the site's language.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Đã ghi lược đồ với 8 đơn vị, 2 khối") || !strings.Contains(last, "chạy lại thidua schema --write") {
		t.Errorf("no reminder to run it again: %q", last)
	}
	if _, err := os.Stat(filepath.Join(site, ".vscode/schemas/article.schema.json")); err != nil {
		t.Error(err)
	}
	var got map[string]any
	b, _ := os.ReadFile(settings)
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	schemas, _ := got["yaml.schemas"].(map[string]any)
	year, _ := schemas["./.vscode/schemas/year.schema.json"].([]any)
	if got["editor.tabSize"] != 2.0 || schemas["other.json"] == nil || !slices.Contains(year, any("data/blocs/*/2*.yaml")) || !slices.Contains(year, any("data/blocs/*/2*.yml")) {
		t.Errorf("settings.json: %s", b)
	}
	if _, ok := schemas["./.vscode/schemas/article.schema.json"]; ok {
		t.Error("front matter is mapped to YAML files")
	}
	// The site still checks: .vscode/ is not part of the site.
	if code, _, errOut := runCmd("check", "-s", site, "--strict"); code != exitOK {
		t.Errorf("check after schema --write: exit %d\n%s", code, errOut)
	}

	commented := []byte("{\n  // my settings\n  \"editor.tabSize\": 4\n}\n")
	os.WriteFile(settings, commented, 0o644)
	code, _, errOut = runCmd("schema", "--write", "-s", site)
	if code != exitSite || !strings.Contains(errOut, "not plain JSON") || !strings.Contains(errOut, `"yaml.schemas"`) {
		t.Errorf("schema --write over a settings file with comments: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(settings); string(b) != string(commented) {
		t.Errorf("the settings file with comments was changed:\n%s", b)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenFixture is a copy of the test site with a typo and a mistake whose
// message holds the characters a GitHub annotation must escape.
func brokenFixture(t *testing.T) string {
	t.Helper()
	site := copyFixture(t)
	os.WriteFile(filepath.Join(site, "data/blocs/khoi-b/2024.yaml"), []byte("members: [so-tai-chinh, so-ke-hoach]\nleadr: so-ke-hoach\n"), 0o644)
	return site
}

func TestCheckFormatJSON(t *testing.T) {
	code, out, _ := runCmd("check", "-s", copyFixture(t), "--format", "json")
	if code != exitOK || out != "[]\n" {
		t.Errorf("json of a clean site: exit %d, %q", code, out)
	}
	code, out, _ = runCmd("check", "-s", brokenFixture(t), "--format", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitSite {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	want := map[string]any{"path": "data/blocs/khoi-b/2024.yaml", "line": 2.0, "column": 1.0, "severity": "error",
		"code": "unknown-field", "message": `unknown field "leadr" (did you mean "leader"?)`}
	found := false
	for _, d := range got {
		if _, fix := d["suggestion"]; len(d) != 6 && !(fix && len(d) == 7) {
			t.Errorf("an object has other fields than the six and the suggestion: %v", d)
		}
		same := true
		for k, v := range want {
			same = same && d[k] == v
		}
		found = found || same
	}
	if !found {
		t.Errorf("no object %v in\n%s", want, out)
	}
	// The same messages as the text format, one object each.
	_, _, text := runCmd("check", "-s", brokenFixture(t))
	if n := strings.Count(text, ": error: ") + strings.Count(text, ": warning: "); n != len(got) {
		t.Errorf("text has %d messages, json %d", n, len(got))
	}
}

func TestCheckFormatGitHub(t *testing.T) {
	site := brokenFixture(t)
	os.WriteFile(filepath.Join(site, "content/pages/lien-he.md"), []byte("---\ntitle: Liên hệ\nsu%mary: x\n---\n"), 0o644)
	t.Chdir(filepath.Dir(site))
	code, out, _ := runCmd("check", "-s", "site", "--format", "github")
	if code != exitSite {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{
		"::error file=site/data/blocs/khoi-b/2024.yaml,line=2,col=1,title=thidua unknown-field::unknown field \"leadr\" (did you mean \"leader\"?)\n",
		"::error file=site/content/pages/lien-he.md,line=3,col=1,title=thidua unknown-field::unknown field \"su%25mary\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("github output lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") {
			t.Errorf("not an annotation: %q", l)
		}
	}
	if got := escapeProperty("a,b:c%\n"); got != "a%2Cb%3Ac%25%0A" {
		t.Errorf("escapeProperty: %q", got)
	}
	if got := escapeData("50%: a,b\r\n"); got != "50%25: a,b%0D%0A" {
		t.Errorf("escapeData: %q", got)
	}
}

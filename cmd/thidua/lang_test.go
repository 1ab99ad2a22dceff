package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs the command line args as an editor does: no language but
// what --lang and the site say.
func runIn(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &env{stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

// TestMessagesInTheSiteLanguage checks that check speaks the site's
// language (Vietnamese when site.yaml says vi, English for en), that
// --lang overrides it, and that each message shows its line of the file
// with a caret under its column.
func TestMessagesInTheSiteLanguage(t *testing.T) {
	site := brokenFixture(t)
	vi := "data/blocs/khoi-b/2024.yaml:2:1: lỗi [unknown-field]: không có mục \"leadr\" ở chỗ này (có phải là \"leader\"?)\n" +
		"  2 | leadr: so-ke-hoach\n" +
		"    | ^\n"
	en := "data/blocs/khoi-b/2024.yaml:2:1: error [unknown-field]: unknown field \"leadr\" (did you mean \"leader\"?)\n" +
		"  2 | leadr: so-ke-hoach\n" +
		"    | ^\n"
	code, _, errOut := runIn("check", "-s", site)
	if code != exitSite || !strings.Contains(errOut, vi) || !strings.HasSuffix(errOut, "thidua: 2 lỗi và 0 cảnh báo\n") {
		t.Errorf("check of a vi site: exit %d\n%s", code, errOut)
	}
	if _, _, errOut := runIn("check", "-s", site, "--lang", "en"); !strings.Contains(errOut, en) || !strings.HasSuffix(errOut, "thidua: 2 errors and 0 warnings\n") {
		t.Errorf("check --lang en:\n%s", errOut)
	}
	config := filepath.Join(site, "site.yaml")
	src, _ := os.ReadFile(config)
	os.WriteFile(config, bytes.Replace(src, []byte("language: vi"), []byte("language: en"), 1), 0o644)
	if _, _, errOut := runIn("check", "-s", site); !strings.Contains(errOut, en) {
		t.Errorf("check of an en site:\n%s", errOut)
	}
	if _, _, errOut := runIn("--lang=vi", "check", "-s", site); !strings.Contains(errOut, vi) {
		t.Errorf("check --lang=vi of an en site:\n%s", errOut)
	}
}

// TestLangBeforeTheSite checks that --lang, and Vietnamese by default,
// speak the errors of the command line, which come before any site.
func TestLangBeforeTheSite(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"build", "--bogus"}, exitUsage, "thidua build: không có tùy chọn --bogus; gõ --help để xem các tùy chọn\n"},
		{[]string{"build", "--bogus", "--lang", "en"}, exitUsage, "thidua build: unknown flag: --bogus\n"},
		{[]string{"frobnicate"}, exitUsage, "thidua: không có lệnh \"frobnicate\"; gõ 'thidua --help' để xem danh sách lệnh\n"},
		{[]string{"--lang", "fr", "check"}, exitUsage, "thidua: --lang \"fr\" không phải là ngôn ngữ của chương trình; hãy ghi vi hoặc en\n"},
		{[]string{"check", "--format", "xml", "--lang", "en"}, exitUsage, "thidua check: unknown --format \"xml\" (want text, json or github)\n"},
		{[]string{"build", "--max-file-size", "lots"}, exitUsage, "thidua build: \"lots\" không phải là kích thước; hãy ghi như 10MiB hoặc 512KiB\n"},
	} {
		if code, _, errOut := runIn(tc.args...); code != tc.code || errOut != tc.want {
			t.Errorf("%v: exit %d\n%q\nwant %q", tc.args, code, errOut, tc.want)
		}
	}
	empty := t.TempDir()
	if code, _, errOut := runIn("new", "article", "Tin mới", "-s", empty); code != exitSite || errOut != "thidua new: thư mục không có site.yaml; hãy chạy thidua new trong thư mục trang, hoặc chỉ rõ thư mục bằng -s\n" {
		t.Errorf("new article without a site: exit %d %q", code, errOut)
	}
	if _, out, _ := runIn("check", "--help"); !strings.Contains(out, "Cách dùng:\n  thidua check") || !strings.Contains(out, "--lang") || !strings.Contains(out, `(mặc định "text")`) {
		t.Errorf("check --help:\n%s", out)
	}
	if _, out, _ := runIn("--help", "--lang", "en"); !strings.Contains(out, "check the site folder and report every mistake") {
		t.Errorf("--help --lang en:\n%s", out)
	}
}

// TestJSONAndGitHubInTheLanguage checks that the JSON and the GitHub
// annotations of check keep their code and place and give the message in
// the language chosen, and the JSON the suggestion.
func TestJSONAndGitHubInTheLanguage(t *testing.T) {
	site := brokenFixture(t)
	for lang, want := range map[string]string{
		"vi": `không có mục "leadr" ở chỗ này (có phải là "leader"?)`,
		"en": `unknown field "leadr" (did you mean "leader"?)`,
	} {
		_, out, _ := runIn("check", "-s", site, "--format", "json", "--lang", lang)
		var got []jsonDiagnostic
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, d := range got {
			found = found || d == jsonDiagnostic{Path: "data/blocs/khoi-b/2024.yaml", Line: 2, Column: 1, Severity: "error", Code: "unknown-field", Message: want, Fix: "leader"}
		}
		if !found {
			t.Errorf("%s: no message %q in\n%s", lang, want, out)
		}
		_, out, _ = runIn("check", "-s", site, "--format", "github", "--lang", lang)
		if !strings.Contains(out, "line=2,col=1,title=thidua unknown-field::"+want+"\n") {
			t.Errorf("%s: github:\n%s", lang, out)
		}
	}
}

// TestTheCauseFirst reproduces issue 14's case: one Vietnamese letter in
// an id of data/units.yaml, used by ten places of the demo, gave every one
// of them an error and the cause last. The cause comes first, with the
// fix, and stands for its consequences in one line, in both languages;
// an unknown id used in several places is one line too.
func TestTheCauseFirst(t *testing.T) {
	site := copyDemo(t)
	units := filepath.Join(site, "data/units.yaml")
	src, _ := os.ReadFile(units)
	os.WriteFile(units, bytes.Replace(src, []byte("- id: hoi-luat-gia\n"), []byte("- id: hội-luật-gia\n"), 1), 0o644)
	for lang, want := range map[string]string{
		"vi": "data/units.yaml:55:7: lỗi [bad-id]: \"hội-luật-gia\" ở mục \"id\" không phải là mã hợp lệ; mã chỉ gồm chữ thường không dấu a-z, chữ số và dấu gạch nối, như \"khoi-8\"; hãy viết \"hoi-luat-gia\"; sửa chỗ này thì 13 chỗ khác dùng mã này cũng hết lỗi\n" +
			"  55 | - id: hội-luật-gia\n" +
			"     |       ^\n" +
			"thidua: 1 lỗi và 0 cảnh báo\n",
		"en": "data/units.yaml:55:7: error [bad-id]: \"hội-luật-gia\" in field \"id\" is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like \"khoi-8\"; write \"hoi-luat-gia\"; fixing it fixes the 13 other places that use this id\n" +
			"  55 | - id: hội-luật-gia\n" +
			"     |       ^\n" +
			"thidua: 1 error and 0 warnings\n",
	} {
		if code, _, errOut := runIn("check", "-s", site, "--lang", lang); code != exitSite || errOut != want {
			t.Errorf("%s: exit %d\n%s\nwant\n%s", lang, code, errOut, want)
		}
	}
	// The declaration right, the uses of another id wrong: the first use
	// stands for the others.
	os.WriteFile(units, src, 0o644)
	for _, f := range []string{"data/blocs/khoi-8/2023.yaml", "data/blocs/khoi-8/2024.yaml", "data/blocs/khoi-8/2025.yaml"} {
		b, _ := os.ReadFile(filepath.Join(site, f))
		os.WriteFile(filepath.Join(site, f), bytes.ReplaceAll(b, []byte("hoi-luat-gia"), []byte("hoi-luat-giaa")), 0o644)
	}
	_, _, errOut := runIn("check", "-s", site, "--lang", "vi")
	if first := strings.SplitN(errOut, "\n", 2)[0]; !strings.HasPrefix(first, "data/blocs/khoi-8/2023.yaml:3:11: lỗi [unknown-unit]: không có đơn vị mã \"hoi-luat-giaa\"; hãy thêm đơn vị vào data/units.yaml hoặc sửa lại mã (có phải là \"hoi-luat-gia\"?) (và ") ||
		strings.Count(errOut, "[unknown-unit]") != 1 {
		t.Errorf("the uses of an unknown id:\n%s", errOut)
	}
}

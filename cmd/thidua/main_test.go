package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/msg"
)

const fixture = "../../internal/build/testdata/site"

// runCmd runs the command line args in English, unless they give --lang,
// and returns its exit status and output, with the messages of stderr as
// "path:line:col: error: text": without their code and quoted line, which
// the tests of the format (runRaw) check.
func runCmd(args ...string) (code int, stdout, stderr string) {
	code, stdout, stderr = runRaw(args...)
	return code, stdout, plainMessages(stderr)
}

// runRaw is runCmd with stderr as it is printed.
func runRaw(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &env{stdout: &out, stderr: &errOut, lang: msg.English, langSet: true})
	return code, out.String(), errOut.String()
}

var (
	codeOfMessage = regexp.MustCompile(`(?m)^(\S.*?: (?:error|warning|lỗi|cảnh báo)) \[[a-z0-9-]+\]: `)
	quotedLine    = regexp.MustCompile(`(?m)^  [ 0-9]+ \| .*\n`)
)

// plainMessages removes the codes and quoted lines of the messages of s.
func plainMessages(s string) string {
	return codeOfMessage.ReplaceAllString(quotedLine.ReplaceAllString(s, ""), "$1: ")
}

func TestUsageAndExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"--help"}, exitOK},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"build", "--no-such-flag"}, exitUsage},
		{[]string{"check", "--format", "xml", "-s", fixture}, exitUsage},
		{[]string{"build", "extra-arg"}, exitUsage},
		{[]string{"version"}, exitOK},
	} {
		if code, _, _ := runCmd(tc.args...); code != tc.code {
			t.Errorf("thidua %v: exit %d, want %d", tc.args, code, tc.code)
		}
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for name := range commands() {
		code, out, _ := runCmd(name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("thidua %s --help: exit %d, output %q", name, code, out)
		}
	}
}

func TestBuildQuietAndSummary(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	code, out, errOut := runCmd("build", "-s", fixture, "-d", dst, "--quiet")
	if code != exitOK || out != "" || errOut != "" {
		t.Fatalf("build --quiet: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	summary := `^built \d+ pages and \d+ files into .* in \d+ ms\n`
	code, out, _ = runCmd("build", "-s", fixture, "-d", dst, "-b", "https://thidua.example.gov.vn")
	if code != exitOK || !regexp.MustCompile(summary+`$`).MatchString(out) {
		t.Errorf("build summary at the root of a host: exit %d, %q", code, out)
	}
	// The fixture's baseURL is https://portal.example.gov.vn/thidua/.
	code, out, _ = runCmd("build", "-s", fixture, "-d", dst)
	robots := "baseURL has the path /thidua/: crawlers read only https://portal.example.gov.vn/robots.txt; add this line to it:\n" +
		"Sitemap: https://portal.example.gov.vn/thidua/sitemap.xml\n"
	if code != exitOK || !regexp.MustCompile(summary+regexp.QuoteMeta(robots)+`$`).MatchString(out) {
		t.Errorf("build summary under a path: exit %d, %q", code, out)
	}
	code, out, _ = runCmd("build", "-s", fixture, "-d", dst, "-b", "https://cong.example.gov.vn/so/thidua")
	if code != exitOK || !strings.HasSuffix(out, "path /so/thidua/: crawlers read only https://cong.example.gov.vn/robots.txt; add this line to it:\n"+
		"Sitemap: https://cong.example.gov.vn/so/thidua/sitemap.xml\n") {
		t.Errorf("build summary under -b's path: exit %d, %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dst, "index.html")); err != nil {
		t.Error(err)
	}
}

func TestCheckReportsEveryMistakeOnOneLine(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("check", "-s", src, "--strict")
	if code != exitOK || out != "" || errOut != "" {
		t.Fatalf("check of a clean site: exit %d, %q %q", code, out, errOut)
	}
	os.WriteFile(filepath.Join(src, "data/blocs/khoi-b/2024.yaml"), []byte("members: [so-tai-chinh, so-ke-hoach]\nleadr: so-ke-hoach\n"), 0o644)
	code, _, errOut = runCmd("check", "-s", src)
	if code != exitSite {
		t.Errorf("check of a broken site: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	line := regexp.MustCompile(`^[^ :]+:\d+:\d+: (error|warning): .+$`)
	for _, l := range lines[:len(lines)-1] {
		if !line.MatchString(l) {
			t.Errorf("not a path:line:col message: %q", l)
		}
	}
	if !strings.Contains(errOut, `data/blocs/khoi-b/2024.yaml:2:1: error: unknown field "leadr" (did you mean "leader"?)`) {
		t.Errorf("check output lacks the typo message:\n%s", errOut)
	}
}

func TestCheckReportsBrokenLinksWithDataErrors(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "data/blocs/khoi-b/2024.yaml"), []byte("members: [so-tai-chinh]\nleader: so-khong-co\n"), 0o644)
	os.WriteFile(filepath.Join(src, "content/pages/lien-he.md"), []byte("---\ntitle: Liên hệ\n---\nXem [trang](/khong-co/).\n"), 0o644)
	_, _, errOut := runCmd("check", "-s", src)
	for _, want := range []string{
		"data/blocs/khoi-b/2024.yaml:2:9: error: ",
		`content/pages/lien-he.md:4:5: error: the link "/khong-co/" points at no page or file of the site`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("check output lacks %q:\n%s", want, errOut)
		}
	}
}

func TestCheckSkipsLinksWhenAFileDoesNotParse(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	// units.yaml no longer parses: every link to a unit page would look
	// broken, and saying so would bury the one real mistake.
	os.WriteFile(filepath.Join(src, "data/units.yaml"), []byte("- id: a\n  name: A\n    bad: indent\n"), 0o644)
	_, _, errOut := runCmd("check", "-s", src)
	if !strings.Contains(errOut, "data/units.yaml:3:5: ") {
		t.Errorf("no parse error:\n%s", errOut)
	}
	if strings.Contains(errOut, "points at no page") {
		t.Errorf("link errors reported while units.yaml does not parse:\n%s", errOut)
	}
}

func TestBuildWritesProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, _, errOut := runCmd("build", "-s", fixture, "-d", filepath.Join(dir, "public"), "--quiet", "--cpuprofile", cpu, "--memprofile", mem)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, p := range []string{cpu, mem} {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("profile %s: %v", p, err)
		}
	}
}

func TestMaxFileSize(t *testing.T) {
	var b byteSize
	for in, want := range map[string]int64{"10MiB": 10 << 20, "512kib": 512 << 10, "1048576": 1 << 20, "2 MB": 2 << 20, "1G": 1 << 30} {
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, int64(b), err, want)
		}
	}
	for _, bad := range []string{"", "abc", "-1", "0", "10TiB", "1.5MiB"} {
		if err := b.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
	// The fixture's longest article is a few hundred bytes: a 200-byte
	// limit makes it an error naming the file, in check and in build.
	_, _, errOut := runCmd("check", "-s", fixture, "--max-file-size", "200")
	if !strings.Contains(errOut, "content/news/2024/khoi-a-tong-ket-2024.md: error: the file has ") || !strings.Contains(errOut, "over the limit of") {
		t.Errorf("check --max-file-size 200:\n%s", errOut)
	}
	code, _, _ := runCmd("build", "-s", fixture, "-d", filepath.Join(t.TempDir(), "p"), "--max-file-size", "200", "--quiet")
	if code != exitSite {
		t.Errorf("build over the limit: exit %d", code)
	}
	if code, _, errOut := runCmd("check", "-s", fixture, "--max-file-size", "ten"); code != exitUsage {
		t.Errorf("a wrong size: exit %d, %s", code, errOut)
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	for _, tc := range []struct {
		terminal, quiet, shown bool
	}{{true, false, true}, {true, true, false}, {false, false, false}} {
		var out, errOut bytes.Buffer
		args := []string{"build", "-s", fixture, "-d", dst}
		if tc.quiet {
			args = append(args, "--quiet")
		}
		if code := run(args, &env{stdout: &out, stderr: &errOut, isTerminal: tc.terminal, lang: msg.English, langSet: true}); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		shown := regexp.MustCompile(`\rrendering (\d+)/(\d+) pages`).FindAllStringSubmatch(errOut.String(), -1)
		if (len(shown) > 0) != tc.shown {
			t.Errorf("terminal %v, quiet %v: progress %q", tc.terminal, tc.quiet, errOut.String())
		}
		if tc.shown {
			if l := shown[len(shown)-1]; l[1] != l[2] {
				t.Errorf("the last progress is %s/%s", l[1], l[2])
			}
			if !strings.HasSuffix(errOut.String(), "\r\x1b[K") {
				t.Errorf("the progress line is not cleared: %q", errOut.String())
			}
		}
	}
}

// TestIssue12Case13WarnsOfFilesPutByHand: a build names the files of the
// previous output that no build wrote, and does not carry them over; the
// next build says nothing more.
func TestIssue12Case13WarnsOfFilesPutByHand(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCmd("build", "-s", src, "-d", dst, "--quiet"); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	os.WriteFile(filepath.Join(dst, "CNAME"), []byte("thidua.example.gov.vn\n"), 0o644)
	code, _, errOut := runCmd("build", "-s", src, "-d", dst, "--quiet")
	if code != exitOK || !strings.Contains(errOut, "warning:") || !strings.Contains(errOut, "CNAME") || !strings.Contains(errOut, "static/") {
		t.Errorf("second build: exit %d, %q; want a warning naming CNAME and static/", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dst, "CNAME")); err == nil {
		t.Error("the file put by hand is still in the output")
	}
	if code, _, errOut := runCmd("build", "-s", src, "-d", dst, "--quiet"); code != exitOK || errOut != "" {
		t.Errorf("third build: exit %d, %q; want no message", code, errOut)
	}
}

// TestIssue12Case1DestinationInLayouts: `build -d site/layouts` (and the
// other folders the site reads) is refused and deletes nothing.
func TestIssue12Case1DestinationInLayouts(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(src, "layouts"), 0o755)
	os.WriteFile(filepath.Join(src, "layouts", "index.html"), []byte("{{define \"main\"}}{{end}}"), 0o644)
	os.MkdirAll(filepath.Join(src, "static"), 0o755)
	for _, d := range []string{"layouts", "static", filepath.Join("static", "out"), "content", "data"} {
		code, _, errOut := runCmd("build", "-s", src, "-d", filepath.Join(src, d), "--quiet")
		if code != exitSite || !strings.Contains(errOut, "which the build reads") {
			t.Errorf("build -d %s: exit %d, %q; want a refusal", d, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "layouts", "index.html")); err != nil {
		t.Errorf("the site's layout is gone: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "static", "out")); err == nil {
		t.Error("a refused build made a folder in static/")
	}
}

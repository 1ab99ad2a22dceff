package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/msg"
)

// copyFixture copies the small test site into a temporary folder.
func copyFixture(t *testing.T) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	return src
}

// copyDemo copies the demo site, the repository's root, into a temporary
// folder: the files a site folder holds.
func copyDemo(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo")
	for _, dir := range []string{"data", "content", "static"} {
		if err := os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "site.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// runNewWithClock runs thidua new with the clock at now.
func runNewWithClock(now time.Time, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runNewAt(args, &env{stdout: &out, stderr: &errOut, lang: msg.English, langSet: true}, func() time.Time { return now })
	return code, out.String(), errOut.String()
}

func TestNewArticle(t *testing.T) {
	site := copyFixture(t)
	// 18:30 UTC on 31 December is already 1 January in Vietnam.
	now := time.Date(2026, 12, 31, 18, 30, 0, 0, time.UTC)
	code, out, errOut := runNewWithClock(now, "article", "Khối A đón nhận Cờ thi đua", "-s", site, "--bloc", "khoi-a", "--year", "2026")
	want := filepath.Join(site, "content/news/2027/khoi-a-don-nhan-co-thi-dua.md")
	if code != exitOK || out != want+"\n" || errOut != "" {
		t.Fatalf("new article: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	src, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"title: Khối A đón nhận Cờ thi đua\n", "date: 2027-01-01\n", "blocs: [khoi-a]\n", "year: 2026\n", "draft: true "} {
		if !bytes.Contains(src, []byte(line)) {
			t.Errorf("the article lacks %q:\n%s", line, src)
		}
	}
	if code, _, errOut := runCmd("check", "-s", site, "--strict", "-D"); code != exitOK {
		t.Errorf("check -D of the new article: exit %d\n%s", code, errOut)
	}

	os.WriteFile(want, []byte("---\ntitle: edited\ndate: 2027-01-01\n---\nBody.\n"), 0o644)
	code, _, errOut = runNewWithClock(now, "article", "Khối A đón nhận Cờ thi đua", "-s", site)
	if code != exitSite || !strings.Contains(errOut, "content/news/2027/khoi-a-don-nhan-co-thi-dua.md: the file already exists") {
		t.Errorf("second new article: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(want); !strings.Contains(string(b), "title: edited") {
		t.Errorf("the article was overwritten:\n%s", b)
	}
}

func TestNewArticleWithDateAndSlug(t *testing.T) {
	site := copyFixture(t)
	code, out, errOut := runNewWithClock(time.Now(), "article", "Hội nghị", "-s", site, "--date", "2025-01-08T08:40", "--slug", "hoi-nghi-2025")
	if code != exitOK || !strings.HasSuffix(out, filepath.FromSlash("content/news/2025/hoi-nghi-2025.md")+"\n") {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
	b, _ := os.ReadFile(strings.TrimSpace(out))
	if !strings.Contains(string(b), "date: 2025-01-08T08:40:00+07:00\n") {
		t.Errorf("%s", b)
	}
	code, _, errOut = runNewWithClock(time.Now(), "article", "Khác", "-s", site, "--slug", "khoi-a-tong-ket-2024")
	if code != exitSite || !strings.Contains(errOut, "already has the slug") {
		t.Errorf("a slug taken by another folder's article: exit %d, %q", code, errOut)
	}
}

func TestNewYearThenCheckPasses(t *testing.T) {
	site := copyDemo(t)
	code, out, errOut := runCmd("new", "year", "khoi-8", "2026", "-s", site)
	want := filepath.Join(site, "data/blocs/khoi-8/2026.yaml")
	if code != exitOK || out != want+"\n" {
		t.Fatalf("new year: exit %d, %q %q", code, out, errOut)
	}
	src, _ := os.ReadFile(want)
	if !strings.Contains(string(src), "\nleader: hoi-van-hoc-nghe-thuat\n") {
		t.Errorf("the leader is not 2025's next_leader:\n%s", src)
	}
	if code, out, errOut := runCmd("check", "-s", site, "--strict"); code != exitOK || out != "" || errOut != "" {
		t.Errorf("check --strict after new year: exit %d, %q\n%s", code, out, errOut)
	}
	code, _, errOut = runCmd("new", "year", "khoi-8", "2026", "-s", site)
	if code != exitSite || !strings.Contains(errOut, "data/blocs/khoi-8/2026.yaml: the file already exists") {
		t.Errorf("second new year: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(want); !bytes.Equal(b, src) {
		t.Error("the year file was changed by the refused run")
	}
}

func TestNewYearWithoutNextLeaderAsksForIt(t *testing.T) {
	site := copyFixture(t)
	if code, _, errOut := runCmd("new", "year", "khoi-a", "2025", "-s", site); code != exitOK {
		t.Fatalf("new year: exit %d, %s", code, errOut)
	}
	src, _ := os.ReadFile(filepath.Join(site, "data/blocs/khoi-a/2025.yaml"))
	lines := strings.Split(string(src), "\n")
	leaderLine := 0
	for i, l := range lines {
		if l == "leader:" {
			leaderLine = i + 1
		}
	}
	code, _, errOut := runCmd("check", "-s", site)
	want := "data/blocs/khoi-a/2025.yaml:" + strconv.Itoa(leaderLine) + ":"
	if leaderLine == 0 || code != exitSite || !strings.Contains(errOut, want) || !strings.Contains(errOut, `required field "leader" is empty`) {
		t.Errorf("check after new year without next_leader: exit %d, want the empty leader reported at %q\n%s\n%s", code, want, errOut, src)
	}
}

func TestNewUsage(t *testing.T) {
	site := copyFixture(t)
	for _, args := range [][]string{
		{"new"},
		{"new", "chapter", "x"},
		{"new", "article"},
		{"new", "article", "a", "b"},
		{"new", "article", "Tin", "--date", "08/01/2025", "-s", site},
		{"new", "year", "khoi-a"},
		{"new", "year", "khoi-a", "hai-nghin"},
		{"new", "year", "khoi-a", "2025", "--bloc", "khoi-b"},
		{"new", "article", "Tin", "--nope"},
	} {
		if code, _, errOut := runCmd(args...); code != exitUsage {
			t.Errorf("thidua %v: exit %d, want %d (%s)", args, code, exitUsage, errOut)
		}
	}
	if code, _, errOut := runCmd("new", "year", "khoi-z", "2025", "-s", site); code != exitSite || !strings.Contains(errOut, `bloc "khoi-z" is unknown`) {
		t.Errorf("unknown bloc: exit %d, %q", code, errOut)
	}
	empty := t.TempDir()
	if code, _, errOut := runCmd("new", "article", "Tin", "-s", empty); code != exitSite || !strings.Contains(errOut, "no site.yaml") {
		t.Errorf("new article outside a site: exit %d, %q", code, errOut)
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("new article outside a site wrote %v", entries)
	}
	entries, _ := os.ReadDir(filepath.Join(site, "content/news"))
	if len(entries) != 1 {
		t.Errorf("a refused command wrote into content/news: %v", entries)
	}
}

// A new site passes check --strict and builds with its charts; it holds
// what schema --write writes and the CI sample chosen, as docs/ci has it.
func TestNewSite(t *testing.T) {
	for _, tc := range []struct{ ci, path, sample string }{
		{"", ".github/workflows/thidua.yml", "../../docs/ci/github-actions.yml"},
		{"gitlab", ".gitlab-ci.yml", "../../docs/ci/gitlab-ci.yml"},
	} {
		dir := filepath.Join(t.TempDir(), "trang")
		args := []string{"site", dir, "--province", "Bình Thuận"}
		if tc.ci != "" {
			args = append(args, "--ci", tc.ci)
		}
		code, out, errOut := runNewWithClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), args...)
		if code != exitOK || errOut != "" {
			t.Fatalf("new site: exit %d, %s", code, errOut)
		}
		files := tree(t, dir)
		if n := len(strings.Split(strings.TrimSpace(out), "\n")); n != len(files) {
			t.Errorf("printed %d paths, wrote %d files:\n%s", n, len(files), out)
		}
		sample, err := os.ReadFile(tc.sample)
		if err != nil {
			t.Fatal(err)
		}
		if files[tc.path] != sha256.Sum256(sample) {
			t.Errorf("--ci %q: %s is not %s", tc.ci, tc.path, tc.sample)
		}
		if _, ok := files["data/blocs/khoi-1/2026.yaml"]; !ok {
			t.Errorf("no bloc year 2026 among %v", files)
		}

		// The schemas are those schema --write writes for the new site:
		// with its unit, bloc and award ids.
		again := filepath.Join(t.TempDir(), "site")
		if err := os.CopyFS(again, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := runCmd("schema", "--write", "-s", again); code != exitOK {
			t.Fatalf("schema --write: %s", errOut)
		}
		for p, want := range tree(t, again) {
			if files[p] != want {
				t.Errorf("%s is not what schema --write writes", p)
			}
		}
		if year, _ := os.ReadFile(filepath.Join(dir, ".vscode/schemas/year.schema.json")); !strings.Contains(string(year), `"enumDescriptions"`) {
			t.Errorf("the new site's year schema offers no ids of the site")
		}

		if code, out, errOut := runCmd("check", "-s", dir, "--strict"); code != exitOK || out != "" || errOut != "" {
			t.Errorf("check --strict of a new site: exit %d, %q\n%s", code, out, errOut)
		}
		public := filepath.Join(t.TempDir(), "public")
		if code, _, errOut := runCmd("build", "-s", dir, "-d", public, "--strict", "--quiet"); code != exitOK {
			t.Fatalf("build of a new site: exit %d\n%s", code, errOut)
		}
		// The library is written when a page draws a chart, and only then:
		// a new site of one year has tables, a chart needing two blocs or
		// units to compare, or three years.
		drawn := false
		for p := range tree(t, public) {
			if strings.HasSuffix(p, ".html") {
				b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(p)))
				if err != nil {
					t.Fatal(err)
				}
				drawn = drawn || bytes.Contains(b, []byte(`class="chart-canvas"`))
			}
		}
		if _, err := os.Stat(filepath.Join(public, "assets/vendor/echarts/echarts.min.js")); drawn != (err == nil) {
			t.Errorf("a page of the new site draws a chart: %v; the chart library: %v", drawn, err)
		}
	}
}

// new site never writes into a folder that holds something, nor over a
// file.
func TestNewSiteRefusesAFolderNotEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ghi-chu.txt"), []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("new", "site", dir, "--province", "Bình Thuận")
	if code != exitSite || out != "" || !strings.Contains(errOut, "is not empty (it holds ghi-chu.txt)") {
		t.Errorf("new site in a folder with a file: exit %d, %q, %q", code, out, errOut)
	}
	if files := tree(t, dir); len(files) != 1 || files["ghi-chu.txt"] != sha256.Sum256([]byte("notes")) {
		t.Errorf("the folder was changed: %v", files)
	}
	file := filepath.Join(dir, "ghi-chu.txt")
	if code, _, errOut := runCmd("new", "site", file, "--province", "Bình Thuận"); code != exitSite || !strings.Contains(errOut, "is not a folder") {
		t.Errorf("new site on a file: exit %d, %q", code, errOut)
	}
	for _, args := range [][]string{
		{"new", "site", filepath.Join(dir, "a")},
		{"new", "site", filepath.Join(dir, "a"), "--province", "X", "--ci", "jenkins"},
		{"new", "site", filepath.Join(dir, "a"), "--province", "X", "-s", dir},
		{"new", "site", "--province", "X"},
		{"new", "article", "Tin", "--province", "X", "-s", dir},
	} {
		if code, _, errOut := runCmd(args...); code != exitUsage {
			t.Errorf("thidua %v: exit %d, want %d (%s)", args, code, exitUsage, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "a")); err == nil {
		t.Error("a refused new site made its folder")
	}
}

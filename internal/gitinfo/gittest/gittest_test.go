package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMake(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for _, f := range []string{"site.yaml", "data/units.yaml", "data/blocs/khoi-1/2024.yaml", "content/news/2024/a.md", "content/news/2024/b.md", "layouts/base.html"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("nội dung của "+f+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	from, to := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := Make(dir, Options{Commits: 200, From: from, To: to}); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = dir, Env(to)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	if n := strings.Count(git("log", "--format=%H", "main"), "\n"); n != 200 {
		t.Errorf("%d commits on main, want 200", n)
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("the work tree is not clean:\n%s", st)
	}
	times := strings.Fields(git("log", "--format=%ct"))
	if times[0] != "1577836800" || times[len(times)-1] != "1262304000" {
		t.Errorf("commits from %s to %s, want from %d to %d", times[len(times)-1], times[0], from.Unix(), to.Unix())
	}
	changed := git("log", "--format=", "--name-only", "HEAD~199..HEAD")
	for _, f := range []string{"content/news/2024/a.md", "content/news/2024/b.md", "data/units.yaml", "site.yaml"} {
		if !strings.Contains(changed, f) {
			t.Errorf("no commit after the first changes %s", f)
		}
	}
	if strings.Contains(changed, "layouts/") {
		t.Error("a commit after the first changes layouts/")
	}
	if err := Make(dir, Options{}); err == nil {
		t.Error("Make made a repository inside a repository")
	}
}

func TestRecordCalls(t *testing.T) {
	calls := RecordCalls(t)
	if got := calls(); len(got) != 0 {
		t.Errorf("calls before any: %q", got)
	}
	if err := exec.Command("git", "--version").Run(); err != nil {
		t.Fatal(err)
	}
	if got := calls(); len(got) != 1 || got[0] != "--version" {
		t.Errorf("calls = %q, want [--version]", got)
	}
}

func TestWholeLogs(t *testing.T) {
	calls := []string{
		"-C site log --format=%x00%ct HEAD -- data",
		"-C site log --format=%x00%ct abc..def -- data",
		"-C site rev-parse --verify HEAD",
		"-C catalog-site rev-list --parents abc..def",
	}
	if n := WholeLogs(calls); n != 1 {
		t.Errorf("WholeLogs = %d, want 1", n)
	}
}

package gitinfo

import (
	"bytes"
	"context"
	"maps"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/gitinfo/gittest"
)

// TestTrackerAsRead moves HEAD every way an editor does, and checks after
// each that the Tracker gives what Read gives, with one short git call
// when HEAD did not move and without reading the whole history again when
// commits were added.
func TestTrackerAsRead(t *testing.T) { testTrackerAsRead(t, false) }

// TestResumedTrackerAsRead is TestTrackerAsRead with the Tracker of each
// step resumed from what the last one saved, as one-off builds in
// processes of their own do: each makes the same git calls but for the
// trusted folders.
func TestResumedTrackerAsRead(t *testing.T) { testTrackerAsRead(t, true) }

func testTrackerAsRead(t *testing.T, resume bool) {
	calls := gittest.RecordCalls(t)
	repo := t.TempDir()
	site := filepath.Join(repo, "site")
	ctx := context.Background()
	day := func(n int) time.Time { return time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	commit := func(when time.Time, args ...string) {
		t.Helper()
		if err := gittest.Git(repo, when, append([]string{"commit", "-q", "-m", "sửa"}, args...)...); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) {
		t.Helper()
		if err := gittest.Git(repo, day(0), args...); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{"data/units.yaml", "data/blocs"}
	tr := NewTracker(site, paths...)
	// check compares the Tracker with Read, and returns the git calls the
	// Tracker made.
	check := func(step string) []string {
		t.Helper()
		if resume {
			tr = ResumeTracker(tr.Save(), site, paths...)
		}
		before := len(calls())
		got := tr.Dates(ctx)
		made := calls()[before:]
		if resume && step != "not a repository" {
			if len(made) == 0 || !strings.Contains(made[0], "safe.directory") {
				t.Errorf("%s: resumed, git calls %q, want the trusted folders first", step, made)
			} else {
				made = made[1:]
			}
		}
		if want := Read(ctx, site, paths...); !maps.EqualFunc(got, want, time.Time.Equal) {
			t.Errorf("%s: Tracker %v, Read %v", step, got, want)
		}
		return made
	}

	if made := check("not a repository"); len(made) != 2 || !strings.Contains(made[0], "safe.directory") {
		t.Errorf("outside a repository: git calls %q, want the trusted folders and rev-parse", made)
	}
	run("init", "-q", "-b", "main")
	if made := check("no commit yet"); len(made) != 1 {
		t.Errorf("no commit yet: git calls %q, want one", made)
	}
	write(t, filepath.Join(site, "data/units.yaml"), "- {id: a, name: A}\n")
	write(t, filepath.Join(site, "data/blocs/khoi-8/2024.yaml"), "members: [a]\n")
	write(t, filepath.Join(site, "content/news/tin.md"), "tin\n")
	run("add", ".")
	commit(day(1))
	if made := check("first commit"); gittest.WholeLogs(made) != 1 {
		t.Errorf("first commit: git calls %q, want one whole log", made)
	}
	write(t, filepath.Join(site, "data/units.yaml"), "- {id: a, name: A đã sửa}\n")
	if made := check("a change not committed"); len(made) != 1 || !strings.Contains(made[0], "rev-parse") {
		t.Errorf("a change not committed: git calls %q, want one rev-parse", made)
	}
	commit(day(2), "-a")
	write(t, filepath.Join(site, "data/blocs/khoi-8/2025.yaml"), "members: [a]\n")
	run("add", ".")
	commit(day(3))
	write(t, filepath.Join(site, "content/news/tin.md"), "tin đã sửa\n")
	commit(day(4), "-a")
	if made := check("three commits"); gittest.WholeLogs(made) != 0 || len(made) != 3 {
		t.Errorf("three commits: git calls %q, want rev-parse, rev-list and a log of the new commits", made)
	}
	if made := check("nothing new"); len(made) != 1 {
		t.Errorf("nothing new: git calls %q, want one", made)
	}

	// An amended commit, a reset to an older one, another branch and a
	// merge each read the whole history again.
	write(t, filepath.Join(site, "data/blocs/khoi-8/2024.yaml"), "members: [a, b]\n")
	commit(day(5), "-a", "--amend")
	if made := check("amend"); gittest.WholeLogs(made) != 1 {
		t.Errorf("amend: git calls %q, want a whole log", made)
	}
	run("reset", "-q", "--hard", "HEAD~2")
	if made := check("reset"); gittest.WholeLogs(made) != 1 {
		t.Errorf("reset: git calls %q, want a whole log", made)
	}
	run("checkout", "-q", "-b", "side")
	write(t, filepath.Join(site, "data/blocs/khoi-8/2023.yaml"), "members: [a]\n")
	run("add", ".")
	commit(day(6))
	check("a commit on a branch")
	run("checkout", "-q", "main")
	check("back on main")
	write(t, filepath.Join(site, "data/units.yaml"), "- {id: a, name: A lần ba}\n")
	commit(day(7), "-a")
	check("a commit on main")
	if err := gittest.Git(repo, day(8), "merge", "-q", "--no-edit", "side"); err != nil {
		t.Fatal(err)
	}
	if made := check("merge"); gittest.WholeLogs(made) != 1 {
		t.Errorf("merge: git calls %q, want a whole log", made)
	}
	if d := tr.Dates(ctx); !d["data/blocs/khoi-8/2023.yaml"].Equal(day(6)) || !d["data/units.yaml"].Equal(day(7)) || len(d) != 3 {
		t.Errorf("after the merge: %v", d)
	}
}

func TestReadOnlyThePathsAsked(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	when := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	git(t, repo, when, "init", "-q")
	for _, f := range []string{"data/units.yaml", "data/blocs/khoi-8/2024.yaml", "data/blocsx.yaml", "content/news/tin.md", "site.yaml"} {
		write(t, filepath.Join(repo, f), "x\n")
	}
	git(t, repo, when, "add", ".")
	git(t, repo, when, "commit", "-q", "-m", "first")
	d := Read(context.Background(), repo, "data/units.yaml", "data/blocs")
	if len(d) != 2 || !d["data/units.yaml"].Equal(when) || !d["data/blocs/khoi-8/2024.yaml"].Equal(when) {
		t.Errorf("Read of two paths = %v", d)
	}
}

// TestResumeOnlyWhatWasSaved gives ResumeTracker what another folder's or
// other paths' Tracker saved, and bytes cut short or changed: each time the
// Tracker reads the whole history, and gives what Read gives.
func TestResumeOnlyWhatWasSaved(t *testing.T) {
	calls := gittest.RecordCalls(t)
	repo := t.TempDir()
	ctx := context.Background()
	when := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	write(t, filepath.Join(repo, "data/units.yaml"), "- {id: a, name: A}\n")
	write(t, filepath.Join(repo, "data/blocs/khoi-8/2024.yaml"), "members: [a]\n")
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "."}, {"commit", "-q", "-m", "đầu"}} {
		if err := gittest.Git(repo, when, args...); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{"data/units.yaml", "data/blocs"}
	first := NewTracker(repo, paths...)
	first.Dates(ctx)
	saved := first.Save()
	if saved == nil {
		t.Fatal("Save gave nothing after Dates in a repository")
	}
	// A forged date in the right shape shows whether the saved dates were used.
	forged := bytes.Replace(saved, []byte(strconv.FormatInt(when.Unix(), 10)), []byte("86400"), 1)
	want := Read(ctx, repo, paths...)
	for name, c := range map[string]struct {
		saved []byte
		dir   string
		paths []string
	}{
		"another folder":  {saved, filepath.Join(repo, "data"), paths},
		"other paths":     {saved, repo, paths[:1]},
		"cut short":       {saved[:len(saved)-3], repo, paths},
		"another version": {bytes.Replace(saved, []byte("dates 1"), []byte("dates 9"), 1), repo, paths},
		"a bad date":      {bytes.Replace(saved, []byte(strconv.FormatInt(when.Unix(), 10)), []byte("x"), 1), repo, paths},
		"nothing":         {nil, repo, paths},
	} {
		before := len(calls())
		got := ResumeTracker(c.saved, c.dir, c.paths...).Dates(ctx)
		if gittest.WholeLogs(calls()[before:]) != 1 {
			t.Errorf("%s: git calls %q, want a whole log", name, calls()[before:])
		}
		if c.dir == repo && len(c.paths) == 2 && !maps.EqualFunc(got, want, time.Time.Equal) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	// What was saved, resumed as saved, is used as it is.
	if got := ResumeTracker(forged, repo, paths...).Dates(ctx); !got["data/blocs/khoi-8/2024.yaml"].Equal(time.Unix(86400, 0)) {
		t.Errorf("resumed from what was saved: %v, want the saved dates", got)
	}
}

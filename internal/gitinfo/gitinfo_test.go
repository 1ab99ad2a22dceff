package gitinfo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// git runs git in dir with the commit dates at when.
func git(t *testing.T, dir string, when time.Time, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Biên tập", "-c", "user.email=bt@example.gov.vn", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	stamp := when.Format(time.RFC3339)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+stamp, "GIT_COMMITTER_DATE="+stamp, "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, name, text string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadOneCallForTheWholeFolder(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	site := filepath.Join(repo, "site")
	first := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	second := time.Date(2025, 1, 12, 2, 30, 0, 0, time.UTC)
	git(t, repo, first, "init", "-q")
	write(t, filepath.Join(site, "data/units.yaml"), "- {id: a, name: A}\n")
	write(t, filepath.Join(site, "data/blocs/khoi-8/2024.yaml"), "members: [a]\nleader: a\n")
	write(t, filepath.Join(site, "data/blocs/khoi-8/ghi chú ấy.yaml"), "x\n")
	write(t, filepath.Join(repo, "README.md"), "outside the site\n")
	git(t, repo, first, "add", ".")
	git(t, repo, first, "commit", "-q", "-m", "first")
	write(t, filepath.Join(site, "data/blocs/khoi-8/2024.yaml"), "members: [a]\nleader: a\n# sửa\n")
	git(t, repo, second, "commit", "-q", "-am", "second")
	write(t, filepath.Join(site, "data/units.yaml"), "changed, not committed\n")

	d := Read(context.Background(), site)
	want := Dates{
		"data/units.yaml":                   first,
		"data/blocs/khoi-8/2024.yaml":       second,
		"data/blocs/khoi-8/ghi chú ấy.yaml": first,
	}
	if len(d) != len(want) {
		t.Errorf("Read = %v, want %v", d, want)
	}
	for p, w := range want {
		if !d[p].Equal(w) {
			t.Errorf("%s: %v, want %v", p, d[p], w)
		}
	}
	if got := d.Latest("data/units.yaml", "data/blocs/khoi-8/2024.yaml", "nothing.yaml"); !got.Equal(second) {
		t.Errorf("Latest = %v", got)
	}
	if got := d.Latest("nothing.yaml"); !got.IsZero() {
		t.Errorf("Latest of an unknown file = %v", got)
	}
}

func TestReadOutsideARepository(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.yaml"), "title: x\n")
	if d := Read(context.Background(), dir); len(d) != 0 {
		t.Errorf("Read outside a repository = %v", d)
	}
	if d := Read(context.Background(), filepath.Join(dir, "no-such-folder")); len(d) != 0 {
		t.Errorf("Read of a missing folder = %v", d)
	}
}

func TestParse(t *testing.T) {
	out := "\x001736649000\n\na.yaml\n\"b\\\"c.yaml\"\n\x00notatime\n\nlost.yaml\n\x001700000000\n\na.yaml\nd.yaml\n"
	d := parse([]byte(out))
	newer, older := time.Unix(1736649000, 0), time.Unix(1700000000, 0)
	if !d["a.yaml"].Equal(newer) || !d[`b"c.yaml`].Equal(newer) || !d["d.yaml"].Equal(older) || len(d) != 3 {
		t.Errorf("parse = %v", d)
	}
}

// TestIssue12Case10HostileGitConfig reads a repository whose .git/config
// asks git to run a program (a script that leaves a marker file) to verify
// signatures, as its pager, its file system monitor, its external diff and
// a text conversion: none may run, and the dates are still read.
func TestIssue12Case10HostileGitConfig(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the hostile program is a shell script")
	}
	repo := t.TempDir()
	marker := filepath.Join(t.TempDir(), "ran")
	evil := filepath.Join(t.TempDir(), "evil.sh")
	write(t, evil, "#!/bin/sh\necho \"$0 $*\" >> '"+marker+"'\ncat >/dev/null\n")
	if err := os.Chmod(evil, 0o755); err != nil {
		t.Fatal(err)
	}
	first := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	git(t, repo, first, "init", "-q")
	write(t, filepath.Join(repo, "data/units.yaml"), "- {id: a, name: A}\n")
	write(t, filepath.Join(repo, ".gitattributes"), "*.yaml diff=evil\n")
	git(t, repo, first, "add", ".")
	git(t, repo, first, "commit", "-q", "-m", "first")
	// A commit with a signature, which log.showSignature has gpg.program
	// verify.
	signed := time.Date(2025, 1, 12, 2, 30, 0, 0, time.UTC)
	write(t, filepath.Join(repo, "data/units.yaml"), "- {id: a, name: A mới}\n")
	git(t, repo, signed, "add", ".")
	tree := gitOut(t, repo, "write-tree")
	parent := gitOut(t, repo, "rev-parse", "HEAD")
	stamp := strconv.FormatInt(signed.Unix(), 10) + " +0000"
	object := "tree " + tree + "\nparent " + parent + "\nauthor t <t@example.gov.vn> " + stamp + "\ncommitter t <t@example.gov.vn> " + stamp +
		"\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n"
	objFile := filepath.Join(t.TempDir(), "commit")
	write(t, objFile, object)
	commit := gitOut(t, repo, "hash-object", "-t", "commit", "-w", objFile)
	git(t, repo, signed, "update-ref", "HEAD", commit)
	for _, kv := range [][2]string{
		{"log.showSignature", "true"},
		{"gpg.program", evil},
		{"gpg.format", "openpgp"},
		{"core.fsmonitor", evil},
		{"core.pager", evil},
		{"pager.log", evil},
		{"diff.external", evil},
		{"diff.evil.textconv", evil},
		{"diff.evil.command", evil},
		{"core.hooksPath", filepath.Dir(evil)},
		{"color.ui", "always"},
		{"log.showRoot", "false"},
	} {
		git(t, repo, signed, "config", kv[0], kv[1])
	}
	// The hostile configuration works on a plain git log.
	cmd := exec.Command("git", "log", "-p", "--format=%ct")
	cmd.Dir, cmd.Env = repo, append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
	cmd.CombinedOutput()
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("the hostile configuration ran no program on a plain git log: %v", err)
	}
	os.Remove(marker)

	d := Read(context.Background(), repo)
	if b, err := os.ReadFile(marker); err == nil {
		t.Errorf("reading the dates ran the repository's program:\n%s", b)
	}
	if !d["data/units.yaml"].Equal(signed) || !d[".gitattributes"].Equal(first) {
		t.Errorf("Read = %v, want data/units.yaml at %v and .gitattributes at %v", d, signed, first)
	}
}

// gitOut runs git in dir and returns its output without the newline.
func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

// TestReadAFolderTheUserTrusts reads a repository owned by another user,
// which git refuses unless the user's configuration trusts it
// (safe.directory), as it does although the user's configuration is
// otherwise not read; the repository's own safe.directory counts for
// nothing.
func TestReadAFolderTheUserTrusts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("giving a folder to another user needs root")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	os.Unsetenv("GIT_CONFIG_GLOBAL")
	repo := filepath.Join(t.TempDir(), "kho")
	when := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	os.MkdirAll(repo, 0o755)
	git(t, repo, when, "init", "-q")
	write(t, filepath.Join(repo, "data/units.yaml"), "x\n")
	git(t, repo, when, "add", ".")
	git(t, repo, when, "commit", "-q", "-m", "first")
	git(t, repo, when, "config", "safe.directory", "*")
	if err := filepath.WalkDir(repo, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			err = os.Lchown(p, 65534, 65534)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if d := Read(context.Background(), repo); len(d) != 0 {
		t.Errorf("a repository of another user that nobody trusts gave %v", d)
	}
	write(t, filepath.Join(home, ".gitconfig"), "[safe]\n\tdirectory = "+repo+"\n")
	if d := Read(context.Background(), repo); !d["data/units.yaml"].Equal(when) {
		t.Errorf("a repository the user trusts gave %v", d)
	}
	if d := NewTracker(repo).Dates(context.Background()); !d["data/units.yaml"].Equal(when) {
		t.Errorf("a Tracker of a repository the user trusts gave %v", d)
	}
}

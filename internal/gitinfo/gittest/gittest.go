// Package gittest makes git repositories with long histories, for the
// tests and benchmarks of what reads them. The same folder and Options give
// the same commits.
package gittest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// Options say what history to make. Zero values take the defaults.
type Options struct {
	Commits  int       // commits, the first of which adds every file; default 1,000
	From, To time.Time // the first and last commit times, the others evenly between; default 2001-01-01 and 2025-12-31
	Seed     int64     // seed of which files each commit changes
}

func (o Options) withDefaults() Options {
	zone := time.FixedZone("ICT", 7*3600) // Vietnam's time
	if o.Commits <= 0 {
		o.Commits = 1000
	}
	if o.From.IsZero() {
		o.From = time.Date(2001, 1, 1, 8, 0, 0, 0, zone)
	}
	if o.To.IsZero() {
		o.To = time.Date(2025, 12, 31, 17, 0, 0, 0, zone)
	}
	return o
}

// Make turns the folder dir into a git repository on the branch main with a
// history of o.Commits commits made with git fast-import (10,000 take
// seconds). The first commit adds every file of dir; each later one changes
// one to three of them, an article (a file under content/) four times in
// five and a data file (under data/, or site.yaml) otherwise, to a short
// revision of its own. The last commit to change a file, or the first when none
// does, gives it the bytes it has in dir, so that the work tree is clean.
func Make(dir string, o Options) error {
	o = o.withDefaults()
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		return fmt.Errorf("gittest: %s is a git repository already", dir)
	}
	files, err := listFiles(dir)
	if err != nil {
		return err
	}
	var articles, data []string
	for _, f := range files {
		switch {
		case strings.HasPrefix(f, "content/"):
			articles = append(articles, f)
		case strings.HasPrefix(f, "data/") || f == "site.yaml":
			data = append(data, f)
		}
	}
	if len(articles) == 0 {
		articles = files
	}
	if len(data) == 0 {
		data = articles
	}
	// changes[k] are the files commit k changes; last[f] the last commit
	// that changes f.
	rnd := rand.New(rand.NewPCG(uint64(o.Seed), 0x67697474657374))
	changes := make([][]string, o.Commits)
	changes[0] = files
	last := map[string]int{}
	for k := 1; k < o.Commits; k++ {
		for range 1 + rnd.IntN(3) {
			from := articles
			if rnd.IntN(5) == 0 {
				from = data
			}
			f := from[rnd.IntN(len(from))]
			if !slices.Contains(changes[k], f) {
				changes[k] = append(changes[k], f)
			}
		}
		for _, f := range changes[k] {
			last[f] = k
		}
	}
	if err := Git(dir, o.From, "init", "-q"); err != nil {
		return err
	}
	cmd := exec.Command("git", "fast-import", "--quiet", "--done")
	// glibc's malloc gives memory back to the system after every commit
	// of fast-import, which then spends more time in the kernel than in
	// git; a large pad keeps it.
	cmd.Dir, cmd.Env = dir, append(Env(o.From), "MALLOC_TOP_PAD_=268435456")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	w := bufio.NewWriterSize(in, 1<<20)
	werr := writeStream(w, dir, o, changes, last)
	if werr == nil {
		werr = w.Flush()
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("gittest: git fast-import: %v\n%s", err, stderr.Bytes())
	}
	if werr != nil {
		return werr
	}
	if err := Git(dir, o.To, "symbolic-ref", "HEAD", "refs/heads/main"); err != nil {
		return err
	}
	return Git(dir, o.To, "reset", "-q")
}

// writeStream writes the fast-import commands of the history to w.
func writeStream(w *bufio.Writer, dir string, o Options, changes [][]string, last map[string]int) error {
	span := int64(o.To.Sub(o.From) / time.Second)
	var err error
	for k, files := range changes {
		when := o.From
		if len(changes) > 1 {
			when = o.From.Add(time.Duration(span*int64(k)/int64(len(changes)-1)) * time.Second)
		}
		msg := fmt.Sprintf("Cập nhật %d: %s", k, strings.Join(files[:min(3, len(files))], ", "))
		fmt.Fprintf(w, "commit refs/heads/main\nmark :%d\ncommitter Biên tập viên <bientap@example.gov.vn> %d +0700\ndata %d\n%s\n", k+1, when.Unix(), len(msg), msg)
		if k > 0 {
			fmt.Fprintf(w, "from :%d\n", k)
		}
		for _, f := range files {
			var content []byte
			if l, changed := last[f]; changed && l != k {
				content = fmt.Appendf(nil, "# bản sửa %d của %s\n", k, f)
			} else if content, err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				return err
			}
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", quote(f), len(content))
			w.Write(content)
			w.WriteByte('\n')
		}
	}
	_, err = w.WriteString("done\n")
	return err
}

// quote writes a path as fast-import reads it: C-quoted when it starts
// with a quote or holds a newline.
func quote(p string) string {
	if strings.HasPrefix(p, `"`) || strings.ContainsAny(p, "\n") {
		return fmt.Sprintf("%q", p)
	}
	return p
}

// listFiles returns the slash paths of the regular files under dir, sorted.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return fs.SkipDir
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err == nil && len(files) == 0 {
		err = errors.New("gittest: " + dir + " holds no file")
	}
	slices.Sort(files)
	return files, err
}

// Git runs git with args in dir, with Env(when), and returns its output
// in the error when it fails.
func Git(dir string, when time.Time, args ...string) error {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, Env(when)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("gittest: git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// Env is the environment of a git command of a test: the process's
// without its GIT_ variables, with no system or user configuration, and
// an editor's name and address as author and committer at when.
func Env(when time.Time) []string {
	env := slices.DeleteFunc(os.Environ(), func(v string) bool { return strings.HasPrefix(v, "GIT_") })
	stamp := when.Format(time.RFC3339)
	return append(env, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Biên tập viên", "GIT_AUTHOR_EMAIL=bientap@example.gov.vn", "GIT_AUTHOR_DATE="+stamp,
		"GIT_COMMITTER_NAME=Biên tập viên", "GIT_COMMITTER_EMAIL=bientap@example.gov.vn", "GIT_COMMITTER_DATE="+stamp)
}

// RecordCalls puts a git of its own first on the PATH of the test, which
// notes the arguments of each call and runs the real git, and returns a
// function that gives the calls noted so far, one string of arguments
// each. It skips the test where git is missing or on Windows.
func RecordCalls(tb testing.TB) func() []string {
	tb.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		tb.Skip("git is not installed")
	}
	if runtime.GOOS == "windows" {
		tb.Skip("the recording git is a shell script")
	}
	dir := tb.TempDir()
	log := filepath.Join(dir, "calls")
	script := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "git"), []byte(script), 0o755); err != nil {
		tb.Fatal(err)
	}
	tb.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() []string {
		b, err := os.ReadFile(log)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			tb.Fatal(err)
		}
		return strings.FieldsFunc(string(b), func(r rune) bool { return r == '\n' })
	}
}

// WholeLogs counts the calls, as RecordCalls gives them, that are a git
// log of a whole history: a log of no range of commits (A..B).
func WholeLogs(calls []string) int {
	n := 0
	for _, c := range calls {
		if strings.Contains(" "+c+" ", " log ") && !strings.Contains(c, "..") {
			n++
		}
	}
	return n
}

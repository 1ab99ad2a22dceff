// Package gitinfo tells when each file of a folder last changed, from the
// folder's git history, read with a single git call for the whole folder.
//
// A site folder, and so its .git/config, may come from anyone. git runs
// with a fixed configuration that the repository cannot turn into running
// a program (see command): no pager, no signature verification, no
// external diff or text conversion, no file system monitor, no hooks, and
// no system or user configuration but the folders it trusts although
// another user owns them (safe.directory). A repository that git itself
// refuses, such as one owned by another user and not so trusted, gives no
// dates.
package gitinfo

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Dates holds, for each file, the time of the last commit that changed
// it, by slash-separated path relative to the folder that was read.
type Dates map[string]time.Time

// Read runs git log once in dir and returns when each file under dir was
// last committed; with paths (slash paths relative to dir, of files or
// folders), only each file under them, which also makes git's walk much
// shorter when the other files change more often. It returns empty Dates
// when dir is not in a git work tree, git is not installed or fails: the
// dates are a nicety, never a reason for a build to fail. Files changed but
// not committed keep the time of their last commit. A shallow clone knows
// only its own commits, so every file seems changed by the newest of them.
func Read(ctx context.Context, dir string, paths ...string) Dates {
	d, _ := readLog(ctx, repo{dir, trusted(ctx)}, "HEAD", paths)
	return d
}

// repo is a folder in a git work tree, and the folders that the system's
// and the user's git configuration trust (see trusted).
type repo struct {
	dir     string
	trusted []string
}

// readLog runs git log over the commits of revs in r, limited to paths,
// and returns the dates it gives; empty Dates and false when git fails.
func readLog(ctx context.Context, r repo, revs string, paths []string) (Dates, bool) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	args := append([]string{"log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames",
		"--no-ext-diff", "--no-textconv", "--no-color", revs, "--"}, paths...)
	out, err := r.command(ctx, args...).Output()
	if err != nil {
		return Dates{}, false
	}
	return parse(out), true
}

// command returns the command of git with args in r.dir, in a
// configuration of its own: the system's and the user's configuration
// files are not read (their safe.directory folders are given on the
// command line), no variable of the environment chooses another
// repository or configuration, and every setting of the repository's
// .git/config that could run a program, page the output or change what is
// parsed is set on the command line, which comes first.
func (r repo) command(ctx context.Context, args ...string) *exec.Cmd {
	fixed := []string{"-C", r.dir, "--no-pager", "--no-optional-locks", "--literal-pathspecs"}
	for _, d := range r.trusted {
		fixed = append(fixed, "-c", "safe.directory="+d)
	}
	for _, kv := range []string{
		"core.fsmonitor=false",
		"core.hooksPath=" + os.DevNull,
		"core.pager=cat",
		"core.quotePath=false",
		"log.showSignature=false",
		"log.showRoot=true",
		"gpg.program=false",
		"gpg.ssh.program=false",
		"gpg.x509.program=false",
		"diff.external=",
		"color.ui=false",
	} {
		fixed = append(fixed, "-c", kv)
	}
	cmd := exec.CommandContext(ctx, "git", append(fixed, args...)...)
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(v string) bool { return strings.HasPrefix(v, "GIT_") }),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	return cmd
}

// trusted returns the folders that the system's and the user's git
// configuration trust although another user owns them (safe.directory),
// which they alone may set: git reads the repository's own setting of it
// from no file, and neither does this, nor from the command line.
func trusted(ctx context.Context) []string {
	cmd := exec.CommandContext(ctx, "git", "config", "--show-scope", "--get-all", "safe.directory")
	cmd.Dir = os.TempDir()
	out, _ := cmd.Output()
	var dirs []string
	for line := range strings.Lines(string(out)) {
		scope, value, _ := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if scope == "system" || scope == "global" {
			dirs = append(dirs, value)
		}
	}
	return dirs
}

// parse reads the output of git log --format=%x00%ct --name-only: a line of
// NUL and the commit's Unix time, then the files it changed, one a line.
func parse(out []byte) Dates {
	dates := Dates{}
	var current time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if ts, ok := strings.CutPrefix(line, "\x00"); ok {
			secs, err := strconv.ParseInt(ts, 10, 64)
			if err != nil {
				current = time.Time{}
				continue
			}
			current = time.Unix(secs, 0).UTC()
			continue
		}
		if line == "" || current.IsZero() {
			continue
		}
		if strings.HasPrefix(line, `"`) {
			// git quotes a name with a quote, a backslash or a control
			// character in it, C style.
			if s, err := strconv.Unquote(line); err == nil {
				line = s
			}
		}
		if t, seen := dates[line]; !seen || current.After(t) {
			dates[line] = current
		}
	}
	return dates
}

// Latest returns the latest time of the given files, zero when none is known.
func (d Dates) Latest(paths ...string) time.Time {
	var latest time.Time
	for _, p := range paths {
		if t := d[p]; t.After(latest) {
			latest = t
		}
	}
	return latest
}

// Package gitinfo tells when each file of a folder last changed, from the
// folder's git history, read with a single git call for the whole folder.
package gitinfo

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Dates holds, for each file, the time of the last commit that changed
// it, by slash-separated path relative to the folder that was read.
type Dates map[string]time.Time

// Read runs git log once in dir and returns when each file under dir was
// last committed. It returns empty Dates when dir is not in a git work tree,
// git is not installed or fails: the dates are a nicety, never a reason for
// a build to fail. Files changed but not committed keep the time of their
// last commit. A shallow clone knows only its own commits, so every file
// seems changed by the newest of them.
func Read(ctx context.Context, dir string) Dates {
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "-c", "core.quotePath=false",
		"log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames", "--", ".")
	out, err := cmd.Output()
	if err != nil {
		return Dates{}
	}
	return parse(out)
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

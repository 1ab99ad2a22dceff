package gitinfo

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A Tracker keeps the dates of a folder's files as its repository's HEAD
// moves, for a process that builds the folder again and again (thidua
// serve, build --watch): it reads the whole history once, then only the
// commits made since. The dates depend on the commit HEAD names, not on the
// work tree: a file changed but not committed keeps the date of its last
// commit, as Read gives it. A Tracker is not safe for concurrent use.
type Tracker struct {
	repo    repo // trusted is read at the first call of Dates
	trusted bool // whether it has been
	paths   []string
	head    string // the commit dates are of; "" for none
	dates   Dates  // nil before the first call of Dates
}

// NewTracker returns a Tracker of the files of dir under paths, as Read
// reads them.
func NewTracker(dir string, paths ...string) *Tracker {
	return &Tracker{repo: repo{dir: dir}, paths: paths}
}

// Dates returns what Read would return now. It asks git which commit
// HEAD names, a short call; when HEAD has not moved since the last call
// it returns the same dates, and when it moved forward by commits of one
// parent each (as commits made one after another do), it reads only those
// commits. Otherwise (a reset, another branch, a merge) it reads the whole
// history again. The caller must not change the Dates; they stay valid
// after later calls.
func (t *Tracker) Dates(ctx context.Context) Dates {
	if !t.trusted {
		t.repo.trusted, t.trusted = trusted(ctx), true
	}
	head := t.revParse(ctx)
	switch {
	case t.dates != nil && head == t.head:
		return t.dates
	case head == "":
		t.dates = Dates{}
	case t.head != "" && t.dates != nil && t.descends(ctx, head):
		if d, ok := readLog(ctx, t.repo, t.head+".."+head, t.paths); ok {
			t.dates = merge(t.dates, d)
			break
		}
		fallthrough
	default:
		t.dates, _ = readLog(ctx, t.repo, head, t.paths)
	}
	t.head = head
	return t.dates
}

// revParse returns the commit that HEAD names, "" when there is none (no
// repository, no commit yet, or git failing).
func (t *Tracker) revParse(ctx context.Context) string {
	out, err := t.repo.command(ctx, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// descends reports whether head is t.head followed by commits of one
// parent each, so that the history of head is that of t.head and those
// commits: then the dates of head are those of t.head updated by the
// commits alone.
func (t *Tracker) descends(ctx context.Context, head string) bool {
	out, err := t.repo.command(ctx, "rev-list", "--parents", t.head+".."+head).Output()
	if err != nil {
		return false
	}
	// Each line is a commit and its parents. The commits that reach back
	// past the list must be one, whose one parent is t.head.
	listed := map[string]bool{}
	parents := map[string]string{}
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) != 2 {
			return false // a root commit or a merge
		}
		listed[f[0]] = true
		parents[f[0]] = f[1]
	}
	outside := 0
	for _, p := range parents {
		if !listed[p] {
			if p != t.head {
				return false
			}
			outside++
		}
	}
	return outside == 1
}

// merge returns a copy of d with the later time of each file of newer.
func merge(d, newer Dates) Dates {
	m := maps.Clone(d)
	for f, when := range newer {
		if when.After(m[f]) {
			m[f] = when
		}
	}
	return m
}

// savedHeader begins what Save writes.
const savedHeader = "thidua git dates 1\n"

// Save returns what t knows, the commit HEAD named at the last call of
// Dates and the dates of then, for ResumeTracker in another process; nil
// before the first call of Dates or when HEAD named no commit.
func (t *Tracker) Save() []byte {
	if t.dates == nil || t.head == "" {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(savedHeader)
	fmt.Fprintf(&b, "%q %q\n%s\n", t.repo.dir, t.paths, t.head)
	for _, f := range slices.Sorted(maps.Keys(t.dates)) {
		fmt.Fprintf(&b, "%d %s\n", t.dates[f].Unix(), strconv.Quote(f))
	}
	return b.Bytes()
}

// ResumeTracker returns NewTracker(dir, paths...) that knows what Save
// wrote of a Tracker of the same folder and paths, so that its first call
// of Dates reads only the commits made since, or none. Anything else in
// saved is ignored: the Tracker then reads the whole history, as a new one
// does.
func ResumeTracker(saved []byte, dir string, paths ...string) *Tracker {
	t := NewTracker(dir, paths...)
	rest, ok := bytes.CutPrefix(saved, []byte(savedHeader))
	if !ok {
		return t
	}
	lines := strings.Split(string(rest), "\n")
	if len(lines) < 3 || lines[0] != fmt.Sprintf("%q %q", dir, paths) || lines[len(lines)-1] != "" {
		return t
	}
	head := lines[1]
	dates := make(Dates, len(lines)-3)
	for _, line := range lines[2 : len(lines)-1] {
		secs, name, ok := strings.Cut(line, " ")
		n, err := strconv.ParseInt(secs, 10, 64)
		if !ok || err != nil {
			return t
		}
		f, err := strconv.Unquote(name)
		if err != nil {
			return t
		}
		dates[f] = time.Unix(n, 0).UTC()
	}
	if head == "" {
		return t
	}
	t.head, t.dates = head, dates
	return t
}

// Head is the commit HEAD named at the last call of Dates; "" before it,
// or when HEAD named none.
func (t *Tracker) Head() string { return t.head }

//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/diskfull"
)

// fileID is what a reader of the destination can tell of one file.
type fileID struct {
	ino   uint64
	mtime time.Time
}

func statFile(t *testing.T, p string) fileID {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fileID{ino: info.Sys().(*syscall.Stat_t).Ino, mtime: info.ModTime()}
}

// TestUnchangedFilesKeepTheirInode is issue 17's: a second and a third build
// into the destination leave every unchanged file as it was, the same file
// with the same modification time, and write only what changed.
func TestUnchangedFilesKeepTheirInode(t *testing.T) {
	dest, source := sites(t)
	files := map[string]string{"index.html": "home", "khoi/khoi-8/index.html": "bloc", "a/b/c.html": "c"}
	build(t, dest, source, files)
	before := map[string]fileID{}
	for rel := range files {
		before[rel] = statFile(t, filepath.Join(dest, rel))
	}
	time.Sleep(20 * time.Millisecond) // so that a rewrite would show in the mtime
	for i := range 3 {
		files["index.html"] = fmt.Sprintf("home %d", i)
		if got := build(t, dest, source, files).Written(); got != 1 {
			t.Errorf("build %d wrote %d files, want 1", i, got)
		}
		checkOutput(t, dest, withDirs(files))
		for _, rel := range []string{"khoi/khoi-8/index.html", "a/b/c.html"} {
			if got := statFile(t, filepath.Join(dest, rel)); got != before[rel] {
				t.Errorf("build %d: %s changed from %+v to %+v", i, rel, before[rel], got)
			}
		}
		if got := statFile(t, filepath.Join(dest, "index.html")); got == before["index.html"] {
			t.Errorf("build %d: the changed index.html is the same file", i)
		}
	}
	checkNoLeftovers(t, dest)
}

// TestKeep shows that a kept file is the previous output's file, and that
// keeping a file the previous output lacks is an error; LiveHead reads the
// beginning of the previous output's files.
func TestKeep(t *testing.T) {
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home", "x/y.html": "y"})
	was := statFile(t, filepath.Join(dest, "x/y.html"))
	d := mustBegin(t, dest, source)
	if !d.Kept("x/y.html") || d.Kept("missing.html") {
		t.Errorf("Kept = %v, %v; want true, false", d.Kept("x/y.html"), d.Kept("missing.html"))
	}
	if head, ok := d.LiveHead("x/y.html", 100); !ok || string(head) != "y" {
		t.Errorf("LiveHead of x/y.html = %q, %v", head, ok)
	}
	if head, ok := d.LiveHead("index.html", 2); !ok || string(head) != "ho" {
		t.Errorf("LiveHead of index.html, 2 bytes = %q, %v", head, ok)
	}
	if _, ok := d.LiveHead("missing.html", 2); ok {
		t.Error("LiveHead of a file the previous output lacks")
	}
	if err := d.Keep("x/y.html"); err != nil {
		t.Fatal(err)
	}
	if err := d.Keep("missing.html"); err == nil {
		t.Error("keeping a file the previous output lacks succeeded")
	}
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	// The previous output of a committed Dir is another build's to write.
	if _, ok := d.LiveHead("x/y.html", 1); ok {
		t.Error("LiveHead read the previous output after Commit")
	}
	checkOutput(t, dest, withDirs(map[string]string{"index.html": "new", "x/y.html": "y"}))
	if got := statFile(t, filepath.Join(dest, "x/y.html")); got != was {
		t.Errorf("the kept file changed: %+v, was %+v", got, was)
	}
}

// TestReaderSeesOneOutput is issue 17's: a reader that reads the files of
// the destination while builds replace it reads each file as one of the two
// outputs has it, never a part, never missing.
func TestReaderSeesOneOutput(t *testing.T) {
	dest, source := sites(t)
	version := func(v int) map[string]string {
		files := map[string]string{"index.html": fmt.Sprintf("home %d", v%2)}
		for i := range 200 {
			files[fmt.Sprintf("p/%d/index.html", i)] = strings.Repeat(fmt.Sprintf("page %d v%d ", i, v%2*(i%2)), 200)
		}
		return files
	}
	build(t, dest, source, version(0))
	var stop atomic.Bool
	var wg sync.WaitGroup
	var reads atomic.Int64
	fail := make(chan string, 1)
	wg.Go(func() {
		a, b := version(0), version(1)
		for !stop.Load() {
			for rel := range a {
				data, err := os.ReadFile(filepath.Join(dest, rel))
				got := string(data)
				if err != nil || got != a[rel] && got != b[rel] {
					select {
					case fail <- fmt.Sprintf("%s: %v, %d bytes that neither output holds", rel, err, len(data)):
					default:
					}
					return
				}
				reads.Add(1)
			}
		}
	})
	for v := 1; v <= 8; v++ {
		build(t, dest, source, version(v))
	}
	stop.Store(true)
	wg.Wait()
	select {
	case msg := <-fail:
		t.Fatal(msg)
	default:
	}
	if reads.Load() == 0 {
		t.Fatal("the reader read nothing")
	}
	t.Logf("%d files read during 8 builds", reads.Load())
}

// TestIssue12Case13ForeignFiles: files put into the destination by hand are
// named before a build replaces them, and gone after it.
func TestIssue12Case13ForeignFiles(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(fmt.Sprintf("links=%v", links), func(t *testing.T) {
			dest, source := sites(t)
			site := map[string]string{"index.html": "home", "khoi/index.html": "bloc"}
			buildIn(t, dest, source, links, site)
			for _, rel := range []string{"CNAME", ".well-known/security.txt", "khoi/by-hand.html"} {
				p := filepath.Join(dest, filepath.FromSlash(rel))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte("by hand"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d, err := begin(dest, source, links)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := d.Foreign(), []string{".well-known/security.txt", "CNAME", "khoi/by-hand.html"}; !slices.Equal(got, want) {
				t.Errorf("Foreign = %q, want %q", got, want)
			}
			writeAll(t, d, site)
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			checkOutput(t, dest, withDirs(site))
			// Both generations are clean: two more builds bring none back.
			for range 2 {
				d, err := begin(dest, source, links)
				if err != nil {
					t.Fatal(err)
				}
				if got := d.Foreign(); len(got) > 0 {
					t.Errorf("Foreign = %q after they were reported", got)
				}
				writeAll(t, d, site)
				if err := d.Commit(); err != nil {
					t.Fatal(err)
				}
				checkOutput(t, dest, withDirs(site))
			}
			checkNoLeftovers(t, dest)
		})
	}
}

// TestTwoRenames builds as on Windows: the destination is a folder that two
// renames replace whole, and files the previous output holds are reused.
func TestTwoRenames(t *testing.T) {
	dest, source := sites(t)
	for i, files := range []map[string]string{
		{"index.html": "home", "a/b.html": "b", "gone.html": "gone"},
		{"index.html": "home 2", "a/b.html": "b"},
	} {
		d, err := begin(dest, source, false)
		if err != nil {
			t.Fatal(err)
		}
		for rel, data := range files {
			if err := d.WriteFile(rel, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if i == 1 {
			if err := d.Keep("gone.html"); err != nil {
				t.Fatal(err)
			}
			files["gone.html"] = "gone"
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		info, err := os.Lstat(dest)
		if err != nil || !info.IsDir() {
			t.Fatalf("the destination is not a folder: %v", err)
		}
		checkOutput(t, dest, withDirs(files))
		checkNoLeftovers(t, dest)
	}
}

// TestFromTwoRenamesToLinks: an output that two renames put in place (or
// an earlier thidua wrote, with its Marker) becomes the link to a
// generation at the next build, with nothing of it left.
func TestFromTwoRenamesToLinks(t *testing.T) {
	dest, source := sites(t)
	buildIn(t, dest, source, false, map[string]string{"index.html": "home", "old.html": "old"})
	build(t, dest, source, map[string]string{"index.html": "home"})
	if _, ok := liveGeneration(dest); !ok {
		t.Fatal("the destination is not a link to a generation")
	}
	checkOutput(t, dest, map[string]string{"index.html": "home"})
	checkNoLeftovers(t, dest)
}

// TestIssue12Case8FailedWriteLeavesNoPart is issue 12's case 8: when the
// disk fills during a build (here: the file size limit of the process), the
// build fails, the live output is as it was, and no part of a file is left
// in it or beside it.
func TestIssue12Case8FailedWriteLeavesNoPart(t *testing.T) {
	if !diskfull.Isolate(t) {
		return
	}
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home", "p/a.html": "a"})
	before := snapshot(t, dest)

	d := mustBegin(t, dest, source)
	var err error
	diskfull.Run(t, 1<<16, func() { err = d.WriteFile("p/big.html", make([]byte, 1<<17)) })
	if err == nil || !errors.Is(err, syscall.EFBIG) {
		t.Fatalf("writing past the limit = %v, want EFBIG", err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, before)
	checkNoLeftovers(t, dest)
	for _, g := range []string{"a", "b"} {
		if _, err := os.Lstat(filepath.Join(storePath(dest), g, "p", "big.html")); err == nil {
			t.Errorf("a part of p/big.html is left in generation %s", g)
		}
	}
	build(t, dest, source, map[string]string{"index.html": "home 2"})
	checkOutput(t, dest, map[string]string{"index.html": "home 2"})
}

// TestIssue12Case7ADestHoldsItsLock is issue 12's case 7: while a Dest is open, as a Builder holds it, no
// other build can write to that destination.
func TestIssue12Case7ADestHoldsItsLock(t *testing.T) {
	dest, source := sites(t)
	o, err := Open(dest, source)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		d, err := o.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Begin(); err == nil {
			t.Error("a second Dir of one Dest was begun")
		}
		d.WriteFile("index.html", []byte("home"))
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if other, err := Begin(dest, source); err == nil || !strings.Contains(err.Error(), "another build") {
			if err == nil {
				other.Abort()
			}
			t.Fatalf("Begin while a Dest is open = %v, want a refusal", err)
		}
	}
	o.Close()
	d := mustBegin(t, dest, source)
	d.Abort()
}

// TestCanLink: where a link can be made the probe says so and leaves
// nothing; where it cannot (here: a folder that does not exist) the
// destination falls back to two renames.
func TestCanLink(t *testing.T) {
	dir := t.TempDir()
	if !canLink(dir, "public") {
		t.Error("canLink in a temporary folder = false")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the probe left %v", entries)
	}
	if canLink(filepath.Join(dir, "missing"), "public") {
		t.Error("canLink in a missing folder = true")
	}
}

// TestUnchangedTwinsKeepTheirInode: the compressed twins of an unchanged
// file are kept or linked as the file is, not compressed again, so that
// they keep their inode and modification time; a changed file's twins are
// written anew.
func TestUnchangedTwinsKeepTheirInode(t *testing.T) {
	dest, source := sites(t)
	files := map[string]string{"index.html": page("home", 4000), "khoi/k/index.html": page("bloc", 5000)}
	buildTwins(t, dest, source, true, files)
	kept := []string{"khoi/k/index.html", "khoi/k/index.html.gz", "khoi/k/index.html.br"}
	before := map[string]fileID{}
	for _, rel := range append(kept, "index.html.gz") {
		before[rel] = statFile(t, filepath.Join(dest, rel))
	}
	time.Sleep(20 * time.Millisecond) // so that a rewrite would show in the mtime
	for i := range 3 {
		files["index.html"] = page(fmt.Sprintf("home %d", i), 4000)
		// The changed page and its two twins.
		d := buildTwins(t, dest, source, true, files)
		if got := d.Written(); got != 3 {
			t.Errorf("build %d wrote %d files, want 3", i, got)
		}
		if got := d.Compressed(); got != 2 {
			t.Errorf("build %d compressed %d twins, want the 2 of the changed page", i, got)
		}
		for _, rel := range kept {
			if got := statFile(t, filepath.Join(dest, rel)); got != before[rel] {
				t.Errorf("build %d: %s changed from %+v to %+v", i, rel, before[rel], got)
			}
		}
		if got := statFile(t, filepath.Join(dest, "index.html.gz")); got == before["index.html.gz"] {
			t.Errorf("build %d: the twin of the changed index.html is the same file", i)
		}
	}
	checkNoLeftovers(t, dest)
}

// TestOutputOfManifestFormat2: an output whose manifests an earlier thidua
// wrote, with SHA-256 sums, is read still. The files it holds beside the
// build's are reported, no old sum is taken for a new one (every file is
// written once more), and from the next build on unchanged files are kept.
func TestOutputOfManifestFormat2(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(fmt.Sprintf("links=%v", links), func(t *testing.T) {
			dest, source := sites(t)
			files := map[string]string{"index.html": "home", "khoi/khoi-8/index.html": "bloc", "a/b/c.html": "c"}
			for range 2 {
				buildIn(t, dest, source, links, files)
			}
			unchanged := buildIn(t, dest, source, links, files).Written()
			if err := os.WriteFile(filepath.Join(dest, "CNAME"), []byte("by hand"), 0o644); err != nil {
				t.Fatal(err)
			}
			toFormat2(t, dest)

			d, err := begin(dest, source, links)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := d.Foreign(), []string{"CNAME"}; !slices.Equal(got, want) {
				t.Errorf("Foreign = %q, want %q", got, want)
			}
			for rel, data := range files {
				if err := d.WriteFile(rel, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if got, want := d.Written(), len(files)+1; got != want { // and the Marker
				t.Errorf("the build after format 2 wrote %d files, want all %d", got, want)
			}
			checkOutput(t, dest, withDirs(files))
			for i := range 2 {
				if got := buildIn(t, dest, source, links, files).Written(); got != unchanged {
					t.Errorf("build %d after it wrote %d files, want %d as before", i+1, got, unchanged)
				}
				checkOutput(t, dest, withDirs(files))
			}
			checkNoLeftovers(t, dest)
		})
	}
}

// toFormat2 rewrites the manifests of the output dest as thidua wrote them
// before manifest format 3: each sum the first half of the SHA-256 of the
// file's bytes.
func toFormat2(t *testing.T, dest string) {
	t.Helper()
	store := storePath(dest)
	for mpath, dir := range map[string]string{
		manifestPath(store, generationA):   filepath.Join(store, generationA),
		manifestPath(store, generationB):   filepath.Join(store, generationB),
		filepath.Join(store, swapManifest): dest,
	} {
		data, err := os.ReadFile(mpath)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		m, _, err := decodeManifest(data)
		if err != nil {
			t.Fatal(err)
		}
		for rel, e := range m {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(b)
			e.sum = [16]byte(sum[:16])
			m[rel] = e
		}
		old := append([]byte(manifestHeader2), m.lines()...)
		if err := os.WriteFile(mpath, old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestUnchangedBuildCommitsNothing: a build whose output is the live one,
// file for file and with the same note, into the generation that holds
// it already, leaves the link, the manifests and the notes as they were;
// a build with another note or none, with a file put into the live output
// by hand, or with a file changed, commits as before.
func TestUnchangedBuildCommitsNothing(t *testing.T) {
	dest, source := sites(t)
	// commit builds files with the note, or without one for "none".
	commit := func(note string, files map[string]string) {
		t.Helper()
		d, err := begin(dest, source, true)
		if err != nil {
			t.Fatal(err)
		}
		d.LiveNote() // as a build does, to learn what the live files were made from
		writeAll(t, d, files)
		if note != "none" {
			d.SetNote([]byte(note))
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, dest, withDirs(files))
	}
	// state is the link's target and the store's files as a reader tells
	// them apart.
	state := func() string {
		t.Helper()
		target, err := os.Readlink(dest)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(storePath(dest))
		if err != nil {
			t.Fatal(err)
		}
		s := target
		for _, e := range entries {
			if !e.IsDir() {
				s += fmt.Sprintf(" %s %+v", e.Name(), statFile(t, filepath.Join(storePath(dest), e.Name())))
			}
		}
		return s
	}
	files := map[string]string{"index.html": "home", "khoi/index.html": "blocs"}
	commit("n", files)
	commit("n", files)                // into the second generation, new
	time.Sleep(20 * time.Millisecond) // so that a rewrite would show in a time
	before := state()
	commit("n", files)
	if got := state(); got != before {
		t.Errorf("a build that changed nothing committed:\n%s\nwas\n%s", got, before)
	}
	commit("n", files)
	if got := state(); got != before {
		t.Errorf("a second build that changed nothing committed:\n%s\nwas\n%s", got, before)
	}

	commit("m", files)
	if got := state(); got == before {
		t.Error("a build with another note committed nothing")
	}
	d := mustBegin(t, dest, source)
	if got := string(d.LiveNote()); got != "m" {
		t.Errorf("the live note is %q, want m", got)
	}
	d.Abort()

	commit("m", files) // into the generation that holds them already
	before = state()
	if err := os.WriteFile(filepath.Join(dest, "tay.html"), []byte("by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	commit("m", files) // wants the file put by hand gone
	if got := state(); got == before {
		t.Error("a build with a file put by hand in the live output committed nothing")
	}

	before = state()
	files["index.html"] = "home 2"
	commit("m", files)
	if got := state(); got == before {
		t.Error("a build with a file changed committed nothing")
	}

	commit("", files) // an empty note, into both generations
	commit("", files)
	before = state()
	commit("none", files) // the live note, empty, must go
	if got := state(); got == before {
		t.Error("a build without a note committed nothing")
	}
	d = mustBegin(t, dest, source)
	if got := d.LiveNote(); got != nil {
		t.Errorf("after a build without a note, the live note is %q", got)
	}
	d.Abort()
}

// TestNewGenerationIsLinkedOnlyToCommit: the first build after the first,
// into the generation that does not exist yet, makes no link when it
// makes the live output's files again and nothing more (at 1,000
// articles the 2,400 links were most of such a build's system time). The
// next build that changes a file makes the links before it writes, so
// that every unchanged file is the live one's; and twins made of files
// whose links wait are made of the right bytes.
func TestNewGenerationIsLinkedOnlyToCommit(t *testing.T) {
	dest, source := sites(t)
	build := func(precompress bool, files map[string]string) *Dir {
		t.Helper()
		return buildWithNote(t, dest, source, precompress, files)
	}
	files := map[string]string{
		"index.html":        page("home", 4000),
		"khoi/k/index.html": page("bloc", 5000),
		"tin-tuc/index.xml": page("feed", 3000),
	}
	build(false, files)
	live, err := os.Readlink(dest)
	if err != nil {
		t.Fatal(err)
	}
	other := generationA
	if filepath.Base(live) == generationA {
		other = generationB
	}
	// holds lists the files under the generation name.
	holds := func(name string) []string {
		t.Helper()
		var got []string
		root := filepath.Join(storePath(dest), name)
		filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				rel, _ := filepath.Rel(root, p)
				got = append(got, filepath.ToSlash(rel))
			}
			return err
		})
		return got
	}
	before := map[string]fileID{}
	for rel := range files {
		before[rel] = statFile(t, filepath.Join(dest, rel))
	}
	before[Marker] = statFile(t, filepath.Join(dest, Marker))

	for i := range 2 {
		build(false, files)
		if got := holds(other); len(got) > 0 {
			t.Errorf("build %d, which changed nothing, put %v into the new generation", i, got)
		}
		if _, err := os.Stat(manifestPath(storePath(dest), other)); err == nil {
			t.Errorf("build %d, which changed nothing, wrote a manifest of the new generation", i)
		}
		if got, _ := os.Readlink(dest); got != live {
			t.Errorf("build %d, which changed nothing, moved the link from %s to %s", i, live, got)
		}
		checkOutput(t, dest, withDirs(files))
	}

	files["index.html"] = page("home 2", 4000)
	d := build(false, files)
	if got, _ := os.Readlink(dest); got == live {
		t.Fatal("a build that changed a file left the link where it was")
	}
	checkOutput(t, dest, withDirs(files))
	if got := d.Written(); got != 1 {
		t.Errorf("the build wrote %d files, want the changed one", got)
	}
	for rel, was := range before {
		got := statFile(t, filepath.Join(dest, rel))
		if changed := rel == "index.html"; changed == (got == was) {
			t.Errorf("%s is %+v, was %+v (changed: %v)", rel, got, was, changed)
		}
	}

	// twinsAgree fails the test unless every file has twins of its bytes.
	twinsAgree := func(when string) {
		t.Helper()
		checkOutput(t, dest, withTwins(t, dest, withDirs(files)))
		for rel, data := range files {
			for _, ext := range []string{".gz", ".br"} {
				if got := unzip(t, filepath.Join(dest, rel+ext)); got != data {
					t.Errorf("%s: %s%s is not of %s", when, rel, ext, rel)
				}
			}
		}
	}
	// Into the first generation, which holds the old index.html: its links
	// do not wait.
	build(true, files)
	twinsAgree("into an old generation")

	// Into a new generation, with twins to make of files whose links wait.
	if err := os.RemoveAll(dest); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(storePath(dest)); err != nil {
		t.Fatal(err)
	}
	build(false, files)
	build(true, files)
	twinsAgree("into a new generation")
	checkNoLeftovers(t, dest)
}

// withTwins adds to want the twins that dest holds, with their bytes.
func withTwins(t *testing.T, dest string, want map[string]string) map[string]string {
	t.Helper()
	snap := snapshot(t, dest)
	for _, rel := range twinsOf(t, dest) {
		want[rel] = snap[rel]
	}
	return want
}

// buildWithNote commits files to dest with a note, as a build does, and
// twins when precompress is set.
func buildWithNote(t *testing.T, dest, source string, precompress bool, files map[string]string) *Dir {
	t.Helper()
	d, err := begin(dest, source, true)
	if err != nil {
		t.Fatal(err)
	}
	d.LiveNote()
	if precompress {
		d.Precompress()
	}
	writeAll(t, d, files)
	d.SetNote([]byte("n"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNewGenerationRestoresWhatWasChangedByHand: a file of the live
// output removed or replaced by hand is not one whose link can wait; the
// build into the new generation writes it again and commits.
func TestNewGenerationRestoresWhatWasChangedByHand(t *testing.T) {
	for _, change := range []string{"removed", "replaced"} {
		t.Run(change, func(t *testing.T) {
			dest, source := sites(t)
			files := map[string]string{
				"index.html":        page("home", 4000),
				"khoi/k/index.html": page("bloc", 5000),
			}
			buildWithNote(t, dest, source, false, files)
			live, _ := os.Readlink(dest)
			victim := filepath.Join(dest, "khoi", "k", "index.html")
			if err := os.Remove(victim); err != nil {
				t.Fatal(err)
			}
			if change == "replaced" {
				if err := os.WriteFile(victim, []byte("sửa tay"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d := buildWithNote(t, dest, source, false, files)
			if got, _ := os.Readlink(dest); got == live {
				t.Error("the build left the link on the output changed by hand")
			}
			if got := d.Written(); got != 1 {
				t.Errorf("the build wrote %d files, want the one changed by hand", got)
			}
			checkOutput(t, dest, withDirs(files))
		})
	}
}

// TestStoreRemovedByHand: with the folder of the generations, or the live
// one alone, removed by hand (it is hidden, and looks like a cache), the
// link leads nowhere; the next build makes the whole output again.
func TestStoreRemovedByHand(t *testing.T) {
	for _, removed := range []string{"store", "live generation"} {
		t.Run(removed, func(t *testing.T) {
			dest, source := sites(t)
			files := map[string]string{"index.html": "home", "khoi/k/index.html": "bloc"}
			buildWithNote(t, dest, source, false, files)
			files["index.html"] = "home 2"
			buildWithNote(t, dest, source, false, files)
			gone := storePath(dest)
			if removed == "live generation" {
				name, _ := liveGeneration(dest)
				gone = filepath.Join(gone, name)
			}
			if err := os.RemoveAll(gone); err != nil {
				t.Fatal(err)
			}
			buildWithNote(t, dest, source, false, files)
			checkOutput(t, dest, withDirs(files))
			buildWithNote(t, dest, source, false, files)
			checkOutput(t, dest, withDirs(files))
			checkNoLeftovers(t, dest)
		})
	}
}

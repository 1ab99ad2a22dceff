package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// snapshot returns every file, folder and link under dir by slash-separated
// path: the content of a file, "dir" for a folder, "link to T" for a link.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := make(map[string]string)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // the link to the live generation
	}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			snap[rel] = "link to " + target
			return err
		case e.IsDir():
			snap[rel] = "dir"
			return nil
		}
		data, err := os.ReadFile(p)
		snap[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// build writes files into dest in one build and commits it.
func build(t *testing.T, dest, source string, files map[string]string) *Dir {
	t.Helper()
	return buildIn(t, dest, source, runtime.GOOS != "windows", files)
}

// buildIn is build with links as for begin.
func buildIn(t *testing.T, dest, source string, links bool, files map[string]string) *Dir {
	t.Helper()
	d, err := begin(dest, source, links)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, d, files)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// writeAll writes files into d.
func writeAll(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if err := d.WriteFile(rel, []byte(files[rel])); err != nil {
			t.Fatal(err)
		}
	}
}

// withDirs adds to files an entry "dir" for every folder they imply.
func withDirs(files map[string]string) map[string]string {
	all := maps.Clone(files)
	for rel := range files {
		for dir := filepath.ToSlash(filepath.Dir(rel)); dir != "."; dir = filepath.ToSlash(filepath.Dir(dir)) {
			all[dir] = "dir"
		}
	}
	return all
}

// besideDest returns the names beside dest that this package made.
func besideDest(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix(filepath.Base(dest))) {
			names = append(names, e.Name())
		}
	}
	return names
}

// checkNoLeftovers fails the test if anything but the destination and its
// store of generations (which holds only them and their manifests) is left
// beside it.
func checkNoLeftovers(t *testing.T, dest string) {
	t.Helper()
	if got := besideDest(t, dest); len(got) > 0 {
		t.Errorf("left beside the destination: %q", got)
	}
	entries, err := os.ReadDir(storePath(dest))
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch e.Name() {
		case "a", "b", "a.manifest", "b.manifest", "a.note", "b.note", swapManifest:
		default:
			t.Errorf("left in the store: %s", e.Name())
		}
	}
}

func sites(t testing.TB) (dest, source string) {
	root := t.TempDir()
	return filepath.Join(root, "public"), filepath.Join(root, "site")
}

func TestCommitReplacesWhole(t *testing.T) {
	dest, source := sites(t)
	first := map[string]string{
		"index.html":             "home 1",
		"khoi/khoi-8/index.html": "bloc 1",
		"old/stale.html":         "stale",
		"robots.txt":             "robots",
	}
	build(t, dest, source, first)
	checkOutput(t, dest, withDirs(first))
	second := map[string]string{
		"index.html":             "home 2",
		"khoi/khoi-8/index.html": "bloc 2",
	}
	build(t, dest, source, second)
	checkOutput(t, dest, withDirs(second))
	checkNoLeftovers(t, dest)
}

func TestAbortLeavesPreviousOutput(t *testing.T) {
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home", "a/b.html": "b"})
	before := snapshot(t, dest)

	d := mustBegin(t, dest, source)
	for _, rel := range []string{"index.html", "a/b.html", "c.html"} {
		if err := d.WriteFile(rel, []byte("new "+rel)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, before)
	checkNoLeftovers(t, dest)
	if err := d.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	checkOutput(t, dest, before)
}

func TestErrorMidWriteLeavesPreviousOutput(t *testing.T) {
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home", "404.html": "missing"})
	before := snapshot(t, dest)

	// A build writes half its files, then fails on a bad id and aborts.
	err := func() error {
		d, err := Begin(dest, source)
		if err != nil {
			return err
		}
		defer d.Abort()
		for i := range 50 {
			if err := d.WriteFile(fmt.Sprintf("p/%d.html", i), []byte("x")); err != nil {
				return err
			}
		}
		w, err := d.Create("index.html")
		if err != nil {
			return err
		}
		w.Write([]byte("half a page"))
		defer w.Close()
		if err := d.WriteFile("don-vi/../../escape.html", []byte("x")); err != nil {
			return err
		}
		return d.Commit()
	}()
	if err == nil {
		t.Fatal("the build did not fail")
	}
	checkOutput(t, dest, before)
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "escape.html")); err == nil {
		t.Error("a file was written outside the destination")
	}
	checkNoLeftovers(t, dest)
}

func TestCommitRefusesOpenFiles(t *testing.T) {
	dest, source := sites(t)
	d := mustBegin(t, dest, source)
	w, err := d.Create("index.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err == nil || !strings.Contains(err.Error(), "still open") {
		t.Fatalf("Commit with an open file = %v, want a refusal", err)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Fatal("a refused Commit created the destination")
	}
	w.Write([]byte("home"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err == nil {
		t.Error("a second Close succeeded")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, map[string]string{"index.html": "home"})
	if err := d.WriteFile("late.html", nil); err == nil {
		t.Error("WriteFile after Commit succeeded")
	}
	if err := d.Commit(); err == nil {
		t.Error("a second Commit succeeded")
	}
	if err := d.Abort(); err != nil {
		t.Errorf("Abort after Commit = %v, want nil", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Errorf("Abort after Commit removed the output: %v", err)
	}
}

func TestCreateTwiceIsAnError(t *testing.T) {
	dest, source := sites(t)
	d := mustBegin(t, dest, source)
	defer d.Abort()
	if err := d.WriteFile("khoi/index.html", []byte("first")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"khoi/index.html", "khoi"} {
		if err := d.WriteFile(rel, []byte("second")); err == nil || !strings.Contains(err.Error(), "already written") {
			t.Errorf("second WriteFile(%q) = %v, want \"already written\"", rel, err)
		}
	}
	if err := d.WriteFile("khoi/index.html/x", nil); err == nil {
		t.Error("a file under a file was created")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dest)["khoi/index.html"]; got != "first" {
		t.Errorf("khoi/index.html = %q, want the first content", got)
	}
}

func TestRefusals(t *testing.T) {
	root := t.TempDir()
	mkdir := func(p string) string {
		t.Helper()
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write := func(p, data string) {
		t.Helper()
		mkdir(filepath.Dir(p))
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	home := mkdir(filepath.Join(root, "home", "user"))
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)

	source := mkdir(filepath.Join(root, "project", "site"))
	foreign := mkdir(filepath.Join(root, "Documents"))
	write(filepath.Join(foreign, "thesis.txt"), "years of work")
	write(filepath.Join(root, "file"), "a file")
	write(filepath.Join(source, "layouts", "base.html"), "{{define \"base\"}}{{end}}")
	write(filepath.Join(source, "static", "public", "index.html"), "a page")
	earlier := mkdir(filepath.Join(root, "earlier"))
	write(filepath.Join(earlier, "index.html"), "home")
	write(filepath.Join(earlier, "404.html"), "not found")
	if err := os.Symlink(foreign, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "project"), filepath.Join(root, "projectlink")); err != nil {
		t.Fatal(err)
	}

	t.Chdir(source)
	for _, tc := range []struct{ name, dest, source, want string }{
		{"root", string(filepath.Separator), source, "root folder"},
		{"home", home, source, "home folder"},
		{"contains home", filepath.Join(root, "home"), source, "home folder"},
		{"source", source, source, "source folder"},
		{"contains source", filepath.Join(root, "project"), source, "source folder"},
		{"contains source through a link", filepath.Join(root, "project"), filepath.Join(root, "projectlink", "site"), "source folder"},
		{"relative source", ".", ".", "source folder"},
		{"foreign folder", foreign, source, "is not the output of a build"},
		{"output of an earlier version", earlier, source, "is not the output of a build"},
		{"issue 12 case 1: layouts", filepath.Join(source, "layouts"), source, "inside the folder layouts"},
		{"issue 12 case 5: inside static", filepath.Join(source, "static", "public"), source, "inside the folder static"},
		{"data", filepath.Join(source, "data", "blocs"), source, "inside the folder data"},
		{"content", filepath.Join(source, "content"), source, "inside the folder content"},
		{"i18n", filepath.Join(source, "i18n"), source, "inside the folder i18n"},
		{".git", filepath.Join(source, ".git"), source, "inside the folder .git"},
		{"layouts through a link", filepath.Join(root, "projectlink", "site", "layouts"), source, "inside the folder layouts"},
		{"the store of generations", filepath.Join(source, ".public.thidua"), source, "keeps earlier outputs"},
		{"a file", filepath.Join(root, "file"), source, "not a folder"},
		{"a link", filepath.Join(root, "link"), source, "symbolic link"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, root)
			d, err := Begin(tc.dest, tc.source)
			if err == nil {
				d.Abort()
				t.Fatalf("Begin(%q, %q) succeeded", tc.dest, tc.source)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Begin(%q, %q) = %v, want an error about %q", tc.dest, tc.source, err, tc.want)
			}
			if after := snapshot(t, root); !maps.Equal(before, after) {
				t.Errorf("a refused Begin changed the folders")
			}
		})
	}
}

func TestAcceptedDestinations(t *testing.T) {
	root := t.TempDir()
	source := filepath.Join(root, "site")
	for name, files := range map[string]map[string]string{
		"missing":        nil,
		"empty":          {},
		"earlier output": {"index.html": "home", "css/site.css": "css", Marker: markerText},
	} {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(root, strings.ReplaceAll(name, " ", "-"), "public")
			if files != nil {
				if err := os.MkdirAll(dest, 0o755); err != nil {
					t.Fatal(err)
				}
				for rel, data := range files {
					p := filepath.Join(dest, filepath.FromSlash(rel))
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			build(t, dest, source, map[string]string{"index.html": "new"})
			checkOutput(t, dest, map[string]string{"index.html": "new"})
		})
	}
	// The default: the destination inside the source folder.
	build(t, filepath.Join(source, "public"), source, map[string]string{"index.html": "inside"})
}

func TestBeginRemovesLeftovers(t *testing.T) {
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home"})
	parent := filepath.Dir(dest)
	leftovers := []string{".public.thidua-0123abcd", ".public.thidua-ffffffff", ".public.thidua-prev"}
	kept := []string{".public.thidua-notmine", ".public.thidua-0123ABCD", ".other.thidua-0123abcd", ".public.thidua-0123abcd9", "public.thidua-0123abcd"}
	for _, name := range append(slices.Clone(leftovers), kept...) {
		p := filepath.Join(parent, name, "deep", "er")
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "f.html"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := mustBegin(t, dest, source)
	for _, name := range leftovers {
		if _, err := os.Lstat(filepath.Join(parent, name)); err == nil {
			t.Errorf("Begin left %s", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Lstat(filepath.Join(parent, name)); err != nil {
			t.Errorf("Begin removed %s, which is not its own", name)
		}
	}
	if filepath.Dir(d.out.path) != storePath(dest) {
		t.Errorf("writing into %s, not a generation of the store", d.out.path)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
}

func TestRenameTwice(t *testing.T) {
	parent := t.TempDir()
	dest, tmp := filepath.Join(parent, "public"), filepath.Join(parent, "new")
	for dir, files := range map[string]map[string]string{dest: {"index.html": "old", "gone.html": "gone"}, tmp: {"index.html": "new"}} {
		os.Mkdir(dir, 0o755)
		for rel, data := range files {
			if err := os.WriteFile(filepath.Join(dir, rel), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	old, err := renameTwice(tmp, dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dest); !maps.Equal(got, map[string]string{"index.html": "new"}) {
		t.Errorf("destination = %v", got)
	}
	if got := snapshot(t, old); !maps.Equal(got, map[string]string{"index.html": "old", "gone.html": "gone"}) {
		t.Errorf("previous output at %s = %v", old, got)
	}

	// A failing second rename puts the previous output back.
	before := snapshot(t, dest)
	if _, err := renameTwice(filepath.Join(parent, "missing"), dest); err == nil {
		t.Fatal("renameTwice of a missing folder succeeded")
	}
	if got := snapshot(t, dest); !maps.Equal(got, before) {
		t.Errorf("destination = %v, want %v", got, before)
	}
}

func TestBeginRestoresAfterKillBetweenRenames(t *testing.T) {
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home", "a/b.html": "b"})
	before := snapshot(t, dest)
	// A build killed between its two renames: the previous output moved
	// away, the new one not yet in place.
	if err := os.Rename(dest, prevPath(dest)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(filepath.Dir(dest), ".public.thidua-12345678"), 0o755); err != nil {
		t.Fatal(err)
	}
	d := mustBegin(t, dest, source)
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, before)
	checkNoLeftovers(t, dest)
}

func TestConcurrentCreate(t *testing.T) {
	dest, source := sites(t)
	d := mustBegin(t, dest, source)
	const workers, each = 8, 150
	want := make(map[string]string)
	for w := range workers {
		for i := range each {
			// Workers share folders so that they race to create them.
			want[fmt.Sprintf("d%d/e%d/w%d-%d.html", i%5, i%3, w, i)] = fmt.Sprintf("worker %d file %d", w, i)
		}
	}
	err := inWorkers(workers, func(w int) error {
		for i := range each {
			rel := fmt.Sprintf("d%d/e%d/w%d-%d.html", i%5, i%3, w, i)
			f, err := d.Create(rel)
			if err != nil {
				return err
			}
			fmt.Fprintf(f, "worker %d file %d", w, i)
			if err := f.Close(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, withDirs(want))
}

// inWorkers calls work with each number from 0 to workers-1, each in a
// goroutine of its own, and returns their errors joined.
func inWorkers(workers int, work func(w int) error) error {
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { errs[w] = work(w) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// mustBegin begins a build into dest or ends the test.
func mustBegin(t testing.TB, dest, source string) *Dir {
	t.Helper()
	d, err := Begin(dest, source)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkOutput fails the test unless dest holds exactly want, as snapshot
// gives it, and the Marker.
func checkOutput(t *testing.T, dest string, want map[string]string) {
	t.Helper()
	want = maps.Clone(want)
	if _, ok := want[Marker]; !ok {
		want[Marker] = markerText
	}
	if got := snapshot(t, dest); !maps.Equal(got, want) {
		t.Errorf("output = %v\nwant     %v", got, want)
	}
}

func TestFilesAreComplete(t *testing.T) {
	dest, source := sites(t)
	big := strings.Repeat("Thi đua khen thưởng\n", 60000) + "end"
	d := mustBegin(t, dest, source)
	if err := d.WriteFile("a/one-write.html", []byte(big)); err != nil {
		t.Fatal(err)
	}
	w, err := d.Create("a/b/many-writes.html")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(big) {
		if _, err := w.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("late")); err == nil {
		t.Error("a Write after Close succeeded")
	}
	for name, data := range map[string]string{"big.txt": big, "empty.txt": ""} {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, withDirs(map[string]string{
		"a/one-write.html":     big,
		"a/b/many-writes.html": big,
		"big.txt":              big,
		"empty.txt":            "",
	}))
}

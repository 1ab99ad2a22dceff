//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// treeOps are the operations of tree and pathTree, so that one sequence of
// them runs on both.
type treeOps struct {
	mkdir     func(name string) error
	writeFile func(name string, data []byte) (uint64, error)
	create    func(name string, parts ...string) error
	link      func(name string) error // from the tree's twin "from"
	remove    func(name string) error
	rmdir     func(name string) error
	files     func() ([]string, error)
	head      func(name string, n int) ([]byte, error)
	stat      func(name string) (uint64, int64, error)
}

// TestTreesAgree runs the same folder operations, with the mistakes a build
// can meet (a name taken, a missing file, a file where a folder goes, a
// symbolic link where a file goes), through tree (folder descriptors) and
// through pathTree (package os), and wants the same outcome of each and
// the same folders, files and links at the end.
func TestTreesAgree(t *testing.T) {
	root := t.TempDir()
	outcome := map[string][]string{}
	for _, kind := range []string{"descriptors", "paths"} {
		dir, from := filepath.Join(root, kind), filepath.Join(root, kind+"-from")
		for _, d := range []string{dir, from} {
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(from, "shared.html"), []byte("shared"), 0o644); err != nil {
			t.Fatal(err)
		}
		outside := filepath.Join(root, kind+"-outside.txt")
		if err := os.WriteFile(outside, []byte("outside"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(dir, "planted.html")); err != nil {
			t.Fatal(err)
		}
		// A link to a folder is listed as it is, not followed.
		if err := os.Symlink(from, filepath.Join(dir, "planted-folder")); err != nil {
			t.Fatal(err)
		}
		var ops treeOps
		var closeAll func()
		if kind == "descriptors" {
			tr, err := openTree(dir)
			if err != nil {
				t.Fatal(err)
			}
			fr, err := openTree(from)
			if err != nil {
				t.Fatal(err)
			}
			ops = treeOps{tr.mkdir, tr.writeFile, createWith(tr.create), func(n string) error { return tr.link(fr, n) }, tr.remove, tr.rmdir, tr.files, tr.head, tr.stat}
			closeAll = func() { tr.close(); fr.close() }
		} else {
			tr, err := openPathTree(dir)
			if err != nil {
				t.Fatal(err)
			}
			fr, err := openPathTree(from)
			if err != nil {
				t.Fatal(err)
			}
			ops = treeOps{tr.mkdir, tr.writeFile, createWith(tr.create), func(n string) error { return tr.link(fr, n) }, tr.remove, tr.rmdir, tr.files, tr.head, tr.stat}
			closeAll = func() { tr.close(); fr.close() }
		}
		steps := []struct {
			name string
			do   func() error
		}{
			{"mkdir khoi", func() error { return ops.mkdir("khoi") }},
			{"mkdir khoi again", func() error { return ops.mkdir("khoi") }},
			{"mkdir in a missing folder", func() error { return ops.mkdir("nope/x") }},
			{"write khoi/index.html", func() error { _, err := ops.writeFile("khoi/index.html", []byte("Khối thi đua")); return err }},
			{"write khoi/index.html again", func() error { _, err := ops.writeFile("khoi/index.html", []byte("x")); return err }},
			{"create in parts", func() error { return ops.create("khoi/parts.html", "một ", "hai ", "ba") }},
			{"write over a planted link", func() error { _, err := ops.writeFile("planted.html", []byte("x")); return err }},
			{"write under a file", func() error { _, err := ops.writeFile("khoi/index.html/x", []byte("x")); return err }},
			{"head of khoi/index.html", headStep(ops, "khoi/index.html", 4, outcome, kind)},
			{"head longer than khoi/index.html", headStep(ops, "khoi/index.html", 100, outcome, kind)},
			{"head of a missing file", headStep(ops, "missing.html", 4, outcome, kind)},
			{"head of a planted link", headStep(ops, "planted.html", 4, outcome, kind)},
			{"stat khoi/index.html", statStep(ops, "khoi/index.html", outcome, kind)},
			{"stat a missing file", statStep(ops, "missing.html", outcome, kind)},
			{"stat a planted link", statStep(ops, "planted.html", outcome, kind)},
			{"stat a folder", statStep(ops, "khoi", outcome, kind)},
			{"link shared.html", func() error { return ops.link("shared.html") }},
			{"link a missing file", func() error { return ops.link("missing.html") }},
			{"link shared.html again", func() error { return ops.link("shared.html") }},
			{"remove a missing file", func() error { return ops.remove("missing.html") }},
			{"remove under a file", func() error { return ops.remove("khoi/index.html/x") }},
			{"rmdir a full folder", func() error { return ops.rmdir("khoi") }},
			{"remove khoi/parts.html", func() error { return ops.remove("khoi/parts.html") }},
			{"mkdir empty", func() error { return ops.mkdir("empty") }},
			{"rmdir empty", func() error { return ops.rmdir("empty") }},
			{"mkdir a", func() error { return ops.mkdir("a") }},
			{"mkdir a/b", func() error { return ops.mkdir("a/b") }},
			{"mkdir a-b", func() error { return ops.mkdir("a-b") }},
			{"mkdir a/b/empty", func() error { return ops.mkdir("a/b/empty") }},
			{"write a/b/c.html", func() error { _, err := ops.writeFile("a/b/c.html", []byte("c")); return err }},
			{"write a-b/x.html", func() error { _, err := ops.writeFile("a-b/x.html", []byte("x")); return err }},
			{"write a/z.html", func() error { _, err := ops.writeFile("a/z.html", []byte("z")); return err }},
			{"files", func() error {
				names, err := ops.files()
				outcome[kind] = append(outcome[kind], "files: "+strings.Join(names, " "))
				return err
			}},
		}
		for _, s := range steps {
			err := s.do()
			outcome[kind] = append(outcome[kind], s.name+": "+errKind(err))
		}
		closeAll()
		outcome[kind] = append(outcome[kind], treeListing(t, dir)...)
		if b, err := os.ReadFile(outside); err != nil || string(b) != "outside" {
			t.Errorf("%s: the file a planted link points at was changed: %q, %v", kind, b, err)
		}
		same, err := sameFile(filepath.Join(dir, "shared.html"), filepath.Join(from, "shared.html"))
		if err != nil || !same {
			t.Errorf("%s: shared.html is not a hard link of the other tree's: %v", kind, err)
		}
	}
	a, b := outcome["descriptors"], outcome["paths"]
	if len(a) != len(b) {
		t.Fatalf("descriptors:\n%q\npaths:\n%q", a, b)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("descriptors %q, paths %q", a[i], b[i])
		}
	}
}

// headStep returns a step that reads the head of name with ops, and adds
// the bytes read to the outcome of kind.
func headStep(ops treeOps, name string, n int, outcome map[string][]string, kind string) func() error {
	return func() error {
		b, err := ops.head(name, n)
		outcome[kind] = append(outcome[kind], "head: "+string(b))
		return err
	}
}

// statStep returns a step that gives the size of name with ops, and adds
// it to the outcome of kind.
func statStep(ops treeOps, name string, outcome map[string][]string, kind string) func() error {
	return func() error {
		_, size, err := ops.stat(name)
		outcome[kind] = append(outcome[kind], fmt.Sprintf("size: %d", size))
		return err
	}
}

// createWith returns a function that creates name with create and writes
// the parts in turn.
func createWith(create func(string) (io.WriteCloser, error)) func(string, ...string) error {
	return func(name string, parts ...string) error {
		w, err := create(name)
		if err != nil {
			return err
		}
		for _, p := range parts {
			if _, err := w.Write([]byte(p)); err != nil {
				w.Close()
				return err
			}
		}
		return w.Close()
	}
}

// errKind names the kind of err, as both ways of working may word it
// differently.
func errKind(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, os.ErrExist):
		return "exists"
	case errors.Is(err, os.ErrNotExist):
		return "missing"
	case errors.Is(err, syscall.ENOTDIR):
		return "not a folder"
	case errors.Is(err, syscall.ENOTEMPTY), errors.Is(err, syscall.EEXIST):
		return "not empty"
	case errors.Is(err, syscall.ELOOP):
		return "a link"
	case errors.Is(err, syscall.EINVAL):
		return "not a file"
	}
	return "other: " + err.Error()
}

// treeListing lists what dir holds: each path with its kind and content.
func treeListing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&os.ModeSymlink != 0:
			out = append(out, rel+" link")
		case d.IsDir():
			out = append(out, rel+"/")
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			info, _ := d.Info()
			out = append(out, rel+" "+info.Mode().String()+" "+string(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

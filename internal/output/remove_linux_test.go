package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"
)

// makeTree writes under dir a tree with the shapes removeAll must handle:
// a folder of more entries than one read of the folder returns, deep
// folders, empty folders, and links to a folder and a file outside, which
// must be removed without touching what they point to. It returns the
// outside folder.
func makeTree(t *testing.T, dir string) (outside string) {
	t.Helper()
	outside = filepath.Join(filepath.Dir(dir), "outside")
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 1500 {
		write(fmt.Sprintf("tin-tuc/bai-viet-co-ten-dai-%04d/index.html", i), "article")
	}
	write(strings.Repeat("sau/", 40)+"index.html", "deep")
	for _, rel := range []string{"empty", "empty2/empty3"} {
		if err := os.MkdirAll(filepath.Join(dir, rel), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"dirlink": outside, "tin-tuc/filelink": filepath.Join(outside, "keep.txt")} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return outside
}

func TestRemoveAll(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			dir := filepath.Join(t.TempDir(), "old")
			outside := makeTree(t, dir)
			if err := removeAll(dir); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s is still there: %v", dir, err)
			}
			if got := snapshot(t, outside); len(got) != 1 || got["keep.txt"] != "keep" {
				t.Errorf("what the links pointed to changed: %v", got)
			}
		})
	}
}

func TestRemoveAllOfMissingFileOrLink(t *testing.T) {
	dir := t.TempDir()
	if err := removeAll(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("removeAll of a missing path = %v, want nil", err)
	}
	if err := removeAll(filepath.Join(dir, "missing", "deeper")); err != nil {
		t.Errorf("removeAll of a path in a missing folder = %v, want nil", err)
	}
	target := filepath.Join(dir, "target")
	if err := os.MkdirAll(filepath.Join(target, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, link} {
		if err := removeAll(p); err != nil {
			t.Fatal(err)
		}
	}
	if got := listTree(t, dir); len(got) != 2 || got[0] != "target" || got[1] != "target/sub" {
		t.Errorf("left %q, want only the link's target", got)
	}
}

// fsImmutable is FS_IMMUTABLE_FL of linux/fs.h, which golang.org/x/sys/unix
// does not define.
const fsImmutable = 0x10

// makeUnremovable makes the file at path impossible to remove until undo is
// called or the test ends, or skips the test where it cannot: as root, by
// marking it immutable; otherwise by taking away the write permission of its
// folder.
func makeUnremovable(t *testing.T, path string) (undo func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		dir, err := os.Open(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		if err := dir.Chmod(0o555); err != nil {
			t.Fatal(err)
		}
		// The folder is changed back through its descriptor, wherever
		// Commit moved it.
		undo = sync.OnceFunc(func() {
			dir.Chmod(0o755)
			dir.Close()
		})
		t.Cleanup(undo)
		return undo
	}
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	flags, err := unix.IoctlGetInt(fd, unix.FS_IOC_GETFLAGS)
	if err == nil {
		err = unix.IoctlSetPointerInt(fd, unix.FS_IOC_SETFLAGS, flags|fsImmutable)
	}
	if err != nil {
		unix.Close(fd)
		t.Skipf("cannot mark a file immutable here: %v", err)
	}
	// The descriptor follows the file wherever Commit moves it.
	undo = sync.OnceFunc(func() {
		unix.IoctlSetPointerInt(fd, unix.FS_IOC_SETFLAGS, flags)
		unix.Close(fd)
	})
	t.Cleanup(undo)
	return undo
}

func TestCommitReportsFailedRemoval(t *testing.T) {
	dest, source := sites(t)
	old := map[string]string{"index.html": "old", "a/keep.html": "kept", "b/c/gone.html": "gone"}
	for i := range 100 {
		old[fmt.Sprintf("p/%d/index.html", i)] = "page"
	}
	// Two renames, as on Windows: the previous output is removed whole.
	buildIn(t, dest, source, false, old)
	undo := makeUnremovable(t, filepath.Join(dest, "a", "keep.html"))

	d, err := begin(dest, source, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	err = d.Commit()
	if err == nil || !strings.Contains(err.Error(), "removing the previous output failed") || !strings.Contains(err.Error(), filepath.Join("a", "keep.html")) {
		t.Fatalf("Commit = %v, want an error naming a/keep.html", err)
	}
	checkOutput(t, dest, map[string]string{"index.html": "new"})
	// Removal went on past the failure: only the file it could not remove
	// and its folder are left.
	var left []string
	for _, name := range besideDest(t, dest) {
		if isTempName(name, "public") {
			left = append(left, name)
		}
	}
	if len(left) != 1 {
		t.Fatalf("left beside the destination: %q, want one old output", left)
	}
	if got := snapshot(t, filepath.Join(filepath.Dir(dest), left[0])); len(got) != 2 || got["a/keep.html"] != "kept" {
		// the file and its folder
		t.Errorf("the old output holds %v, want only a/keep.html", got)
	}
	// Once it can be, the next build removes it.
	undo()
	if d, err = begin(dest, source, false); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	checkNoLeftovers(t, dest)
}

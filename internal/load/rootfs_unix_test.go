//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestRootFSReadsThroughFolders checks the few system calls of readFile:
// a regular file in a folder is read with them, to the byte and up to the
// limit; a fifo or a folder is refused at once; a link, a file at the top
// or a missing file is left to Open, which gives what it gave before.
func TestRootFSReadsThroughFolders(t *testing.T) {
	dir := t.TempDir()
	big := "---\ntitle: A\n---\n" + strings.Repeat("Khối thi đua số 1. ", 2000)
	fsys, _ := newRootFS(t, dir, map[string]string{"site.yaml": "title: T\n", "content/news/a.md": big, "content/news/empty.md": "",
		"content/news/2023/x.md": "---\ntitle: X\n---\n", "content/news/2024/y.md": "---\ntitle: Y\n---\n"})
	news := filepath.Join(dir, "content", "news")
	if err := os.Symlink("a.md", filepath.Join(news, "link.md")); err != nil {
		t.Fatal(err)
	}
	// A link to a file of another folder of the site, which loading lists
	// as it stays inside the site folder.
	if err := os.Symlink("../2023/x.md", filepath.Join(news, "2024", "x.md")); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mkfifo(filepath.Join(news, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name       string
		limit      int64
		ok         bool
		want       string
		large      int64 // the size a *tooLargeError gives; 0: none
		notRegular bool  // refused as not a regular file
	}{
		{name: "content/news/a.md", limit: 1 << 20, ok: true, want: big},
		{name: "content/news/a.md", limit: int64(len(big)), ok: true, want: big},
		{name: "content/news/a.md", limit: int64(len(big)) - 1, ok: true, large: int64(len(big))},
		{name: "content/news/empty.md", limit: 1 << 20, ok: true},
		{name: "content/news/fifo.md", limit: 1 << 20, ok: true, notRegular: true},
		{name: "content/news/2023", limit: 1 << 20, ok: true, notRegular: true},
		{name: "content/news/link.md", limit: 1 << 20},
		{name: "content/news/missing.md", limit: 1 << 20},
		{name: "site.yaml", limit: 1 << 20},
	} {
		got, ok, err := fsys.readFile(c.name, c.limit)
		var tooLarge *tooLargeError
		switch {
		case ok != c.ok:
			t.Errorf("readFile(%s, %d): ok %v, want %v", c.name, c.limit, ok, c.ok)
		case c.notRegular:
			if !errors.Is(err, errNotRegular) {
				t.Errorf("readFile(%s) = %v, want it refused as not a regular file", c.name, err)
			}
		case c.large > 0:
			if !errors.As(err, &tooLarge) || tooLarge.size != c.large || tooLarge.limit != c.limit {
				t.Errorf("readFile(%s, %d) = %v, want %d bytes over the limit", c.name, c.limit, err, c.large)
			}
		case err != nil || string(got) != c.want:
			t.Errorf("readFile(%s, %d) = %d bytes, %v; want %d bytes", c.name, c.limit, len(got), err, len(c.want))
		}
	}
	// What it leaves to Open is read as before: a link as its target, also
	// in another folder, the file at the top; a missing file is the error
	// it was.
	for name, want := range map[string]string{"content/news/link.md": big, "site.yaml": "title: T\n", "content/news/2024/x.md": "---\ntitle: X\n---\n"} {
		if got, err := readFile(fsys, name, 1<<20); err != nil || string(got) != want {
			t.Errorf("readFile(fsys, %s) = %d bytes, %v", name, len(got), err)
		}
	}
	if _, err := readFile(fsys, "content/news/missing.md", 1<<20); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("readFile of a missing file: %v, want it not to exist", err)
	}
}

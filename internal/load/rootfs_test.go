package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// newRootFS writes files, by slash path, into dir, and returns the RootFS
// of dir and its root, both closed at the end of the test.
func newRootFS(t *testing.T, dir string, files map[string]string) (*RootFS, *os.Root) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	fsys := NewRootFS(root)
	t.Cleanup(func() { fsys.Close() })
	return fsys, root
}

func TestRootFS(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	fsys, root := newRootFS(t, dir, map[string]string{
		"site.yaml":                   "title: T\n",
		"data/units.yaml":             "[]\n",
		"data/blocs/khoi-1/2024.yaml": "members: []\n",
		"content/news/2024/a.md":      "---\ntitle: A\n---\n",
		"content/news/2024/b.md":      "---\ntitle: B\n---\n",
		"content/news/2023/x.md":      "---\ntitle: X\n---\n",
	})

	// It is a file system as testing/fstest knows them, with every file.
	if err := fstest.TestFS(fsys, "site.yaml", "data/units.yaml", "data/blocs/khoi-1/2024.yaml", "content/news/2024/a.md", "content/news/2024/b.md"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("secret"), 0o644)
	os.Symlink(outside, filepath.Join(dir, "content", "news", "out"))
	os.Symlink("2024", filepath.Join(dir, "content", "news", "inside"))
	os.Symlink("a.md", filepath.Join(dir, "content", "news", "2024", "c.md"))
	os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content", "news", "2024", "d.md"))
	os.Symlink("../2023/x.md", filepath.Join(dir, "content", "news", "2024", "e.md"))
	// A file is read through its folder, and a link inside the site folder
	// is followed as os.Root follows it, also to another folder.
	for _, name := range []string{"content/news/2024/b.md", "content/news/inside/a.md", "content/news/2024/c.md", "content/news/2024/e.md"} {
		if b, err := fs.ReadFile(fsys, name); err != nil || !strings.HasPrefix(string(b), "---") {
			t.Errorf("ReadFile(%s) = %q, %v", name, b, err)
		}
	}
	// Many goroutines read through a new one at once, as loading reads;
	// it opens the folders of the files read, and no other.
	fresh := NewRootFS(root)
	defer fresh.Close()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, name := range []string{"content/news/2024/a.md", "content/news/2024/b.md", "data/blocs/khoi-1/2024.yaml"} {
				if _, err := readFile(fresh, name, 1<<20); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	var folders []string
	for dir := range fresh.folders.Range {
		folders = append(folders, dir.(string))
	}
	slices.Sort(folders)
	if want := []string{"content/news/2024", "data/blocs/khoi-1"}; !slices.Equal(folders, want) {
		t.Errorf("folders opened: %v, want %v", folders, want)
	}
	// Nothing outside the site folder can be opened, and an error names
	// the whole path.
	for _, name := range []string{"content/news/out/secret.md", "content/news/2024/d.md", "content/news/2024/../../../x"} {
		f, err := fsys.Open(name)
		if err == nil {
			f.Close()
			t.Errorf("Open(%s) opened a file outside the site folder", name)
		}
	}
	_, err := fsys.Open("content/news/2024/missing.md")
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "content/news/2024/missing.md" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing file: %v", err)
	}
	// Close closes the folders' roots, not the site's.
	if err := fsys.Close(); err != nil {
		t.Fatal(err)
	}
	for dir := range fsys.folders.Range {
		t.Errorf("the root of %s is left open", dir)
	}
	if _, err := root.Stat("site.yaml"); err != nil {
		t.Errorf("the site's root is closed: %v", err)
	}
}

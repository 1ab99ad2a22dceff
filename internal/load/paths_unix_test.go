//go:build unix

package load

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestSymlinksOutsideAreNotFollowed loads a folder through os.Root, as a
// build does, and through os.DirFS, which would follow any link.
func TestSymlinksOutsideAreNotFollowed(t *testing.T) {
	site, outside := siteDir(t)
	in := func(p string) string { return filepath.Join(site, filepath.FromSlash(p)) }
	symlink(t, filepath.Join(outside, "secret.yaml"), in("data/blocs/khoi-8/2020.yaml"))
	symlink(t, "../../../../outside/secret.yaml", in("data/blocs/khoi-8/2021.yaml"))
	symlink(t, "../../../outside/dir", in("content/news/ngoai"))
	symlink(t, outside, in("static/ngoai"))
	symlink(t, "khong-co.md", in("content/news/mat.md"))
	symlink(t, "khoi-8", in("data/blocs/khoi-9"))
	symlink(t, "khoi-8.jpg", in("static/images/anh.jpg"))
	symlink(t, "ky-ket.md", in("content/news/ky-ket-lai.md"))
	if err := syscall.Mkfifo(in("content/news/ong.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		// A link inside the folder to a file is read as the file: the copy
		// of ky-ket.md claims its slug a second time.
		"content/news/ky-ket.md:4:7: error: duplicate article slug \"ky-ket-2024\", also at content/news/ky-ket-lai.md:4:7; give each article its own slug",
		"content/news/mat.md: warning: this symbolic link points at nothing; it is not followed, and what it points at is left out",
		"content/news/ngoai: warning: this symbolic link points outside the site folder (to ../../../outside/dir); it is not followed, and what it points at is left out",
		"content/news/ong.md: warning: this is not a file but a named pipe; it is left out",
		"data/blocs/khoi-8/2020.yaml: warning: this symbolic link points outside the site folder (to " + filepath.Join(outside, "secret.yaml") + "); it is not followed, and what it points at is left out",
		"data/blocs/khoi-8/2021.yaml: warning: this symbolic link points outside the site folder (to ../../../../outside/secret.yaml); it is not followed, and what it points at is left out",
		"data/blocs/khoi-9: warning: this symbolic link points at a folder, and loading follows no link to a folder; move the folder here instead",
		"static/images/anh.jpg: warning: this symbolic link is not copied into the site; put the file itself under static/",
		"static/ngoai: warning: this symbolic link points outside the site folder (to " + outside + "); it is not followed, and what it points at is left out",
	}
	systems := rootFileSystems(t, site)
	systems["os.DirFS"] = os.DirFS(site)
	for name, fsys := range systems {
		s, d := Site(fsys, Options{})
		if got := lines(d); !slices.Equal(got, want) {
			t.Errorf("%s:\ngot  %q\nwant %q", name, got, want)
		}
		if slices.Contains(s.Static, "ngoai") || slices.Contains(s.Static, "images/anh.jpg") {
			t.Errorf("%s: static files %q hold a link", name, s.Static)
		}
		if s.Unit("bi-mat") != nil {
			t.Errorf("%s: a unit from outside the folder was loaded", name)
		}
	}
}

//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// madeTree writes the files of names under a new folder, and returns it
// and a manifest of them.
func madeTree(t *testing.T, names ...string) (string, manifest) {
	t.Helper()
	dir := t.TempDir()
	known := manifest{}
	for _, rel := range names {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(rel), 0o644); err != nil {
			t.Fatal(err)
		}
		known[rel] = digest([]byte(rel))
	}
	return dir, known
}

// stampAfter writes a file beside dir until the file system's clock has
// moved past the status time of every folder under dir, and returns the
// file's modification time: the since of a manifest written after them.
func stampAfter(t *testing.T, dir string) time.Time {
	t.Helper()
	var newest time.Time
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			var st unix.Stat_t
			if err := unix.Lstat(p, &st); err != nil {
				t.Fatal(err)
			}
			if c := time.Unix(st.Ctim.Unix()); c.After(newest) {
				newest = c
			}
		}
		return err
	})
	stamp := dir + ".stamp"
	for range 5000 {
		if err := os.WriteFile(stamp, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := os.Lstat(stamp)
		if err != nil {
			t.Fatal(err)
		}
		if info.ModTime().After(newest) {
			return info.ModTime()
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the file system's clock did not move in 5,000 tries")
	return time.Time{}
}

func othersOf(t *testing.T, dir string, known manifest, since time.Time) []string {
	t.Helper()
	tr, err := openTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.close()
	got, err := tr.others(known, since)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func write(t *testing.T, dir, rel string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOthersReadOnlyChangedFolders: the files put into the live output by
// hand after its manifest are found, however they got there, while a folder
// unchanged since the manifest is not read.
func TestOthersReadOnlyChangedFolders(t *testing.T) {
	names := []string{"index.html", "khoi/index.html", "khoi/khoi-1/index.html", "khoi/khoi-1/2024/index.html", "tin-tuc/tin-1/index.html"}

	t.Run("an unchanged folder is not read", func(t *testing.T) {
		dir, known := madeTree(t, names...)
		write(t, dir, "khoi/khoi-1/extra.html")
		// With since in the future every folder is taken as unchanged: a
		// walk that read them would find extra.html.
		if got := othersOf(t, dir, known, time.Now().Add(time.Hour)); len(got) > 0 {
			t.Errorf("others = %q: folders older than since were read", got)
		}
		if got, want := othersOf(t, dir, known, time.Time{}), []string{"khoi/khoi-1/extra.html"}; !slices.Equal(got, want) {
			t.Errorf("others with no since = %q, want %q", got, want)
		}
	})

	t.Run("changes after the manifest are found", func(t *testing.T) {
		dir, known := madeTree(t, names...)
		since := stampAfter(t, dir)
		if got := othersOf(t, dir, known, since); len(got) > 0 {
			t.Fatalf("others = %q before any change", got)
		}
		write(t, dir, "CNAME")                             // in the top folder
		write(t, dir, "khoi/khoi-1/2024/by-hand.html")     // deep in a generated folder
		write(t, dir, ".well-known/security.txt")          // in a new folder
		write(t, dir, "tin-tuc/tin-1/anh/hinh.jpg")        // in a new folder of a generated one
		write(t, dir, "khoi/khoi-1/old.html")              // in a folder whose times are then set back,
		old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC) // as rsync -a or touch -d would
		if err := os.Chtimes(filepath.Join(dir, "khoi", "khoi-1"), old, old); err != nil {
			t.Fatal(err)
		}
		want := []string{".well-known/security.txt", "CNAME", "khoi/khoi-1/2024/by-hand.html", "khoi/khoi-1/old.html", "tin-tuc/tin-1/anh/hinh.jpg"}
		if got := othersOf(t, dir, known, since); !slices.Equal(got, want) {
			t.Errorf("others = %q, want %q", got, want)
		}
	})

	t.Run("a folder replaced or removed", func(t *testing.T) {
		dir, known := madeTree(t, names...)
		since := stampAfter(t, dir)
		if err := os.RemoveAll(filepath.Join(dir, "khoi", "khoi-1")); err != nil {
			t.Fatal(err)
		}
		write(t, dir, "khoi/khoi-1") // a file where a generated folder was
		if err := os.RemoveAll(filepath.Join(dir, "tin-tuc")); err != nil {
			t.Fatal(err)
		}
		if got, want := othersOf(t, dir, known, since), []string{"khoi/khoi-1"}; !slices.Equal(got, want) {
			t.Errorf("others = %q, want %q", got, want)
		}
	})

	t.Run("as the full walk when nothing is known to be unchanged", func(t *testing.T) {
		dir, known := madeTree(t, names...)
		for _, rel := range []string{"a/b/c.txt", "khoi/x.html", "khoi/khoi-1/2024/y/z.html", "z"} {
			write(t, dir, rel)
		}
		tr, err := openTree(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer tr.close()
		all, err := tr.files()
		if err != nil {
			t.Fatal(err)
		}
		want := slices.DeleteFunc(all, func(rel string) bool { _, ok := known[rel]; return ok })
		if got := othersOf(t, dir, known, time.Time{}); !slices.Equal(got, want) {
			t.Errorf("others = %q, files less the known ones = %q", got, want)
		}
		// pathTree, as Windows has it, reads every folder whatever since is.
		pt, err := openPathTree(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, since := range []time.Time{{}, time.Now().Add(time.Hour)} {
			if got, err := pt.others(known, since); err != nil || !slices.Equal(got, want) {
				t.Errorf("pathTree.others(since %v) = %q, %v; want %q", since, got, err, want)
			}
		}
	})
}

func TestFoldersOf(t *testing.T) {
	got := foldersOf(manifest{"a.html": {}, "x/y/z.html": {}, "x/w.html": {}, "x/v/u/t.html": {}})
	for _, v := range got {
		slices.Sort(v)
	}
	want := map[string][]string{"": {"x"}, "x": {"v", "y"}, "x/y": nil, "x/v": {"u"}, "x/v/u": nil}
	if len(got) != len(want) {
		t.Fatalf("foldersOf = %q, want %q", got, want)
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !slices.Equal(g, v) {
			t.Errorf("foldersOf[%q] = %q, want %q", k, g, v)
		}
	}
}

// TestForeignFilesSinceTheManifest: a build looks for files put into the
// live output by hand from the time of its manifest. Set ahead, it takes
// the planted file's folder as unchanged and does not read it; set back,
// it reads every folder.
func TestForeignFilesSinceTheManifest(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(fmt.Sprintf("links=%v", links), func(t *testing.T) {
			dest, source := sites(t)
			site := map[string]string{"index.html": "home", "khoi/index.html": "bloc"}
			buildIn(t, dest, source, links, site)
			write(t, dest, "khoi/by-hand.html")
			mpath := filepath.Join(storePath(dest), swapManifest)
			if name, ok := liveGeneration(dest); ok {
				mpath = manifestPath(storePath(dest), name)
			}
			for _, c := range []struct {
				shift time.Duration
				want  []string
			}{
				{time.Hour, nil},
				{-time.Hour, []string{"khoi/by-hand.html"}},
			} {
				at := time.Now().Add(c.shift)
				if err := os.Chtimes(mpath, at, at); err != nil {
					t.Fatal(err)
				}
				d, err := begin(dest, source, links)
				if err != nil {
					t.Fatal(err)
				}
				if got := d.Foreign(); !slices.Equal(got, c.want) {
					t.Errorf("manifest written %v from now: Foreign = %q, want %q", c.shift, got, c.want)
				}
				if err := d.Abort(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestForeignFilesInACopy: when the live output is not the folder its
// manifest was written for (a copy, as cp -r or a restore from a backup
// make), or the manifest has no folder's line (format 3), every folder is
// read, however new the manifest.
func TestForeignFilesInACopy(t *testing.T) {
	for _, links := range []bool{true, false} {
		for _, how := range []string{"copied", "format 3", "top folder changed"} {
			t.Run(fmt.Sprintf("links=%v/%s", links, how), func(t *testing.T) {
				dest, source := sites(t)
				site := map[string]string{"index.html": "home", "khoi/index.html": "bloc"}
				buildIn(t, dest, source, links, site)
				write(t, dest, "khoi/by-hand.html")
				live := dest
				mpath := filepath.Join(storePath(dest), swapManifest)
				if name, ok := liveGeneration(dest); ok {
					live = filepath.Join(storePath(dest), name)
					mpath = manifestPath(storePath(dest), name)
				}
				want := []string{"khoi/by-hand.html"}
				switch how {
				case "copied":
					copied := live + ".copy"
					if err := os.CopyFS(copied, os.DirFS(live)); err != nil {
						t.Fatal(err)
					}
					if err := os.RemoveAll(live); err != nil {
						t.Fatal(err)
					}
					if err := os.Rename(copied, live); err != nil {
						t.Fatal(err)
					}
				case "format 3":
					data, err := os.ReadFile(mpath)
					if err != nil {
						t.Fatal(err)
					}
					m, _, err := decodeManifest(data)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(mpath, append([]byte(manifestHeader3), m.lines()...), 0o644); err != nil {
						t.Fatal(err)
					}
				case "top folder changed":
					write(t, dest, "CNAME")
					want = []string{"CNAME", "khoi/by-hand.html"}
				}
				at := time.Now().Add(time.Hour) // every folder older than the manifest
				if err := os.Chtimes(mpath, at, at); err != nil {
					t.Fatal(err)
				}
				d, err := begin(dest, source, links)
				if err != nil {
					t.Fatal(err)
				}
				defer d.Abort()
				if got := d.Foreign(); !slices.Equal(got, want) {
					t.Errorf("Foreign = %q, want %q", got, want)
				}
			})
		}
	}
}

// TestManifestFolderStamp: a manifest keeps its folder's stamp, and one of
// format 3, without it, is read still but gives none.
func TestManifestFolderStamp(t *testing.T) {
	m := manifest{"index.html": digest([]byte("home"))}
	stamp := folderStamp{dev: 2049, ino: 1 << 40, changed: 1764806400123456789}
	data := encodeManifest(m.lines(), stamp)
	if got, folder, err := decodeManifest(data); err != nil || !maps.Equal(got, m) || folder != stamp {
		t.Errorf("decodeManifest(encode) = %v, %v, %v; want %v, %v", got, folder, err, m, stamp)
	}
	path := filepath.Join(t.TempDir(), "a.manifest")
	if err := writeManifestFile(path, m.lines(), stamp); err != nil {
		t.Fatal(err)
	}
	if r := readManifestFile(path); !maps.Equal(r.files, m) || r.folder != stamp || time.Since(r.written) > time.Hour {
		t.Errorf("readManifestFile = %+v; want %v, %v, written now", r, m, stamp)
	}
	old := append([]byte(manifestHeader3), m.lines()...)
	if got, folder, err := decodeManifest(old); err != nil || !maps.Equal(got, m) || folder != (folderStamp{}) {
		t.Errorf("decodeManifest(format 3) = %v, %v, %v; want %v and no folder's stamp", got, folder, err, m)
	}
	noLine := append([]byte(manifestHeader), m.lines()...)
	if _, _, err := decodeManifest(noLine); err == nil {
		t.Error("a manifest of format 4 without its folder's line was read")
	}
}

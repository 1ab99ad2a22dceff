// Package output writes a build's files into a temporary folder beside the
// destination and puts that folder in the destination's place whole: a failed
// or killed build leaves the previous output as it was, and a good one
// replaces it with no stale files from earlier builds.
//
// Beside a destination "public" the package keeps only names it can
// recognise: ".public.thidua-<8 hex digits>" for a folder being written (or an
// old output being removed), ".public.thidua-prev" for the previous output
// while two renames swap it out on systems without an atomic exchange, and
// ".public.thidua-lock", a lock that keeps two builds from writing to the same
// destination at once.
package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Dir is a build's output being written: files go into a temporary folder
// beside the destination, which replaces the destination on Commit.
type Dir struct {
	dest string    // absolute, with the symbolic links of its parent resolved
	tmp  string    // the temporary folder being written
	tree *tree     // tmp, open: folders and files are made relative to it
	lock io.Closer // held from Begin until Commit or Abort
	dirs sync.Map  // folders under tmp known to exist, by relative path

	mu    sync.Mutex
	open  int // files created and not yet closed
	state state
}

type state int

const (
	writing state = iota
	committed
	aborted
)

// Begin prepares a build into dest. It removes the temporary folders that
// earlier, killed builds left beside dest, and creates a new one, making the
// parent folders of dest if needed.
//
// It refuses a dest that is the root folder, the user's home or a folder that
// contains it, the source folder or a folder that contains it, a symbolic
// link, or an existing non-empty folder that does not look like the output of
// a build (it has neither index.html nor 404.html at its root), so that no
// mistaken destination can have someone's files replaced.
func Begin(dest, source string) (*Dir, error) {
	dest, err := resolveDest(dest, source)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	lock, err := lockDest(filepath.Join(parent, "."+base+".thidua-lock"), dest)
	if err != nil {
		return nil, err
	}
	d, err := begin(dest, lock)
	if err != nil {
		lock.Close()
		return nil, err
	}
	return d, nil
}

// begin does the work of Begin once the lock on dest is held.
func begin(dest string, lock io.Closer) (*Dir, error) {
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := restorePrevious(dest); err != nil {
		return nil, err
	}
	if err := removeLeftovers(parent, base); err != nil {
		return nil, err
	}
	tmp, err := makeTemp(parent, base)
	if err != nil {
		return nil, err
	}
	t, err := openTree(tmp)
	if err != nil {
		removeAll(tmp)
		return nil, fmt.Errorf("output: %w", err)
	}
	return &Dir{dest: dest, tmp: tmp, tree: t, lock: lock}, nil
}

// resolveDest makes dest absolute, creates its parent folders, resolves the
// symbolic links of its parent and checks that a build may replace it.
func resolveDest(dest, source string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", fmt.Errorf("output: destination %s: %w", dest, err)
	}
	// Refuse before creating anything, then again once links are resolved.
	if err := refuse(abs, source); err != nil {
		return "", err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("output: destination %s: %w", dest, err)
	}
	parent, err = filepath.EvalSymlinks(parent)
	if err != nil {
		return "", fmt.Errorf("output: destination %s: %w", dest, err)
	}
	abs = filepath.Join(parent, filepath.Base(abs))
	if err := refuse(abs, source); err != nil {
		return "", err
	}
	if err := checkExisting(abs); err != nil {
		return "", err
	}
	return abs, nil
}

// refuse returns an error if dest is a folder that no build may replace:
// the root, the user's home or an ancestor of it, the source folder or an
// ancestor of it.
func refuse(dest, source string) error {
	if filepath.Dir(dest) == dest {
		return fmt.Errorf("output: refusing to replace %s: it is the root folder", dest)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		for _, h := range variants(home) {
			if within(dest, h) {
				return fmt.Errorf("output: refusing to replace %s: it is or contains your home folder %s", dest, home)
			}
		}
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return fmt.Errorf("output: source %s: %w", source, err)
	}
	for _, s := range variants(src) {
		if within(dest, s) {
			return fmt.Errorf("output: refusing to replace %s: it is or contains the source folder %s", dest, src)
		}
	}
	return nil
}

// variants returns the absolute path p and, if it differs and exists, p with
// its symbolic links resolved.
func variants(p string) []string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return []string{p}
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil || real == abs {
		return []string{abs}
	}
	return []string{abs, real}
}

// within reports whether p is dir or lies inside it. Both are absolute.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// checkExisting returns an error if dest exists and is not something a build
// may replace: a folder that is empty or holds an earlier output.
func checkExisting(dest string) error {
	info, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output: destination: %w", err)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("output: refusing to replace %s: it is a symbolic link; give the folder it points to", dest)
	case !info.IsDir():
		return fmt.Errorf("output: refusing to replace %s: it exists and is not a folder", dest)
	}
	for _, name := range []string{"index.html", "404.html"} {
		if _, err := os.Lstat(filepath.Join(dest, name)); err == nil {
			return nil
		}
	}
	f, err := os.Open(dest)
	if err != nil {
		return fmt.Errorf("output: destination: %w", err)
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if len(names) == 0 && errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: destination: %w", err)
	}
	return fmt.Errorf("output: refusing to replace %s: it is not empty and does not look like the output of a build (it has no index.html and no 404.html)", dest)
}

// tempPrefix is how the names of the temporary folders beside dest begin.
func tempPrefix(base string) string { return "." + base + ".thidua-" }

// isTempName reports whether name is that of a temporary folder beside a
// destination named base: the prefix and eight lowercase hex digits.
func isTempName(name, base string) bool {
	suffix, ok := strings.CutPrefix(name, tempPrefix(base))
	if !ok || len(suffix) != 8 {
		return false
	}
	for _, c := range []byte(suffix) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// prevPath is where two renames put the previous output of dest.
func prevPath(dest string) string {
	return filepath.Join(filepath.Dir(dest), tempPrefix(filepath.Base(dest))+"prev")
}

// newTempPath returns a path beside dest, named as a temporary folder, at
// which nothing exists yet.
func newTempPath(parent, base string) (string, error) {
	for range 100 {
		var b [4]byte
		rand.Read(b[:])
		p := filepath.Join(parent, tempPrefix(base)+hex.EncodeToString(b[:]))
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("output: no free temporary name beside %s", filepath.Join(parent, base))
}

// makeTemp creates a new, empty temporary folder beside dest.
func makeTemp(parent, base string) (string, error) {
	for range 100 {
		p, err := newTempPath(parent, base)
		if err != nil {
			return "", err
		}
		err = os.Mkdir(p, 0o755)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("output: %w", err)
		}
	}
	return "", fmt.Errorf("output: no free temporary name beside %s", filepath.Join(parent, base))
}

// restorePrevious puts back the previous output of dest if a build was killed
// between the two renames that swap it out, leaving dest missing.
func restorePrevious(dest string) error {
	prev := prevPath(dest)
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	info, err := os.Lstat(prev)
	if err != nil || !info.IsDir() {
		return nil
	}
	if err := os.Rename(prev, dest); err != nil {
		return fmt.Errorf("output: restoring the previous output: %w", err)
	}
	return nil
}

// removeLeftovers removes the temporary folders, and a previous output, that
// earlier builds into parent/base left behind when they were killed.
func removeLeftovers(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	prev := tempPrefix(base) + "prev"
	for _, e := range entries {
		if !e.IsDir() || !isTempName(e.Name(), base) && e.Name() != prev {
			continue
		}
		if err := removeAll(filepath.Join(parent, e.Name())); err != nil {
			return fmt.Errorf("output: removing what an earlier build left: %w", err)
		}
	}
	return nil
}

// Create opens a new file at the slash-separated site-relative path rel,
// creating its parent folders. It rejects, writing nothing, a rel that
// CheckRel rejects and a rel that was already created: two pages cannot have
// the same path. Create is safe for concurrent use; each file it returns is
// for one goroutine.
func (d *Dir) Create(rel string) (io.WriteCloser, error) {
	if err := CheckRel(rel); err != nil {
		return nil, err
	}
	d.mu.Lock()
	if d.state != writing {
		d.mu.Unlock()
		return nil, fmt.Errorf("output: creating %s: the output is already %s", rel, d.stateWord())
	}
	d.open++
	d.mu.Unlock()

	f, err := d.create(rel)
	if err != nil {
		d.closed()
		return nil, err
	}
	return &file{f: f, d: d}, nil
}

// create opens a new file at rel, which CheckRel has accepted. The folder
// tmp is this build's own and holds only the folders and regular files that
// Create and CopyFS make (CopyFS refuses links), so a path made of checked
// elements, taken relative to tmp, cannot leave it; that lets create use
// plain relative paths, each folder made once, instead of resolving every
// element anew through an os.Root.
func (d *Dir) create(rel string) (io.WriteCloser, error) {
	name := filepath.FromSlash(rel)
	if err := d.mkdirs(filepath.Dir(name)); err != nil {
		return nil, fmt.Errorf("output: creating %s: %w", rel, err)
	}
	f, err := d.tree.create(name)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("output: creating %s: already written", rel)
	}
	if err != nil {
		return nil, fmt.Errorf("output: creating %s: %w", rel, err)
	}
	return f, nil
}

// mkdirs makes the folder dir under tmp and its parents, each only once.
func (d *Dir) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := d.dirs.Load(dir); ok {
		return nil
	}
	if err := d.mkdirs(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := d.tree.mkdir(dir); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.Store(dir, true)
	return nil
}

// closed records that a file of Create is closed.
func (d *Dir) closed() {
	d.mu.Lock()
	d.open--
	d.mu.Unlock()
}

func (d *Dir) stateWord() string {
	if d.state == committed {
		return "committed"
	}
	return "aborted"
}

// file is a file of Create.
type file struct {
	f    io.WriteCloser
	d    *Dir
	done bool
}

func (w *file) Write(p []byte) (int, error) { return w.f.Write(p) }

func (w *file) Close() error {
	err := w.f.Close()
	if !w.done {
		w.done = true
		w.d.closed()
	}
	return err
}

// WriteFile writes data to a new file at rel, as Create.
func (d *Dir) WriteFile(rel string, data []byte) error {
	w, err := d.Create(rel)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// CopyFS copies every regular file of the layers into the folder, each at
// its path in its layer: a static folder is copied to the root of the site.
// A file in a later layer replaces the file at the same path in an earlier
// one, so that a site's static files can override a theme's. Anything in a
// layer that is neither a folder nor a regular file, such as a symbolic link,
// is an error, so that nothing from outside a layer is copied into the site.
// A path is created only once, so a page and a static file cannot share it.
func (d *Dir) CopyFS(layers ...fs.FS) error {
	from := make(map[string]fs.FS)
	for _, layer := range layers {
		err := fs.WalkDir(layer, ".", func(name string, e fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case e.IsDir():
				return nil
			case !e.Type().IsRegular():
				return fmt.Errorf("output: copying %s: not a regular file", name)
			}
			if err := CheckRel(name); err != nil {
				return err
			}
			from[name] = layer
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(from)) {
		if err := d.copyFile(name, from[name]); err != nil {
			return err
		}
	}
	return nil
}

// copyFile copies the file name of fsys to the same path in the folder.
func (d *Dir) copyFile(name string, fsys fs.FS) error {
	src, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("output: copying: %w", err)
	}
	defer src.Close()
	dst, err := d.Create(name)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output: copying %s: %w", name, err)
	}
	return nil
}

// Commit makes the folder the destination. Where the system can (Linux), an
// existing destination is exchanged with the folder in one atomic step;
// elsewhere it is renamed away and the folder renamed into its place, and a
// build killed between the two has the previous output put back by the next
// Begin. The previous output is then removed. Commit refuses while a file of
// Create is still open.
func (d *Dir) Commit() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.state != writing {
		return fmt.Errorf("output: commit: the output is already %s", d.stateWord())
	}
	if d.open > 0 {
		return fmt.Errorf("output: commit: %d files are still open", d.open)
	}
	d.state = committed
	defer d.lock.Close()
	if err := d.tree.close(); err != nil {
		removeAll(d.tmp)
		return fmt.Errorf("output: commit: %w", err)
	}
	old, err := swap(d.tmp, d.dest)
	if err != nil {
		removeAll(d.tmp)
		return fmt.Errorf("output: commit: %w", err)
	}
	if err := syncDir(filepath.Dir(d.dest)); err != nil {
		return fmt.Errorf("output: %s is in place, but syncing its folder failed: %w", d.dest, err)
	}
	if old != "" {
		if err := removeAll(old); err != nil {
			return fmt.Errorf("output: %s is in place, but removing the previous output failed: %w", d.dest, err)
		}
	}
	return nil
}

// swap puts the folder tmp in the place of dest and returns where the
// previous output of dest now is, or "" if there was none.
func swap(tmp, dest string) (old string, err error) {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, dest)
	}
	return exchange(tmp, dest)
}

// renameTwice swaps tmp into the place of dest in two renames, moving the
// previous output to prevPath(dest). On failure dest is put back as it was.
func renameTwice(tmp, dest string) (old string, err error) {
	prev := prevPath(dest)
	if err := os.Rename(dest, prev); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		if rerr := os.Rename(prev, dest); rerr != nil {
			return "", fmt.Errorf("%w; putting the previous output back from %s also failed: %v", err, prev, rerr)
		}
		return "", err
	}
	return prev, nil
}

// syncDir flushes the entries of the folder dir to disk.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil // Windows cannot open a folder for syncing.
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Abort removes the temporary folder and leaves the destination untouched.
// It does nothing after Commit or an earlier Abort.
func (d *Dir) Abort() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.state != writing {
		return nil
	}
	d.state = aborted
	defer d.lock.Close()
	d.tree.close()
	if err := removeAll(d.tmp); err != nil {
		return fmt.Errorf("output: abort: %w", err)
	}
	return nil
}

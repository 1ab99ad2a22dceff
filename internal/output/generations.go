package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// swapManifest is the manifest, in the store, of an output that two renames
// put in place.
const swapManifest = "swap.manifest"

// manifest returns the manifest at path, read once for the Dest's time and
// then kept: while the Dest is open no other build writes there, so that a
// Builder reads its generations' manifests once, not at every rebuild. It
// is nil when there is none or it cannot be read whole.
func (o *Dest) manifest(path string) recorded {
	if r, ok := o.manifests[path]; ok {
		return r
	}
	r := readManifestFile(path)
	o.manifests[path] = r
	return r
}

// setManifest writes m, whose lines are lines, of the digest sum, as the
// manifest at path of the output folder dir, with its stamp, and keeps it.
// Nothing may change dir after it.
func (o *Dest) setManifest(path string, m manifest, lines []byte, sum, dir string) error {
	delete(o.manifests, path)
	folder := stampOf(dir)
	if err := writeManifestFile(path, lines, folder); err != nil {
		return err
	}
	o.manifests[path] = recorded{files: m, folder: folder, sum: sum} // when it was written is not needed again
	return nil
}

// dropManifest removes the manifest at path.
func (o *Dest) dropManifest(path string) error {
	o.manifests[path] = recorded{}
	return removeManifestFile(path)
}

// manifestPath is the manifest of the generation name in store.
func manifestPath(store, name string) string { return filepath.Join(store, name+".manifest") }

// beginLinks prepares a build into the generation that the link o.path does
// not point at, keeping what that generation holds when its manifest says
// what it is.
func beginLinks(o *Dest) (*Dir, error) {
	parent, base := filepath.Dir(o.path), filepath.Base(o.path)
	if err := restorePrevious(o.path); err != nil {
		return nil, err
	}
	if err := removeLeftovers(parent, base); err != nil {
		return nil, err
	}
	store := storePath(o.path)
	if err := os.MkdirAll(store, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	d := &Dir{dest: o, files: manifest{}, pending: map[string]bool{}, commit: commitLinks}
	outName := generationA
	if liveName, ok := liveGeneration(o.path); ok {
		// A link whose generation was removed by hand leads to no output:
		// the build starts anew, and the commit puts the link right.
		if info, err := os.Stat(filepath.Join(store, liveName)); err == nil && info.IsDir() {
			mpath := manifestPath(store, liveName)
			d.live = liveOf(filepath.Join(store, liveName), o.manifest(mpath), mpath)
		}
		if liveName == generationA {
			outName = generationB
		}
	} else if info, err := os.Lstat(o.path); err == nil && info.IsDir() {
		// An output that two renames put in place, or an empty folder.
		mpath := filepath.Join(store, swapManifest)
		d.live = liveOf(o.path, o.manifest(mpath), mpath)
	}
	if d.live != nil {
		t, err := openTree(d.live.path)
		if err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		d.live.tree = t
	}
	outPath := filepath.Join(store, outName)
	mpath := manifestPath(store, outName)
	d.old = o.manifest(mpath).files
	if info, err := os.Lstat(outPath); err != nil || !info.IsDir() {
		d.old = nil // its folder was removed by hand
	}
	if d.old == nil {
		// Unknown, or half written by a killed build: start it anew.
		d.invalidated = true
		if err := removeAll(outPath); err != nil {
			d.closeTrees()
			return nil, fmt.Errorf("output: removing what an earlier build left: %w", err)
		}
		if err := os.Mkdir(outPath, 0o755); err != nil {
			d.closeTrees()
			return nil, fmt.Errorf("output: %w", err)
		}
	}
	t, err := openTree(outPath)
	if err != nil {
		d.closeTrees()
		return nil, fmt.Errorf("output: %w", err)
	}
	d.out = &generation{path: outPath, tree: t, files: d.old}
	if d.old == nil && d.live != nil && d.live.files != nil {
		d.deferring, d.deferred = true, map[string]bool{}
	}
	d.invalidate = func() error { return o.dropManifest(mpath) }
	return d, nil
}

// commitLinks completes the generation written, records its manifest and
// points the link at it.
func commitLinks(d *Dir) error {
	if err := d.removeStale(); err != nil {
		d.abort()
		return err
	}
	if d.sameAsLive() {
		d.closeTrees()
		return nil
	}
	if err := d.linkDeferred(); err != nil {
		d.abort()
		return err
	}
	d.closeTrees()
	dest := d.dest.path
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	store := storePath(dest)
	outName := filepath.Base(d.out.path)
	mpath := manifestPath(store, outName)
	lines := d.files.lines()
	sum := linesSum(lines)
	if err := d.writeNote(mpath, sum); err != nil {
		removeAll(d.out.path)
		return err
	}
	if err := d.dest.setManifest(mpath, d.files, lines, sum, d.out.path); err != nil {
		removeAll(d.out.path)
		return err
	}
	_, wasLink := liveGeneration(dest)
	if wasLink && d.live != nil {
		// The previous generation is written next: it must hold only what
		// its manifest names. Those files leave the output now rather than
		// at the switch below.
		if err := removeFiles(d.live.path, d.foreign); err != nil {
			return err
		}
	}
	link := filepath.Join(parent, tempPrefix(base)+"link")
	os.Remove(link)
	if err := os.Symlink(linkTarget(dest, outName), link); err != nil {
		return err
	}
	var old string
	var err error
	if wasLink {
		err = os.Rename(link, dest) // one atomic step: readers see one generation or the other
	} else {
		old, err = swap(link, dest)
	}
	if err != nil {
		os.Remove(link)
		return err
	}
	if err := syncDir(parent); err != nil {
		return fmt.Errorf("%s is in place, but syncing its folder failed: %w", dest, err)
	}
	if old != "" {
		// The output of two renames, now replaced by the link.
		if err := removeAll(old); err != nil {
			return fmt.Errorf("%s is in place, but removing the previous output failed: %w", dest, err)
		}
		d.dest.dropManifest(filepath.Join(store, swapManifest))
	}
	return nil
}

// sameAsLive reports whether committing d would change nothing that a
// reader or the next build sees: the generation written was not touched
// (it held this build's files already, or is new and got nothing but
// links that wait), the live one holds the same bytes, file for file,
// with the same note (a build without a note would remove the live one),
// and no file put there by hand is to leave it. A second build after no
// change then writes neither a manifest nor a note, and leaves the link
// as it is.
func (d *Dir) sameAsLive() bool {
	live := d.live
	if live == nil || live.files == nil || len(d.foreign) > 0 ||
		d.note == nil || d.liveNote == nil || !bytes.Equal(d.note, d.liveNote) ||
		!sameFiles(d.files, live.files) {
		return false
	}
	return d.deferring || !d.invalidated && d.old != nil && sameFiles(d.files, d.old)
}

// sameFiles reports whether a and b list the same paths with the same
// bytes, and the same twins.
func sameFiles(a, b manifest) bool {
	if len(a) != len(b) {
		return false
	}
	for rel, e := range a {
		f, ok := b[rel]
		if !ok || !e.sameBytes(f) || e.twin != f.twin || e.of != f.of {
			return false
		}
	}
	return true
}

// removeFiles removes the files rels (slash-separated) under dir and the
// folders they leave empty.
func removeFiles(dir string, rels []string) error {
	var dirs []string
	for _, rel := range rels {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for p := path.Dir(rel); p != "."; p = path.Dir(p) {
			dirs = append(dirs, p)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, p := range slices.Compact(dirs) {
		os.Remove(filepath.Join(dir, filepath.FromSlash(p))) // fails if not empty, as wanted
	}
	return nil
}

// beginSwap prepares a build into a new folder beside o.path, which two
// renames will put in its place.
func beginSwap(o *Dest) (*Dir, error) {
	parent, base := filepath.Dir(o.path), filepath.Base(o.path)
	if err := restorePrevious(o.path); err != nil {
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
	d := &Dir{dest: o, files: manifest{}, pending: map[string]bool{}, commit: commitSwap, invalidated: true}
	d.out = &generation{path: tmp, tree: t}
	if info, err := os.Lstat(o.path); err == nil && info.IsDir() {
		mpath := filepath.Join(storePath(o.path), swapManifest)
		d.live = liveOf(o.path, o.manifest(mpath), mpath)
		if d.live.tree, err = openTree(o.path); err != nil {
			d.closeTrees()
			removeAll(tmp)
			return nil, fmt.Errorf("output: %w", err)
		}
	}
	return d, nil
}

// commitSwap puts the folder written in the place of the destination and
// removes the previous output.
func commitSwap(d *Dir) error {
	d.closeTrees()
	dest := d.dest.path
	store := storePath(dest)
	if err := os.MkdirAll(store, 0o755); err != nil {
		removeAll(d.out.path)
		return err
	}
	old, err := swap(d.out.path, dest)
	if err != nil {
		removeAll(d.out.path)
		return err
	}
	mpath := filepath.Join(store, swapManifest)
	lines := d.files.lines()
	sum := linesSum(lines)
	if err := d.writeNote(mpath, sum); err != nil {
		return fmt.Errorf("%s is in place, but recording what it holds failed: %w", dest, err)
	}
	if err := d.dest.setManifest(mpath, d.files, lines, sum, dest); err != nil {
		return fmt.Errorf("%s is in place, but recording what it holds failed: %w", dest, err)
	}
	if err := syncDir(filepath.Dir(dest)); err != nil {
		return fmt.Errorf("%s is in place, but syncing its folder failed: %w", dest, err)
	}
	if old != "" {
		if err := removeAll(old); err != nil {
			return fmt.Errorf("%s is in place, but removing the previous output failed: %w", dest, err)
		}
	}
	return nil
}

// swap puts the folder (or link) tmp in the place of dest and returns where
// the previous output of dest now is, or "" if there was none.
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

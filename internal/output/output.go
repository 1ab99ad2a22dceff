// Package output writes a build's files into the destination so that a
// reader of it, such as a web server, sees the whole previous output or the
// whole new one, never a mix, whatever happens to the build; a failed or
// killed build leaves the previous output as it was, and a good one leaves
// no stale files of earlier builds.
//
// On Linux, macOS and the BSDs the destination "public" is a symbolic link
// to one of two generations of the output, ".public.thidua/a" and
// ".public.thidua/b", and a build writes into the other one, then points
// the link at it in one atomic rename. A file whose bytes are those of the
// live generation is made another name of the same file (a hard link)
// rather than written, and a generation keeps what it already holds, so
// that a second build touches only what changed: an unchanged file keeps
// its inode and modification time, as rsync and uploads to a CDN like. A
// manifest of each generation (".public.thidua/a.manifest") says what it
// holds; the one being written has none until it is complete.
//
// On Windows, where a symbolic link needs rights an editor seldom has, a
// build writes a whole new folder beside the destination and puts it in the
// destination's place with two renames (".public.thidua-<8 hex digits>"
// while it is written, ".public.thidua-prev" between the renames); the next
// build puts the previous output back if one was killed between them.
//
// Every output holds the file .thidua-output, which says that thidua wrote
// it: a build replaces only a destination that is missing, empty, holds
// that file, or is the link described above, so that no mistaken
// destination can have someone's files replaced. A lock kept in the user's
// cache folder, not beside the destination, keeps two builds from writing
// to one destination at once.
package output

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Marker is the file that every output holds, so that a later build knows
// the folder is one it may replace.
const Marker = ".thidua-output"

// markerText is the content of Marker.
const markerText = "This folder is written by thidua, and every build replaces it whole.\n" +
	"Files put here by hand are lost at the next build: put them in the site's static/ folder.\n" +
	"Thư mục này do thidua ghi ra và mỗi lần dựng trang sẽ thay toàn bộ.\n" +
	"Tệp chép tay vào đây sẽ mất ở lần dựng sau: hãy đặt chúng vào thư mục static/ của trang.\n"

// Dest is a destination held by one process: it holds the lock on it from
// Open until Close, so that one Builder can write build after build into
// it and no other build can write there meanwhile.
type Dest struct {
	path    string // absolute, with the symbolic links of its parent resolved
	lock    io.Closer
	links   bool // generations behind a symbolic link; else two renames
	walked  bool // the live output was searched for files of others
	writing bool // a Dir of this Dest is not yet committed or aborted
	// manifests are those of the generations, by path, as read or written
	// while the Dest is open; nil for one that is missing or not whole.
	manifests map[string]recorded
}

// Open takes the lock on the destination dest of a build of the site folder
// source, after checking that a build may replace it (see Begin).
func Open(dest, source string) (*Dest, error) {
	o, err := open(dest, source, runtime.GOOS != "windows")
	if err == nil && o.links {
		o.links = canLink(filepath.Dir(o.path), filepath.Base(o.path))
	}
	return o, err
}

// canLink reports whether a symbolic link can be made in the folder
// parent, as some file systems (FAT, some network shares) cannot: the
// destination is then a folder that two renames replace.
func canLink(parent, base string) bool {
	if info, err := os.Lstat(filepath.Join(parent, base)); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return true // the destination is a link already
	}
	probe := filepath.Join(parent, tempPrefix(base)+"link")
	if _, err := os.Lstat(probe); err == nil {
		return true // a link a killed build left: links work here
	}
	if err := os.Symlink(linkTarget(filepath.Join(parent, base), generationA), probe); err != nil {
		return false
	}
	os.Remove(probe)
	return true
}

// open is Open with links saying whether the destination is a link to
// generations or a folder that two renames replace.
func open(dest, source string, links bool) (*Dest, error) {
	abs, err := resolveDest(dest, source)
	if err != nil {
		return nil, err
	}
	lp := lockPath(abs)
	if err := os.MkdirAll(filepath.Dir(lp), 0o700); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	lock, err := lockDest(lp, abs)
	if err != nil {
		return nil, err
	}
	return &Dest{path: abs, lock: lock, links: links, manifests: map[string]recorded{}}, nil
}

// Path is the absolute path of the destination.
func (o *Dest) Path() string { return o.path }

// Close releases the lock.
func (o *Dest) Close() error { return o.lock.Close() }

// Begin prepares a build into dest, with the lock on it taken for the
// build's time: Commit or Abort releases it.
//
// It refuses a dest that is the root folder, the user's home or a folder
// that contains it, the source folder or a folder that contains it, a folder
// of the source folder that a build reads (content, data, layouts, static,
// i18n) or anything inside one, a symbolic link other than thidua's own, a
// file, or an existing folder that holds something but not Marker.
func Begin(dest, source string) (*Dir, error) {
	o, err := Open(dest, source)
	if err != nil {
		return nil, err
	}
	return o.beginOwned()
}

// begin is Begin with links as for open.
func begin(dest, source string, links bool) (*Dir, error) {
	o, err := open(dest, source, links)
	if err != nil {
		return nil, err
	}
	return o.beginOwned()
}

// beginOwned begins a build into o that closes o when it ends.
func (o *Dest) beginOwned() (*Dir, error) {
	d, err := o.Begin()
	if err != nil {
		o.Close()
		return nil, err
	}
	d.owned = true
	return d, nil
}

// Begin prepares the next build into the destination. Only one Dir of a
// Dest may be written at a time.
func (o *Dest) Begin() (*Dir, error) {
	if o.writing {
		return nil, errors.New("output: a build into this destination is already being written")
	}
	if err := checkExisting(o.path); err != nil {
		return nil, err
	}
	var d *Dir
	var err error
	if o.links {
		d, err = beginLinks(o)
	} else {
		d, err = beginSwap(o)
	}
	if err != nil {
		return nil, err
	}
	if !o.walked {
		o.walked = true
		if d.foreign, err = d.live.others(); err != nil {
			d.abort()
			return nil, fmt.Errorf("output: reading the previous output: %w", err)
		}
	}
	o.writing = true
	return d, nil
}

// generation is one output folder: the live one, or the one being written.
type generation struct {
	path         string
	tree         *tree    // open while it is written or linked from; nil otherwise
	files        manifest // what it holds; nil when not known
	manifestPath string   // where its manifest is kept; "" for none
	// folder, written and sum are those of the manifest of the live one,
	// as read (see recorded).
	folder  folderStamp
	written time.Time
	sum     string
}

// liveOf is the live generation at path, of the manifest r at
// manifestPath.
func liveOf(path string, r recorded, manifestPath string) *generation {
	return &generation{path: path, files: r.files, manifestPath: manifestPath, folder: r.folder, written: r.written, sum: r.sum}
}

// others lists, sorted, the files under the live output g that its manifest
// does not name: files put there by hand, which the build will not carry
// over. It lists nothing when g is not known.
//
// A folder whose status has not changed since the manifest was written
// holds what the manifest names there, and is not read (see tree.others):
// a second build of 10,000 articles reads 10,000 fewer folders. That holds
// only while g's own folder is the one the manifest was written for, with
// the same entries: a copy of it (cp -r of the output, a restore from a
// backup) or a change to its top folder has it read whole.
func (g *generation) others() ([]string, error) {
	if g == nil || g.files == nil {
		return nil, nil
	}
	var since time.Time
	if g.folder != (folderStamp{}) && g.folder == stampOf(g.path) {
		since = g.written
	}
	t, err := openTree(g.path)
	if err != nil {
		return nil, err
	}
	defer t.close()
	return t.others(g.files, since)
}

// Dir is a build's output being written.
type Dir struct {
	dest  *Dest
	owned bool // Commit and Abort close dest
	out   *generation
	live  *generation // nil when there is no previous output
	old   manifest    // what out holds already, which it may keep; nil for none
	// invalidate is called before out is first changed, so that a build
	// killed while it changes out leaves no manifest that would claim it
	// whole.
	invalidate func() error
	commit     func(d *Dir) error
	foreign    []string
	dirs       sync.Map // folders under out known to exist, by relative path

	mu          sync.Mutex
	files       manifest        // the files of this build so far
	pending     map[string]bool // created and not yet closed
	invalidated bool
	note        []byte
	liveNote    []byte // the live output's note, once LiveNote gave it
	precompress bool   // Commit makes compressed twins (see Precompress)
	// deferring is set while the links of linkFromLive wait in deferred:
	// from the start of a build into a new generation until its first
	// other change (see linkDeferred).
	deferring  bool
	deferred   map[string]bool
	wrote      int // files written anew, neither kept nor linked
	compressed int // files compressed to make twins
	state      state
}

// Written is how many files the build wrote anew: those whose bytes neither
// the folder being written nor the previous output held at their path.
func (d *Dir) Written() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.wrote
}

type state int

const (
	writing state = iota
	committed
	aborted
)

// Foreign lists the files of the previous output that no build wrote: files
// put there by hand, which this build will not carry over. It is known for
// the first build of a Dest only.
func (d *Dir) Foreign() []string { return d.foreign }

// Create opens a new file at the slash-separated site-relative path rel,
// which is written when it is closed. It rejects, writing nothing, a rel
// that CheckRel rejects and a rel that was already created: two pages cannot
// have the same path. Create is safe for concurrent use; each file it
// returns is for one goroutine.
func (d *Dir) Create(rel string) (io.WriteCloser, error) {
	if err := d.reserve(rel); err != nil {
		return nil, err
	}
	return &file{d: d, rel: rel}, nil
}

// reserve checks rel and notes it as created.
func (d *Dir) reserve(rel string) error {
	if err := CheckRel(rel); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.state != writing {
		return fmt.Errorf("output: creating %s: the output is already %s", rel, d.stateWord())
	}
	if _, done := d.files[rel]; done || d.pending[rel] {
		return fmt.Errorf("output: creating %s: already written", rel)
	}
	d.pending[rel] = true
	return nil
}

// WriteFile writes data to a new file at rel, as Create.
func (d *Dir) WriteFile(rel string, data []byte) error {
	if err := d.reserve(rel); err != nil {
		return err
	}
	return d.put(rel, data)
}

// Keep makes the file rel of the previous output a file of this one, with
// the same bytes: what a build that did not render it again writes. It is
// an error when the previous output is not known or has no such file.
func (d *Dir) Keep(rel string) error {
	if err := d.reserve(rel); err != nil {
		return err
	}
	e, ok := d.liveEntry(rel)
	if !ok {
		d.unreserve(rel)
		return fmt.Errorf("output: keeping %s: the previous output has no such file", rel)
	}
	if old, had := d.oldEntry(rel); had && old.sameFile(e) {
		return d.record(rel, old)
	}
	if err := d.linkFromLive(rel, e, false); err == nil {
		return d.record(rel, e)
	}
	data, err := os.ReadFile(filepath.Join(d.live.path, filepath.FromSlash(rel)))
	if err != nil {
		d.unreserve(rel)
		return fmt.Errorf("output: keeping %s: %w", rel, err)
	}
	return d.put(rel, data)
}

// LiveHead returns the first n bytes of the file rel of the previous
// output (all of it when it is shorter), and false when the previous
// output is not known, has no such file or cannot be read: what a build
// reads to tell whether a file it would make again is the same, before
// keeping it.
func (d *Dir) LiveHead(rel string, n int) ([]byte, bool) {
	if _, ok := d.liveEntry(rel); !ok || CheckRel(rel) != nil {
		return nil, false
	}
	if d.live.tree == nil { // closed: the Dir is committed or aborted
		return nil, false
	}
	b, err := d.live.tree.head(filepath.FromSlash(rel), n)
	return b, err == nil
}

// Kept reports whether Keep can keep rel: the previous output is known and
// has it.
func (d *Dir) Kept(rel string) bool {
	_, ok := d.liveEntry(rel)
	return ok
}

// Files lists the files written so far, sorted: those of Create, WriteFile,
// Keep and CopyFS, without the compressed twins that Commit adds.
func (d *Dir) Files() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var files []string
	for rel, e := range d.files {
		if !e.twin {
			files = append(files, rel)
		}
	}
	slices.Sort(files)
	return files
}

// put writes the file rel, reserved, with data: it keeps what the folder
// being written holds already when its bytes are data, makes it a name of
// the live output's file when that one's are, and writes it otherwise.
func (d *Dir) put(rel string, data []byte) error {
	e := digest(data)
	if old, had := d.oldEntry(rel); had && old.sameBytes(e) {
		return d.record(rel, old)
	}
	if live, ok := d.liveEntry(rel); ok && live.sameBytes(e) {
		if err := d.linkFromLive(rel, live, true); err == nil {
			return d.record(rel, live)
		}
	}
	if err := d.prepare(rel); err != nil {
		d.unreserve(rel)
		return fmt.Errorf("output: creating %s: %w", rel, err)
	}
	return d.writeNew(rel, e, data)
}

// writeNew writes data, whose entry is e, as the file rel of the folder
// being written, made ready by prepare, and records it.
func (d *Dir) writeNew(rel string, e entry, data []byte) error {
	d.mu.Lock()
	d.wrote++
	d.mu.Unlock()
	name := filepath.FromSlash(rel)
	ino, err := d.out.tree.writeFile(name, data)
	if _, mine := d.dirs.Load(name); errors.Is(err, fs.ErrExist) && d.old != nil && !mine {
		// A folder of an earlier build stands where this file goes.
		if err = removeAll(filepath.Join(d.out.path, name)); err == nil {
			ino, err = d.out.tree.writeFile(name, data)
		}
	}
	if errors.Is(err, fs.ErrExist) {
		err = errors.New("already written")
	}
	if err != nil {
		d.out.tree.remove(filepath.FromSlash(rel))
		d.unreserve(rel)
		return fmt.Errorf("output: creating %s: %w", rel, err)
	}
	e.ino = ino
	return d.record(rel, e)
}

// linkFromLive makes rel of the folder being written a name of the live
// output's file rel, which its manifest lists as e. Into a new generation,
// the link waits until the build changes something else (see
// linkDeferred): a build that makes the live output's files again and
// nothing more commits nothing, and needs none of them. With verify, a
// link waits only for the file the manifest lists (by inode and size):
// one removed or replaced by hand since is an error, and a caller that
// holds the bytes writes them instead. Keep, which holds none, trusts the
// manifest, as a build into the old generation does.
func (d *Dir) linkFromLive(rel string, e entry, verify bool) error {
	if d.live.tree == nil {
		return errors.New("no live output to link from")
	}
	if d.isDeferring() {
		if verify {
			ino, size, err := d.live.tree.stat(filepath.FromSlash(rel))
			if err != nil {
				return err
			}
			if size != e.size || ino != 0 && e.ino != 0 && ino != e.ino {
				return fmt.Errorf("%s is not the file the live manifest lists", rel)
			}
		}
		if d.deferLink(rel) {
			return nil
		}
		// The links that waited were made meanwhile; this one is made now.
	}
	return d.link(rel)
}

// isDeferring reports whether links from the live output wait.
func (d *Dir) isDeferring() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.deferring
}

// deferLink puts off the link of rel, and reports false when links no
// longer wait.
func (d *Dir) deferLink(rel string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.deferring {
		d.deferred[rel] = true
	}
	return d.deferring
}

// link makes rel of the folder being written a name of the live output's
// file rel, now.
func (d *Dir) link(rel string) error {
	if err := d.prepare(rel); err != nil {
		return err
	}
	return d.out.tree.link(d.live.tree, filepath.FromSlash(rel))
}

// linkDeferred makes the links that linkFromLive put off, before any other
// change to the folder being written and before a commit that changes
// something. A file that cannot be linked is copied.
func (d *Dir) linkDeferred() error {
	d.mu.Lock()
	if !d.deferring {
		d.mu.Unlock()
		return nil
	}
	d.deferring = false // from now on links are made at once
	rels := slices.Sorted(maps.Keys(d.deferred))
	d.mu.Unlock()
	for _, rel := range rels {
		if d.link(rel) == nil {
			continue
		}
		if err := d.copyFromLive(rel); err != nil {
			return err
		}
	}
	d.mu.Lock()
	d.deferred = nil // readWritten reads them from the folder being written
	d.mu.Unlock()
	return nil
}

// copyFromLive writes the file rel of the live output, whose bytes are
// recorded as rel's, into the folder being written.
func (d *Dir) copyFromLive(rel string) error {
	data, err := os.ReadFile(filepath.Join(d.live.path, filepath.FromSlash(rel)))
	if err != nil {
		return fmt.Errorf("output: keeping %s: %w", rel, err)
	}
	d.mu.Lock()
	e := d.files[rel]
	d.mu.Unlock()
	return d.writeNew(rel, e, data)
}

// readWritten returns the bytes of the file rel that this build wrote,
// from the live output while its link waits.
func (d *Dir) readWritten(rel string) ([]byte, error) {
	dir := d.out.path
	d.mu.Lock()
	if d.deferred[rel] {
		dir = d.live.path
	}
	d.mu.Unlock()
	return os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
}

// prepare makes way for a new file at rel in the folder being written:
// it makes the links that wait, invalidates the folder's manifest, removes
// what the folder held at rel and makes the folders above it.
func (d *Dir) prepare(rel string) error {
	if err := d.linkDeferred(); err != nil {
		return err
	}
	if err := d.invalidateOnce(); err != nil {
		return err
	}
	name := filepath.FromSlash(rel)
	if _, had := d.oldEntry(rel); had {
		if err := d.out.tree.remove(name); err != nil {
			return err
		}
	}
	return d.mkdirs(filepath.Dir(name))
}

// invalidateOnce calls d.invalidate before the first change to the folder
// being written.
func (d *Dir) invalidateOnce() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.invalidated || d.invalidate == nil {
		d.invalidated = true
		return nil
	}
	if err := d.invalidate(); err != nil {
		return err
	}
	d.invalidated = true
	return nil
}

// mkdirs makes the folder dir under the folder being written and its
// parents, each only once. Where the folder held a file of an earlier build
// at dir, that file goes.
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
	err := d.out.tree.mkdir(dir)
	if errors.Is(err, fs.ErrExist) {
		if _, had := d.oldEntry(filepath.ToSlash(dir)); had && !d.reserved(filepath.ToSlash(dir)) {
			if err = d.out.tree.remove(dir); err == nil {
				err = d.out.tree.mkdir(dir)
			}
		} else {
			err = nil
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.Store(dir, true)
	return nil
}

// record notes that rel is written as e.
func (d *Dir) record(rel string, e entry) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.pending, rel)
	d.files[rel] = e
	return nil
}

// reserved reports whether this build created rel.
func (d *Dir) reserved(rel string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, done := d.files[rel]
	return done || d.pending[rel]
}

// unreserve forgets a rel that could not be written.
func (d *Dir) unreserve(rel string) {
	d.mu.Lock()
	delete(d.pending, rel)
	d.mu.Unlock()
}

func (d *Dir) oldEntry(rel string) (entry, bool) {
	e, ok := d.old[rel]
	return e, ok
}

func (d *Dir) liveEntry(rel string) (entry, bool) {
	if d.live == nil || d.live.files == nil {
		return entry{}, false
	}
	e, ok := d.live.files[rel]
	return e, ok
}

func (d *Dir) stateWord() string {
	if d.state == committed {
		return "committed"
	}
	return "aborted"
}

// file is a file of Create: its bytes, written when it is closed.
type file struct {
	d    *Dir
	rel  string
	buf  bytes.Buffer
	done bool
}

func (f *file) Write(p []byte) (int, error) {
	if f.done {
		return 0, &fs.PathError{Op: "write", Path: f.rel, Err: os.ErrClosed}
	}
	return f.buf.Write(p)
}

func (f *file) Close() error {
	if f.done {
		return &fs.PathError{Op: "close", Path: f.rel, Err: os.ErrClosed}
	}
	f.done = true
	return f.d.put(f.rel, f.buf.Bytes())
}

// Commit makes the folder written the destination, in one atomic step
// where the system can (see the package's doc). Commit refuses while a file
// of Create is still open.
func (d *Dir) Commit() error {
	d.mu.Lock()
	if d.state != writing {
		d.mu.Unlock()
		return fmt.Errorf("output: commit: the output is already %s", d.stateWord())
	}
	if n := len(d.pending); n > 0 {
		d.mu.Unlock()
		return fmt.Errorf("output: commit: %d files are still open", n)
	}
	_, marked := d.files[Marker]
	precompress := d.precompress
	d.mu.Unlock()
	if !marked {
		if err := d.WriteFile(Marker, []byte(markerText)); err != nil {
			d.abort()
			return fmt.Errorf("output: commit: %w", err)
		}
	}
	if precompress {
		if err := d.writeTwins(); err != nil {
			d.abort()
			return fmt.Errorf("output: commit: %w", err)
		}
	}
	d.mu.Lock()
	d.state = committed
	d.mu.Unlock()
	defer d.release()
	if err := d.commit(d); err != nil {
		return fmt.Errorf("output: commit: %w", err)
	}
	return nil
}

// Abort leaves the destination untouched and removes what the build wrote
// where the destination does not need it. It does nothing after Commit or
// an earlier Abort.
func (d *Dir) Abort() error {
	d.mu.Lock()
	if d.state != writing {
		d.mu.Unlock()
		return nil
	}
	d.state = aborted
	d.mu.Unlock()
	defer d.release()
	return d.abort()
}

// abort closes the folders and removes the folder being written, unless it
// was not changed.
func (d *Dir) abort() error {
	d.closeTrees()
	if !d.invalidated && d.old != nil {
		return nil
	}
	if err := removeAll(d.out.path); err != nil {
		return fmt.Errorf("output: abort: %w", err)
	}
	return nil
}

// release ends the Dir's hold of its Dest.
func (d *Dir) release() {
	d.dest.writing = false
	if d.owned {
		d.dest.Close()
	}
}

func (d *Dir) closeTrees() {
	for _, g := range []*generation{d.out, d.live} {
		if g != nil && g.tree != nil {
			g.tree.close()
			g.tree = nil
		}
	}
}

// removeStale removes from the folder written the files it held that this
// build did not write, and the folders they leave empty.
func (d *Dir) removeStale() error {
	var dirs []string
	for rel := range d.old {
		if _, ok := d.files[rel]; ok {
			continue
		}
		if err := d.invalidateOnce(); err != nil {
			return err
		}
		name := filepath.FromSlash(rel)
		if _, isDir := d.dirs.Load(name); isDir {
			continue // a folder of this build took the old file's place
		}
		if err := d.out.tree.remove(name); err != nil {
			return err
		}
		for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
			dirs = append(dirs, dir)
		}
	}
	// The deepest first, so that a parent is empty once its children went.
	slices.SortFunc(dirs, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, dir := range slices.Compact(dirs) {
		d.out.tree.rmdir(filepath.FromSlash(dir)) // fails if it is not empty, as wanted
	}
	return nil
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

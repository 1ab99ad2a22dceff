// Package watch reports changes to a site folder in batches: one batch for a
// burst of events, such as an editor's atomic save or a git checkout of
// another branch, so that each burst costs one rebuild.
//
// A Watcher asks the system for events (inotify on Linux, through
// github.com/fsnotify/fsnotify), adding every folder under the watched ones,
// also those created or moved in while it runs. Where the system cannot give
// events, or its limit of watched folders is reached, it scans the folder at
// an interval instead and says why on Notices.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/thidua/thidua/internal/msg"
)

// DefaultDebounce is how long a folder must be quiet before the events
// since the last batch are sent as one.
const DefaultDebounce = 30 * time.Millisecond

// DefaultPoll is how often a Watcher scans the folder when it falls back to
// polling by itself.
const DefaultPoll = time.Second

// DefaultMaxDelay is how long a stream of events that never pauses may
// delay its batch.
const DefaultMaxDelay = time.Second

// Options configure a Watcher.
type Options struct {
	Root     string        // the site folder
	Debounce time.Duration // quiet time that ends a burst; 0 means DefaultDebounce
	MaxDelay time.Duration // longest a burst that never pauses waits; 0 means DefaultMaxDelay
	Poll     time.Duration // when > 0, scan the folder this often instead of asking for events
}

// Batch is the changes of one burst of events.
type Batch struct {
	// Paths are the files and folders that were created, written, removed
	// or renamed: slash-separated, relative to the site folder, sorted, each
	// once. A folder stands for everything in it.
	Paths []string
	// Rescan is set when events were lost: anything may have changed.
	Rescan bool
}

// Watcher watches a site folder. Its batches come on Batches until Close.
type Watcher struct {
	root     string // absolute
	debounce time.Duration
	maxDelay time.Duration
	poll     atomic.Int64 // the time.Duration between scans; 0 while not polling
	batches  chan Batch
	notices  chan error
	done     chan struct{}
	stopped  chan struct{}

	// addWatch adds a system watch on a folder; tests replace it to play a
	// reached limit.
	addWatch func(fw *fsnotify.Watcher, dir string) error
}

// New starts watching opts.Root.
func New(opts Options) (*Watcher, error) {
	return newWatcher(opts, func(fw *fsnotify.Watcher, dir string) error { return fw.Add(dir) })
}

func newWatcher(opts Options, addWatch func(*fsnotify.Watcher, string) error) (*Watcher, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	if info, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	} else if !info.IsDir() {
		return nil, msg.E("watch-not-a-folder", root)
	}
	w := &Watcher{
		root:     root,
		debounce: opts.Debounce,
		maxDelay: opts.MaxDelay,
		batches:  make(chan Batch),
		notices:  make(chan error, 8),
		done:     make(chan struct{}),
		stopped:  make(chan struct{}),
		addWatch: addWatch,
	}
	if w.debounce <= 0 {
		w.debounce = DefaultDebounce
	}
	if w.maxDelay <= 0 {
		w.maxDelay = DefaultMaxDelay
	}
	if opts.Poll > 0 {
		w.poll.Store(int64(opts.Poll))
	} else {
		n := &notifier{w: w, dirs: map[string]bool{}}
		err := n.start()
		if err == nil {
			go n.run()
			return w, nil
		}
		w.fallBack(err)
	}
	last := w.scan()
	go func() {
		defer close(w.stopped)
		w.pollLoop(newCollector(), last)
	}()
	return w, nil
}

// Batches delivers the batches of changes. A batch waits, growing, until it
// is received: a slow receiver gets fewer, larger batches, never a stale one.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Notices delivers what the receiver should tell the user and that does not
// stop the watching, such as a *LimitError when the Watcher falls back to
// polling. Notices that nobody receives are dropped.
func (w *Watcher) Notices() <-chan error { return w.notices }

// Polling returns the interval at which the Watcher scans the folder, or 0
// when it gets events from the system. It is fixed once New returns, except
// that a limit reached while running can start polling later.
func (w *Watcher) Polling() time.Duration { return time.Duration(w.poll.Load()) }

// Close stops the watching and releases the system's watches.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
	default:
		close(w.done)
	}
	<-w.stopped
	return nil
}

// notice passes err to Notices unless it is full.
func (w *Watcher) notice(err error) {
	select {
	case w.notices <- err:
	default:
	}
}

// fallBack switches to polling at DefaultPoll because of err, and says so.
func (w *Watcher) fallBack(err error) {
	w.poll.Store(int64(DefaultPoll))
	var limit *LimitError
	if errors.As(err, &limit) {
		w.notice(err)
		return
	}
	w.notice(msg.E("watch-no-events", err, DefaultPoll).Wrapping(err))
}

// rel returns the site-relative slash path of an absolute name, and whether
// it is one a change to which matters.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == "." || !filepath.IsLocal(r) {
		return "", false
	}
	r = filepath.ToSlash(r)
	return r, IsWatched(r) && !Ignored(path.Base(r))
}

// collector gathers the changes of one burst.
type collector struct {
	paths  map[string]bool
	rescan bool
	first  time.Time // of the first change since the last batch
}

func newCollector() *collector { return &collector{paths: map[string]bool{}} }

func (c *collector) add(rel string) {
	if c.empty() {
		c.first = time.Now()
	}
	c.paths[rel] = true
}

func (c *collector) lost() {
	if c.empty() {
		c.first = time.Now()
	}
	c.rescan = true
}

func (c *collector) empty() bool { return len(c.paths) == 0 && !c.rescan }

// wait returns how long to wait for quiet before sending.
func (c *collector) wait(debounce, maxDelay time.Duration) time.Duration {
	return max(0, min(debounce, maxDelay-time.Since(c.first)))
}

// batch returns the changes gathered so far.
func (c *collector) batch() Batch {
	b := Batch{Rescan: c.rescan}
	for p := range c.paths {
		b.Paths = append(b.Paths, p)
	}
	slices.Sort(b.Paths)
	return b
}

// reset starts a new batch.
func (c *collector) reset() {
	clear(c.paths)
	c.rescan = false
}

// notifier gets events from the system.
type notifier struct {
	w    *Watcher
	fw   *fsnotify.Watcher
	dirs map[string]bool // absolute folders being watched
}

// start creates the system watcher and watches the site folder itself (for
// site.yaml and the watched folders appearing) and every watched folder.
func (n *notifier) start() error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return limitOr(err)
	}
	n.fw = fw
	if err := n.add(n.w.root); err != nil {
		fw.Close()
		return err
	}
	for _, name := range watchedFolders() {
		if err := n.addTree(filepath.Join(n.w.root, name)); err != nil {
			fw.Close()
			return err
		}
	}
	return nil
}

func (n *notifier) add(dir string) error {
	if err := n.w.addWatch(n.fw, dir); err != nil {
		return limitOr(err)
	}
	n.dirs[dir] = true
	return nil
}

// addTree watches dir and every folder under it. A folder that vanishes
// meanwhile is skipped.
func (n *notifier) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		case !d.IsDir():
			return nil
		case p != dir && Ignored(d.Name()):
			return fs.SkipDir
		}
		if err := n.add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// forget drops the watches of dir and the folders under it, which has been
// removed or moved away; a folder moved elsewhere in the site is watched
// again, under its new path, when its Create event comes.
func (n *notifier) forget(dir string) {
	for d := range n.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			n.fw.Remove(d)
			delete(n.dirs, d)
		}
	}
}

func (n *notifier) run() {
	w := n.w
	defer close(w.stopped)
	c := newCollector()
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	ready := false
	for {
		var out chan Batch
		var b Batch
		if ready {
			out, b = w.batches, c.batch()
		}
		select {
		case <-w.done:
			n.fw.Close()
			return
		case ev, ok := <-n.fw.Events:
			if !ok {
				return
			}
			if n.event(ev, c) {
				ready = false
				quiet.Reset(c.wait(w.debounce, w.maxDelay))
			}
		case err, ok := <-n.fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				c.lost()
				ready = false
				quiet.Reset(c.wait(w.debounce, w.maxDelay))
				continue
			}
			w.notice(fmt.Errorf("watch: %w", err))
		case <-quiet.C:
			ready = true
		case out <- b:
			c.reset()
			ready = false
		}
		if n.fw == nil {
			w.pollLoop(c, w.scan())
			return
		}
	}
}

// event records ev and reports whether it is a change that matters.
func (n *notifier) event(ev fsnotify.Event, c *collector) bool {
	rel, ok := n.w.rel(ev.Name)
	if !ok || ev.Op == fsnotify.Chmod {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		n.forget(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			if err := n.addTree(ev.Name); err != nil {
				// Out of watches: scan from now on, starting with a scan of
				// everything, for events may have been missed.
				n.fw.Close()
				n.fw = nil
				n.w.fallBack(err)
				c.lost()
			}
		}
	}
	c.add(rel)
	return true
}

// LimitError is returned when the system's limit of watched folders or of
// watchers is reached.
type LimitError struct {
	Setting string // the sysctl setting that bounds it
	Value   string // its current value, "" when unknown
	Err     error
}

func (e *LimitError) Error() string { return e.Localize(msg.English) }

// Localize returns the error in l, for a message that quotes it.
func (e *LimitError) Localize(l msg.Lang) string {
	current := ""
	if e.Value != "" {
		current = " (" + e.Setting + " = " + e.Value + ")"
	}
	if e.Setting == "fs.inotify.max_user_instances" {
		return msg.Sprintf(l, "watch-limit-instances", current, e.Setting, e.Setting)
	}
	return msg.Sprintf(l, "watch-limit-watches", current, e.Setting, e.Setting)
}

func (e *LimitError) Unwrap() error { return e.Err }

// limitOr returns a *LimitError for the errors that say a limit of inotify
// is reached (ENOSPC adding a watch, EMFILE creating a watcher), and err
// itself otherwise.
func limitOr(err error) error {
	var setting string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		setting = "fs.inotify.max_user_watches"
	case errors.Is(err, syscall.EMFILE):
		setting = "fs.inotify.max_user_instances"
	default:
		return err
	}
	value := ""
	if b, rerr := os.ReadFile("/proc/sys/" + strings.ReplaceAll(setting, ".", "/")); rerr == nil {
		value = strings.TrimSpace(string(b))
	}
	return &LimitError{Setting: setting, Value: value, Err: err}
}

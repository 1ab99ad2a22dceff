package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// entry is what a scan notes of a file or folder: a change to any of it is
// a change.
type entry struct {
	dir   bool
	mode  fs.FileMode
	size  int64
	mtime int64 // nanoseconds since 1970
}

// pollLoop scans the folder at the polling interval and sends what changed
// since the scan last as a batch. The changes already in c are sent first.
func (w *Watcher) pollLoop(c *collector, last map[string]entry) {
	tick := time.NewTicker(w.Polling())
	defer tick.Stop()
	for {
		var out chan Batch
		var b Batch
		if !c.empty() {
			out, b = w.batches, c.batch()
		}
		select {
		case <-w.done:
			return
		case <-tick.C:
			next := w.scan()
			for p, e := range next {
				if old, ok := last[p]; !ok || old != e {
					c.add(p)
				}
			}
			for p := range last {
				if _, ok := next[p]; !ok {
					c.add(p)
				}
			}
			last = next
		case out <- b:
			c.reset()
		}
	}
}

// scan notes every watched file and folder, by site-relative slash path.
func (w *Watcher) scan() map[string]entry {
	out := map[string]entry{}
	note := func(rel string, info fs.FileInfo) {
		if info.IsDir() {
			// A folder's own times change with what it holds, which is
			// noted file by file.
			out[rel] = entry{dir: true, mode: info.Mode()}
			return
		}
		out[rel] = entry{mode: info.Mode(), size: info.Size(), mtime: info.ModTime().UnixNano()}
	}
	if info, err := os.Lstat(filepath.Join(w.root, "site.yaml")); err == nil {
		note("site.yaml", info)
	}
	for _, name := range watchedFolders() {
		top := filepath.Join(w.root, name)
		filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // vanished or unreadable: it shows as removed
			}
			rel, ok := w.rel(p)
			if !ok {
				if d.IsDir() && p != top {
					return fs.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil {
				note(rel, info)
			}
			return nil
		})
	}
	return out
}

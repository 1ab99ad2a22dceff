package load

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
)

// Cache keeps the parsed files of a site folder between loads, for a
// watcher: Update reads again what changed, parsing only the files whose
// bytes differ, and Site assembles them with the rest. Site then gives the
// site and diagnostics that the function Site gives for the folder as it is.
type Cache struct {
	fsys   fs.FS
	limit  int64 // the largest file read, in bytes
	files  Files
	known  map[string]cachedFile // every file listed, by slash path
	walk   *diag.List            // the diagnostics of listing the folder
	opts   Options               // of NewCache, with the BaseURL of the last Site
	bodies *Bodies               // renders the bodies of the cached files
}

// cachedFile is a file as last read.
type cachedFile struct {
	src    []byte // nil when not read: static and ignored files, read errors
	parsed bool
	diags  *diag.List
}

// NewCache reads and parses every file of the site folder fsys as Site
// does with opts: each of at most opts.MaxFileSize bytes, with Markdown
// rendered under opts.BaseURL's path when it is given.
func NewCache(fsys fs.FS, opts Options) *Cache {
	c := &Cache{fsys: fsys, known: map[string]cachedFile{}, limit: opts.maxFileSize(), opts: opts}
	c.Update(nil, true)
	return c
}

// Update brings the cache up to date after the files and folders at paths
// (slash-separated, relative to the folder; a folder stands for everything
// under it) were created, written, removed or renamed; with all, after
// anything may have changed. It lists what is at those paths now (the whole
// folder with all), so that files that appeared or vanished are noticed,
// reads the files there, and parses those whose bytes changed. It returns
// how many files it parsed.
func (c *Cache) Update(paths []string, all bool) int {
	var current []string
	if all || c.walk == nil {
		c.walk = &diag.List{}
		current, _ = siteFiles(c.fsys, c.walk)
		listed := make(map[string]bool, len(current))
		for _, p := range current {
			listed[p] = true
		}
		for p := range c.known {
			if !listed[p] {
				c.files.Remove(p)
				delete(c.known, p)
			}
		}
	} else {
		current = c.list(paths)
	}
	var todo []toParse
	for _, p := range current {
		old, ok := c.known[p]
		if ok && !all && !touched(p, paths) {
			continue
		}
		k := classify(p)
		if k.listedOnly() {
			if !ok {
				c.known[p] = cachedFile{diags: c.files.Set(p, nil)}
			}
			continue
		}
		src, d := readSiteFile(c.fsys, p, c.limit)
		if d != nil {
			c.files.Remove(p)
			c.known[p] = cachedFile{diags: d}
			continue
		}
		if ok && old.parsed && bytes.Equal(old.src, src) {
			continue
		}
		todo = append(todo, toParse{path: p, kind: k, src: src, fresh: !ok || !old.parsed})
	}
	return c.parse(todo)
}

// toParse is a file that Update parses.
type toParse struct {
	path  string
	kind  kind
	src   []byte
	fresh bool // not in c.files yet
}

// parse parses the files of todo and stores them. It parses site.yaml
// first: when its base path or Markdown settings change the Converter, every
// cached Markdown file is parsed again too. It returns how many files it
// parsed.
func (c *Cache) parse(todo []toParse) int {
	n := 0
	todo = slices.DeleteFunc(todo, func(t toParse) bool {
		if t.kind == kindConfig {
			c.store(t, parseFile(t.kind, t.path, t.src, nil))
			n++
			return true
		}
		return false
	})
	if want := markdownOptions(c.files.Config, c.opts); c.bodies == nil || want != c.bodies.opts {
		c.bodies = NewBodies(want)
		queued := map[string]bool{}
		for _, t := range todo {
			queued[t.path] = true
		}
		for _, p := range slices.Sorted(maps.Keys(c.known)) {
			f := c.known[p]
			if k := classify(p); f.parsed && !queued[p] && (k == kindArticle || k == kindPage) {
				todo = append(todo, toParse{path: p, kind: k, src: f.src})
			}
		}
	}
	jobs := make([]func() parsed, len(todo))
	for i, t := range todo {
		jobs[i] = func() parsed { return parseFile(t.kind, t.path, t.src, c.bodies) }
	}
	for i, r := range runBounded(jobs) {
		c.store(todo[i], r)
	}
	return n + len(jobs)
}

// store keeps the parsed file t.
func (c *Cache) store(t toParse, r parsed) {
	if t.fresh {
		c.files.add(r.value)
	} else {
		c.files.Remove(t.path)
		c.files.put(r.value)
	}
	c.known[t.path] = cachedFile{src: t.src, parsed: true, diags: r.diags}
}

// list returns the files that loading reads at or under paths, and forgets
// those it knew there that are gone. It lists only those paths, not the
// whole folder; a folder that cannot be read is reported at the next
// Update of everything.
func (c *Cache) list(paths []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] && loadable(p) {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, q := range paths {
		info, err := fs.Stat(c.fsys, q)
		switch {
		case err != nil:
		case info.IsDir():
			fs.WalkDir(c.fsys, q, func(p string, e fs.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					add(p)
				}
				return nil
			})
		default:
			add(q)
		}
	}
	for p := range c.known {
		if touched(p, paths) && !seen[p] {
			c.files.Remove(p)
			delete(c.known, p)
		}
	}
	return out
}

// loadable reports whether siteFiles lists the file at p: site.yaml, a
// hidden Markdown file under content/, or a file under data/, content/ or
// static/ with no name starting with "." below data/ and content/.
func loadable(p string) bool {
	if p == "site.yaml" || hiddenPage(p) {
		return true
	}
	top, rest, ok := strings.Cut(p, "/")
	switch {
	case !ok || rest == "":
		return false
	case top == "static":
		return true
	case top != "data" && top != "content":
		return false
	}
	for elem := range strings.SplitSeq(rest, "/") {
		if strings.HasPrefix(elem, ".") {
			return false
		}
	}
	return true
}

// touched reports whether p is one of paths or lies in a folder of them.
func touched(p string, paths []string) bool {
	for _, q := range paths {
		if p == q || strings.HasPrefix(p, q+"/") {
			return true
		}
	}
	return false
}

// Config is the parsed site.yaml, nil when there is none.
func (c *Cache) Config() *ConfigFile { return c.files.Config }

// Site assembles the cached files as the function Site does the folder's.
// The site shares the parsed files with the cache and with the sites of
// earlier calls, read-only. When opts.BaseURL differs from the cache's, the
// Markdown files are first parsed again for the new base path.
func (c *Cache) Site(opts Options) (*model.Site, *diag.List) {
	if opts.BaseURL != c.opts.BaseURL {
		c.opts.BaseURL = opts.BaseURL
		c.parse(nil)
	}
	diags := &diag.List{}
	diags.Merge(c.walk)
	for _, f := range c.known {
		diags.Merge(f.diags)
	}
	site, d := Assemble(&c.files, opts)
	diags.Merge(d)
	return site, diags
}

package load

import (
	"bytes"
	"io/fs"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
)

// Cache keeps the parsed files of a site folder between loads, for a
// watcher: Update reads again what changed, parsing only the files whose
// bytes differ, and Site assembles them with the rest. Site then gives the
// site and diagnostics that the function Site gives for the folder as it is.
type Cache struct {
	fsys  fs.FS
	files Files
	known map[string]cachedFile // every file listed, by slash path
	walk  *diag.List            // the diagnostics of listing the folder
}

// cachedFile is a file as last read.
type cachedFile struct {
	src    []byte // nil when not read: static and ignored files, read errors
	parsed bool
	diags  *diag.List
}

// NewCache reads and parses every file of the site folder fsys, each of
// at most DefaultMaxFileSize bytes.
func NewCache(fsys fs.FS) *Cache {
	c := &Cache{fsys: fsys, known: map[string]cachedFile{}}
	c.Update(nil, true)
	return c
}

// Update brings the cache up to date after the files and folders at paths
// (slash-separated, relative to the folder; a folder stands for everything
// under it) were created, written, removed or renamed; with all, after
// anything may have changed. It lists the folder again, so that files that
// appeared or vanished are noticed, reads the files it must, and parses
// those whose bytes changed. It returns how many files it parsed.
func (c *Cache) Update(paths []string, all bool) int {
	c.walk = &diag.List{}
	current := siteFiles(c.fsys, c.walk)
	listed := make(map[string]bool, len(current))
	var jobs []func() parsed
	var parsedPaths []string
	var srcs [][]byte
	for _, p := range current {
		listed[p] = true
		old, ok := c.known[p]
		if ok && !all && !touched(p, paths) {
			continue
		}
		k := classify(p)
		if k == kindIgnored || k == kindStatic {
			if !ok {
				c.known[p] = cachedFile{diags: c.files.Set(p, nil)}
			}
			continue
		}
		src, d := readSiteFile(c.fsys, p, DefaultMaxFileSize)
		if d != nil {
			c.files.Remove(p)
			c.known[p] = cachedFile{diags: d}
			continue
		}
		if ok && old.parsed && bytes.Equal(old.src, src) {
			continue
		}
		jobs = append(jobs, func() parsed { return parseFile(k, p, src) })
		parsedPaths, srcs = append(parsedPaths, p), append(srcs, src)
	}
	for p := range c.known {
		if !listed[p] {
			c.files.Remove(p)
			delete(c.known, p)
		}
	}
	for i, r := range runBounded(jobs) {
		c.files.Remove(parsedPaths[i])
		c.files.put(r.value)
		c.known[parsedPaths[i]] = cachedFile{src: srcs[i], parsed: true, diags: r.diags}
	}
	return len(jobs)
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
// earlier calls, read-only.
func (c *Cache) Site(opts Options) (*model.Site, *diag.List) {
	diags := &diag.List{}
	diags.Merge(c.walk)
	for _, f := range c.known {
		diags.Merge(f.diags)
	}
	site, d := Assemble(&c.files, opts)
	diags.Merge(d)
	return site, diags
}

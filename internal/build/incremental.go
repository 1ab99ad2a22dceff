package build

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/ogimage"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/render"
)

// Builder builds one site folder into one destination again and again, as
// thidua serve and build --watch do, redoing after a change only what the
// change needs. Its output is byte for byte that of Run.
//
// The first build, and a build after a change to layouts/, i18n/ or
// static/ (or when events were lost), is a whole one, swapped in whole as
// Run does. After any other change the Builder parses again only the files
// that changed, renders only the pages whose key (see keys) changed, runs
// only the extras whose input changed, and replaces in the destination,
// each by a rename, only the files whose bytes differ, removing the files
// of pages that are gone. While a Builder runs it owns the destination.
type Builder struct {
	opts   Options
	origin string // see NewBuilder
	root   *os.Root
	dest   *output.Dest // held from the first build until Close
	cache  *load.Cache
	last   *snapshot // the last good build; nil before it
	// renderer is the renderer of the last build whose site passed its
	// checks; the next build takes its templates when the layouts and
	// strings are the same (render.Options.Previous).
	renderer *render.Renderer

	git *gitinfo.Tracker // dates the site's files; see stampUpdated
}

// snapshot is what a build leaves for the next one to compare with.
type snapshot struct {
	baseURL   string
	model     *keys           // the keys of the model's parts
	builtKeys                 // the keys of the pages, by file, and of the extras
	static    map[string]bool // files of the output that are neither pages nor extras
	files     map[string]bool // every file of the output
}

// Stats say how much a build did.
type Stats struct {
	Whole    bool // a whole build, swapped in whole
	Parsed   int  // source files parsed
	Rendered int  // pages rendered
	Written  int  // files of the destination created or replaced
	Removed  int  // files of the destination removed
}

// NewBuilder returns a Builder of opts.Source into opts.Destination. When
// origin is not "" (such as "http://127.0.0.1:1313"), it takes the place of
// the scheme and host of site.yaml's baseURL, keeping its path, so that a
// site served for preview links to itself; opts.BaseURL is then ignored.
func NewBuilder(opts Options, origin string) (*Builder, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, msg.E("build-cannot-open", err).Wrapping(err)
	}
	if opts.Extras == nil {
		opts.Extras = builderExtras()
	}
	return &Builder{opts: opts, origin: strings.TrimSuffix(origin, "/"), root: root}, nil
}

// Close releases the site folder and the destination.
func (b *Builder) Close() error {
	if b.dest != nil {
		b.dest.Close()
	}
	return b.root.Close()
}

// Destination is the output folder.
func (b *Builder) Destination() string { return b.opts.Destination }

// BasePath is the path of the base URL of the last good build: "/" or
// such as "/thidua/".
func (b *Builder) BasePath() string {
	if b.last == nil {
		return "/"
	}
	return basePath(b.last.baseURL)
}

func basePath(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		return u[i:]
	}
	return "/"
}

// Build brings the destination up to date after the files and folders at
// changed (slash-separated, relative to the site folder; a folder stands
// for all it holds) were created, written, removed or renamed; with all,
// after anything may have changed. The first Build builds everything
// whatever it is given. On ErrSite the destination keeps the last good
// build and the result's diagnostics say what is wrong: errors of the
// site, or a changed file under data/ that loading ignores while pages of
// the last good build would be gone (see losingPages).
func (b *Builder) Build(ctx context.Context, changed []string, all bool) (Result, Stats, error) {
	start := time.Now()
	whole := b.last == nil || all || b.cache == nil
	for _, p := range changed {
		top, _, _ := strings.Cut(p, "/")
		if top == "layouts" || top == "i18n" || top == "static" {
			whole = true
		}
	}
	var st Stats
	if b.cache == nil {
		b.cache = load.NewCache(b.root.FS(), load.Options{MaxFileSize: b.opts.MaxFileSize, BaseURL: b.opts.BaseURL})
	} else {
		st.Parsed = b.cache.Update(changed, all)
	}
	baseURL := b.baseURL()
	if b.last != nil && baseURL != b.last.baseURL {
		whole = true
	}
	site, diags := b.cache.Site(load.Options{BuildDrafts: b.opts.BuildDrafts, BaseURL: baseURL, Now: b.opts.Now, Summaries: b.opts.Strict})
	// The keys of the model are computed while the site is checked and
	// planned, which only read it.
	var k *keys
	// The keys are hashed while the pages are planned and the templates read.
	var keying errgroup.Group
	if !diags.HasErrors(false) {
		b.stampUpdated(site)
		var lastKeys *keys
		if b.last != nil {
			lastKeys = b.last.model
		}
		keying.Go(func() error {
			k = newKeys(site, lastKeys)
			return nil
		})
	}
	opts := b.opts
	opts.renderer = b.renderer
	p, items, err := opts.prepareLoaded(b.root, site, diags)
	keying.Wait()
	if p != nil {
		b.renderer = p.Renderer
	}
	res := Result{Diagnostics: items}
	if err != nil {
		return res, st, err
	}
	next := &snapshot{baseURL: baseURL, model: k, builtKeys: p.keysOf(k)}
	if b.last != nil {
		if lost := losingPages(items, b.last.pages, next.pages, changed, all, basePath(baseURL)); lost != nil {
			for _, d := range items {
				lost.Add(d)
			}
			res.Diagnostics = lost.Items()
			return res, st, ErrSite
		}
	}
	if b.dest == nil {
		if b.dest, err = output.Open(b.opts.Destination, b.opts.Source); err != nil {
			return res, st, err
		}
	}
	if !whole {
		err = b.update(ctx, p, next, &st)
		if errors.Is(err, errNotKept) {
			whole, st = true, Stats{Parsed: st.Parsed}
		}
	}
	if whole {
		st.Whole = true
		res.Foreign, err = b.whole(ctx, p, next, &st)
	}
	if err != nil {
		return res, st, err
	}
	b.last = next
	res.Pages, res.Files, res.Elapsed = len(p.Plan), len(next.files)-len(p.Plan), time.Since(start)
	return res, st, nil
}

// baseURL is the base URL to build with: site.yaml's with the origin in
// place of its scheme and host, or opts.BaseURL.
func (b *Builder) baseURL() string {
	if b.origin == "" {
		return b.opts.BaseURL
	}
	base := "/"
	if c := b.cache.Config(); c != nil && c.Config.BaseURL != nil {
		base = c.Config.BaseURL.Path
	}
	return b.origin + base
}

// whole writes everything into a new generation of the output, as Run
// does, then notes the files of the output.
// It returns the files of the previous output that no build wrote.
func (b *Builder) whole(ctx context.Context, p *Prepared, next *snapshot, st *Stats) ([]string, error) {
	dir, err := b.dest.Begin()
	if err != nil {
		return nil, err
	}
	p.precompress(dir)
	if _, err := p.Write(ctx, dir); err != nil {
		dir.Abort()
		return nil, err
	}
	if err := dir.Commit(); err != nil {
		return nil, err
	}
	next.files = map[string]bool{}
	for _, f := range dir.Files() {
		next.files[f] = true
	}
	next.static = maps.Clone(next.files)
	for _, page := range p.Plan {
		delete(next.static, page.File())
	}
	for _, f := range p.pictureFiles() {
		delete(next.static, f)
	}
	for _, x := range b.opts.allExtras() {
		for _, f := range x.Paths(p.Site) {
			delete(next.static, f)
		}
	}
	st.Rendered, st.Written = len(p.Plan), len(next.files)
	return dir.Foreign(), nil
}

// errNotKept means the previous output lacks a file that a build would
// keep, so that it must be built whole.
var errNotKept = errors.New("the previous output lacks a file")

// update renders the pages and runs the extras whose keys changed into a
// new generation of the output and keeps every other file of the last
// build, so that only the files whose bytes differ are written.
func (b *Builder) update(ctx context.Context, p *Prepared, next *snapshot, st *Stats) error {
	last := b.last
	next.static = last.static
	next.files = maps.Clone(last.static)
	var todo []*pages.Page
	for _, page := range p.Plan {
		f := page.File()
		next.files[f] = true
		if ogimage.Drawn(p.Site, page) {
			next.files[ogimage.File(page)] = true
		}
		key, ok := next.pages[f]
		if old, had := last.pages[f]; !ok || !had || old != key {
			todo = append(todo, page)
		}
	}
	dir, err := b.dest.Begin()
	if err != nil {
		return err
	}
	p.precompress(dir)
	written := map[string]bool{}
	for _, page := range todo {
		written[page.File()] = true
		if ogimage.Drawn(p.Site, page) {
			written[ogimage.File(page)] = true
		}
	}
	var rerun []Extra // the extras whose input changed
	for i, x := range b.opts.allExtras() {
		paths := x.Paths(p.Site)
		for _, f := range paths {
			next.files[f] = true
		}
		if key := next.extras[i]; i >= len(last.extras) || last.extras[i] != key {
			rerun = append(rerun, x)
			for _, f := range paths {
				written[f] = true
			}
		}
	}
	for f := range next.files {
		if !written[f] && !dir.Kept(f) {
			dir.Abort()
			return errNotKept
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(p.workers())
	for _, x := range rerun {
		g.Go(func() error { return x.Write(p.Site, p.Plan, dir.Create) })
	}
	p.writePages(gctx, g, dir, todo, func() {})
	// Keeping a file is a lookup, and a link where it changed in the last
	// build: done here while the workers render.
	var keepErr error
	for _, f := range slices.Sorted(maps.Keys(next.files)) {
		if !written[f] {
			if keepErr = dir.Keep(f); keepErr != nil {
				break
			}
		}
	}
	if err := cmp.Or(g.Wait(), keepErr, ctx.Err()); err != nil {
		dir.Abort()
		return err
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	st.Rendered, st.Written = len(todo), dir.Written()
	for f := range last.files {
		if !next.files[f] {
			st.Removed++
		}
	}
	return nil
}

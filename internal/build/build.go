// Package build runs the stages of one build: load and check the site
// folder, plan the pages, render them with a bounded pool of workers, and
// write them into a folder that replaces the destination only when every
// page is done.
package build

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/ogimage"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/render"
)

// ErrSite means the site folder has errors; the diagnostics say which.
var ErrSite = errors.New("the site has errors")

// Options configure a build.
type Options struct {
	Source      string // the site folder
	Destination string // the output folder
	BaseURL     string // overrides site.yaml's baseURL when not ""
	BuildDrafts bool
	MaxFileSize int64 // the largest YAML or Markdown file read, in bytes; 0 means load.DefaultMaxFileSize
	Strict      bool  // warnings stop the build too
	// Now is the build's date, which closes the public consultations
	// whose window ended before it (--now); zero means today, read at
	// each build or rebuild.
	Now     time.Time
	Theme   fs.FS   // the built-in theme: layouts/, static/, i18n/
	Workers int     // pages rendered at once; 0 means GOMAXPROCS
	Extras  []Extra // nil means DefaultExtras
	// Precompress writes the compressed twins of the text files (see
	// output.Dir.Precompress) also when site.yaml's precompress does not
	// ask for them.
	Precompress bool
	// Progress, when not nil, is called now and then with how many pages
	// are written of how many.
	Progress func(done, total int)

	memo    *load.Memo       // when not nil, the articles parsed before (see memo.go)
	git     *gitinfo.Tracker // when not nil, dates the files (see memo.go)
	program string           // names this program, for what a build keeps (see programStamp)
	// renderer, when not nil, is the renderer of the Builder's last build,
	// whose templates the next one may take (render.Options.Previous).
	renderer *render.Renderer
}

// Extra writes files beyond the templated pages: robots.txt, feeds, the
// search index, downloads.
type Extra interface {
	// Paths lists the site-relative files it writes, so that links to them
	// count as links to something.
	Paths(site *model.Site) []string
	// Write writes them with create.
	Write(site *model.Site, plan []*pages.Page, create func(path string) (io.WriteCloser, error)) error
	// Reads says which parts of the site Write reads: a rebuild runs the
	// extra again only when one of them changed.
	Reads() model.Parts
}

// Result is what a build did.
type Result struct {
	Pages       int
	Rendered    int // pages rendered; the others' files were kept from the last build
	Files       int // static files, extras and share pictures
	Drawn       int // share pictures drawn; the others were kept from the previous output
	Elapsed     time.Duration
	Diagnostics []diag.Diagnostic // sorted
	// Foreign lists the files of the previous output that no build wrote,
	// such as files put there by hand: the build did not carry them over.
	Foreign []string
	// BaseURL is the base URL the site was built with; nil when it was not.
	BaseURL *url.URL
}

// Prepared is a site that has been loaded, checked and planned, with its
// templates parsed: everything but the writing.
type Prepared struct {
	Site     *model.Site
	Plan     []*pages.Page
	Renderer *render.Renderer
	pictures *ogimage.Painter // draws the pages' share pictures
	drawn    atomic.Int64     // how many it drew
	opts     Options
	root     *os.Root
}

// Prepare loads and checks the site folder. It returns the diagnostics of
// every stage; when they hold errors (or warnings and Strict) the error is
// ErrSite and nothing may be written.
func Prepare(opts Options) (*Prepared, []diag.Diagnostic, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, nil, msg.E("build-cannot-open", err).Wrapping(err)
	}
	// git reads the files' dates while the site is loaded: on a long
	// history it takes as long as loading does.
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	dates := make(chan gitinfo.Dates, 1)
	go func() { dates <- opts.gitDates(ctx) }()
	fsys := load.NewRootFS(root)
	site, diags := load.Site(fsys, load.Options{BuildDrafts: opts.BuildDrafts, BaseURL: opts.BaseURL, MaxFileSize: opts.MaxFileSize, Now: opts.Now, Summaries: opts.Strict, Memo: opts.memo})
	fsys.Close()
	if diags.HasErrors(false) {
		cancel()
	} else {
		setUpdated(site, <-dates)
	}
	p, items, err := opts.prepareLoaded(root, site, diags)
	if err != nil {
		root.Close()
	}
	return p, items, err
}

// prepareLoaded checks and plans a site loaded from root, with the
// diagnostics of loading it, and dated by its git history when they hold no
// error. It does not change the site. On an error it leaves root open.
func (opts Options) prepareLoaded(root *os.Root, site *model.Site, diags *diag.List) (*Prepared, []diag.Diagnostic, error) {
	fsys := root.FS()
	if diags.HasErrors(false) {
		// The model is partial, but when every file was read and parsed
		// its ids are complete enough to check the links too, so that one
		// run reports every mistake without a flood of false ones.
		if load.Complete(diags) {
			diags.Merge(opts.checkLinks(site, pages.Plan(site, func(k string) string { return k })))
		}
		return nil, diags.Items(), ErrSite
	}
	r, rdiags := opts.newRenderer(site, fsys)
	diags.Merge(rdiags)
	plan := pages.Plan(site, r.T)
	diags.Merge(opts.checkLinks(site, plan))
	if diags.HasErrors(opts.Strict) {
		return nil, diags.Items(), ErrSite
	}
	pictures, err := ogimage.NewPainter(site.Config.Title)
	if err != nil {
		return nil, diags.Items(), err
	}
	return &Prepared{Site: site, Plan: plan, Renderer: r, pictures: pictures, opts: opts, root: root}, diags.Items(), nil
}

// newRenderer parses the templates of the theme and of the site folder
// fsys, with the template functions of the later stages.
func (opts Options) newRenderer(site *model.Site, fsys fs.FS) (*render.Renderer, *diag.List) {
	return render.New(site, render.Options{
		Theme:    opts.Theme,
		Site:     fsys,
		Funcs:    func(t func(string) string) template.FuncMap { return extraFuncs(site, t) },
		Previous: opts.renderer,
	})
}

// checkLinks reports standalone pages and static files that take a
// generated page's address, and links and images that point at nothing.
func (o Options) checkLinks(site *model.Site, plan []*pages.Page) *diag.List {
	var extra []string
	for _, x := range o.allExtras() {
		extra = append(extra, x.Paths(site)...)
	}
	var l diag.List
	l.Merge(pages.CheckCollisions(site, plan))
	l.Merge(pages.CheckRefs(site, pages.NewTargets(plan, site.Static, extra...)))
	static := make(map[string]bool, len(site.Static))
	for _, s := range site.Static {
		static[s] = true
	}
	for _, p := range plan {
		if f := ogimage.File(p); static[f] && ogimage.Drawn(site, p) {
			l.Error("static/"+f, 1, 1, "picture-collision", p.Path)
		}
	}
	return &l
}

// Close releases the site folder.
func (p *Prepared) Close() error { return p.root.Close() }

// Run does a whole build: Prepare, then Write into the destination,
// keeping the files of pages and extras whose keys are those the live
// output was built with (see persist.go).
func Run(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	opts.program = programStamp()
	opts.memo, opts.git = readMemo(opts.Destination, opts.program), readTracker(opts.Destination, opts.Source)
	resumed := opts.git.Head()
	p, diags, err := Prepare(opts)
	res := Result{Diagnostics: diags}
	if err != nil {
		return res, err
	}
	defer p.Close()
	dir, err := output.Begin(opts.Destination, opts.Source)
	if err != nil {
		return res, err
	}
	// The memo and the dates are kept while the pages are written, with
	// the destination's lock held; the memo is then let go.
	var keeping errgroup.Group
	keeping.Go(func() error {
		writeMemo(dir, opts.memo, opts.program)
		opts.memo.Release()
		if opts.git.Head() != resumed {
			writeTracker(dir, opts.git)
		}
		return nil
	})
	p.precompress(dir)
	files, rendered, err := p.writeKeeping(ctx, dir)
	keeping.Wait()
	if err != nil {
		dir.Abort()
		return res, err
	}
	if err := dir.Commit(); err != nil {
		return res, err
	}
	res.Pages, res.Rendered, res.Files, res.Drawn, res.Elapsed = len(p.Plan), rendered, files, int(p.drawn.Load()), time.Since(start)
	res.Foreign, res.BaseURL = dir.Foreign(), p.Site.Config.BaseURL
	return res, nil
}

// Write renders every page and writes it, the static files and the extras
// into dir. It returns how many files other than pages it wrote. The
// extras run on the same pool of workers as the pages, started first, so
// that a long one (the search index) overlaps with the pages.
func (p *Prepared) Write(parent context.Context, dir *output.Dir) (files int, err error) {
	g, ctx := errgroup.WithContext(parent)
	workers := p.workers()
	g.SetLimit(workers)
	extras := p.opts.allExtras()
	for _, x := range extras {
		g.Go(func() error { return x.Write(p.Site, p.Plan, dir.Create) })
	}
	p.writePages(ctx, g, dir, p.Plan, p.progress(len(p.Plan)))
	if err := g.Wait(); err != nil {
		return 0, err
	}
	if err := parent.Err(); err != nil {
		return 0, err // stopped: some pages are not written
	}
	n, err := p.copyStatic(dir)
	if err != nil {
		return 0, err
	}
	n += len(p.pictureFiles())
	for _, x := range extras {
		n += len(x.Paths(p.Site))
	}
	return n, nil
}

// progress returns the function each worker calls when it has written a
// page. Every 64 pages, and at the last, it calls Options.Progress, one call
// at a time and with counts that only rise, so that a late worker cannot
// print an older count over the final one.
func (p *Prepared) progress(total int) func() {
	if p.opts.Progress == nil {
		return func() {}
	}
	var done atomic.Int64
	var mu sync.Mutex
	reported := 0
	return func() {
		n := int(done.Add(1))
		if n%64 != 0 && n != total {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if n > reported {
			reported = n
			p.opts.Progress(n, total)
		}
	}
}

// writePages renders each page of list and writes it into dir with its
// share picture (writePage), a task of g for each pagesPerTask of them,
// until ctx is done; done is called after each page is written. A task
// takes its buffer from a pool, and each page is written with one call;
// the task's stack, grown by its first page, serves the others.
func (p *Prepared) writePages(ctx context.Context, g *errgroup.Group, dir *output.Dir, list []*pages.Page, done func()) {
	var bufs sync.Pool
	for batch := range slices.Chunk(list, pagesPerTask) {
		if ctx.Err() != nil {
			return
		}
		g.Go(func() error {
			buf, _ := bufs.Get().(*bytes.Buffer)
			if buf == nil {
				buf = new(bytes.Buffer)
			}
			defer bufs.Put(buf)
			for _, page := range batch {
				if ctx.Err() != nil {
					return nil
				}
				if err := p.writePage(dir, page, buf); err != nil {
					return err
				}
				done()
			}
			return nil
		})
	}
}

// pagesPerTask is how many pages a task of writePages writes.
const pagesPerTask = 16

// writePage renders page into buf, emptied first, and writes it, and its
// share picture when it has one.
func (p *Prepared) writePage(dir *output.Dir, page *pages.Page, buf *bytes.Buffer) error {
	buf.Reset()
	if err := p.Renderer.Page(buf, page); err != nil {
		return err
	}
	if err := dir.WriteFile(page.File(), buf.Bytes()); err != nil {
		return err
	}
	return p.writePicture(dir, page)
}

// writePicture writes the share picture of page, if it has one. A picture
// the previous output holds with the same card is kept: a second build
// draws only the pictures that changed.
func (p *Prepared) writePicture(dir *output.Dir, page *pages.Page) error {
	if !ogimage.Drawn(p.Site, page) {
		return nil
	}
	card, f := ogimage.CardOf(p.Site, page, p.Renderer.T), ogimage.File(page)
	if head, ok := dir.LiveHead(f, ogimage.HeadSize); ok && ogimage.SameKey(head, p.pictures.Key(card)) {
		return dir.Keep(f)
	}
	png, err := p.pictures.Draw(card)
	if err != nil {
		return err
	}
	p.drawn.Add(1)
	return dir.WriteFile(f, png)
}

// pictureFiles lists the share pictures that writePage writes.
func (p *Prepared) pictureFiles() []string {
	var files []string
	for _, page := range p.Plan {
		if ogimage.Drawn(p.Site, page) {
			files = append(files, ogimage.File(page))
		}
	}
	return files
}

// copyStatic copies the theme's static files, then the site's, which win
// where both have a file of the same path. The site's are those loading
// listed, so that a link out of the folder or a special file, which loading
// leaves out with a warning, is not copied either.
func (p *Prepared) copyStatic(dir *output.Dir) (int, error) {
	sources := map[string]fs.FS{}
	if theme := p.opts.Theme; theme != nil {
		err := fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && name == "static" {
					return fs.SkipDir
				}
				return err
			}
			if d.Type().IsRegular() {
				sources[name] = theme
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	site := p.root.FS()
	for _, rel := range p.Site.Static {
		sources["static/"+rel] = site
	}
	for name, fsys := range sources {
		if err := copyFile(dir, path.Clean(name[len("static/"):]), fsys, name); err != nil {
			return 0, err
		}
	}
	return len(sources), nil
}

func copyFile(dir *output.Dir, rel string, fsys fs.FS, name string) error {
	src, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	data, err := io.ReadAll(src)
	if err != nil {
		return err
	}
	return dir.WriteFile(rel, data)
}

// precompress asks dir for compressed twins when site.yaml or the options
// do.
func (p *Prepared) precompress(dir *output.Dir) {
	if p.Site.Config.Precompress || p.opts.Precompress {
		dir.Precompress()
	}
}

func (p *Prepared) workers() int {
	if p.opts.Workers > 0 {
		return p.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Package render turns pages into HTML with html/template: the built-in theme,
// overridden file by file by the site folder's own layouts/, the template
// functions of docs/architecture.md and the interface strings of i18n/.
package render

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// Options say where templates and strings come from.
type Options struct {
	// Theme is the built-in theme, holding layouts/ and i18n/.
	Theme fs.FS
	// Site is the site folder; its layouts/ and i18n/ override the theme's
	// files and keys of the same name. Nil means none.
	Site fs.FS
	// Funcs, when not nil, gives more template functions, for later
	// stages (charts, open data), from the function that looks up the
	// site's interface strings: they may add names but not replace the
	// built-in ones.
	Funcs func(t func(key string) string) template.FuncMap
	// Previous, when not nil, is the renderer of an earlier build of the
	// same site folder. When it was made from the same layouts and strings,
	// New takes its parsed templates, given the new renderer's functions,
	// instead of parsing them again (a tenth of a rebuild of 10,000
	// articles); Previous must not be used after.
	Previous *Renderer
}

// Data is what every template gets.
type Data struct {
	Site    *model.Site
	Page    *pages.Page
	Content template.HTML // the rendered body of an article or standalone page
}

// Renderer renders pages of one site. It is safe for concurrent use.
type Renderer struct {
	site   *model.Site
	sets   map[string]*kindSet // by page kind
	common *template.Template  // base.html and the partials, for partialCached
	// pristine is common as parsed, never executed, which html/template
	// can still clone for the kinds' sets.
	pristine *template.Template
	strings  map[string]string
	mu       sync.RWMutex
	cached   map[partialKey]template.HTML // partialCached's HTML, under mu
	sources  [sha256.Size]byte
	funcs    []string // the names of the templates' functions, sorted
}

// New parses every template once, or takes those of opts.Previous. Its
// diagnostics name the layout file and line of a template that does not
// parse.
func New(site *model.Site, opts Options) (*Renderer, *diag.List) {
	var diags diag.List
	r := &Renderer{site: site, sets: map[string]*kindSet{}, cached: map[partialKey]template.HTML{}}
	r.strings = loadStrings(site.Config.Language, opts, &diags)
	files := layoutFiles(opts, &diags)
	r.sources = digestSources(files, r.strings)

	funcs := r.funcMap()
	if opts.Funcs != nil {
		for name, f := range opts.Funcs(r.T) {
			if _, taken := funcs[name]; !taken {
				funcs[name] = f
			}
		}
	}
	if prev := opts.Previous; prev != nil && prev.common != nil && prev.sources == r.sources && sameNames(prev.funcs, funcs) {
		r.common, r.pristine, r.funcs = prev.common.Funcs(funcs), prev.pristine.Funcs(funcs), prev.funcs
		for kind, ks := range prev.sets {
			r.sets[kind] = ks.rebound(funcs)
		}
		return r, &diags
	}
	r.funcs = slices.Sorted(maps.Keys(funcs))
	common := template.New("").Funcs(funcs)
	var kinds []string
	for _, name := range sortedKeys(files) {
		f := files[name]
		switch {
		case name == "base.html" || strings.HasPrefix(name, "partials/"):
			if _, err := common.New(name).Parse(f.text); err != nil {
				diags.Add(templateError(f.origin, err))
			}
		case !strings.Contains(name, "/"):
			kinds = append(kinds, name)
		}
	}
	if diags.HasErrors(false) {
		return r, &diags
	}
	r.foldStrings(common)
	pristine, err := common.Clone() // fails only once common has executed
	if err != nil {
		diags.Add(templateError(files["base.html"].origin, err))
		return r, &diags
	}
	r.common, r.pristine = common, pristine
	for _, name := range kinds {
		// Each kind's layout is parsed alone now, to report what does not
		// parse; its set, a clone of the common templates with it, is made
		// when a page of the kind is first rendered (a second build that
		// renders few kinds clones few).
		f := files[name]
		if _, err := template.New(name).Funcs(funcs).Parse(f.text); err != nil {
			diags.Add(templateError(f.origin, err))
			continue
		}
		r.sets[strings.TrimSuffix(name, ".html")] = &kindSet{name: name, file: f}
	}
	return r, &diags
}

// A kindSet is the templates that render the pages of one kind: the
// common ones and the kind's layout, made once, when first needed.
type kindSet struct {
	name string // "bloc.html"
	file layoutFile
	once sync.Once
	set  *template.Template
	err  error // a diagnostic's, when the set could not be made
}

// get returns the set, cloning pristine, parsing the kind's layout into
// it and folding its strings with fold the first time.
func (ks *kindSet) get(pristine *template.Template, fold func(*template.Template)) (*template.Template, error) {
	ks.once.Do(func() {
		set, err := pristine.Clone()
		if err == nil {
			_, err = set.New(ks.name).Parse(ks.file.text)
		}
		if err != nil {
			ks.err = errors.New(templateError(ks.file.origin, err).String())
			return
		}
		fold(set)
		ks.set = set
	})
	return ks.set, ks.err
}

// rebound is the kindSet ks of an earlier renderer for one whose functions
// are funcs: its set, if made, with funcs bound instead.
func (ks *kindSet) rebound(funcs template.FuncMap) *kindSet {
	next := &kindSet{name: ks.name, file: ks.file}
	if ks.set != nil {
		next.once.Do(func() { next.set = ks.set.Funcs(funcs) })
	}
	return next
}

// Sources is a digest of every layout and interface string the renderer
// was made from: two renderers with the same Sources render a model alike.
func (r *Renderer) Sources() [sha256.Size]byte { return r.sources }

// digestSources is the digest of the layouts by name and of the strings by
// key.
func digestSources(files map[string]layoutFile, strs map[string]string) [sha256.Size]byte {
	h := sha256.New()
	for _, name := range sortedKeys(files) {
		fmt.Fprintf(h, "layout %q %d\n%s", name, len(files[name].text), files[name].text)
	}
	for _, key := range sortedKeys(strs) {
		fmt.Fprintf(h, "string %q %q\n", key, strs[key])
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// sameNames reports whether funcs has the functions of the sorted names,
// and no other: a function the templates were parsed with and that funcs
// lacked would stay bound to the earlier renderer.
func sameNames(names []string, funcs template.FuncMap) bool {
	if len(names) != len(funcs) {
		return false
	}
	for _, name := range names {
		if _, ok := funcs[name]; !ok {
			return false
		}
	}
	return true
}

// Kinds lists the page kinds that have a template.
func (r *Renderer) Kinds() []string { return sortedKeys(r.sets) }

// T returns the interface string of key in the site's language, or the key
// itself when there is none.
func (r *Renderer) T(key string) string {
	if s, ok := r.strings[key]; ok {
		return s
	}
	return key
}

// Page writes the HTML of p to w.
func (r *Renderer) Page(w io.Writer, p *pages.Page) error {
	ks := r.sets[string(p.Kind)]
	if ks == nil {
		return fmt.Errorf("%s: no layout %s.html for pages of kind %q", p.File(), p.Kind, p.Kind)
	}
	set, err := ks.get(r.pristine, r.foldStrings)
	if err != nil {
		return fmt.Errorf("%s: %w", p.File(), err)
	}
	data := Data{Site: r.site, Page: p}
	switch {
	case p.Article != nil:
		data.Content = p.Article.Body
	case p.Standalone != nil:
		data.Content = p.Standalone.Body
	}
	if err := set.ExecuteTemplate(w, "base", data); err != nil {
		return fmt.Errorf("%s: %w", p.File(), err)
	}
	return nil
}

// layoutFile is the text of a layout and where it came from.
type layoutFile struct {
	text   string
	origin string // "layouts/x.html" of the site, or "(built-in) layouts/x.html"
}

// layoutFiles reads the theme's layouts, then the site's, which replace
// those of the same name. The site's are listed as loading lists the files
// it reads, so that a symbolic link or special file gets the same warning.
func layoutFiles(opts Options, diags *diag.List) map[string]layoutFile {
	files := map[string]layoutFile{}
	add := func(fsys fs.FS, p, origin string) {
		if path.Ext(p) != ".html" {
			return
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Error(origin, 0, 0, "layout-read", err.Error())
			return
		}
		files[strings.TrimPrefix(p, "layouts/")] = layoutFile{text: string(b), origin: origin}
	}
	if opts.Theme != nil {
		err := fs.WalkDir(opts.Theme, "layouts", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				add(opts.Theme, p, "(built-in) "+p)
			}
			return err
		})
		if err != nil && !isNotExist(err) {
			diags.Error("(built-in) layouts", 1, 1, "layouts-read", err.Error())
		}
	}
	if opts.Site != nil {
		load.WalkFiles(opts.Site, "layouts", diags, func(p string) { add(opts.Site, p, p) })
	}
	return files
}

// templateLine finds the line in html/template's parse errors:
// "template: bloc.html:12: unexpected …".
var templateLine = regexp.MustCompile(`^template: [^:]+:(\d+):(?:(\d+):)? ?(.*)$`)

func templateError(origin string, err error) diag.Diagnostic {
	d := diag.Diagnostic{Path: origin, Line: 1, Column: 1, Severity: diag.Error, Code: "template", Args: []any{err.Error()}}
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			d.Column, _ = strconv.Atoi(m[2])
		}
		d.Code, d.Args = "template-parse", []any{m[3]}
	}
	return d
}

func isNotExist(err error) bool { return err != nil && errors.Is(err, fs.ErrNotExist) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

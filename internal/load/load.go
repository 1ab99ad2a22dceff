// Package load reads a site folder and builds the validated model.Site,
// reporting every mistake of SPEC §2 with its file, line and column.
//
// Loading is two steps, so that a watcher can redo only what changed: each
// file is parsed by a pure function of its path and bytes (ParseConfig,
// ParseUnits, ParseAwards, ParseBloc, ParseBlocYear, ParseArticle,
// ParsePage), and Assemble resolves the identifiers across files and
// builds the cross-linked site. Site does both for a whole folder.
package load

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
)

// Options changes how a site is assembled.
type Options struct {
	BuildDrafts bool   // keep articles with draft: true
	BaseURL     string // when not "", overrides site.yaml baseURL (e.g. thidua serve, -b)
}

// Site reads the site folder fsys (rooted at the folder; paths in messages
// are relative to it, slash-separated) and returns the model and every
// diagnostic. When the diagnostics hold errors the model may be partial and
// must not be rendered.
func Site(fsys fs.FS, opts Options) (*model.Site, *diag.List) {
	diags := &diag.List{}
	files := &Files{}
	var jobs []func() parsed
	for _, p := range siteFiles(fsys, diags) {
		k := classify(p)
		if k == kindIgnored || k == kindStatic {
			diags.Merge(files.Set(p, nil))
			continue
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Errorf(p, 0, 0, "read", "the file cannot be read (%v); check its permissions", err)
			continue
		}
		jobs = append(jobs, func() parsed { return parseFile(k, p, src) })
	}
	for _, r := range runBounded(jobs) {
		diags.Merge(r.diags)
		files.put(r.value)
	}
	site, d := Assemble(files, opts)
	diags.Merge(d)
	return site, diags
}

// parsed is the result of parsing one file: one of the *…File types.
type parsed struct {
	value any
	diags *diag.List
}

// parseFile parses the file at p, of kind k, with the parser of its kind.
func parseFile(k kind, p string, src []byte) parsed {
	var r parsed
	switch k {
	case kindConfig:
		r.value, r.diags = ParseConfig(p, src)
	case kindUnits:
		r.value, r.diags = ParseUnits(p, src)
	case kindAwards:
		r.value, r.diags = ParseAwards(p, src)
	case kindBloc:
		r.value, r.diags = ParseBloc(p, src)
	case kindBlocYear:
		r.value, r.diags = ParseBlocYear(p, src)
	case kindArticle:
		r.value, r.diags = ParseArticle(p, src)
	case kindPage:
		r.value, r.diags = ParsePage(p, src)
	}
	return r
}

// runBounded runs the jobs on at most GOMAXPROCS goroutines and returns
// their results in the order of the jobs.
func runBounded(jobs []func() parsed) []parsed {
	results := make([]parsed, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, job := range jobs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			results[i] = job()
		})
	}
	wg.Wait()
	return results
}

// siteFiles returns the paths of the files of fsys that loading looks at:
// site.yaml and the files under data/, content/ and static/. A folder that
// cannot be read is reported.
func siteFiles(fsys fs.FS, diags *diag.List) []string {
	var out []string
	if _, err := fs.Stat(fsys, "site.yaml"); err == nil {
		out = append(out, "site.yaml")
	}
	walk := func(root string, visit func(p string)) {
		err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) || p != root {
					diags.Errorf(p, 0, 0, "read", "the folder cannot be read (%v); check its permissions", err)
				}
				return nil
			}
			if p != root && strings.HasPrefix(e.Name(), ".") && root != "static" {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !e.IsDir() {
				visit(p)
			}
			return nil
		})
		if err != nil {
			diags.Errorf(root, 0, 0, "read", "the folder cannot be read (%v)", err)
		}
	}
	for _, root := range []string{"data", "content", "static"} {
		walk(root, func(p string) { out = append(out, p) })
	}
	return out
}

// kind is what a file of the site folder holds, decided by its path.
type kind int

const (
	kindOutside kind = iota // not read by loading: layouts/, README.md
	kindIgnored             // in data/ or content/, but of no kind loading knows
	kindStatic
	kindConfig
	kindUnits
	kindAwards
	kindBloc
	kindBlocYear
	kindArticle
	kindPage
)

// classify returns what the file at the slash path p holds.
func classify(p string) kind {
	parts := strings.Split(p, "/")
	switch {
	case p == "site.yaml":
		return kindConfig
	case p == "data/units.yaml":
		return kindUnits
	case p == "data/awards.yaml":
		return kindAwards
	case len(parts) == 4 && parts[1] == "blocs" && parts[0] == "data" && parts[3] == "bloc.yaml":
		return kindBloc
	case len(parts) == 4 && parts[1] == "blocs" && parts[0] == "data" && path.Ext(p) == ".yaml":
		return kindBlocYear
	case len(parts) >= 3 && parts[0] == "content" && parts[1] == "news" && path.Ext(p) == ".md":
		return kindArticle
	case len(parts) == 3 && parts[0] == "content" && parts[1] == "pages" && path.Ext(p) == ".md":
		return kindPage
	case parts[0] == "static" && len(parts) > 1:
		return kindStatic
	case (parts[0] == "data" || parts[0] == "content") && len(parts) > 1:
		return kindIgnored
	}
	return kindOutside
}

// ignoredHint says, for an ignored file at p, what its folder holds.
func ignoredHint(p string) string {
	parts := strings.Split(p, "/")
	switch {
	case len(parts) == 2 && parts[0] == "data":
		return "data/ holds units.yaml, awards.yaml and the folder blocs/" + diag.DidYouMean(parts[1], []string{"units.yaml", "awards.yaml"})
	case len(parts) == 4 && parts[0] == "data" && parts[1] == "blocs":
		return "a bloc folder holds bloc.yaml and one <year>.yaml per year, like 2024.yaml"
	case len(parts) >= 2 && parts[0] == "data" && parts[1] == "blocs":
		return "each bloc is a folder data/blocs/<bloc>/ holding bloc.yaml and <year>.yaml files"
	case len(parts) >= 3 && parts[0] == "content" && parts[1] == "news":
		return "articles are .md files; put images and other files under static/"
	case len(parts) >= 2 && parts[0] == "content" && parts[1] == "pages":
		return "pages are .md files directly in content/pages/"
	}
	return "content/ holds the folders news/ and pages/ of .md files, data/ the YAML records"
}

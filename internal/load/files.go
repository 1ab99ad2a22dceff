package load

import (
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/diag"
)

// Files is every parsed file of a site folder, the input of Assemble. A
// watcher keeps one, calls Set or Remove for each file that changed, and
// assembles again.
type Files struct {
	Config    *ConfigFile    // nil when the folder has no site.yaml
	Units     *UnitsFile     // nil when it has no data/units.yaml
	Awards    *AwardsFile    // nil when it has no data/awards.yaml
	Decisions *DecisionsFile // nil when it has no data/decisions.yaml
	Notices   []*NoticeFile
	Blocs     []*BlocFile
	BlocYears []*BlocYearFile
	Articles  []*ArticleFile
	Pages     []*PageFile
	Static    []string // files under static/, relative to it, slash-separated
}

// Set parses src as the file at p (slash-separated, relative to the site
// folder) and puts it in f in place of any earlier version of that file,
// returning the file's own diagnostics. A Markdown body is rendered under
// the base path and with the Markdown settings of f's site.yaml. A file
// under static/ is listed in Static (src is not read); a file in data/ or
// content/ that loading does not read, or a hidden Markdown file under
// content/, gives a warning; any other file is left out silently.
func (f *Files) Set(p string, src []byte) *diag.List {
	switch k := classify(p); k {
	case kindOutside:
		return &diag.List{}
	case kindIgnored:
		d := &diag.List{}
		ignored(d, p)
		return d
	case kindHidden:
		d := &diag.List{}
		d.Warn(p, 0, 0, "hidden-file", hiddenHint(p))
		return d
	case kindStatic:
		rel := strings.TrimPrefix(p, "static/")
		if i, found := slices.BinarySearch(f.Static, rel); !found {
			f.Static = slices.Insert(f.Static, i, rel)
		}
		return &diag.List{}
	default:
		var bodies *Bodies
		if k == kindArticle || k == kindPage {
			bodies = NewBodies(markdownOptions(f.Config, Options{}))
		}
		r := parseFile(k, p, src, bodies)
		f.put(r.value)
		return r.diags
	}
}

// Remove takes the file at p out of f.
func (f *Files) Remove(p string) {
	switch {
	case f.Config != nil && f.Config.Path == p:
		f.Config = nil
	case f.Units != nil && f.Units.Path == p:
		f.Units = nil
	case f.Awards != nil && f.Awards.Path == p:
		f.Awards = nil
	case f.Decisions != nil && f.Decisions.Path == p:
		f.Decisions = nil
	}
	f.Notices = slices.DeleteFunc(f.Notices, func(n *NoticeFile) bool { return n.Path == p })
	f.Blocs = slices.DeleteFunc(f.Blocs, func(b *BlocFile) bool { return b.Path == p })
	f.BlocYears = slices.DeleteFunc(f.BlocYears, func(y *BlocYearFile) bool { return y.Path == p })
	f.Articles = slices.DeleteFunc(f.Articles, func(a *ArticleFile) bool { return a.Path == p })
	f.Pages = slices.DeleteFunc(f.Pages, func(pg *PageFile) bool { return pg.Path == p })
	f.Static = slices.DeleteFunc(f.Static, func(s string) bool { return "static/"+s == p })
}

// put stores a parsed file, one of the *…File types, in place of any
// earlier version with the same path.
func (f *Files) put(v any) {
	switch v := v.(type) {
	case *ConfigFile:
		f.Config = v
	case *UnitsFile:
		f.Units = v
	case *AwardsFile:
		f.Awards = v
	case *DecisionsFile:
		f.Decisions = v
	case *NoticeFile:
		f.Notices = replace(f.Notices, v, func(n *NoticeFile) bool { return n.Path == v.Path })
	case *BlocFile:
		f.Blocs = replace(f.Blocs, v, func(b *BlocFile) bool { return b.Path == v.Path })
	case *BlocYearFile:
		f.BlocYears = replace(f.BlocYears, v, func(y *BlocYearFile) bool { return y.Path == v.Path })
	case *ArticleFile:
		f.Articles = replace(f.Articles, v, func(a *ArticleFile) bool { return a.Path == v.Path })
	case *PageFile:
		f.Pages = replace(f.Pages, v, func(p *PageFile) bool { return p.Path == v.Path })
	}
}

// add stores a parsed file, one of the *…File types, of a path that f does
// not hold yet: without looking for an earlier version, so that a folder
// of n files is put together in time proportional to n.
func (f *Files) add(v any) {
	switch v := v.(type) {
	case *BlocFile:
		f.Blocs = append(f.Blocs, v)
	case *BlocYearFile:
		f.BlocYears = append(f.BlocYears, v)
	case *ArticleFile:
		f.Articles = append(f.Articles, v)
	case *PageFile:
		f.Pages = append(f.Pages, v)
	default:
		f.put(v)
	}
}

// replace puts v in s in place of the element that same matches, or at the end.
func replace[T any](s []T, v T, same func(T) bool) []T {
	if i := slices.IndexFunc(s, same); i >= 0 {
		s[i] = v
		return s
	}
	return append(s, v)
}

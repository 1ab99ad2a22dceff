package pages

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// Targets is the set of site-relative paths a build writes: pages (by their
// path, "khoi/" and "khoi/index.html" alike), static files and other outputs.
type Targets struct {
	paths     map[string]bool
	bySection map[string][]string // paths by their first element, made for the first suggestion
}

// NewTargets collects the paths of the plan, the static files of the site
// and any extra output files (feeds, downloads), all site-relative.
func NewTargets(plan []*Page, static []string, extra ...string) *Targets {
	t := &Targets{paths: make(map[string]bool, 2*len(plan)+len(static)+len(extra))}
	for _, p := range plan {
		t.paths[p.Path] = true
		t.paths[p.File()] = true
	}
	for _, s := range append(slices.Clone(static), extra...) {
		t.paths[s] = true
	}
	return t
}

// section is the first element of a site-relative path.
func section(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// Suggest returns the known path, as "/path", closest to the broken
// destination dest among those of its section, or "". It groups the paths
// by section on its first call, so it is not safe for concurrent use.
func (t *Targets) Suggest(dest string) string {
	if t.bySection == nil {
		t.bySection = map[string][]string{}
		for p := range t.paths {
			if p != "" && !strings.HasSuffix(p, "index.html") {
				sec := section(p)
				t.bySection[sec] = append(t.bySection[sec], p)
			}
		}
		for _, list := range t.bySection {
			slices.Sort(list)
		}
	}
	p := strings.TrimPrefix(clean(dest), "/")
	if s := diag.Suggest(p, t.bySection[section(p)]); s != "" {
		return "/" + s
	}
	return ""
}

// clean drops the query and fragment of dest and undoes its escapes.
func clean(dest string) string {
	p := dest
	for i := 0; i < len(p); i++ {
		if p[i] == '?' || p[i] == '#' {
			p = p[:i]
			break
		}
	}
	if strings.IndexByte(p, '%') < 0 {
		return p
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	return p
}

// Has reports whether the site-relative destination dest (as written in
// Markdown, starting with "/") points at something the build writes. A page
// may be named with or without its trailing slash; query and fragment are
// ignored.
func (t *Targets) Has(dest string) bool {
	p := strings.TrimPrefix(clean(dest), "/")
	return t.paths[p] || t.paths[p+"/"]
}

// CheckRefs reports, at its place in the source file, every link or image
// of an article or standalone page that points at nothing: site-relative
// ones ("/khoi/") and those relative to the page they are on ("anh.jpg",
// "../khoi-8-tong-ket-2024/"), resolved against its address as a browser
// resolves them.
func CheckRefs(site *model.Site, targets *Targets) *diag.List {
	var l diag.List
	check := func(path, page string, refs []model.Ref) {
		for _, r := range refs {
			dest := r.Dest
			if !strings.HasPrefix(dest, "/") {
				dest = resolveRelative(page, dest)
			}
			if targets.Has(dest) {
				continue
			}
			// Only a broken link is described: most are fine, and a 10,000
			// article site has tens of thousands.
			shown := any(fmt.Sprintf("%q", r.Dest))
			if dest != r.Dest {
				shown = msg.P("ref-resolved", r.Dest, dest)
			}
			code := "broken-link"
			if r.Image {
				code = "broken-image"
			}
			if about := pageOf(dest); about != "" {
				// codes: broken-link, broken-image
				l.Consequence(about, path, r.Line, r.Column, code, targets.Suggest(dest), shown)
			} else {
				// codes: broken-link, broken-image
				l.ErrorGuess(path, r.Line, r.Column, code, targets.Suggest(dest), shown)
			}
		}
	}
	for _, a := range site.Articles {
		check(a.Path, ArticlePath(a), a.Refs)
	}
	for _, p := range site.Pages {
		check(p.Path, StandalonePath(p), p.Refs)
	}
	return &l
}

// pageOf returns what the page at dest, a site-relative address, is the
// page of ("unit:hoi-a" for /don-vi/hoi-a/, "bloc:khoi-8" for /khoi/khoi-8/
// and its years), for a broken link that is a consequence of an id that is
// not declared; "" for any other address.
func pageOf(dest string) string {
	for prefix, kind := range map[string]string{"/" + UnitsPath: "unit", "/" + BlocsPath: "bloc"} {
		if id, ok := strings.CutPrefix(dest, prefix); ok {
			id, _, _ = strings.Cut(id, "/")
			if id != "" && !strings.ContainsAny(id, "?#") {
				return kind + ":" + id
			}
		}
	}
	return ""
}

// resolveRelative returns the site-relative destination ("/…") of dest, a
// link relative to the page at the site-relative path page ("tin-tuc/a/"),
// as a browser resolves it: from the page's folder, each ".." going up one,
// never above the root; the query and fragment are kept.
func resolveRelative(page, dest string) string {
	p, suffix := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		p, suffix = dest[:i], dest[i:]
	}
	if p == "" {
		return "/" + page + suffix
	}
	joined := path.Join("/"+page[:strings.LastIndexByte(page, '/')+1], p)
	if base := p[strings.LastIndexByte(p, '/')+1:]; (base == "" || base == "." || base == "..") && joined != "/" {
		joined += "/"
	}
	return joined + suffix
}

// CheckCollisions reports a standalone page whose address is taken by a
// section of the site or by another page, and a static file that would
// overwrite a generated page.
func CheckCollisions(site *model.Site, plan []*Page) *diag.List {
	var l diag.List
	generated := make(map[string]bool, len(plan))
	for _, p := range plan {
		if p.Kind != "page" {
			generated[p.File()] = true
		}
	}
	reserved := []string{BlocsPath, UnitsPath, YearsPath, AwardsPath, NewsPath, SearchPath, DataPath, "assets/"}
	for _, p := range site.Pages {
		path := StandalonePath(p)
		if slices.Contains(reserved, path) || generated[File(path)] {
			l.Error(p.Path, 1, 1, "reserved-slug", path)
		}
	}
	for _, s := range site.Static {
		if generated[s] {
			l.Error("static/"+s, 1, 1, "static-collision", s)
		}
	}
	return &l
}

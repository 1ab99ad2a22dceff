package build

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"time"
	"unsafe"

	"github.com/thidua/thidua/internal/feeds"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/opendata"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/search"
)

// keys gives each page and extra of a site a key: a hash of what its
// template or writer reads from the model, so that a rebuild redoes only
// what has a new key. The keys are generous: a page's key covers the whole
// of each thing it shows (a bloc year's key, all of a unit's years), never
// only the fields its template prints today, so that a change of the
// built-in theme rarely needs a change here; the test of incremental builds
// against full ones checks that they are generous enough.
//
// Pages that list many things of many kinds (home, the lists of blocs,
// units, years and awards, search, open data, 404) have the key of
// everything but the articles' bodies, which none of them shows. Kinds this
// file does not know have no key: they are rendered on every rebuild.
type keys struct {
	seed      maphash.Seed
	site      *model.Site
	global    uint64                    // what every page shows: settings, standalone pages, years, blocs, award kinds
	all       uint64                    // everything but the articles' bodies
	articles  map[*model.Article]uint64 // all of the article
	listings  map[*model.Article]uint64 // what a list of articles shows of it
	blocYears map[*model.BlocYear]uint64

	lastBodies map[*byte]bodyKey // the bodies of the last build
	bodies     map[*byte]bodyKey // the bodies of this one
}

// newKeys computes the keys of site; last, when not nil, is the keys of
// the build before, whose work it reuses.
func newKeys(seed maphash.Seed, site *model.Site, last *keys) *keys {
	k := &keys{seed: seed, site: site, articles: make(map[*model.Article]uint64, len(site.Articles)),
		listings: make(map[*model.Article]uint64, len(site.Articles)), blocYears: map[*model.BlocYear]uint64{},
		bodies: make(map[*byte]bodyKey, len(site.Articles))}
	if last != nil {
		k.lastBodies = last.bodies
	}
	for _, a := range site.Articles {
		k.listings[a] = k.listing(a)
		k.articles[a] = k.article(a)
	}
	for _, b := range site.Blocs {
		for _, y := range b.Years {
			k.blocYears[y] = k.blocYear(y)
		}
	}
	h := k.hasher()
	c := site.Config
	h.str(c.Title, c.Language, c.Description, c.Province, c.DataLicenseID)
	if c.BaseURL != nil {
		h.str(c.BaseURL.String())
	}
	h.int(c.Paginate, site.CurrentYear())
	h.bool(c.MarkdownUnsafe, c.ArticlePictures)
	for _, p := range site.Pages {
		h.str(p.Slug, p.Title, p.Summary)
	}
	for _, y := range site.Years {
		h.int(y.Year)
	}
	for _, b := range site.Blocs {
		h.bloc(b)
	}
	for _, a := range site.Awards {
		h.kind(a)
	}
	k.global = h.sum()
	h = k.hasher()
	h.u64(k.global)
	k.everything(h)
	k.all = h.sum()
	return k
}

// page returns the key of p, and false when p has none and must be
// rendered on every rebuild.
func (k *keys) page(p *pages.Page) (uint64, bool) {
	h := k.hasher()
	h.u64(k.global)
	h.str(p.Kind, p.Path, p.Title, p.Description)
	for _, c := range p.Crumbs {
		h.str(c.Title, c.Path)
	}
	switch p.Kind {
	case "home", "blocs", "units", "years", "awards", "search", "data", "404":
		h.u64(k.all)
	case "article":
		h.u64(k.articles[p.Article])
	case "news":
		k.articleList(h, p.Articles)
		if pg := p.Pager; pg != nil {
			h.int(pg.Number, pg.Count)
			h.str(pg.First, pg.Prev, pg.Next, pg.Last)
		}
	case "page":
		s := p.Standalone
		h.str(s.Slug, s.Path, s.Title, s.Summary, string(s.Body))
		h.int(s.BodyLine)
	case "bloc":
		h.blocFull(p.Bloc)
		k.years(h, p.Bloc.Years)
		k.articleList(h, p.Bloc.Articles)
	case "blocyear":
		h.blocFull(p.BlocYear.Bloc)
		k.years(h, p.BlocYear.Bloc.Years)
	case "unit":
		u := p.Unit
		h.unitFull(u)
		for _, m := range u.Memberships {
			h.u64(k.blocYears[m.BlocYear])
		}
		for _, l := range [][]*model.Unit{u.Predecessors, u.Successors} {
			for _, o := range l {
				h.unitFull(o)
				for _, m := range o.Memberships {
					h.str(m.BlocYear.Bloc.ID)
					h.int(m.BlocYear.Year)
				}
			}
		}
		k.articleList(h, u.Articles)
	case "year":
		h.int(p.Year.Year)
		k.years(h, p.Year.Blocs)
		k.articleList(h, p.Year.Articles)
	case "award":
		h.kind(p.Award)
		seen := map[*model.BlocYear]bool{}
		for _, a := range p.Award.Awards {
			if !seen[a.BlocYear] {
				seen[a.BlocYear] = true
				h.u64(k.blocYears[a.BlocYear])
			}
		}
	default:
		return 0, false
	}
	return h.sum(), true
}

func (k *keys) years(h *hasher, ys []*model.BlocYear) {
	for _, y := range ys {
		h.u64(k.blocYears[y])
	}
}

// articleList writes what a list of articles shows of each.
func (k *keys) articleList(h *hasher, as []*model.Article) {
	for _, a := range as {
		h.u64(k.listings[a])
	}
}

// allArticles writes all of every article of the site.
func (k *keys) allArticles(h *hasher) {
	for _, a := range k.site.Articles {
		h.u64(k.articles[a])
	}
}

// extra returns the key of the input of x, and false when x is of a kind
// this file does not know and must be run on every rebuild.
func (k *keys) extra(x Extra) (uint64, bool) {
	h := k.hasher()
	h.u64(k.global)
	switch x.(type) {
	case robots:
		h.str("robots")
	case search.Extra:
		// Every page kind is found, bloc years by their description (who
		// led, how many members) among them: all of the model.
		h.str("search")
		h.u64(k.all)
		k.allArticles(h)
	case feeds.Atom:
		h.str("atom")
		k.allArticles(h)
	case feeds.Sitemap, opendata.Extra:
		h.str("everything")
		h.u64(k.all)
	default:
		return 0, false
	}
	return h.sum(), true
}

// everything hashes the whole model but the bodies of the articles, which
// neither the sitemap nor the open data show: of an article, what a list
// of articles shows.
func (k *keys) everything(h *hasher) {
	for _, u := range k.site.Units {
		h.unitFull(u)
	}
	for _, b := range k.site.Blocs {
		h.blocFull(b)
		k.years(h, b.Years)
	}
	for _, a := range k.site.Articles {
		h.u64(k.listings[a])
	}
}

// article is the key of an article: all of it, and the names of the blocs,
// year and units it links to.
func (k *keys) article(a *model.Article) uint64 {
	h := k.hasher()
	h.u64(k.listings[a])
	h.u64(k.body(a))
	return h.sum()
}

// body is the key of an article's body. Bodies are long and few change
// between builds, so the keys of the last build are kept by the address of
// the body's first byte: a body not parsed again is the same string, and
// holding it as a key keeps its memory from being reused.
func (k *keys) body(a *model.Article) uint64 {
	var first *byte
	if len(a.Body) > 0 {
		first = unsafe.StringData(string(a.Body))
		if b, ok := k.lastBodies[first]; ok && b.size == len(a.Body) && b.terms == a.Terms {
			k.bodies[first] = b
			return b.key
		}
	}
	h := k.hasher()
	h.str(a.Terms, string(a.Body))
	h.int(a.BodyLine)
	for _, r := range a.Refs {
		h.str(r.Dest)
		h.int(r.Line, r.Column)
		h.bool(r.Image)
	}
	b := bodyKey{size: len(a.Body), terms: a.Terms, key: h.sum()}
	if first != nil {
		k.bodies[first] = b
	}
	return b.key
}

// bodyKey is the key of a body of a given length and terms.
type bodyKey struct {
	size  int
	terms string
	key   uint64
}

// listing is the key of what a list of articles may show of one: all but
// its body.
func (k *keys) listing(a *model.Article) uint64 {
	h := k.hasher()
	h.str(a.Slug, a.Path, a.Title, a.Summary, a.Author, a.Image)
	h.time(a.Date)
	h.int(a.Year)
	h.bool(a.Draft, k.site.Year(a.Year) != nil)
	for _, b := range a.Blocs {
		h.bloc(b)
		h.bool(b.Year(a.Year) != nil)
	}
	for _, u := range a.Units {
		h.unit(u)
	}
	return h.sum()
}

// blocYear is the key of a bloc's year: all of it, with the key of each of
// its articles.
func (k *keys) blocYear(y *model.BlocYear) uint64 {
	h := k.hasher()
	h.bloc(y.Bloc)
	h.int(y.Year)
	h.str(y.Path)
	h.time(y.Updated)
	for _, m := range y.Members {
		h.unit(m.Unit)
		h.int(m.Rank)
		h.optFloat(m.Score)
		h.str(string(m.Rating), string(m.Role))
	}
	h.unit(y.Leader)
	for _, d := range y.Deputies {
		h.unit(d)
	}
	h.unit(y.NextLeader)
	for _, e := range []*model.Event{y.Covenant, y.Review} {
		h.bool(e != nil)
		if e != nil {
			h.time(e.Date)
			h.str(e.Goals...)
		}
	}
	for _, a := range y.Awards {
		h.kind(a.Kind)
		h.unit(a.Unit)
		h.int(a.Count)
		h.str(string(a.Status), a.Decision)
	}
	for _, m := range y.Models {
		h.unit(m.Unit)
		h.str(m.Name, m.Summary)
	}
	for _, f := range y.Figures {
		h.str(f.Label, f.Unit)
		h.float(f.Value)
	}
	k.articleList(h, y.Articles)
	return h.sum()
}

// hasher writes the parts of a key.
type hasher struct {
	h maphash.Hash
	b [8]byte
}

func (k *keys) hasher() *hasher {
	h := &hasher{}
	h.h.SetSeed(k.seed)
	return h
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }

func (h *hasher) u64(v uint64) {
	binary.LittleEndian.PutUint64(h.b[:], v)
	h.h.Write(h.b[:])
}

// str writes each string with its length, so that ("ab", "c") and ("a",
// "bc") differ.
func (h *hasher) str(ss ...string) {
	for _, s := range ss {
		h.u64(uint64(len(s)))
		h.h.WriteString(s)
	}
}

func (h *hasher) int(ns ...int) {
	for _, n := range ns {
		h.u64(uint64(n))
	}
}

func (h *hasher) bool(bs ...bool) {
	for _, b := range bs {
		if b {
			h.u64(1)
		} else {
			h.u64(0)
		}
	}
}

func (h *hasher) float(f float64) { h.u64(math.Float64bits(f)) }

func (h *hasher) optFloat(f *float64) {
	h.bool(f != nil)
	if f != nil {
		h.float(*f)
	}
}

func (h *hasher) time(t time.Time) {
	h.u64(uint64(t.UnixNano()))
	name, offset := t.Zone()
	h.str(name)
	h.int(offset)
}

// unit writes what a link to a unit shows.
func (h *hasher) unit(u *model.Unit) {
	h.bool(u != nil)
	if u != nil {
		h.str(u.ID, u.Name, u.Short, u.Kind)
		h.int(u.Dissolved)
	}
}

// unitFull writes a unit's own fields.
func (h *hasher) unitFull(u *model.Unit) {
	h.unit(u)
	h.str(u.Website)
	h.time(u.Updated)
	for _, f := range u.Formerly {
		h.str(f.Name)
		h.int(f.Until)
	}
	for _, l := range [][]*model.Unit{u.Predecessors, u.Successors} {
		h.int(len(l))
		for _, o := range l {
			h.unit(o)
		}
	}
}

// bloc writes what a link to a bloc shows.
func (h *hasher) bloc(b *model.Bloc) {
	h.str(b.ID, b.Name, b.Short)
	h.int(b.Order)
}

// blocFull writes a bloc's own fields.
func (h *hasher) blocFull(b *model.Bloc) {
	h.bloc(b)
	h.str(b.Description, string(b.DescriptionHTML))
}

func (h *hasher) kind(a *model.AwardKind) {
	h.str(a.ID, a.Name, a.Short)
	h.int(a.Rank)
	h.bool(a.BuiltIn)
}

package build

import (
	"encoding/binary"
	"math"
	"time"
	"unsafe"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"

	"github.com/cespare/xxhash/v2"
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
	site      *model.Site
	global    uint64                    // what every page shows: settings, standalone pages, years, blocs, award kinds
	all       uint64                    // everything but the articles' bodies
	articles  map[*model.Article]uint64 // all of the article
	listings  map[*model.Article]uint64 // what a list of articles shows of it
	blocYears map[*model.BlocYear]uint64

	bodies *bodyKeys
}

// newKeys computes the keys of site; last, when not nil, is the keys of
// the build before, whose work it reuses.
func newKeys(site *model.Site, last *keys) *keys {
	k := &keys{site: site, articles: make(map[*model.Article]uint64, len(site.Articles)),
		listings: make(map[*model.Article]uint64, len(site.Articles)), blocYears: map[*model.BlocYear]uint64{},
		bodies: newBodyKeys(len(site.Articles))}
	if last != nil {
		k.bodies.last = last.bodies.now
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
	h.str(string(p.Kind), p.Path, p.Title, p.Description)
	for _, c := range p.Crumbs {
		h.str(c.Title, c.Path)
	}
	switch p.Kind {
	case pages.KindHome, pages.KindBlocs, pages.KindUnits, pages.KindYears, pages.KindAwards, pages.KindSearch, pages.KindData, pages.KindNotFound:
		h.u64(k.all)
	case pages.KindDecisions:
		for _, d := range k.site.Decisions {
			h.decision(d)
			h.int(len(d.Awards))
		}
	case pages.KindDecision:
		h.decision(p.Decision)
		for _, a := range p.Decision.Awards {
			h.u64(k.blocYears[a.BlocYear])
		}
	case pages.KindNotices:
		for _, n := range k.site.Notices {
			h.notice(n)
		}
	case pages.KindNotice:
		h.notice(p.Notice)
	case pages.KindArticle:
		h.u64(k.articles[p.Article])
	case pages.KindNews:
		k.articleList(h, p.Articles)
		if pg := p.Pager; pg != nil {
			h.int(pg.Number, pg.Count)
			h.str(pg.First, pg.Prev, pg.Next, pg.Last)
		}
	case pages.KindPage:
		s := p.Standalone
		h.str(s.Slug, s.Path, s.Title, s.Summary, string(s.Body))
		h.int(s.BodyLine)
	case pages.KindBloc:
		h.blocFull(p.Bloc)
		k.years(h, p.Bloc.Years)
		k.articleList(h, p.Bloc.Articles)
	case pages.KindBlocYear:
		h.blocFull(p.BlocYear.Bloc)
		k.years(h, p.BlocYear.Bloc.Years)
	case pages.KindUnit:
		u := p.Unit
		h.unitFull(u)
		for _, m := range u.Memberships {
			h.u64(k.blocYears[m.BlocYear])
		}
		// A recipient outside the blocs shows the bloc years of its awards.
		for _, a := range u.Awards {
			h.u64(k.blocYears[a.BlocYear])
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
	case pages.KindYear:
		h.int(p.Year.Year)
		h.bool(p.Year.HasAwards)
		k.years(h, p.Year.Blocs)
		k.articleList(h, p.Year.Articles)
	case pages.KindAward:
		h.kindFull(p.Award)
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

// extra returns the key of the parts of the site x reads.
func (k *keys) extra(x Extra) uint64 {
	h := k.hasher()
	parts := x.Reads()
	h.int(int(parts))
	h.u64(k.global)
	if parts&model.PartRecords != 0 {
		h.u64(k.all)
	}
	if parts&model.PartArticles != 0 {
		k.allArticles(h)
	}
	return h.sum()
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
	for _, d := range k.site.Decisions {
		h.decision(d)
	}
	for _, n := range k.site.Notices {
		h.notice(n)
	}
	for _, a := range k.site.Awards {
		h.kindFull(a)
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

// body is the key of an article's body: its text and its links.
func (k *keys) body(a *model.Article) uint64 {
	return k.bodies.key(a, func() uint64 {
		h := k.hasher()
		h.str(a.Terms, string(a.Body))
		h.int(a.BodyLine)
		for _, r := range a.Refs {
			h.str(r.Dest)
			h.int(r.Line, r.Column)
			h.bool(r.Image)
		}
		return h.sum()
	})
}

// bodyKeys keeps the keys of articles' bodies from one build to the next.
// Bodies are long and few change between builds; a body that loading did
// not parse again is the very same string, so its key is found by the
// address of its first byte, its length and its terms, without hashing it
// again. Holding the address keeps the body's memory from being reused for
// another. TestBodyKeysAreFreshKeys checks it against hashing every body.
type bodyKeys struct {
	last, now map[*byte]bodyKey
	reused    int // keys taken from the last build
}

// bodyKey is the key of a body of a given length and terms.
type bodyKey struct {
	size  int
	terms string
	key   uint64
}

func newBodyKeys(n int) *bodyKeys { return &bodyKeys{now: make(map[*byte]bodyKey, n)} }

// key returns the key of a's body: the last build's, when a holds the same
// body, or else hash's.
func (b *bodyKeys) key(a *model.Article, hash func() uint64) uint64 {
	if len(a.Body) == 0 {
		return hash()
	}
	first := unsafe.StringData(string(a.Body))
	if k, ok := b.last[first]; ok && k.size == len(a.Body) && k.terms == a.Terms {
		b.now[first] = k
		b.reused++
		return k.key
	}
	k := bodyKey{size: len(a.Body), terms: a.Terms, key: hash()}
	b.now[first] = k
	return k.key
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
	h.results(y.Results)
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
		h.str(string(a.Status), a.DecisionNote, a.Recipient)
		for _, s := range a.History {
			h.str(string(s.Status))
			h.time(s.Date)
		}
		h.decision(a.Decision)
		h.bool(a.Notice != nil)
		if a.Notice != nil {
			h.notice(a.Notice)
		}
	}
	h.bool(y.Flag != nil)
	if f := y.Flag; f != nil {
		h.unit(f.Holder)
		h.unit(f.From)
		h.time(f.Date)
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

// hasher writes the parts of a key. The hash, XXH64, is the same in every
// process, so that a build can compare its keys with those a build before
// it kept with the output (see persist.go).
type hasher struct {
	h xxhash.Digest
	b [8]byte
}

func (k *keys) hasher() *hasher {
	h := &hasher{}
	h.h.Reset()
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

// unit writes what a link to a unit shows: its name in any year (so its
// earlier names), and when it existed.
func (h *hasher) unit(u *model.Unit) {
	h.bool(u != nil)
	if u == nil {
		return
	}
	h.str(u.ID, u.Name, u.Short, u.Kind)
	h.int(u.Dissolved, u.Established, len(u.Formerly))
	for _, f := range u.Formerly {
		h.str(f.Name, f.Short)
		h.int(f.Until)
	}
	h.bool(u.Ending != nil)
	if e := u.Ending; e != nil {
		h.int(e.Year, len(e.Into))
		h.bool(e.Split)
		for _, o := range e.Into {
			h.str(o.ID)
		}
	}
}

// unitFull writes a unit's own fields.
func (h *hasher) unitFull(u *model.Unit) {
	h.unit(u)
	h.results(u.Results)
	h.bool(u.HasRole)
	h.str(u.Website)
	h.time(u.Updated)
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
	h.bool(b.HasAwards, b.HasFlag)
	h.str(b.Description, string(b.DescriptionHTML))
}

// results writes which results a unit's or a bloc year's members give.
func (h *hasher) results(r model.Results) { h.bool(r.Rank, r.Score, r.Rating) }

// kindFull writes an award kind with what is counted of its awards.
func (h *hasher) kindFull(a *model.AwardKind) {
	h.kind(a)
	h.int(a.Tally.Conferred, a.Tally.Pending, a.Tally.NotConferred, a.FirstYear, a.LastYear)
}

func (h *hasher) kind(a *model.AwardKind) {
	h.str(a.ID, a.Name, a.Short, string(a.Class))
	h.int(a.Rank)
	h.bool(a.BuiltIn)
}

// notice writes all of a public consultation: its fields, its state on
// the build's date, its award kind and its candidates with their units.
func (h *hasher) notice(n *model.Notice) {
	h.str(n.ID, n.Path, n.Title, n.Contact, n.Basis)
	h.int(n.Year, n.WorkingDays, len(n.Candidates))
	h.bool(n.Closed, n.Kind != nil)
	for _, t := range []time.Time{n.Published, n.From, n.To} {
		h.time(t)
	}
	if n.Kind != nil {
		h.kind(n.Kind)
	}
	for _, c := range n.Candidates {
		h.unit(c.Unit)
		h.str(c.Name, c.Position, c.UnitName)
		h.bool(c.Person)
	}
}

// decision writes a decision's own fields: what an award's link to it shows.
func (h *hasher) decision(d *model.Decision) {
	h.bool(d != nil)
	if d != nil {
		h.str(d.ID, d.Number, d.Issuer, string(d.Level), d.Signer, d.Title, d.File)
		h.time(d.Date)
	}
}

package search

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// The kinds of document, as the index and search.js name them.
const (
	KindBloc     = "b"
	KindUnit     = "u"
	KindYear     = "n" // năm: the page of one year across the blocs
	KindAward    = "k" // khen thưởng: an award kind
	KindBlocYear = "y" // a bloc's year
	KindPage     = "p" // a standalone page
	KindDecision = "q" // quyết định: a decision on awards
	KindNotice   = "l" // lấy ý kiến: a public consultation
	KindArticle  = "a"
)

// kindOfPage maps the kinds of page that search finds, beyond blocs, units
// and articles (which it makes from the model), to their kind of document.
func kindOfPage(kind pages.Kind) string {
	switch kind {
	case pages.KindYear:
		return KindYear
	case pages.KindAward:
		return KindAward
	case pages.KindBlocYear:
		return KindBlocYear
	case pages.KindPage:
		return KindPage
	case pages.KindDecision:
		return KindDecision
	case pages.KindNotice:
		return KindNotice
	}
	return ""
}

// Where the index files go, site-relative.
const (
	IndexFile   = pages.SearchPath + "index.json"
	shardPrefix = pages.SearchPath + "body-"
)

// ShardFile is the site-relative path of the shard of body terms with the key.
func ShardFile(key string) string { return shardPrefix + key + ".json" }

// Doc is one thing search can find.
type Doc struct {
	Kind    string   `json:"k"`
	Title   string   `json:"t"`
	Path    string   `json:"p"`           // site-relative path of its page
	Names   []string `json:"n,omitempty"` // other names: short and former ones
	Summary string   `json:"s,omitempty"`
	Date    string   `json:"d,omitempty"` // an article's date, 2006-01-02
	// Key is what a query is when it asks for this page and no other, such
	// as a year's "2024": such a query finds it first.
	Key string `json:"x,omitempty"`
}

// Index is tim-kiem/index.json.
type Index struct {
	Version int      `json:"v"`
	Shards  []string `json:"shards"` // keys of the shards that hold a term, sorted
	Docs    []Doc    `json:"docs"`   // blocs, units, years, award kinds, bloc years, pages, then articles newest first
}

// Shard is a file of body terms: each folded term, to the numbers of the
// documents whose body holds it and whose title, names and summary do not.
// The numbers are ascending and delta-encoded: [3, 2, 7] means 3, 5 and 12.
type Shard map[string][]int32

// Built is a whole index: the main file and the shards by key.
type Built struct {
	Index  Index
	Shards map[string]Shard
}

// Build indexes the pages of the plan of the site that a reader looks
// for: blocs, units, years, award kinds, bloc years, standalone pages and
// articles.
func Build(site *model.Site, plan []*pages.Page) *Built {
	b, _ := NewTermCache().index(site, plan, false)
	return b
}

// TermCache keeps an index from one build of a site to the next: the terms
// of each article and where each term is, and the encoded files, so that
// indexing the site again after a few articles changed redoes only their
// postings and encodes again only the files it changes. One index at a time
// may use it.
type TermCache struct {
	mu   sync.Mutex
	last *indexState // nil before the first index
}

// indexState is what a TermCache keeps of the last index.
type indexState struct {
	built    *Built
	articles []articleTerms     // of the articles, in the order of their docs
	postings map[string][]int32 // term → the ascending numbers of its docs
	files    map[string][]byte  // encoded files of the index by site-relative path
}

// articleTerms are the body terms of an article and what they come from.
type articleTerms struct {
	head, terms string   // title and summary, and model.Article.Terms
	body        []string // the terms of terms that head does not have
}

// NewTermCache returns an empty TermCache.
func NewTermCache() *TermCache { return &TermCache{} }

// index indexes the site, patching the last index when the documents are
// the same ones in the same order. With keep it keeps what the next index
// needs. changed reports whether the file of a shard key differs from the
// last index's, and is nil when every file is new. The caller holds c.mu.
func (c *TermCache) index(site *model.Site, plan []*pages.Page, keep bool) (b *Built, changed map[string]bool) {
	docs := documents(site, plan)
	first := len(docs) - len(site.Articles)
	last := c.last
	if last == nil || !samePaths(last.built.Index.Docs, docs) {
		last = &indexState{postings: map[string][]int32{}}
		if keep {
			last.articles = make([]articleTerms, len(site.Articles))
		}
		var bt bodyTerms
		for i, a := range site.Articles {
			n := int32(first + i)
			post := func(t string) { last.postings[t] = append(last.postings[t], n) }
			if !keep {
				bt.each(a, post) // the one-off index keeps no term lists
				continue
			}
			last.articles[i] = bt.of(a)
			for _, t := range last.articles[i].body {
				post(t)
			}
		}
	} else {
		changed = map[string]bool{}
		for i, a := range site.Articles {
			old := last.articles[i]
			if old.terms == a.Terms && old.head == head(a) {
				continue
			}
			now := new(bodyTerms).of(a)
			last.move(int32(first+i), old.body, now.body, changed)
			last.articles[i] = now
		}
	}
	b = &Built{Index: Index{Version: 1, Docs: docs}, Shards: map[string]Shard{}}
	for term, docs := range last.postings {
		key := ShardKey(term)
		if last.built != nil && changed != nil && !changed[key] {
			b.Shards[key] = last.built.Shards[key]
			continue
		}
		if b.Shards[key] == nil {
			b.Shards[key] = Shard{}
		}
		if keep {
			b.Shards[key][term] = delta(docs)
		} else {
			b.Shards[key][term] = encodeDelta(docs) // the postings are not needed again
		}
	}
	b.Index.Shards = slices.Sorted(maps.Keys(b.Shards))
	if keep {
		last.built = b
		c.last = last
	}
	return b, changed
}

// move takes doc n out of the postings of the terms of old that now has not,
// puts it in those of the terms of now that old has not, and notes the
// shard key of each.
func (st *indexState) move(n int32, old, now []string, changed map[string]bool) {
	for _, t := range old {
		if slices.Contains(now, t) {
			continue
		}
		docs := st.postings[t]
		if i, found := slices.BinarySearch(docs, n); found {
			docs = slices.Delete(docs, i, i+1)
		}
		if len(docs) == 0 {
			delete(st.postings, t)
		} else {
			st.postings[t] = docs
		}
		changed[ShardKey(t)] = true
	}
	for _, t := range now {
		if slices.Contains(old, t) {
			continue
		}
		docs := st.postings[t]
		i, _ := slices.BinarySearch(docs, n)
		st.postings[t] = slices.Insert(docs, i, n)
		changed[ShardKey(t)] = true
	}
}

// bodyTerms finds the terms of the bodies of articles that their titles
// and summaries do not have. Its zero value is ready to use.
type bodyTerms struct {
	vocabulary vn.Vocabulary
	head       []byte
	known      map[string]bool // the terms of the head
}

// of returns the terms of the body of a that its title and summary do not
// have.
func (bt *bodyTerms) of(a *model.Article) articleTerms {
	at := articleTerms{head: head(a), terms: a.Terms}
	bt.each(a, func(t string) { at.body = append(at.body, t) })
	return at
}

// each calls yield with each term of the body of a that its title and
// summary do not have, in the order of a.Terms.
func (bt *bodyTerms) each(a *model.Article, yield func(term string)) {
	if bt.known == nil {
		bt.known = map[string]bool{}
	}
	clear(bt.known)
	bt.head = bt.vocabulary.AppendTerms(bt.head[:0], a.Title)
	bt.head = append(bt.head, ' ')
	bt.head = bt.vocabulary.AppendTerms(bt.head, a.Summary)
	for t := range strings.FieldsSeq(string(bt.head)) {
		bt.known[t] = true
	}
	for t := range strings.FieldsSeq(a.Terms) {
		if !bt.known[t] {
			yield(t)
		}
	}
}

// head is what of an article the main index file holds in full.
func head(a *model.Article) string { return a.Title + " " + a.Summary }

// documents are the docs of the blocs, units, the other pages of the plan
// that search finds, then the articles of the site. The articles come last,
// so that on a tie of scores a page of the records comes before news.
func documents(site *model.Site, plan []*pages.Page) []Doc {
	var docs []Doc
	for _, b := range site.Blocs {
		d := Doc{Kind: KindBloc, Title: b.Name, Path: pages.BlocPath(b), Summary: firstParagraph(b.Description)}
		if b.Short != "" {
			d.Names = []string{b.Short}
		}
		docs = append(docs, d)
	}
	for _, u := range site.Units {
		d := Doc{Kind: KindUnit, Title: u.Name, Path: pages.UnitPath(u), Summary: unitSummary(u)}
		if u.Short != "" {
			d.Names = append(d.Names, u.Short)
		}
		// A unit is found by every name it bore: its pages of earlier
		// years show those.
		names := u.Names()
		for _, n := range names[:len(names)-1] {
			d.Names = append(d.Names, n.Name)
		}
		docs = append(docs, d)
	}
	docs = append(docs, pageDocuments(plan)...)
	for _, a := range site.Articles {
		docs = append(docs, Doc{Kind: KindArticle, Title: a.Title, Path: pages.ArticlePath(a),
			Summary: a.Summary, Date: a.Date.Format("2006-01-02")})
	}
	return docs
}

// pageDocuments are the docs of the pages of the plan that are neither a
// bloc, a unit nor an article: the years (whose key is the year), award
// kinds, bloc years, standalone pages, decisions (whose key is the
// number) and consultation notices, each kind in the plan's order.
func pageDocuments(plan []*pages.Page) []Doc {
	order := []string{KindYear, KindAward, KindBlocYear, KindPage, KindDecision, KindNotice}
	byKind := make(map[string][]Doc, len(order))
	for _, p := range plan {
		kind := kindOfPage(p.Kind)
		if kind == "" {
			continue
		}
		d := Doc{Kind: kind, Title: p.Title, Path: p.Path, Summary: p.Description}
		switch {
		case p.Year != nil:
			d.Key = strconv.Itoa(p.Year.Year)
		case p.Decision != nil:
			// Its number typed any way ("45/qd-ubnd", "45 QĐ UBND")
			// folds to the terms of the key.
			d.Names, d.Key = []string{p.Decision.Number}, p.Decision.Number
		case p.Award != nil && p.Award.Short != "":
			d.Names = []string{p.Award.Short}
		case p.Bloc != nil && p.Bloc.Short != "":
			d.Names = []string{p.Bloc.Short + " " + strconv.Itoa(p.BlocYear.Year)}
		}
		byKind[kind] = append(byKind[kind], d)
	}
	var docs []Doc
	for _, kind := range order {
		docs = append(docs, byKind[kind]...)
	}
	return docs
}

// samePaths reports whether a and b are the documents of the same pages in
// the same order, so that their numbers are the same.
func samePaths(a, b []Doc) bool {
	return slices.EqualFunc(a, b, func(x, y Doc) bool { return x.Kind == y.Kind && x.Path == y.Path })
}

// unitSummary is a unit's kind and its latest bloc and year:
// "hội · Khối thi đua 8 (2025)".
func unitSummary(u *model.Unit) string {
	var parts []string
	if u.Kind != "" {
		parts = append(parts, u.Kind)
	}
	if n := len(u.Memberships); n > 0 && u.Memberships[n-1].BlocYear != nil {
		y := u.Memberships[n-1].BlocYear
		parts = append(parts, y.Bloc.Name+" ("+strconv.Itoa(y.Year)+")")
	}
	return strings.Join(parts, " · ")
}

// markdownLink is an inline link or image of Markdown: [text](dest).
var markdownLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// emphasis removes the marks of emphasis and code of Markdown.
var emphasis = strings.NewReplacer("**", "", "__", "", "*", "", "`", "")

// firstParagraph is the first paragraph of Markdown source as one line of
// text: links give their text, marks of emphasis go.
func firstParagraph(md string) string {
	md = strings.TrimSpace(md)
	if i := strings.Index(md, "\n\n"); i >= 0 {
		md = md[:i]
	}
	md = emphasis.Replace(markdownLink.ReplaceAllString(md, "$1"))
	return strings.Join(strings.Fields(md), " ")
}

// delta encodes ascending numbers as differences from the previous one.
func delta(docs []int32) []int32 { return encodeDelta(slices.Clone(docs)) }

// encodeDelta is delta in place: it overwrites docs.
func encodeDelta(docs []int32) []int32 {
	var prev int32
	for i, d := range docs {
		docs[i] = d - prev
		prev = d
	}
	return docs
}

// undelta decodes what delta encoded.
func undelta(deltas []int32) []int {
	out := make([]int, len(deltas))
	sum := 0
	for i, d := range deltas {
		sum += int(d)
		out[i] = sum
	}
	return out
}

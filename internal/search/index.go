package search

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// The kinds of document.
const (
	KindBloc    = "b"
	KindUnit    = "u"
	KindArticle = "a"
)

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
}

// Index is tim-kiem/index.json.
type Index struct {
	Version int      `json:"v"`
	Shards  []string `json:"shards"` // keys of the shards that hold a term, sorted
	Docs    []Doc    `json:"docs"`   // blocs, units, then articles newest first
}

// Shard is a file of body terms: each folded term, to the numbers of the
// documents whose body holds it and whose title, names and summary do not.
// The numbers are ascending and delta-encoded: [3, 2, 7] means 3, 5 and 12.
type Shard map[string][]int

// Built is a whole index: the main file and the shards by key.
type Built struct {
	Index  Index
	Shards map[string]Shard
}

// Build indexes the blocs, units and articles of the site.
func Build(site *model.Site) *Built { return build(site, nil) }

// TermCache remembers the terms of each article's text from one index to
// the next, so that indexing a site again after a few articles changed
// folds only their texts. One index at a time may use it.
type TermCache struct {
	mu     sync.Mutex
	folder *termFolder
	texts  map[string][]string // an article's text → its terms
}

// NewTermCache returns an empty TermCache.
func NewTermCache() *TermCache {
	return &TermCache{folder: newTermFolder(), texts: map[string][]string{}}
}

// build indexes the site, with the terms of the texts cache holds when it
// is not nil; cache then holds the terms of this site's texts only.
func build(site *model.Site, cache *TermCache) *Built {
	words := newTermFolder()
	textTerms := words.terms
	if cache != nil {
		cache.mu.Lock()
		defer cache.mu.Unlock()
		words = cache.folder
		next := make(map[string][]string, len(site.Articles))
		textTerms = func(text string) []string {
			terms, ok := cache.texts[text]
			if !ok {
				terms = words.terms(text)
			}
			next[text] = terms
			return terms
		}
		defer func() { cache.texts = next }()
	}
	ix := Index{Version: 1}
	for _, b := range site.Blocs {
		d := Doc{Kind: KindBloc, Title: b.Name, Path: pages.BlocPath(b), Summary: firstParagraph(b.Description)}
		if b.Short != "" {
			d.Names = []string{b.Short}
		}
		ix.Docs = append(ix.Docs, d)
	}
	for _, u := range site.Units {
		d := Doc{Kind: KindUnit, Title: u.Name, Path: pages.UnitPath(u), Summary: unitSummary(u)}
		if u.Short != "" {
			d.Names = append(d.Names, u.Short)
		}
		for _, f := range u.Formerly {
			d.Names = append(d.Names, f.Name)
		}
		ix.Docs = append(ix.Docs, d)
	}
	postings := map[string][]int{}
	for _, a := range site.Articles {
		n := len(ix.Docs)
		ix.Docs = append(ix.Docs, Doc{Kind: KindArticle, Title: a.Title, Path: pages.ArticlePath(a),
			Summary: a.Summary, Date: a.Date.Format("2006-01-02")})
		known := map[string]bool{}
		for _, t := range words.terms(a.Title + " " + a.Summary) {
			known[t] = true
		}
		for _, t := range textTerms(a.Text) {
			if !known[t] {
				postings[t] = append(postings[t], n)
			}
		}
	}
	shards := map[string]Shard{}
	for term, docs := range postings {
		key := ShardKey(term)
		if shards[key] == nil {
			shards[key] = Shard{}
			ix.Shards = append(ix.Shards, key)
		}
		shards[key][term] = delta(docs)
	}
	slices.Sort(ix.Shards)
	return &Built{Index: ix, Shards: shards}
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
func delta(docs []int) []int {
	out := make([]int, len(docs))
	prev := 0
	for i, d := range docs {
		out[i] = d - prev
		prev = d
	}
	return out
}

// undelta decodes what delta encoded.
func undelta(deltas []int) []int {
	out := make([]int, len(deltas))
	sum := 0
	for i, d := range deltas {
		sum += d
		out[i] = sum
	}
	return out
}

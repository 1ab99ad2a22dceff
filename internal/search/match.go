package search

import (
	"cmp"
	"slices"
	"strings"
)

// The weights of a query term by where it matches; search.js uses the same.
const (
	weightTitle   = 10 // the title or another name
	weightSummary = 3
	weightBody    = 1
	bonusPhrase   = 20  // the whole query, folded, is in the title or another name
	bonusKey      = 100 // the whole query is the doc's key: "2024" for the year 2024
)

// Hit is a document that matches a query, with its score.
type Hit struct {
	Doc   int // its number in Index.Docs
	Score int
}

// Search returns the documents that match every term of the query, best
// first, as search.js ranks them: each term counts by the best place it is
// found (title or names, then summary, then body) as a prefix of a word;
// the whole query found in the title or another name counts more, and the
// whole query being the doc's key more still; ties keep index order.
func (b *Built) Search(query string) []Hit {
	terms := Terms(query)
	if len(terms) == 0 {
		return nil
	}
	phrase := strings.Join(terms, " ")
	body := make([]map[int]bool, len(terms))
	for i, t := range terms {
		body[i] = b.bodyDocs(t)
	}
	var hits []Hit
	for n, d := range b.Index.Docs {
		title := Terms(strings.Join(append([]string{d.Title}, d.Names...), " "))
		summary := Terms(d.Summary)
		score := 0
		for i, t := range terms {
			w := 0
			switch {
			case hasPrefix(title, t):
				w = weightTitle
			case hasPrefix(summary, t):
				w = weightSummary
			case body[i][n]:
				w = weightBody
			}
			if w == 0 {
				score = 0
				break
			}
			score += w
		}
		if score == 0 {
			continue
		}
		for _, name := range append([]string{d.Title}, d.Names...) {
			if strings.Contains(strings.Join(Terms(name), " "), phrase) {
				score += bonusPhrase
				break
			}
		}
		if d.Key != "" && strings.Join(Terms(d.Key), " ") == phrase {
			score += bonusKey
		}
		hits = append(hits, Hit{Doc: n, Score: score})
	}
	slices.SortStableFunc(hits, func(x, y Hit) int { return cmp.Compare(y.Score, x.Score) })
	return hits
}

// bodyDocs is the set of documents whose body has a term starting with t.
func (b *Built) bodyDocs(t string) map[int]bool {
	out := map[int]bool{}
	for term, deltas := range b.Shards[ShardKey(t)] {
		if strings.HasPrefix(term, t) {
			for _, n := range undelta(deltas) {
				out[n] = true
			}
		}
	}
	return out
}

func hasPrefix(words []string, t string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, t) {
			return true
		}
	}
	return false
}

// MaxShown is how many hits the search page lists at most.
const MaxShown = 50

// Grouped returns the first MaxShown of hits in the order the search page
// lists them: grouped by the kind of their document, the group of the best
// hit first, each group best first.
func (b *Built) Grouped(hits []Hit) []Hit {
	hits = hits[:min(len(hits), MaxShown)]
	var kinds []string
	byKind := map[string][]Hit{}
	for _, h := range hits {
		k := b.Index.Docs[h.Doc].Kind
		if byKind[k] == nil {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], h)
	}
	out := make([]Hit, 0, len(hits))
	for _, k := range kinds {
		out = append(out, byKind[k]...)
	}
	return out
}

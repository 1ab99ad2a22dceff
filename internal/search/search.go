// Package search builds the index that the search page's script reads, and
// holds the Go twin of that script's matching: the same folding, the same
// splitting into terms and the same ranking, so that Go tests can say what
// the browser will find.
//
// The index is split in two kinds of file. tim-kiem/index.json holds every
// document with its title, other names and summary in full; the browser
// loads it when the search page opens. The terms of article bodies go into
// shards by their first letter, tim-kiem/body-<letter>.json, each mapping a
// folded term to the documents that hold it; the browser loads a shard only
// when a query has a term that starts with its letter.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/vn"
)

// Fold is the folding of the search: lower case, diacritics off, đ to d.
// search.js does the same with NFD, stripping the combining marks, đ to d
// and toLowerCase.
func Fold(s string) string { return vn.Fold(s) }

// Terms folds s and splits it into its distinct words (runs of letters and
// digits), in the order they first appear.
func Terms(s string) []string { return newTermFolder().terms(s) }

// termFolder splits texts into terms as Terms does, folding each distinct
// word once: the words of a site's articles are few, their occurrences
// many, and folding is the costly part.
type termFolder struct {
	folded map[string][]string // a word as written → its terms, usually one
	seen   map[string]bool     // of the text being split
}

func newTermFolder() *termFolder {
	return &termFolder{folded: map[string][]string{}, seen: map[string]bool{}}
}

// terms is Terms(s). It splits s before folding it, at the runes that are
// neither letters, digits nor nonspacing marks: folding removes the marks,
// and turns no other rune into a letter or digit or back, so the words of
// the folded text are the folded words.
func (f *termFolder) terms(s string) []string {
	clear(f.seen)
	var out []string
	for i := 0; i < len(s); {
		start := i
		for i < len(s) {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if !inWord(r) {
				break
			}
			i += n
		}
		if i == start {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		word := s[start:i]
		pieces, ok := f.folded[word]
		if !ok {
			pieces = strings.FieldsFunc(Fold(word), notTermRune)
			f.folded[strings.Clone(word)] = pieces
		}
		for _, p := range pieces {
			if !f.seen[p] {
				f.seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// inWord reports whether r belongs to a word of unfolded text: a letter, a
// digit, or a mark that folding removes.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// notTermRune reports whether r separates the terms of folded text.
func notTermRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// ShardKey is the shard of body terms a folded term belongs to: its first
// character when that is an ASCII letter or digit, else "_".
func ShardKey(term string) string {
	if term == "" {
		return "_"
	}
	c := term[0]
	if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
		return string(c)
	}
	return "_"
}

// ShardKeys are the keys of every shard there can be, sorted.
func ShardKeys() []string {
	keys := []string{}
	for c := '0'; c <= '9'; c++ {
		keys = append(keys, string(c))
	}
	keys = append(keys, "_")
	for c := 'a'; c <= 'z'; c++ {
		keys = append(keys, string(c))
	}
	return keys
}

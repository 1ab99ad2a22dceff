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

import "github.com/thidua/thidua/internal/vn"

// Fold is the folding of the search: lower case, diacritics off, đ to d.
// search.js does the same with NFD, stripping the combining marks, đ to d
// and toLowerCase.
func Fold(s string) string { return vn.Fold(s) }

// Terms folds s and splits it into its distinct words (runs of letters and
// digits), in the order they first appear: vn.Terms.
func Terms(s string) []string { return vn.Terms(s) }

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

package search

import (
	"encoding/json"
	"io"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// Extra writes the index files of the search page; it is a build.Extra.
type Extra struct {
	// Terms, when not nil, keeps the terms of the articles' texts from one
	// Write to the next, as a builder that writes again after each change
	// wants.
	Terms *TermCache
}

// Paths lists the main index and every possible shard: Write writes each,
// empty when no term falls into it, so that the list needs no index built.
func (Extra) Paths(*model.Site) []string {
	out := []string{IndexFile}
	for _, key := range ShardKeys() {
		out = append(out, ShardFile(key))
	}
	return out
}

// Write builds the index and writes its files.
func (x Extra) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	b := build(site, x.Terms)
	if err := writeJSON(create, IndexFile, b.Index); err != nil {
		return err
	}
	for _, key := range ShardKeys() {
		shard := b.Shards[key]
		if shard == nil {
			shard = Shard{}
		}
		if err := writeJSON(create, ShardFile(key), shard); err != nil {
			return err
		}
	}
	return nil
}

func writeJSON(create func(string) (io.WriteCloser, error), name string, v any) error {
	w, err := create(name)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

package search

import (
	"encoding/json"
	"io"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// Extra writes the index files of the search page; it is a build.Extra.
type Extra struct{}

// Paths lists the main index and the shards the site's articles need.
func (Extra) Paths(site *model.Site) []string {
	b := Build(site)
	out := []string{IndexFile}
	for _, key := range b.Index.Shards {
		out = append(out, ShardFile(key))
	}
	return out
}

// Write builds the index and writes its files.
func (Extra) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	b := Build(site)
	if err := writeJSON(create, IndexFile, b.Index); err != nil {
		return err
	}
	for _, key := range b.Index.Shards {
		if err := writeJSON(create, ShardFile(key), b.Shards[key]); err != nil {
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

package search

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// Extra writes the index files of the search page; it is a build.Extra.
type Extra struct {
	// Terms, when not nil, keeps the index from one Write to the next, as a
	// builder that writes again after each change wants.
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

// Write builds the index and writes its files. With Terms, it encodes
// again only the files that differ from those of its last Write.
func (x Extra) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	c := x.Terms
	if c == nil {
		c = NewTermCache()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var before *Built
	var encoded map[string][]byte
	if c.last != nil {
		before, encoded = c.last.built, c.last.files
	}
	keep := x.Terms != nil
	b, changed := c.index(site, keep)
	files := map[string][]byte{} // what the next Write may reuse, when keep
	write := func(name string, v any, same bool) error {
		data, ok := encoded[name]
		if !same || !ok {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				return err
			}
			data = buf.Bytes()
		}
		if keep {
			files[name] = data
		}
		w, err := create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			w.Close()
			return err
		}
		return w.Close()
	}
	sameIndex := before != nil && changed != nil && reflect.DeepEqual(before.Index, b.Index)
	if err := write(IndexFile, b.Index, sameIndex); err != nil {
		return err
	}
	for _, key := range ShardKeys() {
		shard := b.Shards[key]
		if shard == nil {
			shard = Shard{}
		}
		if err := write(ShardFile(key), shard, changed != nil && !changed[key]); err != nil {
			return err
		}
		if !keep {
			delete(b.Shards, key) // its postings are garbage now
		}
	}
	if keep {
		c.last.files = files
	}
	return nil
}

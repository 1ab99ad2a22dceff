package search

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/output"
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

// Reads says what the index holds: every page kind, and the words of the
// articles' bodies.
func (Extra) Reads() model.Parts { return model.PartFrame | model.PartRecords | model.PartArticles }

// Write builds the index and writes its files. With Terms, it encodes
// again only the files that differ from those of its last Write.
func (x Extra) Write(site *model.Site, plan []*pages.Page, create func(string) (io.WriteCloser, error)) error {
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
	b, changed := c.index(site, plan, keep)
	files := map[string][]byte{} // what the next Write may reuse, when keep
	write := func(name string, encode func(io.Writer) error, same bool) error {
		data, ok := encoded[name]
		if !keep {
			// Nothing to keep: encode straight into the file.
			return output.WriteFile(create, name, encode)
		}
		if !same || !ok {
			var buf bytes.Buffer
			if err := encode(&buf); err != nil {
				return err
			}
			data = buf.Bytes()
		}
		files[name] = data
		return output.WriteFile(create, name, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	}
	sameIndex := before != nil && changed != nil && reflect.DeepEqual(before.Index, b.Index)
	if err := write(IndexFile, func(w io.Writer) error { return encodeIndex(w, b.Index) }, sameIndex); err != nil {
		return err
	}
	for _, key := range ShardKeys() {
		shard := b.Shards[key]
		if shard == nil {
			shard = Shard{}
		}
		if err := write(ShardFile(key), func(w io.Writer) error { return encodeJSON(w, shard) }, changed != nil && !changed[key]); err != nil {
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

// encodeJSON writes v as JSON without escaping <, > and &, and a newline.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// encodeIndex writes ix as encodeJSON does, a document at a time, so that
// the encoding of a large site's index (tens of megabytes) is never held
// whole.
func encodeIndex(w io.Writer, ix Index) error {
	var buf bytes.Buffer
	part := func(v any) ([]byte, error) {
		buf.Reset()
		err := encodeJSON(&buf, v)
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
	}
	head, err := part(struct {
		Version int      `json:"v"`
		Shards  []string `json:"shards"`
	}{ix.Version, ix.Shards})
	if err != nil {
		return err
	}
	if _, err := w.Write(append(bytes.TrimSuffix(head, []byte("}")), `,"docs":`...)); err != nil {
		return err
	}
	if ix.Docs == nil {
		_, err := io.WriteString(w, "null}\n")
		return err
	}
	sep := []byte("[")
	for _, d := range ix.Docs {
		doc, err := part(d)
		if err != nil {
			return err
		}
		if _, err := w.Write(sep); err != nil {
			return err
		}
		if _, err := w.Write(doc); err != nil {
			return err
		}
		sep = []byte(",")
	}
	if len(ix.Docs) == 0 {
		_, err := io.WriteString(w, "[]}\n")
		return err
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}

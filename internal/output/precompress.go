package output

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"
	"golang.org/x/sync/errgroup"
)

// MinTwinSize is the size in bytes below which a file gets no compressed
// twins: the bytes saved would not pay for a second name on the server.
const MinTwinSize = 1024

// brotliQuality is the brotli level of the .br twins: on the pages of a
// generated site of 10,000 articles, quality 5 compresses as well as 6 at
// 1.4 times its speed, and 9 gains 3 % at a tenth of the speed.
const brotliQuality = 5

// codec makes one kind of compressed twin.
type codec struct {
	ext      string // appended to the name of the file
	compress func([]byte) ([]byte, error)
}

// codecs are the twins made of a text file: .gz for nginx's gzip_static
// and Apache's rewrite rules, .br for brotli_static.
func codecs() []codec {
	return []codec{{".gz", gzipBytes}, {".br", brotliBytes}}
}

// Compressible reports whether a file at the slash-separated path rel of
// size bytes gets compressed twins: a text file (HTML, CSS, JavaScript,
// JSON, XML, CSV, SVG or plain text) of at least MinTwinSize bytes.
func Compressible(rel string, size int64) bool {
	if size < MinTwinSize {
		return false
	}
	switch strings.ToLower(path.Ext(rel)) {
	case ".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".csv", ".svg", ".txt":
		return true
	}
	return false
}

// Precompress makes Commit write, beside each text file of the build that
// Compressible accepts, a file.gz (gzip) and a file.br (brotli) holding its
// bytes compressed, for web servers that send those instead of compressing
// on every request. A twin that would not be smaller than its file, or that
// the build wrote itself (a file of static/ named so), is not made. A twin
// that the folder being written or the live output holds already for the
// same bytes is kept or linked as any unchanged file, not compressed again.
func (d *Dir) Precompress() {
	d.mu.Lock()
	d.precompress = true
	d.mu.Unlock()
}

// Compressed is how many twins Commit compressed: those that neither the
// folder being written nor the live output held for the same bytes.
func (d *Dir) Compressed() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.compressed
}

// twinJob is a file of the build and the twins it may get.
type twinJob struct {
	rel    string
	src    entry
	codecs []codec
}

// writeTwins makes the compressed twins of the build's files (see
// Precompress), on a worker for each processor.
func (d *Dir) writeTwins() error {
	d.mu.Lock()
	var jobs []twinJob
	for rel, e := range d.files {
		if e.twin || !Compressible(rel, e.size) {
			continue
		}
		j := twinJob{rel: rel, src: e}
		for _, c := range codecs() {
			if _, own := d.files[rel+c.ext]; !own {
				j.codecs = append(j.codecs, c)
			}
		}
		jobs = append(jobs, j)
	}
	d.mu.Unlock()
	// The largest first, so that a big script does not end the build alone.
	slices.SortFunc(jobs, func(a, b twinJob) int {
		if a.src.size != b.src.size {
			return int(b.src.size - a.src.size)
		}
		return strings.Compare(a.rel, b.rel)
	})
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error { return d.twins(j) })
	}
	return g.Wait()
}

// twins makes the twins of one file.
func (d *Dir) twins(j twinJob) error {
	var data []byte
	for _, c := range j.codecs {
		name := j.rel + c.ext
		if old, ok := d.oldEntry(name); ok && old.twinOf(j.src) {
			if err := d.reserve(name); err != nil {
				return err
			}
			d.record(name, old)
			continue
		}
		if live, ok := d.liveEntry(name); ok && live.twinOf(j.src) {
			if err := d.reserve(name); err != nil {
				return err
			}
			if err := d.linkFromLive(name, live, true); err == nil {
				d.record(name, live)
				continue
			}
			d.unreserve(name)
		}
		if data == nil {
			var err error
			if data, err = d.readWritten(j.rel); err != nil {
				return fmt.Errorf("output: compressing %s: %w", j.rel, err)
			}
		}
		z, err := c.compress(data)
		if err != nil {
			return fmt.Errorf("output: compressing %s: %w", j.rel, err)
		}
		d.mu.Lock()
		d.compressed++
		d.mu.Unlock()
		if len(z) >= len(data) {
			continue
		}
		if err := d.reserve(name); err != nil {
			return err
		}
		if err := d.put(name, z); err != nil {
			return err
		}
		d.mu.Lock()
		e := d.files[name]
		e.twin, e.of = true, j.src.sum
		d.files[name] = e
		d.mu.Unlock()
	}
	return nil
}

// gzipBytes compresses data with gzip at its best level, with no name or
// time in its header, so that the same bytes give the same twin.
func gzipBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(data) / 3)
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// brotliBytes compresses data with brotli at brotliQuality.
func brotliBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(data) / 3)
	w := brotli.NewWriterLevel(&b, brotliQuality)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

package load

import (
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"html/template"
	"io"
	"sync"
	"time"

	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

// A Memo remembers the articles a load parsed, by the digest of what each
// was parsed from (its path, its bytes and the Markdown options), so that a
// later load, in this process or another one, parses only the articles
// that changed since. Only articles parsed without a diagnostic are
// remembered: the others are parsed again, so that their warnings are
// reported every time. A Memo is safe for concurrent use.
type Memo struct {
	mu     sync.Mutex
	known  map[memoKey]*ArticleFile // read from an earlier load
	used   map[memoKey]*ArticleFile // of the last load: recalled or parsed
	parsed int                      // how many of used were parsed, not recalled
}

// memoKey is the digest of an article's path, bytes and Markdown options.
type memoKey [sha256.Size]byte

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{known: map[memoKey]*ArticleFile{}, used: map[memoKey]*ArticleFile{}}
}

func articleKey(path string, src []byte, o markdown.Options) memoKey {
	h := sha256.New()
	var flags [1]byte
	if o.Unsafe {
		flags[0] = 1
	}
	h.Write(flags[:])
	io.WriteString(h, o.BasePath)
	h.Write([]byte{0})
	io.WriteString(h, path)
	h.Write([]byte{0})
	h.Write(src)
	var k memoKey
	h.Sum(k[:0])
	return k
}

// recall returns the article parsed from path and src with the options o,
// if m holds it, and counts it as used.
func (m *Memo) recall(path string, src []byte, o markdown.Options) (memoKey, *ArticleFile, bool) {
	k := articleKey(path, src, o)
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.known[k]
	if ok {
		m.used[k] = a
		delete(m.known, k) // a load owns the articles it is given
	}
	return k, a, ok
}

// remember keeps an article just parsed under its key k.
func (m *Memo) remember(k memoKey, a *ArticleFile) {
	m.mu.Lock()
	m.used[k] = a
	m.parsed++
	m.mu.Unlock()
}

// Len is how many articles m holds: those read and not yet recalled, and
// those of the last load.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.known) + len(m.used)
}

// Changed reports whether the articles of the last load are not those m
// was read with: some were parsed, or some of those read were not used.
// Only then is m worth writing again.
func (m *Memo) Changed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.parsed > 0 || len(m.known) > 0
}

// memoHeader begins an encoded Memo; a Memo written by another version of
// the encoding is not read.
const memoHeader = "thidua memo 1\n"

// memoArticle is an ArticleFile as a Memo encodes it: its date as an
// instant and a zone, which gob does not keep for a time.Time.
type memoArticle struct {
	Key          memoKey
	Path         string
	Slug         Ident
	Title        string
	Date         int64 // Unix nanoseconds; meaningless when NoDate
	NoDate       bool
	Zone         string // the zone's name, "" for a fixed offset
	Offset       int    // seconds east of UTC
	Summary      string
	ShortSummary bool
	Author       string
	Image        string
	ImageAt      Pos
	Blocs        []Ident
	Year         int
	Units        []Ident
	Draft        bool
	HTML         string
	BodyLine     int
	Terms        string
	Refs         []model.Ref
}

// WriteTo writes the articles of m's last load to w, for ReadMemo. The
// order of the articles is not fixed.
func (m *Memo) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cw := &countingWriter{w: w}
	if _, err := io.WriteString(cw, memoHeader); err != nil {
		return cw.n, err
	}
	enc := gob.NewEncoder(cw)
	if err := enc.Encode(len(m.used)); err != nil {
		return cw.n, err
	}
	for k, a := range m.used {
		if err := enc.Encode(toMemo(k, a)); err != nil {
			return cw.n, err
		}
	}
	return cw.n, nil
}

// ReadMemo reads a Memo that WriteTo wrote. Anything else is an error.
func ReadMemo(r io.Reader) (*Memo, error) {
	head := make([]byte, len(memoHeader))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != memoHeader {
		return nil, errors.New("load: not a memo of this version")
	}
	dec := gob.NewDecoder(r)
	var n int
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, errors.New("load: a memo of a negative length")
	}
	m := NewMemo()
	zone := vn.TimeZone()
	for range n {
		var a memoArticle
		if err := dec.Decode(&a); err != nil {
			return nil, err
		}
		m.known[a.Key] = fromMemo(a, zone)
	}
	return m, nil
}

func toMemo(k memoKey, a *ArticleFile) memoArticle {
	_, offset := a.Date.Zone()
	return memoArticle{Key: k, Path: a.Path, Slug: a.Slug, Title: a.Title,
		Date: a.Date.UnixNano(), NoDate: a.Date.IsZero(), Zone: zoneName(a.Date), Offset: offset,
		Summary: a.Summary, ShortSummary: a.ShortSummary, Author: a.Author, Image: a.Image, ImageAt: a.ImageAt,
		Blocs: a.Blocs, Year: a.Year, Units: a.Units, Draft: a.Draft, HTML: string(a.HTML), BodyLine: a.BodyLine,
		Terms: a.Terms, Refs: a.Refs}
}

// zoneName is how a Memo names the location of t: "UTC", "vn" for
// Vietnam's, "local" for the machine's (which time.Parse gives an offset
// of its own), or "" for another fixed offset.
func zoneName(t time.Time) string {
	switch t.Location() {
	case time.UTC:
		return "UTC"
	case vn.TimeZone():
		return "vn"
	case time.Local:
		return "local"
	}
	return ""
}

func fromMemo(a memoArticle, zone *time.Location) *ArticleFile {
	f := &ArticleFile{Path: a.Path, Slug: a.Slug, Title: a.Title, Summary: a.Summary, ShortSummary: a.ShortSummary,
		Author: a.Author, Image: a.Image, ImageAt: a.ImageAt, Blocs: a.Blocs, Year: a.Year, Units: a.Units,
		Draft: a.Draft, HTML: template.HTML(a.HTML), BodyLine: a.BodyLine, Terms: a.Terms, Refs: a.Refs}
	if !a.NoDate {
		t := time.Unix(0, a.Date)
		switch a.Zone {
		case "UTC":
			t = t.UTC()
		case "vn":
			t = t.In(zone)
		case "local":
			t = t.Local()
		default:
			t = t.In(time.FixedZone("", a.Offset))
		}
		f.Date = t
	}
	return f
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

package load

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"html/template"
	"io"
	"maps"
	"slices"
	"sync"
	"time"
	"unsafe"

	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/internal/vn"
)

// A Memo remembers the articles and the bloc years a load parsed, by the
// digest of what each was parsed from (its kind, path, bytes and the
// Markdown options), so that a later load, in this process or another one,
// parses only the files that changed since. Only files parsed without a
// diagnostic are remembered: the others are parsed again, so that their
// warnings are reported every time.
//
// Where the site folder gives stamps (see FileStamp), a Memo also keeps the
// stamp of each file, and a file that has the same stamp is recalled
// without being read. A Memo is safe for concurrent use.
type Memo struct {
	mu       sync.Mutex
	articles *memoTable[ArticleFile]
	years    *memoTable[BlocYearFile] // data/blocs/<bloc>/<year>.yaml
	parsed   int                      // how many files of the last load were parsed, not recalled
	// stamps are the stamps of the files of the tables, by path, with
	// the key each was read under.
	stamps    map[string]stampedKey
	restamped bool // whether the last load gave a file another stamp, or took one
	// settle is how long after its last change a file's stamp is trusted:
	// a file changed again within the same tick of the clock that dates
	// files keeps its stamp (see FileStamp).
	settle time.Duration
}

// memoTable holds the parsed files of one kind that a Memo remembers: those
// read from an earlier load (known) and those of the last load (used). It
// is safe for concurrent use; the Memo's mu is not held while it is called.
type memoTable[T any] struct {
	mu          sync.Mutex
	known, used map[memoKey]*T
}

func newMemoTable[T any]() *memoTable[T] {
	return &memoTable[T]{known: map[memoKey]*T{}, used: map[memoKey]*T{}}
}

// take returns the file under k, if it is known, and counts it as used: a
// load owns the files it is given.
func (t *memoTable[T]) take(k memoKey) (*T, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.known[k]
	if ok {
		t.used[k] = v
		delete(t.known, k)
	}
	return v, ok
}

// keep counts v, just parsed, as used under k.
func (t *memoTable[T]) keep(k memoKey, v *T) {
	t.mu.Lock()
	t.used[k] = v
	t.mu.Unlock()
}

// stampedKey is the key a file was read under, the stamp of the file
// taken before it was read, and the Markdown options it was parsed with.
type stampedKey struct {
	Stamp   FileStamp
	Options markdown.Options
	Key     memoKey
}

// settleTime is a Memo's settle: twice the two seconds in which FAT dates
// files, far more than the ticks of the others.
const settleTime = 4 * time.Second

// memoKey is the digest of a file's kind, path and bytes and of the
// Markdown options.
type memoKey [sha256.Size]byte

// MarshalBinary and UnmarshalBinary have gob write a key as its bytes in
// one piece rather than as 32 numbers: decoding the keys number by number
// was 8 % of a second build of 10,000 articles.
func (k memoKey) MarshalBinary() ([]byte, error) { return k[:], nil }

func (k *memoKey) UnmarshalBinary(b []byte) error {
	if len(b) != len(k) {
		return errors.New("load: a memo key of another length")
	}
	copy(k[:], b)
	return nil
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{articles: newMemoTable[ArticleFile](), years: newMemoTable[BlocYearFile](), stamps: map[string]stampedKey{}, settle: settleTime}
}

func fileKey(k kind, path string, src []byte, o markdown.Options) memoKey {
	h := sha256.New()
	var flags [2]byte
	flags[0] = byte(k)
	if o.Unsafe {
		flags[1] = 1
	}
	h.Write(flags[:])
	io.WriteString(h, o.BasePath)
	h.Write([]byte{0})
	io.WriteString(h, path)
	h.Write([]byte{0})
	h.Write(src)
	var key memoKey
	h.Sum(key[:0])
	return key
}

// recall returns the file of the kind k parsed from path and src with the
// options o, if the table t of m holds it, and counts it as used.
func recall[T any](t *memoTable[T], k kind, path string, src []byte, o markdown.Options) (memoKey, *T, bool) {
	key := fileKey(k, path, src, o)
	v, ok := t.take(key)
	return key, v, ok
}

// remember keeps in the table t of m a file just parsed under its key.
func remember[T any](m *Memo, t *memoTable[T], key memoKey, v *T) {
	t.keep(key, v)
	m.mu.Lock()
	m.parsed++
	m.mu.Unlock()
}

// recallStamped returns the file path whose stamp is st, parsed with the
// options o, if the table t of m holds it under that stamp, and counts it
// as used.
func recallStamped[T any](m *Memo, t *memoTable[T], path string, st FileStamp, o markdown.Options) (*T, bool) {
	m.mu.Lock()
	s, ok := m.stamps[path]
	m.mu.Unlock()
	if !ok || s.Stamp != st || s.Options != o {
		return nil, false
	}
	return t.take(s.Key)
}

// stamp records that the file path, read under the key k, was read from a
// file of the stamp st, taken after the time now and before the file was
// read; a stamp that is not settled is not recorded.
func (m *Memo) stamp(path string, st FileStamp, k memoKey, o markdown.Options, now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, had := m.stamps[path]
	if !st.settled(now, m.settle) {
		delete(m.stamps, path)
		m.restamped = m.restamped || had
		return
	}
	next := stampedKey{Stamp: st, Options: o, Key: k}
	m.stamps[path] = next
	m.restamped = m.restamped || !had || s != next
}

// Len is how many files m holds: those read and not yet recalled, and
// those of the last load.
func (m *Memo) Len() int {
	unlock := m.lock()
	defer unlock()
	return len(m.articles.known) + len(m.articles.used) + len(m.years.known) + len(m.years.used)
}

// lock locks m and its tables, for a look at all of them; it returns the
// function that unlocks them.
func (m *Memo) lock() (unlock func()) {
	m.mu.Lock()
	m.articles.mu.Lock()
	m.years.mu.Lock()
	return func() {
		m.years.mu.Unlock()
		m.articles.mu.Unlock()
		m.mu.Unlock()
	}
}

// Release empties m once it is written, so that what it holds is not kept
// while the pages are rendered: the model keeps little of a parsed bloc
// year, and a build of 3,500 of them held 38 MiB more at its peak.
func (m *Memo) Release() {
	unlock := m.lock()
	defer unlock()
	m.articles.known, m.articles.used = map[memoKey]*ArticleFile{}, map[memoKey]*ArticleFile{}
	m.years.known, m.years.used = map[memoKey]*BlocYearFile{}, map[memoKey]*BlocYearFile{}
	m.stamps = map[string]stampedKey{}
}

// Changed reports whether the files of the last load are not those m was
// read with: some were parsed, or some of those read were not used, or a
// file has a stamp it had not (such as one that had not settled). Only
// then is m worth writing again.
func (m *Memo) Changed() bool {
	unlock := m.lock()
	defer unlock()
	return m.parsed > 0 || len(m.articles.known) > 0 || len(m.years.known) > 0 || m.restamped
}

// memoHeader begins an encoded Memo; a Memo written by another version of
// the encoding is not read.
const memoHeader = "thidua memo 6\n"

// An encoded Memo is memoHeader; the bodies: the HTML and the search terms
// of each article, in the order of the index; the index (gob: the count of
// entries, then each memoEntry); and the length of the index as 8 bytes
// (big endian). Both are written as they are made, so that writing a
// memo holds neither whole. ReadMemo gives an article strings of the
// bytes it was given instead of copies, so that a second build neither
// holds the bodies twice nor copies them (at 10,000 articles they are 55
// MB).

// memoEntry is a file as a Memo encodes it: the ArticleFile, without its
// HTML and Terms, whose lengths it gives, or the BlocYearFile itself, so
// that a field added to either is kept too; the names of the locations
// of its times, which gob does not keep (it keeps the instant and the
// offset); and the stamp of its file when it has one.
type memoEntry struct {
	Key               memoKey
	Zone              string // of an article's date; see zoneName
	Article           *ArticleFile
	HTMLLen, TermsLen int
	Year              *BlocYearFile
	Zones             []string // of a bloc year's times, in the order of BlocYearFile.times
	Stamp             *stampedKey
}

// Encode writes the files of m's last load to w, for ReadMemo. The order
// of the files is not fixed.
func (m *Memo) Encode(w io.Writer) error {
	unlock := m.lock()
	defer unlock()
	stamp := func(path string, k memoKey) *stampedKey {
		if s, ok := m.stamps[path]; ok && s.Key == k {
			return &s
		}
		return nil
	}
	articles := slices.Collect(maps.Keys(m.articles.used))
	if _, err := io.WriteString(w, memoHeader); err != nil {
		return err
	}
	for _, k := range articles {
		a := m.articles.used[k]
		if _, err := io.WriteString(w, string(a.HTML)); err != nil {
			return err
		}
		if _, err := io.WriteString(w, a.Terms); err != nil {
			return err
		}
	}
	index := &countingWriter{w: w}
	enc := gob.NewEncoder(index)
	if err := enc.Encode(len(m.articles.used) + len(m.years.used)); err != nil {
		return err
	}
	for _, k := range articles {
		a := m.articles.used[k]
		head := *a
		head.HTML, head.Terms = "", ""
		e := memoEntry{Key: k, Zone: zoneName(a.Date), Article: &head, HTMLLen: len(a.HTML), TermsLen: len(a.Terms), Stamp: stamp(a.Path, k)}
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	for k, y := range m.years.used {
		e := memoEntry{Key: k, Year: y, Stamp: stamp(y.Path, k)}
		y.times(func(t *time.Time) { e.Zones = append(e.Zones, zoneName(*t)) })
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	_, err := w.Write(binary.BigEndian.AppendUint64(nil, uint64(index.n)))
	return err
}

// countingWriter counts the bytes it passes on to w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// ReadMemo reads a Memo that Encode wrote. Anything else is an error. The
// Memo's articles keep strings of data, which must not change after.
func ReadMemo(data []byte) (*Memo, error) {
	rest, ok := bytes.CutPrefix(data, []byte(memoHeader))
	if !ok || len(rest) < 8 {
		return nil, errors.New("load: not a memo of this version")
	}
	n := binary.BigEndian.Uint64(rest[len(rest)-8:])
	rest = rest[:len(rest)-8]
	if n > uint64(len(rest)) {
		return nil, errors.New("load: a memo cut short")
	}
	bodies, index := rest[:uint64(len(rest))-n], rest[uint64(len(rest))-n:]
	dec := gob.NewDecoder(bytes.NewReader(index))
	var count int
	if err := dec.Decode(&count); err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, errors.New("load: a memo of a negative length")
	}
	// body takes the next n bytes of the bodies.
	body := func(n int) (string, error) {
		if n < 0 || n > len(bodies) {
			return "", errors.New("load: a memo whose bodies are cut short")
		}
		b := bodies[:n]
		bodies = bodies[n:]
		if n == 0 {
			return "", nil
		}
		return unsafe.String(&b[0], n), nil
	}
	m := NewMemo()
	for range count {
		var e memoEntry
		if err := dec.Decode(&e); err != nil {
			return nil, err
		}
		var path string
		switch {
		case e.Article != nil && e.Year == nil:
			a := e.Article
			a.Date = inZone(a.Date, e.Zone)
			html, err := body(e.HTMLLen)
			if err != nil {
				return nil, err
			}
			if a.Terms, err = body(e.TermsLen); err != nil {
				return nil, err
			}
			a.HTML = template.HTML(html)
			m.articles.known[e.Key] = a
			path = a.Path
		case e.Year != nil && e.Article == nil:
			i := 0
			e.Year.times(func(t *time.Time) {
				if i < len(e.Zones) {
					*t = inZone(*t, e.Zones[i])
				}
				i++
			})
			if i != len(e.Zones) {
				return nil, errors.New("load: a memo entry with the zones of other times")
			}
			m.years.known[e.Key] = e.Year
			path = e.Year.Path
		default:
			return nil, errors.New("load: a memo entry without one file")
		}
		if e.Stamp != nil && e.Stamp.Key == e.Key {
			m.stamps[path] = *e.Stamp
		}
	}
	if len(bodies) > 0 {
		return nil, errors.New("load: a memo with bodies of no entry")
	}
	return m, nil
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

// inZone is t, as gob decoded it, in the location zoneName named.
func inZone(t time.Time, zone string) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	switch zone {
	case "UTC":
		return t.UTC()
	case "vn":
		return t.In(vn.TimeZone())
	case "local":
		return t.Local()
	}
	_, offset := t.Zone()
	return t.In(time.FixedZone("", offset))
}

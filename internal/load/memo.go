package load

import (
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/internal/vn"
)

// A Memo remembers the articles a load parsed, by the digest of what each
// was parsed from (its path, its bytes and the Markdown options), so that a
// later load, in this process or another one, parses only the articles
// that changed since. Only articles parsed without a diagnostic are
// remembered: the others are parsed again, so that their warnings are
// reported every time.
//
// Where the site folder gives stamps (see FileStamp), a Memo also keeps the
// stamp of the file each article was read from, and an article whose file
// has the same stamp is recalled without its file being read. A Memo is
// safe for concurrent use.
type Memo struct {
	mu     sync.Mutex
	known  map[memoKey]*ArticleFile // read from an earlier load
	used   map[memoKey]*ArticleFile // of the last load: recalled or parsed
	parsed int                      // how many of used were parsed, not recalled
	// stamps are the stamps of the files of known and used, by path, with
	// the key each was read under.
	stamps    map[string]stampedKey
	restamped bool // whether the last load gave a file another stamp, or took one
	// settle is how long after its last change a file's stamp is trusted:
	// a file changed again within the same tick of the clock that dates
	// files keeps its stamp (see FileStamp).
	settle time.Duration
}

// stampedKey is the key an article was read under, the stamp of its file
// taken before it was read, and the Markdown options it was parsed with.
type stampedKey struct {
	Stamp   FileStamp
	Options markdown.Options
	Key     memoKey
}

// settleTime is a Memo's settle: twice the two seconds in which FAT dates
// files, far more than the ticks of the others.
const settleTime = 4 * time.Second

// memoKey is the digest of an article's path, bytes and Markdown options.
type memoKey [sha256.Size]byte

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{known: map[memoKey]*ArticleFile{}, used: map[memoKey]*ArticleFile{}, stamps: map[string]stampedKey{}, settle: settleTime}
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

// recallStamped returns the article of the file path whose stamp is st,
// parsed with the options o, if m holds it under that stamp, and counts it
// as used.
func (m *Memo) recallStamped(path string, st FileStamp, o markdown.Options) (*ArticleFile, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.stamps[path]
	if !ok || s.Stamp != st || s.Options != o {
		return nil, false
	}
	a, ok := m.known[s.Key]
	if ok {
		m.used[s.Key] = a
		delete(m.known, s.Key)
	}
	return a, ok
}

// stamp records that the article of the file path, read under the key k,
// was read from a file of the stamp st, taken after the time now and
// before the file was read; a stamp that is not settled is not recorded.
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

// Len is how many articles m holds: those read and not yet recalled, and
// those of the last load.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.known) + len(m.used)
}

// Changed reports whether the articles of the last load are not those m
// was read with: some were parsed, or some of those read were not used,
// or a file has a stamp it had not (such as one that had not settled).
// Only then is m worth writing again.
func (m *Memo) Changed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.parsed > 0 || len(m.known) > 0 || m.restamped
}

// memoHeader begins an encoded Memo; a Memo written by another version of
// the encoding is not read.
const memoHeader = "thidua memo 2\n"

// memoEntry is an article as a Memo encodes it: the ArticleFile itself,
// so that a field added to it is kept too, the name of its date's
// location, which gob does not keep (it keeps the instant and the offset),
// and the stamp of its file when it has one.
type memoEntry struct {
	Key     memoKey
	Zone    string // see zoneName
	Article *ArticleFile
	Stamp   *stampedKey
}

// Encode writes the articles of m's last load to w, for ReadMemo. The
// order of the articles is not fixed.
func (m *Memo) Encode(w io.Writer) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, err := io.WriteString(w, memoHeader); err != nil {
		return err
	}
	enc := gob.NewEncoder(w)
	if err := enc.Encode(len(m.used)); err != nil {
		return err
	}
	for k, a := range m.used {
		e := memoEntry{Key: k, Zone: zoneName(a.Date), Article: a}
		if s, ok := m.stamps[a.Path]; ok && s.Key == k {
			e.Stamp = &s
		}
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}

// ReadMemo reads a Memo that Encode wrote. Anything else is an error.
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
	for range n {
		var e memoEntry
		if err := dec.Decode(&e); err != nil {
			return nil, err
		}
		if e.Article == nil {
			return nil, errors.New("load: a memo entry without its article")
		}
		e.Article.Date = inZone(e.Article.Date, e.Zone)
		m.known[e.Key] = e.Article
		if e.Stamp != nil && e.Stamp.Key == e.Key {
			m.stamps[e.Article.Path] = *e.Stamp
		}
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

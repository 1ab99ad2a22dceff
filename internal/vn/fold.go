// Package vn holds what Vietnamese text needs: normalisation, folding for
// search and slugs, alphabetical collation, and the formats of dates and
// numbers.
package vn

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// NFCBytes returns b in Unicode normalisation form C: b itself when it is
// already, as most text is, else a new slice.
func NFCBytes(b []byte) []byte {
	if composedLatin(b) || norm.NFC.IsNormal(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// composedLatin reports whether b is UTF-8 text of ASCII, Latin-1, Latin
// Extended-A and -B, IPA, Latin Extended Additional (precomposed
// Vietnamese) and general punctuation only: characters that are each in
// NFC, combine with none before them and so make text in NFC whatever their
// order (TestComposedLatinRangesAreNFC checks every one). Text with any
// other character, a combining mark among them, may still be NFC;
// composedLatin then says false.
func composedLatin(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if !inComposedLatin(r) {
			return false
		}
		i += n
	}
	return true
}

// inComposedLatin reports whether r is in a range of composedLatin.
func inComposedLatin(r rune) bool {
	return 0x80 <= r && r < 0x300 || 0x1E00 <= r && r < 0x1F00 || 0x2010 <= r && r < 0x2070
}

// Fold returns s lower-cased with every diacritic removed and đ turned into
// d, so that "Người Cao Tuổi" and "nguoi cao tuoi" fold alike. It keeps every
// other character, spaces included.
func Fold(s string) string { return string(appendFold(make([]byte, 0, len(s)), s)) }

// appendFold appends Fold(s) to dst.
func appendFold(dst []byte, s string) []byte {
	if folded, ok := appendFoldLatin(dst, s); ok {
		return folded
	}
	return append(dst, foldNFD(s)...)
}

// foldNFD is Fold by its definition: s decomposed (NFD), without its
// nonspacing marks, lower-cased, đ turned into d. Each byte of s that is not
// UTF-8 becomes U+FFFD first: the decomposition leaves the text after such a
// byte as it is when the text ends within a few bytes of it.
func foldNFD(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(validUTF8(s)) {
		if f := foldDecomposed(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// validUTF8 returns s with each byte that is not UTF-8 replaced by U+FFFD,
// as ranging over s reads it.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// foldDecomposed folds one rune of decomposed text: -1 for a nonspacing
// mark, which folding removes.
func foldDecomposed(r rune) rune {
	switch {
	case unicode.Is(unicode.Mn, r):
		return -1
	case r == 'đ' || r == 'Đ':
		return 'd'
	}
	return unicode.ToLower(r)
}

// appendFoldLatin appends Fold(s) to dst when the runes of s are all
// ASCII, Latin-1, Latin Extended-A and -B, combining diacritics or Latin
// Extended Additional (as Vietnamese is), folding one rune at a time from
// latinFolds; ok is false, and dst[:len(dst)] unchanged, for any other
// text. Decomposing such a rune gives a letter and marks in U+0300–U+036F,
// which folding removes whatever their order, so the runes fold alone as
// the whole text does.
func appendFoldLatin(dst []byte, s string) (folded []byte, ok bool) {
	start := len(dst)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		e, known := latinFolds.lookup(r)
		if !known {
			return dst[:start], false
		}
		if e.fold >= 0 {
			dst = utf8.AppendRune(dst, e.fold)
		}
		i += n
	}
	return dst, true
}

// latinFoldTable holds Fold of each rune from U+0080 to U+036F and from
// U+1E00 to U+1EFF alone (one rune, or -1 for none), and what the rune is
// to the terms of Terms (a termRune).
type latinFoldTable struct {
	low        [0x370 - 0x80]latinRune
	additional [0x100]latinRune
}

// latinRune is what latinFoldTable holds of one rune.
type latinRune struct {
	fold rune // Fold of the rune alone: one rune, or -1 for none
	term rune // a termRune
}

// termRune is what a rune of text is to its terms: the rune it adds to the
// term it is in, or one of the negative values below.
//
//	foldsAway: a mark of a word that folding removes: it adds nothing
//	endsWord:  not part of a word: the term before it ends
//	otherWord: part of a word whose terms the general path must find
const (
	foldsAway = -1
	endsWord  = -2
	otherWord = -3
)

// termRuneOf is the termRune of r, by definition.
func termRuneOf(r rune) rune {
	if !isWordRune(r) {
		return endsWord
	}
	f := []rune(foldNFD(string(r)))
	switch {
	case len(f) == 0:
		return foldsAway
	case len(f) == 1 && inTerm(f[0]):
		return f[0]
	}
	return otherWord
}

// asciiTerms is the termRune of each ASCII rune.
var asciiTerms = func() (t [utf8.RuneSelf]rune) {
	for c := range t {
		t[c] = termRuneOf(rune(c))
	}
	return t
}()

// latinFolds is computed once from foldNFD and never changed.
var latinFolds = newLatinFoldTable()

func newLatinFoldTable() *latinFoldTable {
	t := &latinFoldTable{}
	entry := func(r rune) latinRune {
		f := []rune(foldNFD(string(r)))
		switch len(f) {
		case 0:
			return latinRune{fold: -1, term: termRuneOf(r)}
		case 1:
			return latinRune{fold: f[0], term: termRuneOf(r)}
		}
		panic(fmt.Sprintf("vn: %U folds to %d runes", r, len(f)))
	}
	for i := range t.low {
		t.low[i] = entry(rune(0x80 + i))
	}
	for i := range t.additional {
		t.additional[i] = entry(rune(0x1E00 + i))
	}
	return t
}

// lookup returns what the table holds of r, and whether it holds r.
func (t *latinFoldTable) lookup(r rune) (latinRune, bool) {
	switch {
	case 0x80 <= r && r < 0x370:
		return t.low[r-0x80], true
	case 0x1E00 <= r && r < 0x1F00:
		return t.additional[r-0x1E00], true
	}
	return latinRune{}, false
}

// Slug turns a title into an identifier (docs/format.md, "General rules"): folded, ASCII letters
// and digits only, words joined by "-". "Giới thiệu" gives "gioi-thieu".
// It returns "" when s has no letter or digit that folds to ASCII.
func Slug(s string) string {
	var b strings.Builder
	pendingDash := false
	for _, r := range Fold(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			b.WriteRune(r)
			continue
		}
		pendingDash = true
	}
	return b.String()
}

// Package vn holds what Vietnamese text needs: normalisation, folding for
// search and slugs, alphabetical collation, and the formats of dates and
// numbers.
package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// NFCBytes returns b in Unicode normalisation form C: b itself when it is
// already, as most text is, else a new slice.
func NFCBytes(b []byte) []byte {
	if norm.NFC.IsNormal(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// Fold returns s lower-cased with every diacritic removed and đ turned into
// d, so that "Người Cao Tuổi" and "nguoi cao tuoi" fold alike. It keeps every
// other character, spaces included.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Slug turns a title into an identifier of SPEC §1: folded, ASCII letters
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

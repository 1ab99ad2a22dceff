package vn

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares names in Vietnamese alphabetical order:
//
//	a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
//
// Letters decide first, over the whole string; tones only break ties
// (ngang, huyền, hỏi, ngã, sắc, nặng: ma < mà < mả < mã < má < mạ), and case
// breaks what tones leave (hoa < Hoa). Spaces and punctuation count, so
// "Hội Chữ thập đỏ" sorts before "Hội Cựu chiến binh". Runs of digits compare
// by their numeric value, so "Khối 2" sorts before "Khối 10". Input in any
// normalisation form collates alike.
//
// The order is the CLDR tailoring for Vietnamese as x/text carries it; the
// package tests hold it to the alphabet above.
//
// A Collator is not safe for concurrent use: make one per goroutine.
type Collator struct {
	c *collate.Collator
}

// NewCollator returns a Collator for Vietnamese.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese, collate.Numeric)}
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b.
// It returns 0 only for strings that read alike, such as the NFC and NFD
// forms of one name.
func (c *Collator) Compare(a, b string) int { return c.c.CompareString(a, b) }

// Less reports whether a sorts before b.
func (c *Collator) Less(a, b string) bool { return c.Compare(a, b) < 0 }

// SortStrings sorts s in place by Compare. Strings that compare equal are
// ordered by their bytes, so the result does not depend on the order of
// the input.
func (c *Collator) SortStrings(s []string) {
	type keyed struct {
		key []byte
		s   string
	}
	var buf collate.Buffer
	ks := make([]keyed, len(s))
	for i, str := range s {
		ks[i] = keyed{c.c.KeyFromString(&buf, str), str}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if r := bytes.Compare(a.key, b.key); r != 0 {
			return r
		}
		return strings.Compare(a.s, b.s)
	})
	for i := range ks {
		s[i] = ks[i].s
	}
}

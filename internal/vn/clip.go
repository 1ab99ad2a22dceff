package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clip returns s if it has at most max characters, and otherwise its
// longest beginning of at most max characters, ellipsis included, that ends
// at the end of a word (a syllable, in Vietnamese), with "…" in place of
// the rest. A first word longer than max is cut at a character, never
// before a combining mark. White space is collapsed first.
func Clip(s string, max int) string {
	s = collapse(s, max+1)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if max < 2 {
		return "…"
	}
	// The byte offset where the (max-1)th character ends: room for "…".
	end, n := 0, 0
	for i := range s {
		if n == max-1 {
			end = i
			break
		}
		n++
	}
	cut := s[:end]
	if s[end] != ' ' {
		if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
			cut = cut[:sp]
		} else {
			for len(cut) > 0 {
				r, size := utf8.DecodeRuneInString(s[len(cut):])
				if size == 0 || !unicode.Is(unicode.Mn, r) {
					break
				}
				_, size = utf8.DecodeLastRuneInString(cut)
				cut = cut[:len(cut)-size]
			}
		}
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"' })
	return cut + "…"
}

// collapse returns the first n characters of s with its white space
// collapsed, as strings.Join(strings.Fields(s), " ") would have them, and
// reads no further: Clip is given whole articles' texts.
func collapse(s string, n int) string {
	var b strings.Builder
	count := 0
	for field := range strings.FieldsSeq(s) {
		if count > 0 {
			if count == n {
				break
			}
			b.WriteByte(' ')
			count++
		}
		cut := len(field)
		for i := range field {
			if count == n {
				cut = i
				break
			}
			count++
		}
		b.WriteString(field[:cut])
		if cut < len(field) {
			break
		}
	}
	return b.String()
}

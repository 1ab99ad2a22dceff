package vn

import (
	"unicode"
	"unicode/utf8"
)

// Terms folds s and splits it into its distinct terms, the runs of letters
// and digits of the folded text, in the order they first appear: what the
// site's search indexes and matches. "Hội viên, HỘI VIÊN!" gives "hoi" and
// "vien".
//
// It splits s into words before folding each: at the runes that are
// neither letters, digits nor nonspacing marks. Folding removes the marks
// and turns no other rune into a letter or digit or back, so the terms of
// the words are the terms of the folded text.
func Terms(s string) []string {
	out := make([]string, 0, len(s)/24)
	seen := make(map[string]struct{}, len(s)/24)
	var folded []byte
	for i := 0; i < len(s); {
		start := i
		for i < len(s) {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if !inWord(r) {
				break
			}
			i += n
		}
		if i == start {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		folded = appendFold(folded[:0], s[start:i])
		for rest := folded; len(rest) > 0; {
			term, after := nextTerm(rest)
			rest = after
			if len(term) == 0 {
				continue
			}
			if _, dup := seen[string(term)]; !dup {
				t := string(term)
				seen[t] = struct{}{}
				out = append(out, t)
			}
		}
	}
	return out
}

// nextTerm returns the first run of letters and digits of folded text b,
// possibly empty when b starts with another rune, and what follows it
// without the rune that ends it.
func nextTerm(b []byte) (term, rest []byte) {
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		if !inTerm(r) {
			return b[:i], b[i+n:]
		}
		i += n
	}
	return b, nil
}

// inWord is isWordRune, from latinFolds for Latin runes.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if word, known := latinFolds.inWord(r); known {
		return word
	}
	return isWordRune(r)
}

// isWordRune reports whether r belongs to a word of unfolded text: a
// letter, a digit, or a mark that folding removes.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// inTerm reports whether r belongs to a term of folded text.
func inTerm(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

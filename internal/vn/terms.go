package vn

import (
	"sync"
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
	eachTerm(s, nil, func(term []byte) {
		if _, dup := seen[string(term)]; !dup {
			t := string(term)
			seen[t] = struct{}{}
			out = append(out, t)
		}
	})
	return out
}

// eachTerm calls yield with each term of s in order, repeats included, in
// a slice valid until yield returns. scratch is a buffer it may use; it
// returns it, perhaps grown.
//
// It folds rune by rune with the termRune tables, and gives a word with a
// rune they do not hold to wordTerms.
func eachTerm(s string, scratch []byte, yield func(term []byte)) []byte {
	term := scratch[:0]
	wordStart := 0
	for i := 0; i < len(s); {
		var f rune
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			f = asciiTerms[c]
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if e, known := latinFolds.lookup(r); known {
				f = e.term
			} else if inWord(r) {
				f = otherWord
			} else {
				f = endsWord
			}
		}
		switch f {
		case foldsAway:
		case endsWord:
			if len(term) > 0 {
				yield(term)
				term = term[:0]
			}
			wordStart = i + n
		case otherWord:
			// Nothing of this word was yielded: only endsWord ends a term
			// here. Its folded start in term is dropped and done again.
			end := i + n
			for end < len(s) {
				r, m := utf8.DecodeRuneInString(s[end:])
				if !inWord(r) {
					break
				}
				end += m
			}
			term = wordTerms(s[wordStart:end], term[:0], yield)[:0]
			i = end
			continue
		default:
			term = utf8.AppendRune(term, f)
		}
		i += n
	}
	if len(term) > 0 {
		yield(term)
	}
	return term
}

// wordTerms calls yield with each term of the word w, a run of runes
// inWord: those of the folded word, split at the runes not inTerm.
func wordTerms(w string, scratch []byte, yield func(term []byte)) []byte {
	scratch = appendFold(scratch[:0], w)
	for rest := scratch; len(rest) > 0; {
		term, after := nextTerm(rest)
		rest = after
		if len(term) > 0 {
			yield(term)
		}
	}
	return scratch
}

// A Vocabulary joins the distinct terms of texts, as Terms finds them. It
// keeps every term it has met, so that each costs memory once rather than
// once a text. Its zero value is ready to use; it is not safe for
// concurrent use.
type Vocabulary struct {
	number  map[string]int32 // term → its number, for terms too long to pack
	short   map[uint64]int32 // packed term (packTerm) → its number
	lastIn  []uint32         // by term number: the text it was last met in
	text    uint32           // the number of the current text, from 1
	scratch []byte
}

// AppendTerms appends to dst the distinct terms of s in the order they
// first appear, one space between: strings.Join(Terms(s), " ").
func (v *Vocabulary) AppendTerms(dst []byte, s string) []byte {
	if v.number == nil {
		v.number, v.short = map[string]int32{}, map[uint64]int32{}
	}
	v.text++
	if v.text == 0 { // wrapped around: forget when terms were last met
		clear(v.lastIn)
		v.text = 1
	}
	start := len(dst)
	v.scratch = eachTerm(s, v.scratch, func(term []byte) {
		n, known := v.termNumber(term)
		if !known {
			n = int32(len(v.lastIn))
			if key, packed := packTerm(term); packed {
				v.short[key] = n
			} else {
				v.number[string(term)] = n
			}
			v.lastIn = append(v.lastIn, 0)
		}
		if v.lastIn[n] == v.text {
			return
		}
		v.lastIn[n] = v.text
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, term...)
	})
	return dst
}

// termNumber returns the number of term, and whether it has one.
func (v *Vocabulary) termNumber(term []byte) (int32, bool) {
	if key, packed := packTerm(term); packed {
		n, known := v.short[key]
		return n, known
	}
	n, known := v.number[string(term)]
	return n, known
}

// packTerm packs a term of at most 7 bytes, most of them, into a number
// that tells it from every other: its bytes, and its length in the top
// byte.
func packTerm(term []byte) (uint64, bool) {
	if len(term) > 7 {
		return 0, false
	}
	key := uint64(len(term)) << 56
	for i, c := range term {
		key |= uint64(c) << (8 * i)
	}
	return key, true
}

// A TermJoiner gives the distinct terms of texts joined by spaces, as
// Vocabulary.AppendTerms does, to many goroutines at once: each call uses
// a Vocabulary no other call is using. Its zero value is ready to use.
type TermJoiner struct {
	idle sync.Pool // of *joinScratch
}

// joinScratch is what one Join call works with.
type joinScratch struct {
	vocabulary Vocabulary
	out        []byte
}

// Join returns strings.Join(Terms(s), " ").
func (j *TermJoiner) Join(s string) string {
	sc, _ := j.idle.Get().(*joinScratch)
	if sc == nil {
		sc = &joinScratch{}
	}
	sc.out = sc.vocabulary.AppendTerms(sc.out[:0], s)
	joined := string(sc.out)
	j.idle.Put(sc)
	return joined
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

// inWord is isWordRune, from asciiTerms and latinFolds where they hold r.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiTerms[r] != endsWord
	}
	if e, known := latinFolds.lookup(r); known {
		return e.term != endsWord
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

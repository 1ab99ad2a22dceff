package vn

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

var termTexts = []string{
	"Hội viên, HỘI VIÊN! hội đồng",
	"Khối thi đua số 1: 12 đơn vị; khối trưởng năm 2024 là Sở Tư pháp.",
	"",
	"hội viên mới — Hội Viên cũ",
	"Ngu\u031bo\u031b\u0300i người NGƯỜI ngươi",
	"١٢٣ ２０２４ İstanbul ǅ ﬁ ß a\x00b \xff\xfe",
	"Hội viên, HỘI VIÊN! hội đồng",
	"Nghiêngnghiêng 12345678 1234567 supercalifragilistic 12345678 Nghiêngnghiêng", // terms past the packed length of 7 bytes
}

func TestVocabularyJoinsTheDistinctTermsOfEachText(t *testing.T) {
	var v Vocabulary
	for _, s := range termTexts {
		got := string(v.AppendTerms(nil, s))
		if want := strings.Join(Terms(s), " "); got != want {
			t.Errorf("AppendTerms(%q) = %q, want %q", s, got, want)
		}
	}
	if got := string(v.AppendTerms([]byte("x:"), "Hội hội viên")); got != "x:hoi vien" {
		t.Errorf("AppendTerms after a prefix = %q, want %q", got, "x:hoi vien")
	}
}

func TestVocabularyAfterItsTextNumberWrapsAround(t *testing.T) {
	var v Vocabulary
	v.AppendTerms(nil, "hội viên")
	v.text = math.MaxUint32 // the next text is number 0 again
	v.lastIn[0] = 1         // as if "hoi" was met in text 1
	if got := string(v.AppendTerms(nil, "hội")); got != "hoi" {
		t.Fatalf("text after the wrap = %q, want %q", got, "hoi")
	}
	if got := string(v.AppendTerms(nil, "Hội viên hội")); got != "hoi vien" {
		t.Fatalf("the text after that = %q, want %q", got, "hoi vien")
	}
}

func TestTermJoinerFromManyGoroutines(t *testing.T) {
	var j TermJoiner
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				for _, s := range termTexts {
					if got, want := j.Join(s), strings.Join(Terms(s), " "); got != want {
						t.Errorf("Join(%q) = %q, want %q", s, got, want)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// termsByDefinition is Terms by its definition: the distinct runs of
// letters and digits of the whole folded text.
func termsByDefinition(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// TestTermsOfEveryTableRune wants the terms of each rune the tables hold,
// between letters and alone, to be those of its definition.
func TestTermsOfEveryTableRune(t *testing.T) {
	for r := rune(0); r < 0x1F00; r++ {
		if _, known := latinFolds.lookup(r); !known && r >= utf8.RuneSelf {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r) + "b", "Ư" + string(r) + "́ợ", string(r) + "٣" + string(r)} {
			if got, want := Terms(s), termsByDefinition(s); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("Terms(%+q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestTermsSplitBeforeFolding wants the terms of texts made of Vietnamese
// letters, combining and spacing marks, symbols that decompose into a mark,
// digits, punctuation and bytes that are not UTF-8 to be those of folding
// the whole text first.
func TestTermsSplitBeforeFolding(t *testing.T) {
	pool := []string{
		"a", "Ă", "ệ", "Đ", "đ", "ư", "Ở", "x", "Z", "7", "٣", "ǅ", "İ", "ß",
		"\u0301", "\u0323", "\u0338", "\u0903", "\u20dd", // acute, dot below, long solidus overlay, Devanagari visarga (Mc), enclosing circle (Me)
		"≠", "\u1fed", "\u0385", "\u2126", "\u212b", "\u0958", // symbols and letters with canonical decompositions
		" ", "\t", "\n", ",", ".", "-", "–", "(", "/", "\xff", "\xe1\xba",
		"người", "Tuổi", "KHỐI", "thi đua", "NGƯỜI CAO TUỔI",
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pool[rnd.IntN(len(pool))])
		}
		s := b.String()
		got, want := Terms(s), termsByDefinition(s)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("terms(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzVocabulary(f *testing.F) {
	for i, s := range termTexts {
		f.Add(s, termTexts[(i+1)%len(termTexts)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var v Vocabulary
		for _, s := range []string{a, b, a} {
			got := strings.Fields(string(v.AppendTerms(nil, s)))
			if want := termsByDefinition(s); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("AppendTerms(%q) = %q, want %q", s, got, want)
			}
		}
	})
}

// articleText is about the text of one article.
var articleText = strings.Repeat("Sáng 15/1, Khối thi đua các cơ quan tổng hợp của tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và ký kết giao ước thi đua năm 2025. Năm 2024, các đơn vị trong khối đã hoàn thành xuất sắc 12 chỉ tiêu. ", 12)

func BenchmarkTerms(b *testing.B) {
	b.SetBytes(int64(len(articleText)))
	for b.Loop() {
		_ = strings.Join(Terms(articleText), " ")
	}
}

func BenchmarkTermJoiner(b *testing.B) {
	var j TermJoiner
	b.SetBytes(int64(len(articleText)))
	for b.Loop() {
		j.Join(articleText)
	}
}

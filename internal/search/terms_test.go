package search

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// referenceTerms is Terms by its definition: fold the whole text, then
// split it into distinct words.
func referenceTerms(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// TestTermsSplitBeforeFolding wants the terms of texts made of Vietnamese
// letters, combining and spacing marks, symbols that decompose into a mark,
// digits, punctuation and bytes that are not UTF-8 to be those of folding
// the whole text first, with a termFolder reused from text to text.
func TestTermsSplitBeforeFolding(t *testing.T) {
	pool := []string{
		"a", "Ă", "ệ", "Đ", "đ", "ư", "Ở", "x", "Z", "7", "٣", "ǅ", "İ", "ß",
		"\u0301", "\u0323", "\u0338", "\u0903", "\u20dd", // acute, dot below, long solidus overlay, Devanagari visarga (Mc), enclosing circle (Me)
		"≠", "\u1fed", "\u0385", "\u2126", "\u212b", "\u0958", // symbols and letters with canonical decompositions
		" ", "\t", "\n", ",", ".", "-", "–", "(", "/", "\xff", "\xe1\xba",
		"người", "Tuổi", "KHỐI", "thi đua", "NGƯỜI CAO TUỔI",
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	f := newTermFolder()
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pool[rnd.IntN(len(pool))])
		}
		s := b.String()
		got, want := f.terms(s), referenceTerms(s)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("terms(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkBuildTermsOfArticle(b *testing.B) {
	text := strings.Repeat("Hội Nông dân tỉnh đã tổ chức 1.250 lớp tập huấn chuyển giao khoa học kỹ thuật cho hội viên, vượt kế hoạch đề ra. ", 20)
	f := newTermFolder()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		f.terms(text)
	}
}

// TestTermCacheGivesTheIndexOfBuild indexes a site with a TermCache, edits
// an article's text and indexes it again, and wants each index to be the
// one Build gives, and the cache to forget the text that is gone.
func TestTermCacheGivesTheIndexOfBuild(t *testing.T) {
	site := demoSite()
	cache := NewTermCache()
	for round := range 3 {
		if round == 2 {
			site.Articles[1].Text = "Nội dung mới về quỹ vay vốn của hội viên."
		}
		got, want := build(site, cache), Build(site)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: the index with a TermCache differs from Build's", round)
		}
		if len(cache.texts) != len(site.Articles) {
			t.Errorf("round %d: the cache holds %d texts, want %d", round, len(cache.texts), len(site.Articles))
		}
	}
	if _, ok := cache.texts["Nội dung về vay vốn."]; ok {
		t.Error("the cache still holds the text before the edit")
	}
}

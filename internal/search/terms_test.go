package search

import (
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/thidua/thidua/internal/model"
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
		got, want := Terms(s), referenceTerms(s)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("terms(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkBuildTermsOfArticle(b *testing.B) {
	text := strings.Repeat("Hội Nông dân tỉnh đã tổ chức 1.250 lớp tập huấn chuyển giao khoa học kỹ thuật cho hội viên, vượt kế hoạch đề ra. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Terms(text)
	}
}

// TestTermCacheGivesTheIndexOfBuild indexes a site with a TermCache again
// and again as its articles change, and wants each index and each file to
// be the ones Build and a Write without a cache give.
func TestTermCacheGivesTheIndexOfBuild(t *testing.T) {
	site := demoSite()
	cache := NewTermCache()
	edits := []func(){
		func() {},
		func() {}, // nothing changed
		func() {
			site.Articles[1].Terms = terms("Nội dung mới về quỹ vay vốn của hội viên, zeta.")
		},
		func() { site.Articles[2].Summary = "Trao học bổng cho học sinh." },
		func() { site.Articles[0].Terms = "" },
		func() { site.Articles = site.Articles[1:] }, // other documents: indexed anew
	}
	for round, edit := range edits {
		edit()
		cached, uncached := writeAll(t, Extra{Terms: cache}, site), writeAll(t, Extra{}, site)
		if !reflect.DeepEqual(cached, uncached) {
			t.Fatalf("round %d: the files written with a TermCache differ from those without", round)
		}
		if got, want := cache.last.built, Build(site); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: the index kept differs from Build's", round)
		}
	}
}

// writeAll runs x.Write on site and returns the files it wrote.
func writeAll(t *testing.T, x Extra, site *model.Site) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := x.Write(site, nil, func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, files: files}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

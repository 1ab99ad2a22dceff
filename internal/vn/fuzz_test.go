package vn

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// idPattern is the identifier pattern of docs/format.md, "General rules",
// which Slug must give.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// vietnameseMarked holds every Vietnamese letter with a diacritic, lower
// and upper case, and đ.
const vietnameseMarked = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"

func seedText(f *testing.F) {
	for _, s := range []string{
		"", "Giới thiệu", "ĐOÀN THANH NIÊN", "Ngu\u031bo\u031b\u0300i", vietnameseMarked,
		"../../etc/passwd", "<script>alert(1)</script>", "a\x00b", "\xff\xfe", "İstanbul ǅ ﬁ ß",
		"\u0300\u0301 leading marks", "Hội\u200bNgười", "١٢٣ ２０２４", "---a---b---",
	} {
		f.Add(s)
	}
}

func FuzzSlug(f *testing.F) {
	seedText(f)
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if slug != "" && !idPattern.MatchString(slug) {
			t.Fatalf("Slug(%q) = %q, not an identifier", s, slug)
		}
		if again := Slug(slug); again != slug {
			t.Fatalf("Slug(Slug(%q)) = %q, want %q", s, again, slug)
		}
		if Slug(NFC(s)) != slug {
			t.Fatalf("Slug of %q differs from Slug of its NFC form", s)
		}
	})
}

func FuzzFold(f *testing.F) {
	seedText(f)
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q, not UTF-8", s, folded)
		}
		if strings.ContainsAny(folded, vietnameseMarked) {
			t.Fatalf("Fold(%q) = %q keeps a Vietnamese diacritic", s, folded)
		}
		for _, r := range folded {
			if r < utf8.RuneSelf && unicode.IsUpper(r) {
				t.Fatalf("Fold(%q) = %q keeps an upper-case letter", s, folded)
			}
			if unicode.Is(unicode.Mn, r) {
				t.Fatalf("Fold(%q) = %q keeps a combining mark", s, folded)
			}
		}
		if Fold(NFC(s)) != folded {
			t.Fatalf("Fold of %q differs from Fold of its NFC form", s)
		}
	})
}

// Fold takes a shortcut for Latin text; it must give what the definition
// gives for any text.
func FuzzFoldLatinIsFoldNFD(f *testing.F) {
	seedText(f)
	f.Add("Ǆ İ Ḁ ǅ ắ ẞ ß ǈ Ω e\u0302\u0301 \u0345 \u0344")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

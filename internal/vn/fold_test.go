package vn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Giới thiệu": "gioi-thieu",
		"Khối thi đua 8 tổng kết năm 2024":        "khoi-thi-dua-8-tong-ket-nam-2024",
		"ĐOÀN THANH NIÊN":                         "doan-thanh-nien",
		"  Hội  Nạn nhân chất độc da cam/dioxin ": "hoi-nan-nhan-chat-doc-da-cam-dioxin",
		"¿¡!":                "",
		"Thứ Tư, 13/12/2023": "thu-tu-13-12-2023",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	a, b, c := Fold("Người cao tuổi"), Fold("NGƯỜI CAO TUỔI"), Fold("nguoi cao tuoi")
	if a != c || b != c {
		t.Errorf("Fold differs: %q %q %q", a, b, c)
	}
	// NFD input folds the same as NFC input.
	if Fold("Ngu\u031bo\u031b\u0300i") != "nguoi" {
		t.Errorf("Fold of NFD = %q", Fold("Ngu\u031bo\u031b\u0300i"))
	}
	if Fold("Đồng Đăng") != "dong dang" {
		t.Errorf("Fold(Đồng Đăng) = %q", Fold("Đồng Đăng"))
	}
}

// TestIssue12Case12FoldInvalidUTF8 wants the letters after a byte that is
// not UTF-8 folded as anywhere else, near the end of the text too, where the
// decomposition leaves them as they are; the byte itself becomes U+FFFD.
func TestIssue12Case12FoldInvalidUTF8(t *testing.T) {
	for in, want := range map[string]string{
		"\xf7Ê":        "\uFFFDe",
		"\xf7Êa":       "\uFFFDea",
		"Hội \xe1Ở":    "hoi \uFFFDo",
		"\xff\xfeĐồng": "\uFFFD\uFFFDdong",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNFCBytes(t *testing.T) {
	decomposed := []byte("Ho\u0302\u0323i vie\u0302n")
	if got := string(NFCBytes(decomposed)); got != "Hội viên" {
		t.Errorf("NFCBytes(%q) = %q, want %q", decomposed, got, "Hội viên")
	}
	composed := []byte("Hội viên")
	if got := NFCBytes(composed); &got[0] != &composed[0] || string(got) != "Hội viên" {
		t.Errorf("NFCBytes of text already in NFC is a copy or differs: %q", got)
	}
}

// Every rune of the shortcut's table, alone, upper- and lower-case around
// it and before each combining diacritic, folds as the definition folds it.
func TestFoldLatinEveryRune(t *testing.T) {
	var runes []rune
	for r := rune(0x80); r < 0x370; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, s := range []string{string(r), "A" + string(r) + "z", string(r) + "\u0301", string(r) + "\u0323\u0302", "\u031B" + string(r)} {
			if got, want := Fold(s), foldNFD(s); got != want {
				t.Errorf("Fold(%q) = %q, want %q", s, got, want)
			}
		}
		for m := rune(0x300); m < 0x370; m++ {
			if s := string(r) + string(m); Fold(s) != foldNFD(s) {
				t.Errorf("Fold(%q) = %q, want %q", s, Fold(s), foldNFD(s))
			}
		}
	}
}

func TestInWordIsIsWordRune(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if inWord(r) != isWordRune(r) {
			t.Errorf("inWord(%U) = %v, want %v", r, inWord(r), isWordRune(r))
		}
	}
}

// Every character of composedLatin's ranges is in NFC, has combining class
// 0 and composes with nothing before it, so text of such characters and
// ASCII is in NFC.
func TestComposedLatinRangesAreNFC(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		if !inComposedLatin(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(s) {
			t.Errorf("%U: combining class %d, boundary before %v, NFC %v", r, p.CCC(), p.BoundaryBefore(), norm.NFC.IsNormalString(s))
		}
		for _, next := range []string{"a", "\u0301", "ệ"} {
			if text := "e" + s + next; composedLatin([]byte(text)) && !norm.NFC.IsNormalString(text) {
				t.Errorf("%q: composedLatin, but not NFC", text)
			}
		}
	}
	if composedLatin([]byte("e\u0301")) || !composedLatin([]byte("Hội viên – “tốt”")) {
		t.Error("composedLatin is wrong about a combining mark or about Vietnamese")
	}
}

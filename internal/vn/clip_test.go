package vn

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"Khối thi đua 8", 20, "Khối thi đua 8"},
		{"Khối thi đua 8 tổng kết năm 2024", 16, "Khối thi đua 8…"},
		{"Khối thi đua 8 tổng kết năm 2024", 15, "Khối thi đua 8…"},
		{"Khối thi đua 8 tổng kết năm 2024", 14, "Khối thi đua…"},
		{"Hội nghị tổng kết, trao thưởng", 20, "Hội nghị tổng kết…"},
		{"  nhiều   khoảng \n trắng  ", 30, "nhiều khoảng trắng"},
		{"Nguyễnnnnnnnnnnnnnnnn", 8, "Nguyễnn…"},
		{"Nguye\u0303nnnnnnnnn", 6, "Nguy…"},
		{"abc", 1, "…"},
		{"abc  \n ", 3, "abc"},
		{"abc  \n d", 3, "ab…"},
		{strings.Repeat("Khối thi đua tổng kết năm. ", 2000), 20, "Khối thi đua tổng…"},
	} {
		if got := Clip(c.in, c.max); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

// FuzzClip: whatever the text, Clip's result has at most max characters,
// is a beginning of the collapsed text (but the ellipsis), and never ends
// before a combining mark of the text.
func FuzzClip(f *testing.F) {
	f.Add("Khối thi đua 8 tổng kết năm 2024, đề nghị tặng Cờ thi đua", 20)
	f.Add("Nguye\u0303n", 5)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 1 || max > 500 || !utf8.ValidString(s) {
			t.Skip()
		}
		got := Clip(s, max)
		if n := utf8.RuneCountInString(got); n > max {
			t.Fatalf("Clip(%q, %d) = %q: %d characters", s, max, got, n)
		}
		collapsed := strings.Join(strings.Fields(s), " ")
		body, clipped := strings.CutSuffix(got, "…")
		if !clipped {
			if got != collapsed {
				t.Fatalf("Clip(%q, %d) = %q, want the collapsed text", s, max, got)
			}
			return
		}
		if !strings.HasPrefix(collapsed, body) {
			t.Fatalf("Clip(%q, %d) = %q is not a beginning of the text", s, max, got)
		}
		if r, _ := utf8.DecodeRuneInString(collapsed[len(body):]); body != "" && unicode.Is(unicode.Mn, r) {
			t.Fatalf("Clip(%q, %d) = %q cuts before a combining mark", s, max, got)
		}
	})
}

// BenchmarkClip clips an article's text of 3,000 words to a description.
func BenchmarkClip(b *testing.B) {
	s := strings.Repeat("Khối thi đua tổng kết năm,\n  trao thưởng. ", 500)
	for b.Loop() {
		Clip(s, 160)
	}
}

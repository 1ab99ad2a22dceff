package msg

import (
	"regexp"
	"slices"
	"testing"
)

// verbs matches the formatting verbs of fmt, without %%.
var verbs = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z]`)

// TestEveryCodeInBothLanguages checks that the tables join without a
// repeated code, that every message has both languages, and that the two
// take the same values in the same order.
func TestEveryCodeInBothLanguages(t *testing.T) {
	all, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("the catalogue is empty")
	}
	for code, text := range all {
		if text.VI == "" || text.EN == "" {
			t.Errorf("%s: a language is missing: %+v", code, text)
			continue
		}
		vi, en := verbs.FindAllString(text.VI, -1), verbs.FindAllString(text.EN, -1)
		if !slices.Equal(vi, en) {
			t.Errorf("%s: the Vietnamese takes %v, the English %v", code, vi, en)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"vi": Vietnamese, "vi-VN": Vietnamese, "en": English, "en-GB": English} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "fr", "vie", "english"} {
		if _, ok := ParseLang(in); ok {
			t.Errorf("ParseLang(%q) accepted", in)
		}
	}
}

func TestSprintf(t *testing.T) {
	if got := Sprintf(Vietnamese, "severity-error"); got != "lỗi" {
		t.Errorf("vi: %q", got)
	}
	if got := Sprintf(English, "severity-warning"); got != "warning" {
		t.Errorf("en: %q", got)
	}
	if got := Sprintf(English, "no-such-code", 3); got != "[no-such-code] [3]" {
		t.Errorf("unknown code: %q", got)
	}
}

package diag

import (
	"testing"

	"github.com/thidua/thidua/internal/msg"
)

func TestStringAndSort(t *testing.T) {
	var l List
	l.Warnf("data/b.yaml", 3, 1, "x", "second")
	l.Errorf("data/a.yaml", 10, 2, "x", "third")
	l.Errorf("data/a.yaml", 2, 5, "x", "first")
	got := l.Items()
	want := []string{
		"data/a.yaml:2:5: error: first",
		"data/a.yaml:10:2: error: third",
		"data/b.yaml:3:1: warning: second",
	}
	for i, d := range got {
		if d.String() != want[i] {
			t.Errorf("item %d = %q, want %q", i, d.String(), want[i])
		}
	}
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("Count = %d, %d", e, w)
	}
	if (&List{}).HasErrors(true) {
		t.Error("empty list has errors")
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"members", "leader", "deputies", "next_leader"}
	for in, want := range map[string]string{"memebers": "members", "leadr": "leader", "deputy": "", "zzz": ""} {
		if got := Suggest(in, cands); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSuggestTieIsNoSuggestion(t *testing.T) {
	years := []string{"khoi/k/2021/", "khoi/k/2022/", "khoi/k/2025/"}
	if got := Suggest("khoi/k/2026/", years); got != "" {
		t.Errorf("Suggest among tied candidates = %q, want none", got)
	}
	if got := Suggest("khoi/k/2O25/", years); got != "khoi/k/2025/" {
		t.Errorf("Suggest = %q", got)
	}
}

func TestCatalogueText(t *testing.T) {
	var l List
	l.Error("data/units.yaml", 12, 5, "severity-warning")
	l.Error("data/units.yaml", 12, 5, "severity-warning")
	items := l.Items()
	if len(items) != 1 {
		t.Fatalf("repeats kept: %v", items)
	}
	if got, want := items[0].Format(msg.Vietnamese), "data/units.yaml:12:5: lỗi [severity-warning]: cảnh báo"; got != want {
		t.Errorf("vi: %q, want %q", got, want)
	}
	if got, want := items[0].Format(msg.English), "data/units.yaml:12:5: error [severity-warning]: warning"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
}

func TestQuote(t *testing.T) {
	src := []byte("\uFEFFa: 1\r\n  - id: hội-luật-gia\n\tx: y\n")
	for _, tc := range []struct {
		line, col int
		want      string
	}{
		{2, 9, "  2 |   - id: hội-luật-gia\n    |         ^\n"},
		{1, 1, "  1 | a: 1\n    | ^\n"},
		{3, 2, "  3 | \tx: y\n    | \t^\n"},
		{2, 30, ""},
		{9, 1, ""},
		{0, 0, ""},
	} {
		if got := Quote(src, tc.line, tc.col); got != tc.want {
			t.Errorf("Quote(%d, %d) = %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}

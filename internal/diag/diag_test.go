package diag

import (
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/msg"
)

func TestStringAndSort(t *testing.T) {
	var l List
	l.Warn("data/b.yaml", 3, 1, "missing-field", "second")
	l.Error("data/a.yaml", 10, 2, "missing-field", "third")
	l.Error("data/a.yaml", 2, 5, "missing-field", "first")
	got := l.Items()
	want := []string{
		`data/a.yaml:2:5: error: missing required field "first"`,
		`data/a.yaml:10:2: error: missing required field "third"`,
		`data/b.yaml:3:1: warning: missing required field "second"`,
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

func TestCauseFirstAndFolded(t *testing.T) {
	var l List
	l.Consequence("unit:hoi-a", "content/news/a.md", 3, 1, "unknown-unit", "", "hoi-a")
	l.Consequence("unit:hoi-a", "data/blocs/k/2024.yaml", 2, 3, "unknown-unit", "", "hoi-a")
	l.Consequence("unit:hoi-b", "data/blocs/k/2024.yaml", 4, 3, "unknown-unit", "", "hoi-b")
	l.Consequence("unit:hoi-b", "data/blocs/k/2025.yaml", 4, 3, "unknown-unit", "", "hoi-b")
	l.Consequence("unit:hoi-b", "data/blocs/k/2026.yaml", 4, 3, "unknown-unit", "", "hoi-b")
	l.Add(Diagnostic{Path: "data/units.yaml", Line: 5, Column: 7, Severity: Error, Code: "bad-id", Args: []any{"hội-a", "id"}, Fix: "hoi-a", About: "unit:hoi-a"})
	l.Error("data/blocs/k", 0, 0, "missing-file-bloc")
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.Format(msg.English))
	}
	want := []string{
		`data/units.yaml:5:7: error [bad-id]: "hội-a" in field "id" is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like "khoi-8"; write "hoi-a"; fixing it fixes the 2 other places that use this id`,
		`data/blocs/k: error [missing-file-bloc]: the bloc folder has no bloc.yaml; add one with the bloc's name`,
		`data/blocs/k/2024.yaml:4:3: error [unknown-unit]: unknown unit "hoi-b"; add it to data/units.yaml or fix the id (and 2 other places use this id)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e, _ := l.Count(); e != 7 {
		t.Errorf("Count = %d errors, want every one of them", e)
	}
}

package msg

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the table of messages of docs/format.md")

// The marks of the table of messages in docs/format.md.
const (
	docsFile   = "../../docs/format.md"
	tableStart = "<!-- The table of messages: made by `go test ./internal/msg -run TestDocsTable -update`. -->\n"
	tableEnd   = "<!-- End of the table of messages. -->\n"
)

// docsTable is the table of messages of docs/format.md: one row per code,
// sorted, with its texts in both languages, the values they take written "…".
func docsTable(all map[string]Text) string {
	cell := func(s string) string {
		s = verbs.ReplaceAllString(s, "…")
		s = strings.ReplaceAll(s, "%%", "%")
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(strings.TrimSpace(s), "\n", "<br>")
	}
	var b strings.Builder
	b.WriteString("| Mã / code | Tiếng Việt | English |\n|---|---|---|\n")
	for _, code := range slices.Sorted(func(yield func(string) bool) {
		for c := range all {
			if !yield(c) {
				return
			}
		}
	}) {
		b.WriteString("| `" + code + "` | " + cell(all[code].VI) + " | " + cell(all[code].EN) + " |\n")
	}
	return b.String()
}

// TestDocsTable checks that docs/format.md holds the table of every
// message by its code, as the catalogue has it; -update writes it there.
func TestDocsTable(t *testing.T) {
	all, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(docsFile)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	i, j := strings.Index(doc, tableStart), strings.Index(doc, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no table of messages between %q and %q", docsFile, tableStart, tableEnd)
	}
	want := docsTable(all)
	if got := doc[i+len(tableStart) : j]; got != want {
		if *update {
			if err := os.WriteFile(docsFile, []byte(doc[:i+len(tableStart)]+want+doc[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		for code := range all {
			if !strings.Contains(got, "| `"+code+"` |") {
				t.Errorf("docs/format.md lacks the code %s", code)
			}
		}
		t.Errorf("the table of messages of docs/format.md is not the catalogue's; run go test ./internal/msg -run TestDocsTable -update")
	}
}

package load

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

func TestArticleBOMAndCRLF(t *testing.T) {
	src := "\uFEFF---\r\ntitle: Tin\r\ndate: 2025-01-08\r\n---\r\n\r\nXem [khối](/khoi/khoi-8/).\r\n"
	a, diags := ParseArticle("content/news/tin.md", []byte(src), nil)
	if diags.Len() != 0 {
		t.Fatalf("diagnostics: %v", lines(diags))
	}
	if a.Title != "Tin" || a.Slug.ID != "tin" || a.BodyLine != 5 || a.HTML != "<p>Xem <a href=\"/khoi/khoi-8/\">khối</a>.</p>\n" {
		t.Errorf("article = %+v", a)
	}
	if want := []model.Ref{{Dest: "/khoi/khoi-8/", Line: 6, Column: 5}}; !slices.Equal(a.Refs, want) {
		t.Errorf("refs = %+v, want %+v", a.Refs, want)
	}
}

func TestDates(t *testing.T) {
	zone := vn.TimeZone()
	for in, want := range map[string]time.Time{
		"2025-01-08":                  time.Date(2025, 1, 8, 0, 0, 0, 0, zone),
		`"2025-01-08"`:                time.Date(2025, 1, 8, 0, 0, 0, 0, zone),
		"2025-01-08T09:30:00":         time.Date(2025, 1, 8, 9, 30, 0, 0, zone),
		"2025-01-08T09:30:00Z":        time.Date(2025, 1, 8, 9, 30, 0, 0, time.UTC),
		`"2025-01-08T09:30:00+07:00"`: time.Date(2025, 1, 8, 9, 30, 0, 0, time.FixedZone("", 7*3600)),
		"2024-02-29":                  time.Date(2024, 2, 29, 0, 0, 0, 0, zone),
	} {
		a, diags := ParseArticle("content/news/t.md", []byte("---\ntitle: T\ndate: "+in+"\n---\n"), nil)
		if diags.Len() != 0 {
			t.Errorf("%s: %v", in, lines(diags))
			continue
		}
		if !a.Date.Equal(want) || a.Date.Format(time.RFC3339) != want.Format(time.RFC3339) {
			t.Errorf("%s: date = %v, want %v", in, a.Date, want)
		}
	}
	_, diags := ParseArticle("content/news/t.md", []byte("---\ntitle: T\ndate: 2023-02-29\n---\n"), nil)
	want := []string{`content/news/t.md:3:7: error: field "date" is "2023-02-29", a date that does not exist; check the day and the month`}
	if got := lines(diags); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTextIsNFC(t *testing.T) {
	nfd := "Ngu\u031bo\u031b\u0300i cao tu\u00f4\u0309i"
	uf, diags := ParseUnits("data/units.yaml", []byte("- {id: hoi-nct, name: "+nfd+"}\n"))
	if diags.Len() != 0 {
		t.Fatal(lines(diags))
	}
	if got := uf.Units[0].Name; got != "Người cao tuổi" {
		t.Errorf("name = %q, want NFC", got)
	}
}

func TestAliasesAreFollowedAndBounded(t *testing.T) {
	y, diags := ParseBlocYear("data/blocs/khoi-8/2024.yaml", []byte("members: [&a hoi-a, hoi-b]\nleader: *a\n"))
	if diags.Len() != 0 || y.Leader.ID != "hoi-a" {
		t.Errorf("leader %q, diagnostics %v", y.Leader.ID, lines(diags))
	}
	// Every unit repeats, through an alias, a list of 400 earlier names:
	// walking it whole would visit 400 × 400 maps.
	var b strings.Builder
	b.WriteString("- {id: u, name: U, formerly: &f [")
	for i := range 400 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{name: x, until: 2000}")
	}
	b.WriteString("]}\n")
	for range 400 {
		b.WriteString("- {id: u, name: U, formerly: *f}\n")
	}
	bomb := b.String()
	done := make(chan []string)
	go func() {
		_, d := ParseUnits("data/units.yaml", []byte(bomb))
		done <- lines(d)
	}()
	select {
	case got := <-done:
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "through aliases") }) {
			t.Errorf("no message about too many aliases: %v", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("an alias bomb takes more than 5 seconds")
	}
}

func TestEmptyFiles(t *testing.T) {
	if _, d := ParseUnits("data/units.yaml", nil); d.Len() != 0 {
		t.Errorf("an empty units.yaml: %v", lines(d))
	}
	_, d := ParseBlocYear("data/blocs/khoi-8/2024.yaml", []byte("\n"))
	if got := lines(d); !slices.Equal(got, []string{"data/blocs/khoi-8/2024.yaml:1:1: error: the file is empty; give at least members and leader"}) {
		t.Errorf("an empty year file: %q", got)
	}
}

// TestIssue12Case14AliasErrorsPointAtTheAlias checks that a mistake in what
// an alias stands for is reported at the *name that uses it, not at the
// anchor, and that the anchor's own mistakes stay at the anchor.
func TestIssue12Case14AliasErrorsPointAtTheAlias(t *testing.T) {
	_, d := ParseBlocYear("data/blocs/khoi-8/2024.yaml", []byte("members: [&a hoi-a, hoi-b, &m {unit: hoi-c}]\nleader: *m\ndeputies: [hoi-b, *m]\n"))
	want := []string{
		`data/blocs/khoi-8/2024.yaml:2:9: error: field "leader" must be an identifier, not a map`,
		`data/blocs/khoi-8/2024.yaml:3:19: error: field "deputies" must be an identifier, not a map`,
	}
	if got := lines(d); !slices.Equal(got, want) {
		t.Errorf("aliases of a map:\ngot  %q\nwant %q", got, want)
	}
	_, d = ParseUnits("data/units.yaml", []byte("- &u {id: hoi-a, name: A, bogus: 1}\n- *u\n- {id: hoi-b, name: B, formerly: [&f {name: X}, *f]}\n"))
	want = []string{
		`data/units.yaml:1:27: error: unknown field "bogus"; the fields here are id, name, short, kind, website, formerly, established, predecessors, merged_into, split_into, dissolved`,
		`data/units.yaml:2:3: error: duplicate unit id "hoi-a", also at data/units.yaml:1:11; give each unit its own id`,
		`data/units.yaml:2:3: error: unknown field "bogus"; the fields here are id, name, short, kind, website, formerly, established, predecessors, merged_into, split_into, dissolved`,
		`data/units.yaml:3:35: error: missing required field "until"`,
		`data/units.yaml:3:49: error: missing required field "until"`,
	}
	if got := lines(d); !slices.Equal(got, want) {
		t.Errorf("aliases of units:\ngot  %q\nwant %q", got, want)
	}
}

// TestIssue12Case11WebsiteIsAnHTTPAddress checks that a unit's website is
// kept only when it is an http or https address; any other is an error at
// the value, and left out of the site.
func TestIssue12Case11WebsiteIsAnHTTPAddress(t *testing.T) {
	for _, ok := range []string{"https://hoi-a.example.gov.vn/", "http://hoi-a.example.gov.vn/gioi-thieu?x=1", "HTTPS://HOI-A.GOV.VN"} {
		uf, d := ParseUnits("data/units.yaml", []byte("- id: hoi-a\n  name: A\n  website: "+ok+"\n"))
		if d.Len() != 0 || len(uf.Units) != 1 || uf.Units[0].Website != ok {
			t.Errorf("website %q: %+v, %q", ok, uf.Units, lines(d))
		}
	}
	for _, c := range []struct{ value, shown, example string }{
		{"javascript:alert(document.cookie)", `"javascript:alert(document.cookie)"`, "https://hoi-a.example.gov.vn/"},
		{"'JavaScript:alert(1)'", `"JavaScript:alert(1)"`, "https://hoi-a.example.gov.vn/"},
		{"vbscript:msgbox(1)", `"vbscript:msgbox(1)"`, "https://hoi-a.example.gov.vn/"},
		{"'data:text/html,<script>alert(1)</script>'", `"data:text/html,<script>alert(1)</script>"`, "https://hoi-a.example.gov.vn/"},
		{"//evil.example/", `"//evil.example/"`, "https://hoi-a.example.gov.vn/"},
		{"https://", `"https://"`, "https://hoi-a.example.gov.vn/"},
		{"https://user:pass@hoi-a.gov.vn/", `"https://user:pass@hoi-a.gov.vn/"`, "https://hoi-a.example.gov.vn/"},
		{"ftp://hoi-a.gov.vn/", `"ftp://hoi-a.gov.vn/"`, "https://hoi-a.example.gov.vn/"},
		{"www.hoi-a.gov.vn", `"www.hoi-a.gov.vn"`, "https://www.hoi-a.gov.vn"},
	} {
		uf, d := ParseUnits("data/units.yaml", []byte("- id: hoi-a\n  name: A\n  website: "+c.value+"\n"))
		want := []string{`data/units.yaml:3:12: error: field "website" is ` + c.shown + `; website must be an address that starts with https:// or http://, like ` + c.example}
		if got := lines(d); !slices.Equal(got, want) {
			t.Errorf("website %s:\ngot  %q\nwant %q", c.value, got, want)
		}
		if len(uf.Units) != 1 || uf.Units[0].Website != "" {
			t.Errorf("website %s is kept: %+v", c.value, uf.Units)
		}
	}
}

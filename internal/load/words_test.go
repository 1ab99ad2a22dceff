package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/search"
)

// An article's Terms are the terms the search finds in its body's text:
// folded, each once, in the order they first appear.
func TestArticleTermsAreTheTermsOfSearch(t *testing.T) {
	for body, text := range map[string]string{
		"": "",
		"Hội viên, hội viên.\n\nHỘI VIÊN hội\tviên":                                                   "Hội viên, hội viên.\nHỘI VIÊN hội viên",
		"# Người cao tuổi\n\nDẫn đầu khối với **98,5** điểm. Người *cao tuổi* làm kinh tế giỏi.":      "Người cao tuổi\nDẫn đầu khối với 98,5 điểm. Người cao tuổi làm kinh tế giỏi.",
		"- a\u0301b ab\n- á-b a\n\n| Đơn vị | Điểm |\n|---|---|\n| Hội [Nông dân](/don-vi/nd/) | 9 |": "a\u0301b ab á-b a Đơn vị Điểm Hội Nông dân 9",
	} {
		a, diags := ParseArticle("content/news/tin.md", []byte("---\ntitle: T\ndate: 2025-01-08\n---\n\n"+body), nil)
		if diags.Len() != 0 {
			t.Fatalf("%q: %v", body, lines(diags))
		}
		want := search.Terms(text)
		if got := strings.Fields(a.Terms); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("Terms of %q = %q, want %q", body, got, want)
		}
	}
	a, _ := ParseArticle("content/news/tin.md", []byte("---\ntitle: T\ndate: 2025-01-08\n---\n\nHỘI viên hội Viên, hội đồng"), nil)
	if a.Terms != "hoi vien dong" {
		t.Errorf("Terms = %q, want %q", a.Terms, "hoi vien dong")
	}
}

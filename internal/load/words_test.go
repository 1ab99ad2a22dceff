package load

import (
	"slices"
	"testing"

	"github.com/thidua/thidua/internal/search"
)

func TestDistinctWordsKeepTheTermsOfSearch(t *testing.T) {
	for _, text := range []string{
		"",
		"Hội viên, hội viên.\nHỘI VIÊN hội\tviên",
		"Người cao tuổi dẫn đầu khối với 98,5 điểm. Người cao tuổi làm kinh tế giỏi.",
		"a\u0301b ab á-b a",
	} {
		got := distinctWords(text)
		if !slices.Equal(search.Terms(got), search.Terms(text)) {
			t.Errorf("Terms(distinctWords(%q)) = %q, want %q", text, search.Terms(got), search.Terms(text))
		}
	}
	if got, want := distinctWords("hội viên,  hội\nviên, viên"), "hội viên, viên"; got != want {
		t.Errorf("distinctWords = %q, want %q", got, want)
	}
}

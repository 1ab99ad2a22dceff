package load

import (
	"slices"
	"strings"
	"testing"
)

// TestIssue12BodyBoundsAreErrorsAtTheFileLine wants a body that passes a
// bound of its Markdown reported at its line and column in the file, for
// articles and pages alike.
func TestIssue12BodyBoundsAreErrorsAtTheFileLine(t *testing.T) {
	for _, c := range []struct{ path, src, want string }{
		{"content/news/tin.md", "---\ntitle: Tin\ndate: 2025-01-08\n---\nMở đầu.\n\n" + strings.Repeat("> ", 40) + "x\n",
			"content/news/tin.md:7:65: error: this block quote is nested 33 levels deep (lists, block quotes and footnotes count together); thidua reads at most 32: use fewer >"},
		{"content/pages/trang.md", "---\ntitle: Trang\n---\n\nđúng\n" + strings.Repeat("* ", 40) + "x\n",
			"content/pages/trang.md:6:65: error: this list is nested 33 levels deep (lists, block quotes and footnotes count together); thidua reads at most 32: indent less"},
	} {
		for _, p := range parsers {
			if p.path != c.path {
				continue
			}
			if got := lines(p.parse(c.path, []byte(c.src))); !slices.Equal(got, []string{c.want}) {
				t.Errorf("%s: got %q, want %q", c.path, got, c.want)
			}
		}
	}
}

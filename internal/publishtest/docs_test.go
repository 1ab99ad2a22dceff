package publishtest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fence is a fenced code block of Markdown: its language and its text.
var fence = regexp.MustCompile("(?ms)^```([a-z]*)\n(.*?)^```$")

// TestGuideQuotesTheFiles checks that docs/publishing.md shows each file of
// docs/publishing/ whole, as it is, so that what IT staff copy from the
// guide is what the tests serve; and that both guides link to the files.
func TestGuideQuotesTheFiles(t *testing.T) {
	guide := readDoc(t, "publishing.md")
	var blocks []string
	for _, m := range fence.FindAllStringSubmatch(guide, -1) {
		blocks = append(blocks, m[2])
	}
	files, err := os.ReadDir(filepath.Join(root, "docs", "publishing"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Errorf("docs/publishing/ holds %d files, want nginx.conf, apache.conf and web.config", len(files))
	}
	english := readDoc(t, "publishing.en.md")
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, "docs", "publishing", f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(blocks, string(b)) {
			t.Errorf("docs/publishing.md does not show docs/publishing/%s as it is in a code block", f.Name())
		}
		for name, doc := range map[string]string{"publishing.md": guide, "publishing.en.md": english} {
			if !strings.Contains(doc, "](publishing/"+f.Name()+")") {
				t.Errorf("docs/%s does not link to publishing/%s", name, f.Name())
			}
		}
	}
}

func readDoc(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/msg"
)

// TestSyntaxErrors parses each file of testdata/syntax, a year file
// (.yaml) or an article (.md) with one YAML mistake, and compares its one
// message, in Vietnamese then in English, with the two lines of the .want
// file beside it: code, line, column and text.
func TestSyntaxErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/syntax/*.*")
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, file := range files {
		ext := filepath.Ext(file)
		if ext == ".want" {
			continue
		}
		cases++
		name := strings.TrimSuffix(filepath.Base(file), ext)
		t.Run(name+ext, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(file, ext) + ".want")
			if err != nil {
				t.Fatal(err)
			}
			var diags *diag.List
			if ext == ".md" {
				_, diags = ParseArticle("content/news/"+name+".md", src, nil)
			} else {
				_, diags = ParseBlocYear("data/blocs/khoi-8/2024.yaml", src)
			}
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.Format(msg.Vietnamese), d.Format(msg.English))
			}
			if g, w := strings.Join(got, "\n"), strings.TrimSpace(string(want)); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
	if cases < 12 {
		t.Errorf("%d cases in testdata/syntax", cases)
	}
}

// TestSyntaxSuggestionIsShort: a value that holds ": " on a line of a
// million characters gets a message that quotes at most maxSuggestion of them.
func TestSyntaxSuggestionIsShort(t *testing.T) {
	_, diags := ParseBloc("data/blocs/khoi-8/bloc.yaml", []byte("name: "+strings.Repeat("Khối: ", 200000)+"\n"))
	items := diags.Items()
	if len(items) != 1 || items[0].Code != CodeYAMLValue || len(items[0].Text(msg.Vietnamese)) > 400 {
		t.Errorf("got %d messages: %.500v", len(items), items)
	}
}

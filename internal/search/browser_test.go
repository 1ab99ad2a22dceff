package search_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/browsertest"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/search"
)

// builtSite builds internal/build's test site under a base path, serves it
// and returns its base URL and the Go twin of its search index.
func builtSite(t *testing.T) (string, *search.Built) {
	t.Helper()
	pub := filepath.Join(t.TempDir(), "public")
	base := browsertest.Serve(t, pub, "/thidua/")
	opts := build.Options{Source: "../build/testdata/site", Destination: pub, BaseURL: base, Theme: thidua.Theme()}
	if res, err := build.Run(context.Background(), opts); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	p, _, err := build.Prepare(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	return base, search.Build(p.Site, p.Plan)
}

// results waits for the search page to show its results and returns their
// links, site-relative.
func results(t *testing.T, ctx context.Context, base string) []string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".search-status").textContent !== ""`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("no results shown: %v", err)
	}
	hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-results li a"), a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range hrefs {
		hrefs[i] = strings.TrimPrefix(h, strings.TrimPrefix(base, base[:strings.Index(base, "/thidua/")]))
	}
	return hrefs
}

func TestSearchPageInBrowser(t *testing.T) {
	base, built := builtSite(t)
	ctx := browsertest.New(t)
	const unit = "don-vi/hoi-nguoi-cao-tuoi/"

	// Typing without diacritics finds the unit first, and the query goes
	// into the address.
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"tim-kiem/"),
		chromedp.WaitVisible("#search-q"),
		chromedp.SendKeys("#search-q", "nguoi cao tuoi"),
	)
	if err != nil {
		t.Fatal(err)
	}
	got := results(t, ctx, base)
	if len(got) == 0 || got[0] != unit {
		t.Fatalf("typing nguoi cao tuoi shows %v, want %s first", got, unit)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "tim-kiem/?q=nguoi+cao+tuoi") {
		t.Errorf("address after typing = %s", loc)
	}

	// A shared address with the query in capitals and diacritics shows the
	// same results.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"tim-kiem/?q=NG%C6%AF%E1%BB%9CI+CAO+TU%E1%BB%94I")); err != nil {
		t.Fatal(err)
	}
	if again := results(t, ctx, base); !slices.Equal(again, got) {
		t.Errorf("?q=NGƯỜI CAO TUỔI shows %v, want %v", again, got)
	}
	if want := groupedPathsOf(built, "nguoi cao tuoi"); !slices.Equal(got, want) {
		t.Errorf("the page shows %v, the Go twin finds %v", got, want)
	}
}

// groupedPathsOf is what the search page lists for q, in its order.
func groupedPathsOf(b *search.Built, q string) []string {
	out := []string{}
	for _, h := range b.Grouped(b.Search(q)) {
		out = append(out, b.Index.Docs[h.Doc].Path)
	}
	return out
}

func pathsOf(b *search.Built, q string) []string {
	out := []string{}
	for _, h := range b.Search(q) {
		out = append(out, b.Index.Docs[h.Doc].Path)
	}
	return out
}

// TestScriptMirrorsGo runs the fold vectors and a set of queries through
// search.js and through this package, and wants the same answers.
func TestScriptMirrorsGo(t *testing.T) {
	base, built := builtSite(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"tim-kiem/"), chromedp.WaitVisible("#search-q")); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/fold_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Fold  [][2]string         `json:"fold"`
		Terms [][]json.RawMessage `json:"terms"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	inputs := []string{}
	for _, c := range v.Fold {
		inputs = append(inputs, c[0])
	}
	js, _ := json.Marshal(inputs)
	folded, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](string(js)+`.map(thiduaSearch.fold)`))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range v.Fold {
		if folded[i] != c[1] {
			t.Errorf("search.js folds %q to %q, want %q", c[0], folded[i], c[1])
		}
	}
	for _, pair := range v.Terms {
		var in string
		var want []string
		json.Unmarshal(pair[0], &in)
		json.Unmarshal(pair[1], &want)
		q, _ := json.Marshal(in)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`thiduaSearch.terms(`+string(q)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(got)+len(want) > 0 && !slices.Equal(got, want) {
			t.Errorf("search.js terms of %q = %q, want %q", in, got, want)
		}
	}

	queries := []string{"nguoi cao tuoi", "hoi", "khoi cac hoi", "tong ket", "so ket", "Hội CTĐ", "chu thap do",
		"khuyen hoc mau", "ky ket", "2024", "uy ban", "co thi", "dac thu", "khong co", "tai chinh", "h", "ket"}
	for _, q := range queries {
		want := pathsOf(built, q)
		qs, _ := json.Marshal(q)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`new thiduaSearch.Searcher(document.getElementById("search").dataset.base).search(`+string(qs)+`).then(hs => hs.map(h => h.doc.p))`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("%q: search.js finds %v, Go finds %v", q, got, want)
		}
	}
	if len(pathsOf(built, "uy ban")) == 0 || len(pathsOf(built, "ket")) < 3 {
		t.Error("the queries do not reach the bodies and titles they are meant to")
	}
}

// TestSearchPageGroupsByKind is issue 18's: on the page, a year typed alone
// lists that year's page first, under the heading of its kind, and an award
// kind's name finds its page; the page lists what the Go twin lists.
func TestSearchPageGroupsByKind(t *testing.T) {
	base, built := builtSite(t)
	ctx := browsertest.New(t)
	for _, c := range []struct{ query, first, heading string }{
		{"2024", "nam/2024/", "Năm"},
		{"huan chuong lao dong", "khen-thuong/huan-chuong-lao-dong-hang-nhat/", "Khen thưởng"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"tim-kiem/?q="+strings.ReplaceAll(c.query, " ", "+"))); err != nil {
			t.Fatal(err)
		}
		got := results(t, ctx, base)
		if len(got) == 0 || got[0] != c.first {
			t.Errorf("%q shows %v, want %s first", c.query, got, c.first)
		}
		if want := groupedPathsOf(built, c.query); !slices.Equal(got, want) {
			t.Errorf("%q: the page shows %v, the Go twin %v", c.query, got, want)
		}
		headings, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-group h2"), h => h.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(headings) == 0 || headings[0] != c.heading {
			t.Errorf("%q: group headings %q, want %q first", c.query, headings, c.heading)
		}
	}
}

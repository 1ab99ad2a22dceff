package search

import (
	"io"
	"reflect"
	"testing"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// TestTermCacheGivesTheIndexOfBuild indexes a site with a TermCache again
// and again as its articles change, and wants each index and each file to
// be the ones Build and a Write without a cache give.
func TestTermCacheGivesTheIndexOfBuild(t *testing.T) {
	site := demoSite()
	cache := NewTermCache()
	edits := []func(){
		func() {},
		func() {}, // nothing changed
		func() {
			site.Articles[1].Terms = terms("Nội dung mới về quỹ vay vốn của hội viên, zeta.")
		},
		func() { site.Articles[2].Summary = "Trao học bổng cho học sinh." },
		func() { site.Articles[0].Terms = "" },
		func() { site.Articles = site.Articles[1:] }, // other documents: indexed anew
	}
	for round, edit := range edits {
		edit()
		cached, uncached := writeAll(t, Extra{Terms: cache}, site), writeAll(t, Extra{}, site)
		if !reflect.DeepEqual(cached, uncached) {
			t.Fatalf("round %d: the files written with a TermCache differ from those without", round)
		}
		if got, want := cache.last.built, buildIndex(site); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: the index kept differs from Build's", round)
		}
	}
}

// writeAll runs x.Write on site and returns the files it wrote.
func writeAll(t *testing.T, x Extra, site *model.Site) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	plan := pages.Plan(site, func(key string) string { return key })
	err := x.Write(site, plan, func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, files: files}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package load

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/markdown"
)

// TestMemoRecallsByStamp loads the demo site through a RootFS with a
// Memo, again with what that Memo wrote, and after changes that a stamp
// must see: each time the site and the diagnostics are those of a load
// without a Memo. An article whose file keeps its stamp is recalled by it,
// unread; one rewritten with its old size and modification time, another
// base path or a lower size limit is not; a file that changed within the
// settle time gets no stamp; a stamp taken or given is written.
func TestMemoRecallsByStamp(t *testing.T) {
	dir := copyDemo(t)
	write := writer(t, dir)
	const name = "content/news/2025/tin-dong-bo.md"
	text := func(word string) string {
		return "---\ntitle: Tin " + word + "\ndate: 2025-03-04\nsummary: Một tin để thử dấu của tệp.\n---\n\nĐoạn " + word + " của tin.\n"
	}
	write(name, text("một"))
	// An article with a warning is parsed at every load and never kept: it
	// must not make the memo look changed at every build either.
	write("content/news/2025/canh-bao.md", "---\ntitle: Tin có cảnh báo\ndate: 2025-03-04\nchua-biet: 1\n---\n\nĐoạn đầu.\n")
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	load := func(step string, m *Memo, opts Options, settle time.Duration) (*Memo, bool) {
		t.Helper()
		fresh := NewRootFS(root)
		defer fresh.Close()
		want, wantDiags := Site(fresh, opts)
		fsys := NewRootFS(root)
		defer fsys.Close()
		m.settle = settle
		opts.Memo = m
		got, gotDiags := Site(fsys, opts)
		if !reflect.DeepEqual(gotDiags.Items(), wantDiags.Items()) {
			t.Errorf("%s: diagnostics\n%v\nwant\n%v", step, gotDiags.Items(), wantDiags.Items())
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the site loaded with the memo differs from a fresh load", step)
		}
		return roundTrip(t, m), m.Changed()
	}
	stampNow := func() FileStamp {
		t.Helper()
		fsys := NewRootFS(root)
		defer fsys.Close()
		info, err := fs.Lstat(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		st, ok := stampOf(fsys, info)
		if !ok {
			t.Fatalf("no stamp of %s", name)
		}
		return st
	}
	demo := markdown.Options{BasePath: "/"} // the demo's baseURL is at the root of its host
	// The files of the test were written a moment ago: a settle of 0 lets
	// them have stamps.
	m, _ := load("first load", NewMemo(), Options{}, 0)
	if files := len(m.articles.known) + len(m.years.known); len(m.stamps) == 0 || len(m.stamps) != files || len(m.years.known) == 0 {
		t.Fatalf("the memo holds %d stamps for %d articles and %d bloc years, want one each", len(m.stamps), len(m.articles.known), len(m.years.known))
	}
	m, _ = load("nothing changed", m, Options{}, 0)
	// Asked of a copy: a recall counts the article as used by m's next load.
	probe := &Memo{articles: &memoTable[ArticleFile]{known: maps.Clone(m.articles.known), used: map[memoKey]*ArticleFile{}}, stamps: maps.Clone(m.stamps)}
	if a, ok := recallStamped(probe, probe.articles, name, stampNow(), demo); !ok || a.Title != "Tin một" {
		t.Errorf("an unchanged file is not recalled by its stamp: %v, %v", a, ok)
	}

	// The same size and modification time, other bytes ("một" and "bốn"
	// are five bytes each): the inode's change time gives it away.
	path := filepath.Join(dir, name)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond) // past a tick of the clock that dates files
	write(name, text("bốn"))
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	m, _ = load("rewritten with its old size and time", m, Options{}, 0)
	if a := recalled(m, name); a == nil || a.Title != "Tin bốn" {
		t.Errorf("after a rewrite the memo holds %+v, want the new article", a)
	}
	moved := Options{BaseURL: "https://thidua.example.gov.vn/thidua/"}
	m, _ = load("another base path", m, moved, 0)
	limited := moved
	limited.MaxFileSize = int64(len(text("bốn"))) - 1
	m, _ = load("a lower size limit", m, limited, 0)
	m, _ = load("the limit lifted", m, moved, 0)

	// A file changed within the settle time is not stamped, so that
	// another change within the same tick cannot hide behind its stamp;
	// the memo, which took its stamp, is worth writing although nothing
	// was parsed, and so is one that gives the stamp again.
	if err := os.Chtimes(path, time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	m, changed := load("touched within the settle time", m, moved, time.Hour)
	if _, ok := m.stamps[name]; ok || !changed {
		t.Errorf("%s, touched within the settle time: stamped %t, memo changed %t; want false, true", name, ok, changed)
	}
	m, changed = load("touched, settled", m, moved, 0)
	if _, ok := m.stamps[name]; !ok || !changed {
		t.Errorf("%s, settled: stamped %t, memo changed %t; want true, true", name, ok, changed)
	}
	if _, changed = load("the same stamps", m, moved, 0); changed {
		t.Error("with the same stamps the memo is changed")
	}
}

// recalled returns the article of the file path that m's last load used.
func recalled(m *Memo, path string) *ArticleFile {
	for _, a := range m.articles.known {
		if a.Path == path {
			return a
		}
	}
	return nil
}

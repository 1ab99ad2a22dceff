package load

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/thidua/thidua/internal/diag"
)

// validSite returns the small valid site of testdata/site as a MapFS that a
// test may change.
func validSite(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("testdata/site")
	err := fs.WalkDir(root, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// lines formats diagnostics as "path:line:col: severity: message", by
// path: the order of the declarations first is diag's, tested there.
func lines(l *diag.List) []string {
	var out []string
	items := l.Items()
	slices.SortStableFunc(items, func(a, b diag.Diagnostic) int { return strings.Compare(a.Path, b.Path) })
	for _, d := range items {
		out = append(out, d.String())
	}
	return out
}

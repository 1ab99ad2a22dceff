package synth

import (
	"bytes"
	"os"
	"testing"

	"github.com/thidua/thidua/internal/filetree"
	"github.com/thidua/thidua/internal/load"
)

// tree reads every file under dir by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := filetree.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestSameSeedSameSite(t *testing.T) {
	opts := Options{Articles: 40, Blocs: 3, Years: 2, Members: 4, Seed: 7}
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Write(d, opts); err != nil {
			t.Fatal(err)
		}
	}
	opts.Seed = 8
	if err := Write(c, opts); err != nil {
		t.Fatal(err)
	}
	ta, tb, tc := tree(t, a), tree(t, b), tree(t, c)
	// site.yaml, units.yaml, 3 × (bloc.yaml + 2 years), 40 articles
	if len(ta) != 2+3*3+40 {
		t.Errorf("%d files, want %d", len(ta), 2+3*3+40)
	}
	differ := false
	for name, content := range ta {
		if !bytes.Equal(content, tb[name]) {
			t.Errorf("%s differs between two writes with the same seed", name)
		}
		if !bytes.Equal(content, tc[name]) {
			differ = true
		}
	}
	if !differ {
		t.Error("another seed gave the same site")
	}
}

func TestSitePassesEveryCheck(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Articles: 300, Blocs: 4, Years: 3, Members: 5, Seed: 1}
	if err := Write(dir, opts); err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(os.DirFS(dir), load.Options{})
	for _, d := range diags.Items() {
		t.Errorf("%s", d)
	}
	if len(site.Articles) != 300 || len(site.Blocs) != 4 || len(site.Units) != 20 || len(site.Years) != 3 {
		t.Errorf("loaded %d articles, %d blocs, %d units, %d years", len(site.Articles), len(site.Blocs), len(site.Units), len(site.Years))
	}
}

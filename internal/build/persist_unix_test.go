//go:build unix

package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/thidua/thidua"
)

// TestSecondBuildKeepsWhatDidNotChange builds the demo, then builds it
// again after each of a few edits into the same destination, and wants
// each build to render only the pages whose keys changed, to leave the
// files of the others as they were, and to give byte for byte what a build
// into an empty folder gives.
func TestSecondBuildKeepsWhatDidNotChange(t *testing.T) {
	site := copyDemo(t)
	dest := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: site, Destination: dest, Theme: thidua.Theme()}
	ctx := context.Background()
	run := func(step string) Result {
		t.Helper()
		res, err := Run(ctx, opts)
		if err != nil {
			t.Fatalf("%s: %v\n%v", step, err, res.Diagnostics)
		}
		fresh := opts
		fresh.Destination = filepath.Join(t.TempDir(), "fresh")
		if _, err := Run(ctx, fresh); err != nil {
			t.Fatalf("%s: build into an empty folder: %v", step, err)
		}
		sameTree(t, step, dest, fresh.Destination)
		return res
	}
	first := run("first")
	if first.Rendered != first.Pages {
		t.Errorf("first build rendered %d of %d pages", first.Rendered, first.Pages)
	}
	inodes := inodesOf(t, dest)

	if res := run("no change"); res.Rendered != 0 {
		t.Errorf("a second build after no change rendered %d pages, want none", res.Rendered)
	}
	for f, ino := range inodesOf(t, dest) {
		if inodes[f] != ino {
			t.Errorf("no change: %s is a new file", f)
		}
	}

	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	edit(t, site, article, "## Kết quả năm 2023", "## Kết quả năm 2023\n\nMột đoạn mới thêm vào bài.")
	if res := run("article body"); res.Rendered == 0 || res.Rendered > 3 {
		t.Errorf("after an article's body changed %d pages were rendered, want the article's and no more than 2 others", res.Rendered)
	}

	edit(t, site, "data/units.yaml", "name: Hội Nông dân tỉnh", "name: Hội Nông dân tỉnh Tây Ninh")
	if res := run("unit name"); res.Rendered == 0 || res.Rendered == res.Pages {
		t.Errorf("after a unit's name changed %d of %d pages were rendered", res.Rendered, res.Pages)
	}

	// A layout of the site's own changes how every page may look: all are
	// rendered again.
	writeFile(t, site, "layouts/partials/footer.html", `{{define "footer"}}<footer class="site">Chân trang mới</footer>{{end}}`)
	if res := run("layout"); res.Rendered != res.Pages {
		t.Errorf("after a layout changed %d of %d pages were rendered, want all", res.Rendered, res.Pages)
	}
	if err := os.Remove(filepath.Join(site, "layouts", "partials", "footer.html")); err != nil {
		t.Fatal(err)
	}
	run("layout removed")

	// Static files are copied again whatever the keys say.
	writeFile(t, site, "static/files/huong-dan.txt", "Hướng dẫn mới")
	run("static file")
	b, err := os.ReadFile(filepath.Join(dest, "files", "huong-dan.txt"))
	if err != nil || !strings.Contains(string(b), "Hướng dẫn mới") {
		t.Errorf("the new static file is not in the output: %q, %v", b, err)
	}
}

// inodesOf returns the inode of each file under dir.
func inodesOf(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	// The destination is a link to the live generation: walk what it points at.
	filepath.WalkDir(dir+string(filepath.Separator), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = info.Sys().(*syscall.Stat_t).Ino
		return nil
	})
	return out
}

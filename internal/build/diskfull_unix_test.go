//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/diskfull"
)

// TestIssue12Case8DiskFullDuringRebuild is issue 12's case 8: when the disk
// fills during a rebuild of serve or build --watch (here: the file size
// limit of the process), the rebuild fails, the output is the last good
// build's, and no part of a file is left in it or beside it; the next good
// rebuild is whole again.
func TestIssue12Case8DiskFullDuringRebuild(t *testing.T) {
	if !diskfull.Isolate(t) {
		return
	}
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "out", "public")
	b, err := NewBuilder(Options{Source: src, Destination: dest, Theme: thidua.Theme()}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	if res, _, err := b.Build(ctx, nil, true); err != nil {
		t.Fatalf("first build: %v\n%v", err, res.Diagnostics)
	}
	before := readTree(t, dest)

	// An article's page of about 400 KB, over a limit of 256 KiB.
	article := "content/news/2024/to-lon.md"
	writeFile(t, src, article, "---\ntitle: Một bài rất lớn\ndate: 2024-12-30\n---\n"+
		strings.Repeat("Nội dung rất dài của một bài báo cáo tổng kết thi đua khen thưởng. ", 6000)+"\n")
	diskfull.Run(t, 256<<10, func() { _, _, err = b.Build(ctx, []string{article}, false) })
	if err == nil {
		t.Fatal("the rebuild past the file size limit succeeded")
	}
	unchanged(t, dest, before, "a rebuild that filled the disk")
	filepath.WalkDir(filepath.Dir(dest), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".thidua-tmp") {
			t.Errorf("left behind: %s", p)
		}
		if err == nil && strings.Contains(p, "to-lon") {
			t.Errorf("a part of the large page is left: %s", p)
		}
		return nil
	})
	if res, _, err := b.Build(ctx, []string{article}, false); err != nil {
		t.Fatalf("the next rebuild: %v\n%v", err, res.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(dest, "tin-tuc", "to-lon", "index.html")); err != nil {
		t.Errorf("the next rebuild did not write the page: %v", err)
	}
}

//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/synth"
)

// The limits of the performance issue for a site of 10,000 articles, which
// a site 100 times the demo stays under.
const (
	maxPeakMemory = 250 << 20
	mib           = 1 << 20
)

// TestHundredfoldDemo builds a generated site 100 times the demo (16
// articles, 7 blocs over 5 years of about 10 members: 35 year files) in a
// process of its own and checks its peak memory: 1,600 articles, 70 blocs
// over 50 years of 20 members (3,500 year files).
func TestHundredfoldDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 5,000 files")
	}
	t.Parallel() // in processes of their own: they run beside the other tests
	src := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(src, synth.Options{Articles: 1600, Blocs: 70, Years: 50, Members: 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "public")
	elapsed, peak := runThidua(t, "build", "-s", src, "-d", dst, "--quiet")
	pages := countFiles(t, dst, "index.html")
	t.Logf("100× the demo: %d pages in %v, peak memory %d MiB", pages, elapsed.Round(1e6), peak/mib)
	if pages < 1600+3500 {
		t.Errorf("only %d pages", pages)
	}
	if peak > maxPeakMemory {
		t.Errorf("peak memory %d MiB, over %d MiB", peak/mib, maxPeakMemory/mib)
	}
}

// TestTenMiBArticle builds a small site with one article of 10 MiB, the
// most a file may hold, in a process of its own: it builds, in bounded
// memory; one byte more is an error that says so. Goldmark holds the whole
// syntax tree of an article, about 35 bytes for each byte of the densest
// Markdown (a table, a list or a link every few words), and the Go heap
// grows to twice what it holds before it collects: prose stays within the
// limit of a site of 10,000 articles, the densest Markdown within that of
// 100,000 (1.5 GiB).
func TestTenMiBArticle(t *testing.T) {
	t.Parallel() // in processes of their own: they run beside the other tests
	for _, c := range []struct {
		name  string
		block func(i int) string
		limit int64
	}{
		{"prose", func(i int) string {
			if i%20 == 0 {
				return fmt.Sprintf("## Phần %d\n\n", i)
			}
			return strings.Repeat("Khối thi đua tổng kết công tác thi đua, khen thưởng năm và ký kết giao ước. ", 10) + "\n\n"
		}, maxPeakMemory},
		{"dense", func(i int) string {
			return fmt.Sprintf("## Phần %d\n\nKhối **số %d** tổng kết, với [đơn vị](/don-vi/) và *các hội*.\n\n| Hạng | Đơn vị | Điểm |\n|---|---|---|\n| %d | Hội %d | 98,5 |\n\n- Một ý\n- Hai ý\n\n", i, i, i, i)
		}, 1536 * mib},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "site")
			if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString("---\ntitle: Báo cáo tổng kết rất dài\ndate: 2024-12-30\n---\n")
			for i := 0; b.Len() < load.DefaultMaxFileSize-4096; i++ {
				b.WriteString(c.block(i))
			}
			article := b.String() + strings.Repeat("x", load.DefaultMaxFileSize-b.Len())
			file := filepath.Join(src, "content", "news", "2024", "bao-cao-dai.md")
			if err := os.WriteFile(file, []byte(article), 0o644); err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join(t.TempDir(), "public")
			elapsed, peak := runThidua(t, "build", "-s", src, "-d", dst, "--quiet")
			t.Logf("a 10 MiB article of %s: built in %v, peak memory %d MiB", c.name, elapsed.Round(1e6), peak/mib)
			if peak > c.limit {
				t.Errorf("peak memory %d MiB, over %d MiB", peak/mib, c.limit/mib)
			}
			page, err := os.Stat(filepath.Join(dst, "tin-tuc", "bao-cao-dai", "index.html"))
			if err != nil || page.Size() < load.DefaultMaxFileSize {
				t.Errorf("the article's page: %v, %v", page, err)
			}
			if c.name != "prose" {
				return
			}
			if err := os.WriteFile(file, []byte(article+"x"), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCmd("build", "-s", src, "-d", dst, "--quiet")
			want := "content/news/2024/bao-cao-dai.md: error: the file has 10485761 bytes, over the limit of 10 MiB for one file; split it, or check that it is the right file\n"
			if code != exitSite || !strings.HasPrefix(stderr, want) {
				t.Errorf("one byte more: exit %d, %q; want %d, %q", code, stderr, exitSite, want)
			}
		})
	}
}

// countFiles counts the files named name under dir.
func countFiles(t *testing.T, dir, name string) int {
	t.Helper()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // the destination is a link to its live generation
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == name {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

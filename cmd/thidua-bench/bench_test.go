package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/synth"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []int64
		want int64
	}{
		{nil, 0},
		{[]int64{5}, 5},
		{[]int64{9, 1, 5}, 5},
		{[]int64{4, 1, 3, 2}, 2}, // (2+3)/2 in integers
		{[]int64{10, 30, 20, 40}, 25},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %d, want %d", c.in, got, c.want)
		}
	}
	in := []time.Duration{3, 1, 2}
	median(in)
	if in[0] != 3 {
		t.Error("median sorted its argument in place")
	}
}

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("1000, 10000,100000")
	if err != nil || len(got) != 3 || got[0] != 1000 || got[2] != 100000 {
		t.Errorf("parseSizes = %v, %v", got, err)
	}
	for _, bad := range []string{"", "10k", "0", "1000,,2"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) took it", bad)
		}
	}
}

func TestShapeOfTheLargestSite(t *testing.T) {
	o := shape(100000, 1)
	if o.Blocs != 40 || o.Years != 25 || o.Members != 20 {
		t.Errorf("100,000 articles: %d blocs × %d years × %d members, want 40 × 25 × 20", o.Blocs, o.Years, o.Members)
	}
}

func TestVerdict(t *testing.T) {
	s := summary{wall: 2 * time.Second, peak: 300 << 20}
	got := verdict(10000, s, 50*time.Millisecond)
	want := "wall ≤ 2.5 s met, peak ≤ 250 MiB MISSED, rebuild ≤ 100 ms met"
	if got != want {
		t.Errorf("verdict = %q, want %q", got, want)
	}
	if got := verdict(1234, s, 0); got != "" {
		t.Errorf("verdict of a size with no target = %q", got)
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int]string{7: "7", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestCheckPagesAndRebuild builds a small generated site, checks its page
// count, then finds a missing article page; it measures the rebuild after
// one edit and wants the article put back as it was.
func TestCheckPagesAndRebuild(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	o := synth.Options{Articles: 45, Blocs: 3, Years: 2, Members: 4, Seed: 2}
	if err := synth.Write(src, o); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "public")
	res, err := build.Run(context.Background(), build.Options{Source: src, Destination: dst, Theme: thidua.Theme()})
	if err != nil {
		t.Fatal(err, res.Diagnostics)
	}
	if err := checkPages(dst, o, res.Pages); err != nil {
		t.Errorf("a good build: %v", err)
	}
	floor := filepath.Join(t.TempDir(), "floor")
	if d, err := measureFloor(floor, 20, dst); err != nil || d <= 0 {
		t.Errorf("measureFloor = %v, %v", d, err)
	}
	if _, err := os.Stat(floor); !os.IsNotExist(err) {
		t.Errorf("measureFloor left %s behind: %v", floor, err)
	}
	if size, err := meanPageSize(dst); err != nil || size < 1000 {
		t.Errorf("meanPageSize = %d, %v", size, err)
	}
	if err := checkPages(dst, o, res.Pages+1); err == nil {
		t.Error("a wrong reported count passed")
	}
	if err := os.Remove(filepath.Join(dst, "tin-tuc", synth.ArticleSlug(3), "index.html")); err != nil {
		t.Fatal(err)
	}
	err = checkPages(dst, o, res.Pages-1)
	if err == nil || !strings.Contains(err.Error(), "44 article pages in the output, want 45") {
		t.Errorf("a missing article page: %v", err)
	}

	i := (0*7919 + o.Articles/2) % o.Articles
	file := filepath.Join(src, filepath.FromSlash(synth.ArticlePath(o, i)))
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := measureRebuild(src, dst, o, 2, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if d <= 0 {
		t.Errorf("rebuild took %v", d)
	}
	after, err := os.ReadFile(file)
	if err != nil || string(after) != string(before) {
		t.Errorf("the edited article was not put back: %v", err)
	}
}

func TestHugoSiteHasTheArticles(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	o := synth.Options{Articles: 12, Blocs: 2, Years: 2, Members: 3, Seed: 4}
	if err := synth.Write(src, o); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "hugo")
	if err := writeHugoSite(dir, src); err != nil {
		t.Fatal(err)
	}
	for i := range o.Articles {
		rel := strings.TrimPrefix(synth.ArticlePath(o, i), "content/news/")
		a, err1 := os.ReadFile(filepath.Join(src, "content", "news", rel))
		b, err2 := os.ReadFile(filepath.Join(dir, "content", "news", rel))
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("article %s: not the same in the Hugo site (%v, %v)", rel, err1, err2)
		}
	}
	for name := range hugoFiles {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Error(err)
		}
	}
}

func TestFileSystem(t *testing.T) {
	if _, err := os.Stat("/proc/mounts"); err != nil {
		t.Skip("no /proc/mounts here")
	}
	if got := fileSystem("/proc/self"); got != "proc" {
		t.Errorf("fileSystem(/proc/self) = %q, want proc", got)
	}
	if got := fileSystem("/"); got == "unknown file system" {
		t.Errorf("fileSystem(/) = %q", got)
	}
}

// TestCostOfAProcess runs this test binary, doing nothing, and wants its
// peak memory read from its rusage.
func TestCostOfAProcess(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("peak memory is read on Linux and Darwin")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	s := costOf(cmd.ProcessState, time.Second)
	if s.peak < 1<<20 || s.peak > 1<<30 {
		t.Errorf("peak memory of a test binary doing nothing: %d bytes", s.peak)
	}
	if s.wall != time.Second || s.cpu < 0 {
		t.Errorf("cost %+v", s)
	}
}

package main

import (
	"context"
	"fmt"
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
	floor, aside := filepath.Join(t.TempDir(), "floor"), filepath.Join(t.TempDir(), "set-aside")
	if d, err := measureFloor(floor, aside, 20, dst); err != nil || d <= 0 {
		t.Errorf("measureFloor = %v, %v", d, err)
	}
	if _, err := os.Stat(floor); !os.IsNotExist(err) {
		t.Errorf("measureFloor left %s behind: %v", floor, err)
	}
	if n, err := countFiles(aside); n != 20 {
		t.Errorf("measureFloor set aside %d files (%v), want its 20", n, err)
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
	plain := filepath.Join(t.TempDir(), "plain")
	if err := synth.Write(plain, o); err != nil {
		t.Fatal(err)
	}
	inGit, outside, err := measureRebuild(src, dst, plain, filepath.Join(t.TempDir(), "plain-public"), o, 2, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if inGit <= 0 || outside <= 0 {
		t.Errorf("rebuilds took %v and %v", inGit, outside)
	}
	after, err := os.ReadFile(file)
	if err != nil || string(after) != string(before) {
		t.Errorf("the edited article was not put back: %v", err)
	}
}

// TestMain lets the test binary be the child of measureRebuildApart, and
// stand for thidua and for Hugo in TestRunAlternatesAndReports: with
// THIDUA_BENCH_AS set, it notes in the
// file THIDUA_BENCH_LOG which it was and whether its output folder existed,
// and builds as they do (Hugo's stand-in only copies the articles).
func TestMain(m *testing.M) {
	if os.Getenv(rebuildEnv) != "" {
		os.Exit(rebuildChild(os.Args[1:]))
	}
	as := os.Getenv("THIDUA_BENCH_AS")
	if as == "" {
		os.Exit(m.Run())
	}
	args := map[string]string{}
	for i := 1; i+1 < len(os.Args); i++ {
		args[os.Args[i]] = os.Args[i+1]
	}
	src, out := args["-s"], args["-d"]
	if as == "hugo" {
		src, out = args["--source"], args["--destination"]
	}
	state := "existing"
	store := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".thidua")
	if _, err := os.Stat(out); err != nil {
		state = "fresh"
		if _, err := os.Stat(store); err == nil {
			state = "fresh but for thidua's generations"
		}
	}
	if as == "thidua" && state != "fresh but for thidua's generations" {
		// As thidua does: the generations of the output beside it.
		os.MkdirAll(store, 0o755)
	}
	f, err := os.OpenFile(os.Getenv("THIDUA_BENCH_LOG"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		fmt.Fprintf(f, "%s %s\n", as, state)
		err = f.Close()
	}
	if err == nil && as == "hugo" {
		os.RemoveAll(filepath.Join(out, "news"))
		err = os.CopyFS(filepath.Join(out, "news"), os.DirFS(filepath.Join(src, "content", "news")))
	}
	if err == nil && as == "thidua" {
		var res build.Result
		res, err = build.Run(context.Background(), build.Options{Source: src, Destination: out, Theme: thidua.Theme()})
		fmt.Printf("built %d pages and %d files\n", res.Pages, res.Files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestRunAlternatesAndReports runs the whole benchmark on a small site in
// a git repository, with the test binary standing for thidua and Hugo,
// and checks that they alternate, each going first in every other run,
// that only the first builds start from no output, and that the report
// has every figure.
func TestRunAlternatesAndReports(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	log := filepath.Join(t.TempDir(), "calls")
	t.Setenv("THIDUA_BENCH_LOG", log)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	hugo := filepath.Join(t.TempDir(), "hugo")
	if err := os.WriteFile(hugo, []byte("#!/bin/sh\nif [ \"$1\" = version ]; then echo 'hugo v0 fake'; exit 0; fi\nTHIDUA_BENCH_AS=hugo exec '"+self+"' \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	thiduaBin := filepath.Join(t.TempDir(), "thidua")
	if err := os.WriteFile(thiduaBin, []byte("#!/bin/sh\nTHIDUA_BENCH_AS=thidua exec '"+self+"' \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "windows" {
		t.Skip("the stand-ins are shell scripts")
	}
	var report strings.Builder
	cfg := config{thidua: thiduaBin, hugo: hugo, sizes: []int{30}, runs: 2, edits: 2, commits: 50, dirs: []string{dir}, seed: 1}
	if err := run(cfg, &report); err != nil {
		t.Fatalf("%v\n%s", err, report.String())
	}
	calls, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	want := "thidua fresh\nhugo fresh\nhugo fresh\nthidua fresh\n" + strings.Repeat("thidua existing\nhugo existing\nhugo existing\nthidua existing\n", 2)
	if string(calls) != want {
		t.Errorf("the builds ran in the order\n%s\nwant\n%s", calls, want)
	}
	for _, s := range []string{"its git history of 50 commits", "second build, nothing changed", "second build, one article changed",
		"in git", "outside git", "stat floor", "thidua ÷ Hugo", "≤ 0.35×"} {
		if !strings.Contains(report.String(), s) {
			t.Errorf("the report lacks %q:\n%s", s, report.String())
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the benchmark left %d files in its folder", len(left))
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

// TestSetAsideRemovesNothing sets an output and its generations aside and
// wants every file of theirs kept, under the folder set aside into, and
// nothing left at their paths; setting aside what does not exist does
// nothing.
func TestSetAsideRemovesNothing(t *testing.T) {
	work := t.TempDir()
	out := filepath.Join(work, "public")
	store := filepath.Join(work, ".public.thidua")
	for _, f := range []string{filepath.Join(store, "a", "index.html"), filepath.Join(store, "a.manifest"), filepath.Join(out, "x", "index.html")} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	aside := filepath.Join(work, "set-aside")
	for range 2 { // the second time there is nothing to set aside
		if err := setAsideOutput(aside, out); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{out, store} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", p, err)
		}
	}
	if n, err := countFiles(aside); n != 3 {
		t.Errorf("%d files set aside (%v), want 3", n, err)
	}
}

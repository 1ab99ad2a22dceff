package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/gitinfo/gittest"
	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/internal/vn"
)

// config is what to measure.
type config struct {
	thidua  string   // the binary
	hugo    string   // a hugo binary, or ""
	sizes   []int    // numbers of articles
	runs    int      // whole-process builds of each kind
	edits   int      // incremental rebuilds
	commits int      // commits of each site's git history; 0: no repository
	dirs    []string // folders to build in, one after the other (such as a disk's and a tmpfs)
	seed    int64
}

// shape gives the generated site of n articles: the largest has 40 blocs
// over 25 years of 20 members each, as the performance issue asks; smaller
// ones have fewer, so that the records grow with the news.
func shape(n int, seed int64) synth.Options {
	o := synth.Options{Articles: n, Seed: seed}
	switch {
	case n <= 1000:
		o.Blocs, o.Years, o.Members = 10, 10, 12
	case n <= 10000:
		o.Blocs, o.Years, o.Members = 20, 15, 15
	default:
		o.Blocs, o.Years, o.Members = 40, 25, 20
	}
	return o
}

// sample is what one build cost, from the child's rusage.
type sample struct {
	wall, cpu time.Duration
	sys       time.Duration // the system's part of cpu
	peak      int64         // bytes
}

// summary is the median of each figure of several samples.
type summary struct {
	wall, cpu, sys time.Duration
	peak           int64
	runs           int
}

func summarize(ss []sample) summary {
	var walls, cpus, syss []time.Duration
	var peaks []int64
	for _, s := range ss {
		walls, cpus, syss, peaks = append(walls, s.wall), append(cpus, s.cpu), append(syss, s.sys), append(peaks, s.peak)
	}
	return summary{wall: median(walls), cpu: median(cpus), sys: median(syss), peak: median(peaks), runs: len(ss)}
}

// median is the middle value of xs, the mean of the two middle ones when
// there is an even number of them.
func median[T time.Duration | int64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// setAside moves path, when it exists, into a new folder under dir (made
// when missing), instead of removing it: the run removes dir, its work
// folder's, when it ends. Removing thousands of files just before a build
// measures the removal as much as the build on some disks: on this
// machine's, ext4 mounted without a journal, the allocator checks the free
// inodes it passes over for a recent removal (recently_deleted, most of
// the system time in a profile of the kernel), and 1,300 folders of two
// files each took 2.2–4.5 s of system time after an earlier run's outputs
// were removed, 0.15–0.35 s otherwise. A user's first build follows no
// such removal.
func setAside(dir, path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	to, err := os.MkdirTemp(dir, "")
	if err != nil {
		return err
	}
	return os.Rename(path, filepath.Join(to, filepath.Base(path)))
}

// setAsideOutput sets aside (into dir) the output folder out and, beside
// it, the generations of thidua's output (.out.thidua/), so that the next
// build starts from nothing.
func setAsideOutput(dir, out string) error {
	if err := setAside(dir, out); err != nil {
		return err
	}
	return setAside(dir, filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".thidua"))
}

// measure runs the command and returns its cost and what it printed.
func measure(name string, args ...string) (sample, string, error) {
	cmd := exec.Command(name, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, "", fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return costOf(cmd.ProcessState, wall), stdout.String(), nil
}

// costOf reads the CPU time and peak memory of a finished process.
func costOf(ps *os.ProcessState, wall time.Duration) sample {
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), sys: ps.SystemTime(), peak: peakMemory(ps)}
}

// builtLine is the summary line of thidua build.
var builtLine = regexp.MustCompile(`built (\d+) pages and (\d+) files`)

// result is what was measured of one size on one file system.
type result struct {
	opts      synth.Options
	fs        string        // the file system's type
	gen       time.Duration // writing the site
	history   time.Duration // making its git history
	pages     int
	files     int
	builds    [3]builds     // by kind: first, second, changed
	rebuild   time.Duration // median single-article rebuild of a Builder in the git repository
	plain     time.Duration // the same outside git
	floor     time.Duration // see measureFloor
	statFloor time.Duration // see measureStatFloor
	hugoOut   int           // files of Hugo's output
}

// builds are the medians of the thidua builds of one kind and of Hugo's,
// nil without -hugo.
type builds struct {
	thidua summary
	hugo   *summary
}

// The kinds of whole-process build.
const (
	first   = iota // into no output
	second         // into the output of the previous build, nothing changed
	changed        // into the output of the previous build, one article changed
)

var kindNames = [3]string{"first build (no output yet)", "second build, nothing changed", "second build, one article changed"}

func run(cfg config, w io.Writer) error {
	bin, err := filepath.Abs(cfg.thidua)
	if err != nil {
		return err
	}
	cfg.thidua = bin
	printMachine(w, cfg)
	var results []result
	for _, dir := range cfg.dirs {
		work, err := os.MkdirTemp(dir, "thidua-bench-")
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\nwork folder: %s (%s)\n", work, fileSystem(work))
		for _, n := range cfg.sizes {
			r, err := benchSize(cfg, work, n, w)
			if err != nil {
				os.RemoveAll(work)
				return err
			}
			results = append(results, r)
		}
		if err := os.RemoveAll(work); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	printTable(w, results)
	fmt.Fprintln(w)
	printRebuilds(w, results)
	if cfg.hugo != "" {
		fmt.Fprintln(w)
		printComparison(w, results)
	}
	fmt.Fprintf(w, "\nload average at the end: %s\n", loadAverage())
	return nil
}

// paths are the folders of one size's site and outputs in a work folder,
// and the folder of the work folder that what the run is done with is set
// aside into (setAside).
type paths struct {
	site, plain, out, plainOut, hugo, hugoOut, hugoCache, aside string
}

func pathsOf(work string, n int) paths {
	f := func(name string) string { return filepath.Join(work, fmt.Sprintf("%s-%d", name, n)) }
	return paths{site: f("site"), plain: f("site-outside-git"), out: f("public"), plainOut: f("public-outside-git"),
		hugo: f("hugo"), hugoOut: f("hugo-public"), hugoCache: filepath.Join(work, "hugo-cache"),
		aside: filepath.Join(work, "set-aside")}
}

func benchSize(cfg config, work string, n int, w io.Writer) (result, error) {
	r := result{opts: shape(n, cfg.seed), fs: fileSystem(work)}
	o := r.opts
	p := pathsOf(work, n)
	defer func() {
		for _, dir := range []string{p.site, p.plain, p.hugo} {
			setAside(p.aside, dir)
		}
		for _, out := range []string{p.out, p.plainOut, p.hugoOut} {
			setAsideOutput(p.aside, out)
		}
	}()
	fmt.Fprintf(w, "%s articles (%d blocs × %d years × %d members) on %s: writing the site… ", group(n), o.Blocs, o.Years, o.Members, r.fs)
	start := time.Now()
	if err := synth.Write(p.site, o); err != nil {
		return r, err
	}
	r.gen = time.Since(start)
	fmt.Fprintf(w, "%v", r.gen.Round(time.Millisecond))
	if cfg.commits > 0 {
		start = time.Now()
		if err := gittest.Make(p.site, gittest.Options{Commits: cfg.commits, Seed: cfg.seed}); err != nil {
			return r, err
		}
		r.history = time.Since(start)
		fmt.Fprintf(w, "; its git history of %s commits from 2001 to 2025: %v", group(cfg.commits), r.history.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "; load average %s\n", loadAverage())
	if cfg.hugo != "" {
		if err := writeHugoSite(p.hugo, p.site); err != nil {
			return r, err
		}
	}
	if err := benchBuilds(cfg, &r, p, w); err != nil {
		return r, err
	}
	var err error
	if r.floor, err = measureFloor(filepath.Join(work, "floor"), p.aside, r.pages, p.out); err != nil {
		return r, err
	}
	if r.statFloor, err = measureStatFloor(p.out); err != nil {
		return r, err
	}
	fmt.Fprintf(w, "  the disk's floors: a folder and a file for each page on 2 goroutines %v; an lstat of each file of the output %v\n",
		r.floor.Round(time.Millisecond), r.statFloor.Round(time.Millisecond))
	if err := setAsideOutput(p.aside, p.out); err != nil {
		return r, err
	}
	if err := synth.Write(p.plain, o); err != nil {
		return r, err
	}
	r.rebuild, r.plain, err = measureRebuildApart(p, o, cfg.edits, w)
	return r, err
}

// rebuildEnv, set in the environment of this program, has it measure the
// rebuilds of one site as rebuildChild does, for measureRebuildApart.
const rebuildEnv = "THIDUA_BENCH_REBUILD"

// measureRebuildApart runs measureRebuild in a child process of this
// program, which prints what it measures to w. Linux counts the peak
// memory of a process when it starts a child in the child's peak, so that
// the Builders' memory, in this process, would be counted in the peak of
// every build measured after them.
func measureRebuildApart(p paths, o synth.Options, edits int, w io.Writer) (inGit, outside time.Duration, err error) {
	self, err := os.Executable()
	if err != nil {
		return 0, 0, err
	}
	args := []string{p.site, p.out, p.plain, p.plainOut}
	for _, n := range []int{o.Articles, o.Blocs, o.Years, o.Members, int(o.Seed), edits} {
		args = append(args, strconv.Itoa(n))
	}
	cmd := exec.Command(self, args...)
	cmd.Env, cmd.Stderr = append(os.Environ(), rebuildEnv+"=1"), w
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("measuring the rebuilds: %v", err)
	}
	if _, err := fmt.Sscan(string(out), &inGit, &outside); err != nil {
		return 0, 0, fmt.Errorf("measuring the rebuilds: %q: %v", out, err)
	}
	return inGit, outside, nil
}

// rebuildChild is the child of measureRebuildApart: args are the folders
// of measureRebuild, the Options of the site and the number of edits. It
// prints its lines to standard error and the two medians, in nanoseconds,
// to standard output, and returns the exit status.
func rebuildChild(args []string) int {
	var nums []int
	for _, a := range args[min(4, len(args)):] {
		n, err := strconv.Atoi(a)
		if err != nil {
			break
		}
		nums = append(nums, n)
	}
	if len(args) != 10 || len(nums) != 6 {
		fmt.Fprintf(os.Stderr, "thidua-bench: %s: want 4 folders and 6 numbers, not %q\n", rebuildEnv, args)
		return 2
	}
	o := synth.Options{Articles: nums[0], Blocs: nums[1], Years: nums[2], Members: nums[3], Seed: int64(nums[4])}
	inGit, outside, err := measureRebuild(args[0], args[1], args[2], args[3], o, nums[5], os.Stderr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "thidua-bench: %v\n", err)
		return 1
	}
	fmt.Printf("%d %d\n", inGit, outside)
	return 0
}

// benchBuilds runs cfg.runs whole-process builds of each kind, thidua's
// and Hugo's alternated (thidua, Hugo, Hugo, thidua, …), and checks the
// output of thidua's first builds.
func benchBuilds(cfg config, r *result, p paths, w io.Writer) error {
	var samples [3][2][]sample
	var restore []func() error
	defer func() {
		for _, f := range restore {
			f()
		}
	}()
	for kind := range 3 {
		for i := range cfg.runs {
			var check func() error
			if kind == changed {
				c, undo, err := editArticle(r.opts, p, i)
				if err != nil {
					return err
				}
				check, restore = c, append(restore, undo)
			}
			runThidua := func() error {
				if kind == first {
					if err := setAsideOutput(p.aside, p.out); err != nil {
						return err
					}
				}
				s, stdout, err := measure(cfg.thidua, "build", "--lang", "en", "-s", p.site, "-d", p.out)
				if err != nil {
					return err
				}
				m := builtLine.FindStringSubmatch(stdout)
				if m == nil {
					return fmt.Errorf("thidua build printed no summary: %q", stdout)
				}
				r.pages, _ = strconv.Atoi(m[1])
				r.files, _ = strconv.Atoi(m[2])
				fmt.Fprintf(w, "  thidua %s %d/%d: %s\n", kindNames[kind], i+1, cfg.runs, s)
				samples[kind][0] = append(samples[kind][0], s)
				if kind == first && i == 0 {
					if err := checkPages(p.out, r.opts, r.pages); err != nil {
						return err
					}
					fmt.Fprintf(w, "  %s pages and %s other files, page count checked\n", group(r.pages), group(r.files))
				}
				return nil
			}
			runHugo := func() error {
				if kind == first {
					if err := setAsideOutput(p.aside, p.hugoOut); err != nil {
						return err
					}
				}
				s, _, err := measure(cfg.hugo, "--source", p.hugo, "--destination", p.hugoOut, "--cacheDir", p.hugoCache, "--quiet")
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "  hugo   %s %d/%d: %s\n", kindNames[kind], i+1, cfg.runs, s)
				samples[kind][1] = append(samples[kind][1], s)
				if kind == first && i == 0 {
					if r.hugoOut, err = checkHugo(p.hugoOut, r.opts.Articles); err != nil {
						return err
					}
					fmt.Fprintf(w, "  hugo wrote %s files\n", group(r.hugoOut))
				}
				return nil
			}
			// Every other run Hugo goes first, so that a machine or a disk
			// that slows down (or speeds up) through the run does not favour
			// whichever program runs second.
			order := []func() error{runThidua}
			if cfg.hugo != "" {
				order = append(order, runHugo)
				if i%2 == 1 {
					order[0], order[1] = runHugo, runThidua
				}
			}
			for _, build := range order {
				if err := build(); err != nil {
					return err
				}
			}
			if check != nil {
				if err := check(); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range restore {
		if err := f(); err != nil {
			return err
		}
	}
	restore = nil
	for kind := range 3 {
		r.builds[kind].thidua = summarize(samples[kind][0])
		if cfg.hugo != "" {
			h := summarize(samples[kind][1])
			r.builds[kind].hugo = &h
		}
	}
	return nil
}

// editArticle appends a paragraph to an article of the site, the i-th of
// those the whole-process builds edit, and returns the functions that
// check that thidua's output shows it and that put the article back. The
// Hugo site's copy of the article, a hard link or a copy, is written too.
func editArticle(o synth.Options, p paths, i int) (check, restore func() error, err error) {
	k := (i*6007 + o.Articles/3) % o.Articles
	rel := synth.ArticlePath(o, k)
	file := filepath.Join(p.site, filepath.FromSlash(rel))
	orig, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	text := fmt.Sprintf("Đoạn sửa trước lần dựng %d.", i+1)
	files := []string{file}
	if p.hugo != "" {
		if _, err := os.Stat(p.hugo); err == nil {
			files = append(files, filepath.Join(p.hugo, filepath.FromSlash(rel)))
		}
	}
	for _, f := range files {
		if err := os.WriteFile(f, append(slices.Clip(orig), "\n"+text+"\n"...), 0o644); err != nil {
			return nil, nil, err
		}
	}
	check = func() error {
		return containsText(filepath.Join(p.out, "tin-tuc", synth.ArticleSlug(k), "index.html"), text)
	}
	restore = func() error {
		for _, f := range files {
			if err := os.WriteFile(f, orig, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	return check, restore, nil
}

func (s sample) String() string {
	return fmt.Sprintf("%v wall, %v CPU of which %v system, %s peak", s.wall.Round(time.Millisecond), s.cpu.Round(time.Millisecond), s.sys.Round(time.Millisecond), mib(s.peak))
}

// measureStatFloor times what no second build into out can do without:
// an lstat of every file and folder of it, on one goroutine.
func measureStatFloor(out string) (time.Duration, error) {
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real // the link to the live generation
	}
	start := time.Now()
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		_, err = os.Lstat(p)
		return err
	})
	return time.Since(start), err
}

// measureFloor times what no build of pages pages can do without: making a
// folder and writing a file in it for each page, on two goroutines, into
// dir on the same disk as the output, then sets dir aside into aside. The
// files have the mean size of the pages of out.
func measureFloor(dir, aside string, pages int, out string) (time.Duration, error) {
	size, err := meanPageSize(out)
	if err != nil {
		return 0, err
	}
	if err := setAside(aside, dir); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	defer setAside(aside, dir)
	data := make([]byte, size)
	start := time.Now()
	var g errgroup.Group
	for w := range 2 {
		g.Go(func() error {
			for i := w; i < pages; i += 2 {
				d := filepath.Join(dir, strconv.Itoa(i))
				if err := os.Mkdir(d, 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(d, "index.html"), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		})
	}
	err = g.Wait()
	return time.Since(start), err
}

// meanPageSize is the mean size of the index.html files under out.
func meanPageSize(out string) (int64, error) {
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real // the link to the live generation
	}
	var total, n int64
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total, n = total+info.Size(), n+1
		}
		return err
	})
	if n == 0 {
		return 0, err
	}
	return total / n, err
}

// checkPages counts the pages of the output by kind and compares them with
// what the generated site must give: one per article, bloc year and unit,
// a news list page per Paginate articles, and in all the count that thidua
// reported.
func checkPages(out string, o synth.Options, reported int) error {
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real // the link to the live generation
	}
	counts := map[string]int{}
	total := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel != "404.html" && !strings.HasSuffix(rel, "/index.html") && rel != "index.html" {
			return nil
		}
		total++
		parts := strings.Split(rel, "/")
		switch {
		case len(parts) == 3 && parts[0] == "tin-tuc":
			counts["article"]++
		case len(parts) == 4 && parts[0] == "tin-tuc" && parts[1] == "trang":
			counts["news list"]++
		case len(parts) == 4 && parts[0] == "khoi":
			counts["bloc year"]++
		case len(parts) == 3 && parts[0] == "don-vi":
			counts["unit"]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	want := map[string]int{
		"article":   o.Articles,
		"news list": (o.Articles+synth.Paginate-1)/synth.Paginate - 1, // the first is tin-tuc/
		"bloc year": o.Blocs * o.Years,
		"unit":      o.Blocs * o.Members,
	}
	var errs []error
	for _, kind := range slices.Sorted(maps.Keys(want)) {
		if counts[kind] != want[kind] {
			errs = append(errs, fmt.Errorf("%d %s pages in the output, want %d", counts[kind], kind, want[kind]))
		}
	}
	if total != reported {
		errs = append(errs, fmt.Errorf("%d pages in the output, thidua reported %d", total, reported))
	}
	return errors.Join(errs...)
}

// measureRebuild builds the site in its git repository and its copy
// outside git once each with a Builder, then edits one article at a time
// in both, each edit a different article, and times the Builds that
// follow, alternated. It returns the median of each. The articles are put
// back as they were at the end.
func measureRebuild(site, out, plain, plainOut string, o synth.Options, edits int, w io.Writer) (inGit, outside time.Duration, err error) {
	var builders [2]*build.Builder
	for i, dirs := range [2][2]string{{site, out}, {plain, plainOut}} {
		b, err := build.NewBuilder(build.Options{Source: dirs[0], Destination: dirs[1], Theme: thidua.Theme()}, "")
		if err != nil {
			return 0, 0, err
		}
		defer b.Close()
		if _, _, err := b.Build(context.Background(), nil, true); err != nil {
			return 0, 0, fmt.Errorf("first build of the Builder: %v", err)
		}
		builders[i] = b
	}
	var times [2][]time.Duration
	for k := range edits {
		i := (k*7919 + o.Articles/2) % o.Articles
		rel := synth.ArticlePath(o, i)
		for j, dirs := range [2][2]string{{site, out}, {plain, plainOut}} {
			d, st, err := rebuildOnce(builders[j], dirs[0], dirs[1], rel, i, k)
			if err != nil {
				return 0, 0, err
			}
			where := "in git"
			if j == 1 {
				where = "outside git"
			}
			fmt.Fprintf(w, "  rebuild after editing %s, %s: %v (%d pages rendered, %d files written)\n", rel, where, d.Round(100*time.Microsecond), st.Rendered, st.Written)
			times[j] = append(times[j], d)
		}
	}
	return median(times[0]), median(times[1]), nil
}

// rebuildOnce appends the k-th edit to the article rel, of index i, of
// site, times the Build of b that follows, checks the edit in out and
// puts the article back.
func rebuildOnce(b *build.Builder, site, out, rel string, i, k int) (time.Duration, build.Stats, error) {
	file := filepath.Join(site, filepath.FromSlash(rel))
	orig, err := os.ReadFile(file)
	if err != nil {
		return 0, build.Stats{}, err
	}
	edited := append(slices.Clip(orig), fmt.Sprintf("\nĐoạn bổ sung lần %d: số liệu được cập nhật.\n", k+1)...)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		return 0, build.Stats{}, err
	}
	start := time.Now()
	res, st, err := b.Build(context.Background(), []string{rel}, false)
	d := time.Since(start)
	if rerr := os.WriteFile(file, orig, 0o644); err == nil {
		err = rerr
	}
	if err != nil {
		return 0, st, fmt.Errorf("rebuild after editing %s: %v %v", rel, err, res.Diagnostics)
	}
	if st.Whole || st.Written < 1 {
		return 0, st, fmt.Errorf("rebuild after editing %s: whole %v, wrote %d files", rel, st.Whole, st.Written)
	}
	return d, st, containsText(filepath.Join(out, "tin-tuc", synth.ArticleSlug(i), "index.html"), fmt.Sprintf("Đoạn bổ sung lần %d", k+1))
}

// containsText reports an error unless the file holds s.
func containsText(file, s string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if !strings.Contains(string(b), s) {
		return fmt.Errorf("%s does not show the edit %q after the rebuild", file, s)
	}
	return nil
}

func printMachine(w io.Writer, cfg config) {
	fmt.Fprintf(w, "machine: %s, %d CPUs (GOMAXPROCS %d), %s, %s/%s\n", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), memTotal(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(w, "thidua: %s; runs %d, edits %d, commits %d; load average %s\n", cfg.thidua, cfg.runs, cfg.edits, cfg.commits, loadAverage())
	if cfg.hugo != "" {
		fmt.Fprintf(w, "hugo: %s\n", hugoVersion(cfg.hugo))
	}
}

// firstLineWith returns the value after the colon of the first line of
// file that starts with key, or "".
func firstLineWith(file, key string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func cpuModel() string {
	if m := firstLineWith("/proc/cpuinfo", "model name"); m != "" {
		return m
	}
	return "unknown CPU"
}

func memTotal() string {
	v := strings.TrimSuffix(firstLineWith("/proc/meminfo", "MemTotal"), " kB")
	kb, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return "unknown memory"
	}
	return fmt.Sprintf("%.1f GiB RAM", float64(kb)/(1<<20))
}

// fileSystem names the type of file system that holds dir, as
// /proc/mounts gives it ("tmpfs", "ext4"), or "unknown file system".
func fileSystem(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "unknown file system"
	}
	b, err := os.ReadFile("/proc/mounts")
	if err != nil {
		return "unknown file system"
	}
	kind, longest := "unknown file system", -1
	for line := range strings.Lines(string(b)) {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		mount := f[1]
		if (dir == mount || strings.HasPrefix(dir, strings.TrimSuffix(mount, "/")+"/")) && len(mount) > longest {
			kind, longest = f[2], len(mount)
		}
	}
	return kind
}

// loadAverage is the 1, 5 and 15 minute load averages, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// group writes n with commas between groups of three digits: 100,000.
func group(n int) string { return vn.FormatInt(int64(n), "en") }

func mib(bytes int64) string { return fmt.Sprintf("%d MiB", bytes>>20) }

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

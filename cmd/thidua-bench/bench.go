package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
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
	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/internal/vn"
)

// config is what to measure.
type config struct {
	thidua string // the binary
	hugo   string // a hugo binary, or ""
	sizes  []int  // numbers of articles
	runs   int
	edits  int
	work   string
	seed   int64
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
	peak      int64 // bytes
}

// summary is the median of each figure of several samples.
type summary struct {
	wall, cpu time.Duration
	peak      int64
	runs      int
}

func summarize(ss []sample) summary {
	var walls, cpus []time.Duration
	var peaks []int64
	for _, s := range ss {
		walls, cpus, peaks = append(walls, s.wall), append(cpus, s.cpu), append(peaks, s.peak)
	}
	return summary{wall: median(walls), cpu: median(cpus), peak: median(peaks), runs: len(ss)}
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

// measure runs the command with its output folder removed first, and
// returns its cost and what it printed.
func measure(out string, name string, args ...string) (sample, string, error) {
	if err := os.RemoveAll(out); err != nil {
		return sample{}, "", err
	}
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
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), peak: peakMemory(ps)}
}

// builtLine is the summary line of thidua build.
var builtLine = regexp.MustCompile(`built (\d+) pages and (\d+) files`)

// result is what was measured of one size.
type result struct {
	opts    synth.Options
	gen     time.Duration
	pages   int
	files   int
	thidua  summary
	rebuild time.Duration // median single-article rebuild
	floor   time.Duration // see measureFloor
	hugo    *summary
	hugoOut int // files of Hugo's output
}

func run(cfg config, w io.Writer) error {
	work := cfg.work
	if work == "" {
		dir, err := os.MkdirTemp("", "thidua-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	bin, err := filepath.Abs(cfg.thidua)
	if err != nil {
		return err
	}
	cfg.thidua = bin
	printMachine(w, cfg)
	fmt.Fprintf(w, "work folder: %s (%s)\n", work, fileSystem(work))
	var results []result
	for _, n := range cfg.sizes {
		r, err := benchSize(cfg, work, n, w)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	fmt.Fprintln(w)
	printTable(w, results)
	if cfg.hugo != "" {
		fmt.Fprintln(w)
		printComparison(w, results)
	}
	fmt.Fprintf(w, "\nload average at the end: %s\n", loadAverage())
	return nil
}

func benchSize(cfg config, work string, n int, w io.Writer) (result, error) {
	r := result{opts: shape(n, cfg.seed)}
	o := r.opts
	site := filepath.Join(work, fmt.Sprintf("site-%d", n))
	out := filepath.Join(work, fmt.Sprintf("public-%d", n))
	fmt.Fprintf(w, "%s articles (%d blocs × %d years × %d members): writing the site… ", group(n), o.Blocs, o.Years, o.Members)
	start := time.Now()
	if err := os.RemoveAll(site); err != nil {
		return r, err
	}
	if err := synth.Write(site, o); err != nil {
		return r, err
	}
	r.gen = time.Since(start)
	fmt.Fprintf(w, "%v; load average %s\n", r.gen.Round(time.Millisecond), loadAverage())

	var samples []sample
	var err error
	for i := range cfg.runs {
		s, stdout, err := measure(out, cfg.thidua, "build", "-s", site, "-d", out)
		if err != nil {
			return r, err
		}
		m := builtLine.FindStringSubmatch(stdout)
		if m == nil {
			return r, fmt.Errorf("thidua build printed no summary: %q", stdout)
		}
		r.pages, _ = strconv.Atoi(m[1])
		r.files, _ = strconv.Atoi(m[2])
		fmt.Fprintf(w, "  thidua build %d/%d: %v wall, %v CPU, %s peak\n", i+1, cfg.runs, s.wall.Round(time.Millisecond), s.cpu.Round(time.Millisecond), mib(s.peak))
		samples = append(samples, s)
	}
	r.thidua = summarize(samples)
	if err := checkPages(out, o, r.pages); err != nil {
		return r, err
	}
	fmt.Fprintf(w, "  %s pages and %s other files, page count checked\n", group(r.pages), group(r.files))
	if r.floor, err = measureFloor(filepath.Join(work, "floor"), r.pages, out); err != nil {
		return r, err
	}
	fmt.Fprintf(w, "  the disk's floor, a folder and a file for each page on 2 goroutines: %v wall\n", r.floor.Round(time.Millisecond))

	rebuild, err := measureRebuild(site, out, o, cfg.edits, w)
	if err != nil {
		return r, err
	}
	r.rebuild = rebuild
	if err := os.RemoveAll(out); err != nil {
		return r, err
	}

	if cfg.hugo != "" {
		hs, files, err := benchHugo(cfg, work, site, n, w)
		if err != nil {
			return r, err
		}
		r.hugo, r.hugoOut = &hs, files
	}
	return r, os.RemoveAll(site)
}

// measureFloor times what no build of pages pages can do without: making a
// folder and writing a file in it for each page, on two goroutines, into
// dir on the same disk as the output. The files have the mean size of the
// pages of out.
func measureFloor(dir string, pages int, out string) (time.Duration, error) {
	size, err := meanPageSize(out)
	if err != nil {
		return 0, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
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

// measureRebuild builds the site once with a Builder, then edits one
// article at a time, each a different one, and times the Build that
// follows. The articles are put back as they were at the end.
func measureRebuild(site, out string, o synth.Options, edits int, w io.Writer) (time.Duration, error) {
	b, err := build.NewBuilder(build.Options{Source: site, Destination: out, Theme: thidua.Theme()}, "")
	if err != nil {
		return 0, err
	}
	defer b.Close()
	ctx := context.Background()
	if _, _, err := b.Build(ctx, nil, true); err != nil {
		return 0, fmt.Errorf("first build of the Builder: %v", err)
	}
	var times []time.Duration
	for k := range edits {
		i := (k*7919 + o.Articles/2) % o.Articles
		rel := synth.ArticlePath(o, i)
		file := filepath.Join(site, filepath.FromSlash(rel))
		orig, err := os.ReadFile(file)
		if err != nil {
			return 0, err
		}
		edited := append(slices.Clip(orig), fmt.Sprintf("\nĐoạn bổ sung lần %d: số liệu được cập nhật.\n", k+1)...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			return 0, err
		}
		start := time.Now()
		res, st, err := b.Build(ctx, []string{rel}, false)
		d := time.Since(start)
		if rerr := os.WriteFile(file, orig, 0o644); err == nil {
			err = rerr
		}
		if err != nil {
			return 0, fmt.Errorf("rebuild after editing %s: %v %v", rel, err, res.Diagnostics)
		}
		if st.Whole || st.Written < 1 {
			return 0, fmt.Errorf("rebuild after editing %s: whole %v, wrote %d files", rel, st.Whole, st.Written)
		}
		if err := containsText(filepath.Join(out, "tin-tuc", synth.ArticleSlug(i), "index.html"), fmt.Sprintf("Đoạn bổ sung lần %d", k+1)); err != nil {
			return 0, err
		}
		fmt.Fprintf(w, "  rebuild after editing %s: %v (%d pages rendered, %d files written)\n", rel, d.Round(100*time.Microsecond), st.Rendered, st.Written)
		times = append(times, d)
	}
	return median(times), nil
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
	fmt.Fprintf(w, "thidua: %s; runs %d, edits %d; load average %s\n", cfg.thidua, cfg.runs, cfg.edits, loadAverage())
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

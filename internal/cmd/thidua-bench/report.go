package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// target is what the performance issue asks of a full build of a site of
// some number of articles; zero fields ask nothing.
type target struct {
	wall    time.Duration
	peak    int64
	rebuild time.Duration
}

var targets = map[int]target{
	1000:   {wall: 400 * time.Millisecond},
	10000:  {wall: 2500 * time.Millisecond, peak: 250 << 20, rebuild: 100 * time.Millisecond},
	100000: {wall: 30 * time.Second, peak: 1536 << 20},
}

// verdict says how the measured figures of a site of n articles compare
// with its target: "" when there is none.
func verdict(n int, s summary, rebuild time.Duration) string {
	t, ok := targets[n]
	if !ok {
		return ""
	}
	var parts []string
	check := func(name string, got, limit float64, unit string) {
		mark := "met"
		if got > limit {
			mark = "MISSED"
		}
		parts = append(parts, fmt.Sprintf("%s ≤ %g %s %s", name, limit, unit, mark))
	}
	if t.wall > 0 {
		check("wall", s.wall.Seconds(), t.wall.Seconds(), "s")
	}
	if t.peak > 0 {
		check("peak", float64(s.peak>>20), float64(t.peak>>20), "MiB")
	}
	if t.rebuild > 0 {
		check("rebuild", float64(rebuild.Milliseconds()), float64(t.rebuild.Milliseconds()), "ms")
	}
	return strings.Join(parts, ", ")
}

func printTable(w io.Writer, rs []result) {
	fmt.Fprintln(w, "thidua build, full site (every page kind, charts, search, feeds, open data), in a git repository; medians:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file system\tarticles\tpages\tfiles\tbuild\twall\tCPU\tsystem\tpeak RSS\t\ttarget")
	for _, r := range rs {
		for kind, b := range r.builds {
			t := b.thidua
			v := ""
			if kind == first {
				v = verdict(r.opts.Articles, t, r.rebuild)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t%s\n", r.fs, group(r.opts.Articles), group(r.pages), group(r.files),
				kindNames[kind], seconds(t.wall), seconds(t.cpu), seconds(t.sys), mib(t.peak), v)
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "target: of the first build, the performance issue's (measured on tmpfs when it was set)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "floors of the file system, beside the second build's system time (the issue asks at most 2× the stat floor):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file system\tarticles\twrite floor\tstat floor\tsecond build system\t÷ stat floor\t")
	for _, r := range rs {
		sys := r.builds[second].thidua.sys
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", r.fs, group(r.opts.Articles), seconds(r.floor), seconds(r.statFloor), seconds(sys), ratio(float64(sys), float64(r.statFloor)))
	}
	tw.Flush()
	fmt.Fprintln(w, "write floor: making a folder and writing a file of the mean page size for each page, on 2 goroutines; stat floor: an lstat of every file and folder of the output")
}

// printRebuilds prints the rebuild of one article with the Builder of
// serve and build --watch, in the site's git repository and outside git.
func printRebuilds(w io.Writer, rs []result) {
	fmt.Fprintln(w, "rebuild after one article's edit with the Builder of serve and build --watch; medians; the issue asks in git ≤ 1.2× outside:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file system\tarticles\tin git\toutside git\tratio\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", r.fs, group(r.opts.Articles), millis(r.rebuild), millis(r.plain), ratio(float64(r.rebuild), float64(r.plain)))
	}
	tw.Flush()
}

// hugoTargets are the performance issue's bounds of thidua's wall time
// over Hugo's, by kind of build.
var hugoTargets = [3]float64{0.5, 0.35, 0.35}

func printComparison(w io.Writer, rs []result) {
	fmt.Fprintln(w, "thidua and Hugo on the same articles, builds alternated; medians; ratio = thidua ÷ Hugo (below 1: thidua is faster or leaner):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file system\tarticles\tbuild\tthidua wall\tHugo wall\tratio\tthidua system\tHugo system\tthidua CPU\tHugo CPU\tthidua peak\tHugo peak\t\ttarget")
	for _, r := range rs {
		for kind, b := range r.builds {
			h, t := b.hugo, b.thidua
			if h == nil {
				continue
			}
			mark := "met"
			if float64(t.wall) > hugoTargets[kind]*float64(h.wall) {
				mark = "MISSED"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t%s\n", r.fs, group(r.opts.Articles), kindNames[kind],
				seconds(t.wall), seconds(h.wall), ratio(float64(t.wall), float64(h.wall)),
				seconds(t.sys), seconds(h.sys), seconds(t.cpu), seconds(h.cpu), mib(t.peak), mib(h.peak),
				fmt.Sprintf("≤ %.2f× %s", hugoTargets[kind], mark))
		}
	}
	tw.Flush()
}

func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func millis(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

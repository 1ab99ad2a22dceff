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
	fmt.Fprintln(w, "thidua build, full site (every page kind, charts, search, feeds, open data); medians:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tpages\tfiles\twall\tCPU\tpeak RSS\trebuild 1 article\tdisk floor\t\ttarget")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t%s\n", group(r.opts.Articles), group(r.pages), group(r.files),
			seconds(r.thidua.wall), seconds(r.thidua.cpu), mib(r.thidua.peak), millis(r.rebuild), seconds(r.floor), verdict(r.opts.Articles, r.thidua, r.rebuild))
	}
	tw.Flush()
	fmt.Fprintln(w, "disk floor: the wall time of making a folder and writing a file of the mean page size for each page, on 2 goroutines")
}

func printComparison(w io.Writer, rs []result) {
	fmt.Fprintln(w, "thidua and Hugo on the same articles; medians; ratio = Hugo ÷ thidua (above 1: thidua is faster or leaner):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tthidua wall\tHugo wall\tratio\tthidua CPU\tHugo CPU\tratio\tthidua peak\tHugo peak\tratio\t")
	for _, r := range rs {
		if r.hugo == nil {
			continue
		}
		h, t := r.hugo, r.thidua
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", group(r.opts.Articles),
			seconds(t.wall), seconds(h.wall), ratio(float64(h.wall), float64(t.wall)),
			seconds(t.cpu), seconds(h.cpu), ratio(float64(h.cpu), float64(t.cpu)),
			mib(t.peak), mib(h.peak), ratio(float64(h.peak), float64(t.peak)))
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

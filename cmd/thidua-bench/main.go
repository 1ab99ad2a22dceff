// Command thidua-bench measures thidua build on generated sites, and Hugo
// on the same articles, as make bench and make bench-hugo do.
//
// For each size it writes a site folder with internal/synth into a
// temporary folder (never into the repository), runs the thidua binary's
// build on it several times into an emptied destination, and prints the
// median wall time, CPU time (user + system) and peak resident memory of
// the child process, taken from its rusage. It checks the page count of
// the output, then measures the rebuild after one article changes with the
// incremental build.Builder that thidua serve and build --watch use: the
// median over several edits of the time from Build being called with the
// changed file to the destination being up to date.
//
// With -hugo it also writes the same articles as a Hugo site with a small
// theme of comparable pages (a home page, paginated news lists, one page per
// article, and one taxonomy, blocs, with its term pages), builds it the same
// number of times, and prints both side by side with the ratios.
//
// Usage:
//
//	thidua-bench -thidua bin/thidua [-sizes 1000,10000,100000] [-runs 3] [-edits 5] [-hugo hugo] [-work DIR]
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.thidua, "thidua", "bin/thidua", "the thidua binary to measure")
	sizes := flag.String("sizes", "1000,10000,100000", "numbers of articles of the generated sites, comma-separated")
	flag.IntVar(&cfg.runs, "runs", 3, "builds of each site; the median is reported")
	flag.IntVar(&cfg.edits, "edits", 5, "single-article edits rebuilt incrementally; the median is reported")
	flag.StringVar(&cfg.hugo, "hugo", "", "a hugo binary: also build the same articles with it and compare")
	flag.StringVar(&cfg.work, "work", "", "the folder for generated sites and outputs (default: a new temporary folder, removed at the end)")
	flag.Int64Var(&cfg.seed, "seed", 1, "the seed of the generated sites")
	flag.Parse()
	var err error
	if cfg.sizes, err = parseSizes(*sizes); err != nil {
		fmt.Fprintf(os.Stderr, "thidua-bench: %v\n", err)
		os.Exit(2)
	}
	if cfg.runs < 1 || cfg.edits < 1 {
		fmt.Fprintln(os.Stderr, "thidua-bench: -runs and -edits must be at least 1")
		os.Exit(2)
	}
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "thidua-bench: %v\n", err)
		os.Exit(1)
	}
}

// parseSizes reads "1000,10000" as numbers of articles.
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a number of articles", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

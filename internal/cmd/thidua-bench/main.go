// Command thidua-bench measures thidua build on generated sites, and Hugo
// on the same articles, as make bench and make bench-hugo do.
//
// For each folder of -dirs (such as one on the disk and one on tmpfs), and
// each size, it writes a site folder with internal/synth into a temporary
// folder inside it (never into the repository) and makes it a git
// repository with a history of -commits commits across 25 years that touch
// its articles and data files (internal/gitinfo/gittest), as users build.
// It runs the thidua binary's build on it -runs times each: into no output
// (the first build), into the output of the previous build after no change
// (the second build), and after one article changed; and prints the median
// wall time, CPU time (user + system), system time and peak resident
// memory of the child process, taken from its rusage. It checks the page
// count of the output, measures the floors of the file system (writing a
// file per page; an lstat of each file of the output), then the rebuild
// after one article changes with the incremental build.Builder that thidua
// serve and build --watch use, in the git repository and in a copy of the
// site outside git, alternated: the median over -edits edits of the time
// from Build being called with the changed file to the destination being
// up to date.
//
// With -hugo it also writes the same articles as a Hugo site with a small
// theme of comparable pages (a home page, paginated news lists, one page per
// article, and one taxonomy, blocs, with its term pages), and runs Hugo's
// build of each kind right after thidua's (thidua, Hugo, thidua, Hugo…), on
// the same edited article, and prints both side by side with the ratios.
//
// Usage:
//
//	thidua-bench -thidua bin/thidua [-sizes 1000,10000,100000] [-runs 3] [-edits 5] [-commits 10000] [-hugo hugo] [-dirs /var/tmp,/dev/shm]
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	if os.Getenv(rebuildEnv) != "" {
		os.Exit(rebuildChild(os.Args[1:]))
	}
	var cfg config
	flag.StringVar(&cfg.thidua, "thidua", "bin/thidua", "the thidua binary to measure")
	sizes := flag.String("sizes", "1000,10000,100000", "numbers of articles of the generated sites, comma-separated")
	flag.IntVar(&cfg.runs, "runs", 3, "builds of each site; the median is reported")
	flag.IntVar(&cfg.edits, "edits", 11, "single-article edits rebuilt incrementally; the median is reported")
	flag.StringVar(&cfg.hugo, "hugo", "", "a hugo binary: also build the same articles with it and compare")
	flag.IntVar(&cfg.commits, "commits", 10000, "commits of the git history of each generated site; 0: no git repository")
	dirs := flag.String("dirs", os.TempDir(), "folders to build in, comma-separated, each in a new temporary folder removed at the end (such as one on the disk and one on tmpfs)")
	flag.Int64Var(&cfg.seed, "seed", 1, "the seed of the generated sites")
	flag.Parse()
	var err error
	if cfg.sizes, err = parseSizes(*sizes); err != nil {
		fmt.Fprintf(os.Stderr, "thidua-bench: %v\n", err)
		os.Exit(2)
	}
	if cfg.runs < 1 || cfg.edits < 1 || cfg.commits < 0 {
		fmt.Fprintln(os.Stderr, "thidua-bench: -runs and -edits must be at least 1, -commits at least 0")
		os.Exit(2)
	}
	for _, d := range strings.Split(*dirs, ",") {
		if d = strings.TrimSpace(d); d != "" {
			cfg.dirs = append(cfg.dirs, d)
		}
	}
	if len(cfg.dirs) == 0 {
		fmt.Fprintln(os.Stderr, "thidua-bench: -dirs names no folder")
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

package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/feeds"
)

func runBuild(args []string, e *env) int {
	fs := newFlags("build", "thidua build [-s DIR] [-d DIR] [-b URL] [-D] [--strict] [--watch] [--quiet]",
		"Build the site folder into the destination folder. A failed build leaves the previous output untouched.", e)
	site := addSiteFlags(fs, "include articles marked draft: true")
	dest := fs.StringP("destination", "d", "", "the output folder (default: public/ inside the site folder)")
	baseURL := fs.StringP("baseURL", "b", "", "the site's address, overriding site.yaml's baseURL")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	quiet := fs.Bool("quiet", false, "print nothing on success")
	watchFlag := fs.Bool("watch", false, "keep running and rebuild on every change to the site's files, until Ctrl-C")
	poll := fs.Duration("poll", 0, "with --watch: scan the folder for changes this often (like 1s) instead of asking the system for events")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to this file")
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	if !noArgs(fs, e) {
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(*site.source, "public")
	}
	opts := site.options()
	opts.Destination, opts.BaseURL, opts.Strict = *dest, *baseURL, *strict
	if e.isTerminal && !*quiet {
		opts.Progress = func(done, total int) {
			fmt.Fprintf(e.stderr, "\rrendering %d/%d pages\x1b[K", done, total)
			if done == total {
				fmt.Fprint(e.stderr, "\r\x1b[K")
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	limitMemory()
	if *watchFlag {
		opts.Progress = nil
		if err := runLive(ctx, liveConfig{opts: opts, poll: *poll, output: e}, nil); err != nil {
			fmt.Fprintf(e.stderr, "thidua build: %v\n", err)
			return exitSite
		}
		return exitOK
	}
	stopProfiles, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintf(e.stderr, "thidua build: %v\n", err)
		return exitUsage
	}
	res, err := build.Run(ctx, opts)
	if perr := stopProfiles(); perr != nil {
		fmt.Fprintf(e.stderr, "thidua build: %v\n", perr)
	}
	printDiagnostics(e, res.Diagnostics)
	if err != nil {
		if errors.Is(err, build.ErrSite) {
			fmt.Fprintf(e.stderr, "thidua: %s; nothing was written\n", counted(res.Diagnostics))
			return exitSite
		}
		fmt.Fprintf(e.stderr, "thidua: %v\n", err)
		return exitSite
	}
	printForeign(e, *dest, res.Foreign)
	if !*quiet {
		fmt.Fprintf(e.stdout, "built %d pages and %d files into %s in %d ms\n",
			res.Pages, res.Files, *dest, res.Elapsed.Milliseconds())
		fmt.Fprint(e.stdout, rootRobotsNote(res.BaseURL))
	}
	return exitOK
}

// printForeign warns of the files of the previous output that no build
// wrote (put there by hand), which the build did not keep.
func printForeign(e *env, dest string, foreign []string) {
	if len(foreign) == 0 {
		return
	}
	names := foreign
	more := ""
	if len(names) > 10 {
		names, more = names[:10], fmt.Sprintf(" and %d more", len(foreign)-10)
	}
	fmt.Fprintf(e.stderr, "thidua: warning: %s held %s that no build wrote, and this build did not keep: %s%s. "+
		"Put such files (CNAME, .well-known/…) in the site's static/ folder, which every build copies to the output.\n",
		dest, plural(len(foreign), "file"), strings.Join(names, ", "), more)
}

// rootRobotsNote says, for a site under a path of its host such as
// /thidua/, that crawlers read only the robots.txt at the root of the
// host, and gives the line to add to it there; it is "" for a site at the
// root of its host.
func rootRobotsNote(base *url.URL) string {
	if base == nil || base.Path == "/" {
		return ""
	}
	root := url.URL{Scheme: base.Scheme, Host: base.Host, Path: "/robots.txt"}
	return fmt.Sprintf("baseURL has the path %s: crawlers read only %s; add this line to it:\nSitemap: %s\n",
		base.Path, root.String(), base.JoinPath(feeds.SitemapFile))
}

func printDiagnostics(e *env, ds []diag.Diagnostic) {
	for _, d := range ds {
		fmt.Fprintln(e.stderr, d.String())
	}
}

// counted says "2 errors and 1 warning".
func counted(ds []diag.Diagnostic) string {
	var errs, warns int
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	return fmt.Sprintf("%s and %s", plural(errs, "error"), plural(warns, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// buildMemoryLimit is the soft memory limit of a build, unless the
// GOMEMLIMIT environment variable gives one. Below it the garbage collector
// paces itself as Go's default (GOGC=100) does, which costs a 10,000-article
// build a tenth less processor time than collecting at half the live heap;
// near it, it collects more often, so that 100,000 articles, whose model
// is about 0.9 GiB, build within 1.5 GiB.
const buildMemoryLimit = 1280 << 20

// limitMemory sets buildMemoryLimit unless GOMEMLIMIT says otherwise.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}

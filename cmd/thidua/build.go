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
	"github.com/thidua/thidua/internal/msg"
)

func runBuild(args []string, e *env) int {
	fs := newFlags("build", "thidua build [-s DIR] [-d DIR] [-b URL] [-D] [--strict] [--watch] [--quiet]", "about-build", e)
	site := addSiteFlags(fs, "flag-drafts-build", e)
	dest := fs.StringP("destination", "d", "", e.text("flag-destination-build"))
	baseURL := fs.StringP("baseURL", "b", "", e.text("flag-base-url"))
	strict := fs.Bool("strict", false, e.text("flag-strict-build"))
	quiet := fs.Bool("quiet", false, e.text("flag-quiet"))
	watchFlag := fs.Bool("watch", false, e.text("flag-watch"))
	poll := fs.Duration("poll", 0, e.text("flag-poll-build"))
	cpuProfile := fs.String("cpuprofile", "", e.text("flag-cpuprofile"))
	memProfile := fs.String("memprofile", "", e.text("flag-memprofile"))
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	if !noArgs(fs, e) {
		return exitUsage
	}
	e.useSite(*site.source)
	if *dest == "" {
		*dest = filepath.Join(*site.source, "public")
	}
	opts := site.options()
	opts.Destination, opts.BaseURL, opts.Strict = *dest, *baseURL, *strict
	if e.isTerminal && !*quiet {
		opts.Progress = func(done, total int) {
			fmt.Fprintf(e.stderr, "\r%s\x1b[K", e.text("cli-rendering", done, total))
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
			e.complain("build", "cli-error", err)
			return exitSite
		}
		return exitOK
	}
	stopProfiles, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		e.complain("build", "cli-error", err)
		return exitUsage
	}
	res, err := build.Run(ctx, opts)
	if perr := stopProfiles(); perr != nil {
		e.complain("build", "cli-error", perr)
	}
	printDiagnostics(e, *site.source, res.Diagnostics)
	if err != nil {
		if errors.Is(err, build.ErrSite) {
			e.complain("", "cli-build-failed", counted(res.Diagnostics))
			return exitSite
		}
		e.complain("", "cli-error", err)
		return exitSite
	}
	printForeign(e, *dest, res.Foreign)
	if !*quiet {
		e.say(e.stdout, "cli-built", res.Pages, res.Files, *dest, res.Elapsed.Milliseconds())
		if note := rootRobotsNote(res.BaseURL); note != nil {
			e.say(e.stdout, note.Code, note.Args...) // codes: cli-robots-note
		}
	}
	return exitOK
}

// printForeign warns of the files of the previous output that no build
// wrote (put there by hand), which the build did not keep.
func printForeign(e *env, dest string, foreign []string) {
	if len(foreign) == 0 {
		return
	}
	if len(foreign) > 10 {
		e.complain("", "cli-foreign-more", dest, len(foreign), strings.Join(foreign[:10], ", "), len(foreign)-10)
		return
	}
	e.complain("", "cli-foreign", dest, len(foreign), strings.Join(foreign, ", "))
}

// rootRobotsNote says, for a site under a path of its host such as
// /thidua/, that crawlers read only the robots.txt at the root of the
// host, and gives the line to add to it there; it is nil for a site at the
// root of its host.
func rootRobotsNote(base *url.URL) *msg.Phrase {
	if base == nil || base.Path == "/" {
		return nil
	}
	root := url.URL{Scheme: base.Scheme, Host: base.Host, Path: "/robots.txt"}
	p := msg.P("cli-robots-note", base.Path, root.String(), base.JoinPath(feeds.SitemapFile).String())
	return &p
}

// counted says "2 errors and 1 warning".
func counted(ds []diag.Diagnostic) msg.Phrase {
	var errs, warns int
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	return msg.P("cli-counted", count(errs, "one-error", "n-errors"), count(warns, "one-warning", "n-warnings"))
}

// count is the phrase of n things: one for 1, many for any other number.
func count(n int, one, many string) msg.Phrase {
	if n == 1 {
		return msg.P(one) // codes: one-error, one-warning
	}
	return msg.P(many, n) // codes: n-errors, n-warnings
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

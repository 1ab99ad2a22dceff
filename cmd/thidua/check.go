package main

import (
	"errors"
	"fmt"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
)

func runCheck(args []string, e *env) int {
	fs := newFlags("check", "thidua check [-s DIR] [--strict] [--format text]",
		"Check the site folder and print every mistake as path:line:col: error|warning: message. Writes nothing.", e)
	source := fs.StringP("source", "s", ".", "the site folder")
	strict := fs.Bool("strict", false, "treat warnings as errors (exit 1 on any message)")
	drafts := fs.BoolP("buildDrafts", "D", false, "check articles marked draft: true as if they were published")
	format := fs.String("format", "text", "how to print messages: text")
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "thidua check: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *format != "text" {
		fmt.Fprintf(e.stderr, "thidua check: unknown --format %q (want text)\n", *format)
		return exitUsage
	}
	p, diags, err := build.Prepare(build.Options{Source: *source, BuildDrafts: *drafts, Strict: *strict, Theme: thidua.Theme()})
	printDiagnostics(e, diags)
	switch {
	case errors.Is(err, build.ErrSite):
		fmt.Fprintf(e.stderr, "thidua: %s\n", counted(diags))
		return exitSite
	case err != nil:
		fmt.Fprintf(e.stderr, "thidua: %v\n", err)
		return exitSite
	}
	p.Close()
	return exitOK
}

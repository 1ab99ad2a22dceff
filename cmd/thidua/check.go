package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/diag"
)

func runCheck(args []string, e *env) int {
	fs := newFlags("check", "thidua check [-s DIR] [--strict] [--format text|json|github]", "about-check", e)
	site := addSiteFlags(fs, "flag-drafts-check", e)
	strict := fs.Bool("strict", false, e.text("flag-strict-check"))
	format := fs.String("format", "text", e.text("flag-format"))
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	if !noArgs(fs, e) {
		return exitUsage
	}
	report := diagnosticPrinter(*format)
	if report == nil {
		e.complain("check", "cli-bad-format", *format)
		return exitUsage
	}
	e.useSite(*site.source)
	opts := site.options()
	opts.Strict = *strict
	p, diags, err := build.Prepare(opts)
	report(e, opts.Source, diags)
	switch {
	case errors.Is(err, build.ErrSite):
		e.complain("", "cli-counted-line", counted(diags))
		return exitSite
	case err != nil:
		e.complain("", "cli-error", err)
		return exitSite
	}
	p.Close()
	return exitOK
}

// diagnosticPrinter returns the printer of the messages of check in the
// --format, nil for an unknown one.
func diagnosticPrinter(format string) func(e *env, source string, ds []diag.Diagnostic) {
	switch format {
	case "text":
		return printDiagnostics
	case "json":
		return printJSON
	case "github":
		return printGitHub
	}
	return nil
}

// jsonDiagnostic is a message of check --format json.
type jsonDiagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Fix      string `json:"suggestion,omitempty"`
}

// printJSON writes the messages to stdout as one JSON array, [] when there
// are none. Paths are relative to the site folder, as in text; the message
// is in e's language, the suggestion (a Fix) as it is to be typed.
func printJSON(e *env, _ string, ds []diag.Diagnostic) {
	out := make([]jsonDiagnostic, len(ds))
	for i, d := range ds {
		out[i] = jsonDiagnostic{Path: d.Path, Line: d.Line, Column: d.Column, Severity: d.Severity.String(), Code: d.Code, Message: d.Text(e.lang), Fix: d.Fix}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// printGitHub writes the messages to stdout as workflow commands of GitHub
// Actions (::error file=…,line=…,col=…,title=…::message), which show on the
// lines of the files of a pull request. GitHub wants paths from the
// repository's root, the working folder of a job, so the site folder is
// put before them.
func printGitHub(e *env, source string, ds []diag.Diagnostic) {
	prefix := fromWorkingFolder(source)
	for _, d := range ds {
		props := []string{"file=" + escapeProperty(path.Join(prefix, d.Path))}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
			if d.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Column))
			}
		}
		if d.Code != "" {
			props = append(props, "title="+escapeProperty("thidua "+d.Code))
		}
		fmt.Fprintf(e.stdout, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(d.Text(e.lang)))
	}
}

// fromWorkingFolder returns the site folder dir as a slash path from the
// working folder ("" when it is the working folder), or as given when it is
// not under it.
func fromWorkingFolder(dir string) string {
	abs, err1 := filepath.Abs(dir)
	wd, err2 := os.Getwd()
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(dir)
	}
	rel, err := filepath.Rel(wd, abs)
	switch {
	case err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)):
		return filepath.ToSlash(dir)
	case rel == ".":
		return ""
	}
	return filepath.ToSlash(rel)
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// printDiagnostics writes the messages to stderr in e's language, each
// followed by its line of the file under the site folder source, with a
// caret under its column. Each file is read once.
func printDiagnostics(e *env, source string, ds []diag.Diagnostic) {
	files := map[string][]byte{}
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Format(e.lang))
		b.WriteByte('\n')
		if d.Line == 0 || d.Column == 0 {
			continue
		}
		src, ok := files[d.Path]
		if !ok && fs.ValidPath(d.Path) {
			src, _ = os.ReadFile(filepath.Join(source, filepath.FromSlash(d.Path)))
			files[d.Path] = src
		}
		b.WriteString(diag.Quote(src, d.Line, d.Column))
	}
	io.WriteString(e.stderr, b.String())
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/msg"
)

func runCheck(args []string, e *env) int {
	fs := newFlags("check", "thidua check [-s DIR] [--strict] [--format text|json|github]",
		"Check the site folder and print every mistake as path:line:col: error|warning: message. Writes nothing.\n"+
			"--format json prints them on stdout as a JSON array of {path, line, column, severity, code, message};\n"+
			"--format github prints them as GitHub Actions annotations, with paths from the working folder.", e)
	site := addSiteFlags(fs, "check articles marked draft: true as if they were published")
	strict := fs.Bool("strict", false, "treat warnings as errors (exit 1 on any message)")
	format := fs.String("format", "text", "how to print messages: text, json or github")
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	if !noArgs(fs, e) {
		return exitUsage
	}
	report := diagnosticPrinter(*format)
	if report == nil {
		fmt.Fprintf(e.stderr, "thidua check: unknown --format %q (want text, json or github)\n", *format)
		return exitUsage
	}
	opts := site.options()
	opts.Strict = *strict
	p, diags, err := build.Prepare(opts)
	report(e, opts.Source, diags)
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

// diagnosticPrinter returns the printer of the messages of check in the
// --format, nil for an unknown one.
func diagnosticPrinter(format string) func(e *env, source string, ds []diag.Diagnostic) {
	switch format {
	case "text":
		return func(e *env, _ string, ds []diag.Diagnostic) { printDiagnostics(e, ds) }
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
}

// printJSON writes the messages to stdout as one JSON array, [] when there
// are none. Paths are relative to the site folder, as in text.
func printJSON(e *env, _ string, ds []diag.Diagnostic) {
	out := make([]jsonDiagnostic, len(ds))
	for i, d := range ds {
		out[i] = jsonDiagnostic{Path: d.Path, Line: d.Line, Column: d.Column, Severity: d.Severity.String(), Code: d.Code, Message: d.Text(msg.English)}
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
		fmt.Fprintf(e.stdout, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(d.Text(msg.English)))
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

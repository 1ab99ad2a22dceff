// Command thidua builds the public website of a province's emulation blocs
// from YAML records and Markdown news. See README.md, "Commands".
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit statuses (README.md, "Commands").
const (
	exitOK    = 0
	exitSite  = 1 // errors in the site
	exitUsage = 2 // a wrong command line
)

// command is one subcommand of thidua.
type command struct {
	summary string
	run     func(args []string, env *env) int
}

// env is where a command reads and writes.
type env struct {
	stdout, stderr io.Writer
	isTerminal     bool // stderr is a terminal: progress may be shown
}

func commands() map[string]command {
	return map[string]command{
		"build":   {"build the site into the destination folder", runBuild},
		"check":   {"check the site folder and report every mistake; writes nothing", runCheck},
		"import":  {"read a score sheet or award list (.xlsx, .csv) into a bloc's year file", runImport},
		"new":     {"start an article, or a bloc's next year, from what the site holds", runNew},
		"schema":  {"print the JSON Schema of the site's files, or --write them for VS Code", runSchema},
		"serve":   {"build, serve and rebuild the site on every change, with live reload", runServe},
		"version": {"print the version", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr, isTerminal: isTerminal(os.Stderr)}))
}

// run runs the command line args and returns the exit status.
func run(args []string, e *env) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" {
		return runVersion(args[1:], e)
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "thidua: unknown command %q; run 'thidua --help' for the list\n", args[0])
		return exitUsage
	}
	return c.run(args[1:], e)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("thidua builds the website of a province's emulation blocs (khối thi đua).\n\nUsage:\n  thidua <command> [flags]\n\nCommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-8s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\nRun 'thidua <command> --help' for the flags of a command, 'thidua --version' for the version.\n")
	io.WriteString(w, b.String())
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

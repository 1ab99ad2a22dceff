// Command thidua builds the public website of a province's emulation blocs
// from YAML records and Markdown news. See README.md, "Commands".
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/thidua/thidua/internal/msg"
)

// Exit statuses (README.md, "Commands").
const (
	exitOK    = 0
	exitSite  = 1 // errors in the site
	exitUsage = 2 // a wrong command line
)

// command is one subcommand of thidua.
type command struct {
	summary string // the code of its line in the list of commands
	run     func(args []string, env *env) int
}

// env is where a command reads and writes.
type env struct {
	stdout, stderr io.Writer
	isTerminal     bool     // stderr is a terminal: progress may be shown
	lang           msg.Lang // of every message; Vietnamese when not set
	langSet        bool     // by --lang, so that the site's language does not count
}

func commands() map[string]command {
	return map[string]command{
		"build":   {"cmd-build", runBuild},
		"check":   {"cmd-check", runCheck},
		"import":  {"cmd-import", runImport},
		"new":     {"cmd-new", runNew},
		"schema":  {"cmd-schema", runSchema},
		"serve":   {"cmd-serve", runServe},
		"version": {"cmd-version", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr, isTerminal: isTerminal(os.Stderr)}))
}

// run runs the command line args and returns the exit status.
func run(args []string, e *env) int {
	if e.lang == "" {
		e.lang = msg.Vietnamese
	}
	args, lang, given := takeLang(args)
	if given {
		l, ok := msg.ParseLang(lang)
		if !ok {
			e.complain("", "cli-bad-lang", lang)
			return exitUsage
		}
		e.lang, e.langSet = l, true
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e, cmds)
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
		e.complain("", "cli-unknown-command", args[0])
		return exitUsage
	}
	return c.run(args[1:], e)
}

func usage(e *env, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		// codes: cmd-build, cmd-check, cmd-import, cmd-new, cmd-schema, cmd-serve, cmd-version
		fmt.Fprintf(&b, "  %-8s %s\n", n, e.text(cmds[n].summary))
	}
	e.say(e.stdout, "cli-usage", b.String())
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

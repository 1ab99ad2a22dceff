package main

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"
)

// newFlags returns a FlagSet for one command whose --help prints usage
// and the flags, to e.stdout.
func newFlags(name, use, about string, e *env) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "%s\n\nUsage:\n  %s\n\nFlags:\n%s", about, use, fs.FlagUsages())
	}
	return fs
}

// parse parses args into fs. It returns the exit status to end with, or -1
// to go on: 0 after --help, 2 after a wrong flag.
func parse(fs *pflag.FlagSet, args []string, e *env) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return exitOK
	case err != nil:
		fmt.Fprintf(e.stderr, "thidua %s: %v\n", fs.Name(), err)
		return exitUsage
	}
	return -1
}

package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/vn"
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

// byteSize is a flag value of a number of bytes, written plainly (1048576)
// or with a binary unit (512KiB, 10MiB, 1GiB; KB, MB and GB mean the same).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Type() string { return "size" }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		factor int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}}
	factor, num := int64(1), strings.TrimSpace(s)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(num), strings.ToUpper(u.suffix)) {
			factor, num = u.factor, strings.TrimSpace(num[:len(num)-len(u.suffix)])
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/factor {
		return fmt.Errorf("%q is not a size; write it like 10MiB or 512KiB", s)
	}
	*b = byteSize(n * factor)
	return nil
}

// maxFileSizeFlag adds --max-file-size to fs.
func maxFileSizeFlag(fs *pflag.FlagSet) *byteSize {
	size := byteSize(0)
	fs.Var(&size, "max-file-size", "the largest YAML or Markdown file read, like 10MiB (default 10MiB)")
	return &size
}

// siteFlags are the flags of the commands that load a site folder to build
// or check it: -s, -D and --max-file-size.
type siteFlags struct {
	source  *string
	drafts  *bool
	maxSize *byteSize
	now     *dateFlag
}

// dateFlag is a flag value of a day, written 2025-03-04, read in Vietnam's
// time; its zero value means today.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Type() string { return "date" }

func (d *dateFlag) Set(s string) error {
	t, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), vn.TimeZone())
	if err != nil {
		return fmt.Errorf("%q is not a date; write it like 2025-03-04", s)
	}
	d.t = t
	return nil
}

// addSiteFlags adds the site flags to fs; draftsUsage says what -D does for
// the command.
func addSiteFlags(fs *pflag.FlagSet, draftsUsage string) siteFlags {
	return siteFlags{
		source:  fs.StringP("source", "s", ".", "the site folder"),
		drafts:  fs.BoolP("buildDrafts", "D", false, draftsUsage),
		maxSize: maxFileSizeFlag(fs),
		now:     nowFlag(fs),
	}
}

// nowFlag adds --now to fs.
func nowFlag(fs *pflag.FlagSet) *dateFlag {
	d := &dateFlag{}
	fs.Var(d, "now", "the build's date, like 2025-03-04: public consultations whose comment period ended before it are shown closed (default today); give it for the same output on any day")
	return d
}

// options are the build options the site flags give, with the built-in theme.
func (f siteFlags) options() build.Options {
	return build.Options{Source: *f.source, BuildDrafts: *f.drafts, MaxFileSize: int64(*f.maxSize), Theme: thidua.Theme(), Now: f.now.t}
}

// noArgs reports a positional argument of a command that takes none, and
// returns false when there is one.
func noArgs(fs *pflag.FlagSet, e *env) bool {
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "thidua %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return false
	}
	return true
}

package main

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/vn"
)

// newFlags returns a FlagSet for one command whose --help prints usage
// (the command line, use) and the text of the code about, then the flags,
// to e.stdout. It lists --lang, which run takes out of the arguments
// before any command sees them.
func newFlags(name, use, about string, e *env) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		if fs.Lookup("lang") == nil {
			fs.String("lang", "", e.text("flag-lang"))
		}
		// codes: about-build, about-check, about-import, about-new, about-schema, about-serve, about-version
		// pflag writes the defaults in English: "(default 1313)".
		usages := strings.ReplaceAll(fs.FlagUsages(), "(default ", e.text("flag-default"))
		e.say(e.stdout, "cli-command-usage", e.text(about), use, usages)
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
		code, args := flagError(err)
		// codes: flag-unknown, flag-unknown-short, flag-needs-value, flag-bad-value, flag-bad-syntax, flag-error
		e.complain(fs.Name(), code, args...)
		return exitUsage
	}
	return -1
}

// flagError returns the message of pflag's error err.
func flagError(err error) (code string, args []any) {
	s := err.Error()
	for _, f := range []struct{ re, code string }{
		{`^unknown flag: (.*)$`, "flag-unknown"},
		{`^unknown shorthand flag: '(.)' in .*$`, "flag-unknown-short"},
		{`^flag needs an argument: (?:'.' in )?-*(.*)$`, "flag-needs-value"},
		{`^invalid argument "(.*)" for "(.*)" flag: (.*)$`, "flag-bad-value"},
		{`^bad flag syntax: (.*)$`, "flag-bad-syntax"},
	} {
		if m := regexp.MustCompile(f.re).FindStringSubmatch(s); m != nil {
			if f.code == "flag-bad-value" && m[2] == "--max-file-size" {
				return "flag-bad-size", []any{m[1]}
			}
			if f.code == "flag-bad-value" && m[2] == "--now" {
				return "flag-bad-date", []any{m[1]}
			}
			for _, v := range m[1:] {
				args = append(args, v)
			}
			return f.code, args
		}
	}
	return "flag-error", []any{s}
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
		return errors.New("not a size")
	}
	*b = byteSize(n * factor)
	return nil
}

// maxFileSizeFlag adds --max-file-size to fs.
func maxFileSizeFlag(fs *pflag.FlagSet, e *env) *byteSize {
	size := byteSize(0)
	fs.Var(&size, "max-file-size", e.text("flag-max-file-size"))
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
		return errors.New("not a date")
	}
	d.t = t
	return nil
}

// addSiteFlags adds the site flags to fs; draftsUsage is the code of what
// -D does for the command.
func addSiteFlags(fs *pflag.FlagSet, draftsUsage string, e *env) siteFlags {
	return siteFlags{
		source: fs.StringP("source", "s", ".", e.text("flag-source")),
		// codes: flag-drafts-build, flag-drafts-check
		drafts:  fs.BoolP("buildDrafts", "D", false, e.text(draftsUsage)),
		maxSize: maxFileSizeFlag(fs, e),
		now:     nowFlag(fs, e),
	}
}

// nowFlag adds --now to fs.
func nowFlag(fs *pflag.FlagSet, e *env) *dateFlag {
	d := &dateFlag{}
	fs.Var(d, "now", e.text("flag-now"))
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
		e.complain(fs.Name(), "cli-unexpected-argument", fs.Arg(0))
		return false
	}
	return true
}

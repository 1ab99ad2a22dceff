package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/thidua/thidua/internal/scaffold"
	"github.com/thidua/thidua/internal/vn"
)

const newUsage = `thidua new article "Tiêu đề" [-s DIR] [--bloc ID]... [--year N] [--date D] [--slug S]
  thidua new year <bloc> <year> [-s DIR]`

func runNew(args []string, e *env) int { return runNewAt(args, e, time.Now) }

// runNewAt is runNew with the clock that says what today is.
func runNewAt(args []string, e *env, now func() time.Time) int {
	fs := newFlags("new", newUsage,
		"Start a file from what the site already holds, and print its path. Never replaces a file.\n\n"+
			"  article  content/news/<year>/<slug>.md, a draft dated today (Vietnam's time), slug from the title\n"+
			"  year     data/blocs/<bloc>/<year>.yaml from the bloc's last year: same members, leader = its next_leader", e)
	source := fs.StringP("source", "s", ".", "the site folder")
	blocs := fs.StringSlice("bloc", nil, "article: a bloc it reports on (repeat, or separate with commas)")
	year := fs.Int("year", 0, "article: the emulation year it reports on")
	date := fs.String("date", "", "article: the publication date, 2025-01-08 or 2025-01-08T08:40 (default today)")
	slug := fs.String("slug", "", "article: the address /tin-tuc/<slug>/ (default made from the title)")
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(e.stderr, "thidua new: "+format+"\nUsage:\n  %s\n", append(args, newUsage)...)
		return exitUsage
	}
	if fs.NArg() == 0 {
		return usageErr("say what to start: article or year")
	}
	site := os.DirFS(*source)
	var rel string
	var src []byte
	var err error
	switch what, rest := fs.Arg(0), fs.Args()[1:]; what {
	case "article":
		if len(rest) != 1 {
			return usageErr("new article takes one title, in quotes")
		}
		if fs.Changed("year") && *year == 0 {
			return usageErr("--year must be a year, like 2024")
		}
		day := now().In(vn.TimeZone())
		day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, vn.TimeZone())
		if *date != "" {
			if day, err = parseDay(*date); err != nil {
				return usageErr("%v", err)
			}
		}
		rel, src, err = scaffold.Article(site, scaffold.ArticleOptions{Title: rest[0], Slug: *slug, Date: day, Blocs: *blocs, Year: *year})
	case "year":
		if len(rest) != 2 {
			return usageErr("new year takes a bloc and a year, like: thidua new year khoi-8 2026")
		}
		if fs.Changed("bloc") || fs.Changed("year") || fs.Changed("date") || fs.Changed("slug") {
			return usageErr("--bloc, --year, --date and --slug are for new article")
		}
		y, convErr := strconv.Atoi(rest[1])
		if convErr != nil {
			return usageErr("%q is not a year, like 2026", rest[1])
		}
		rel, src, err = scaffold.Year(site, rest[0], y)
	default:
		return usageErr("unknown kind %q; start an article or a year", what)
	}
	if err == nil {
		err = scaffold.Write(*source, rel, src)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "thidua new: %v\n", err)
		return exitSite
	}
	fmt.Fprintln(e.stdout, filepath.Join(*source, filepath.FromSlash(rel)))
	return exitOK
}

// parseDay reads a date, or a date and a time, in Vietnam's time.
func parseDay(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, vn.TimeZone()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--date %q is not a date; write it as 2025-01-08, or 2025-01-08T08:40 with a time", s)
}

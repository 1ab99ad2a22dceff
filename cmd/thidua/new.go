package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/thidua/thidua/docs/ci"
	"github.com/thidua/thidua/internal/scaffold"
	"github.com/thidua/thidua/internal/vn"
)

const newUsage = `thidua new article "Tiêu đề" [-s DIR] [--bloc ID]... [--year N] [--date D] [--slug S]
  thidua new year <bloc> <year> [-s DIR]
  thidua new site DIR --province "Tên tỉnh" [--ci github|gitlab]`

func runNew(args []string, e *env) int { return runNewAt(args, e, time.Now) }

// runNewAt is runNew with the clock that says what today is.
func runNewAt(args []string, e *env, now func() time.Time) int {
	fs := newFlags("new", newUsage, "about-new", e)
	source := fs.StringP("source", "s", ".", e.text("flag-source"))
	blocs := fs.StringSlice("bloc", nil, e.text("flag-new-bloc"))
	year := fs.Int("year", 0, e.text("flag-new-year"))
	date := fs.String("date", "", e.text("flag-new-date"))
	slug := fs.String("slug", "", e.text("flag-new-slug"))
	province := fs.String("province", "", e.text("flag-new-province"))
	ciName := fs.String("ci", "github", e.text("flag-new-ci"))
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	e.useSite(*source)
	usageErr := func(code string, args ...any) int {
		// codes: new-what, new-site-flags, new-article-title, new-bad-year-flag, new-bad-date, new-year-args, new-article-flags, new-bad-year, new-site-args, new-site-not-flags, new-give-province, new-bad-ci, new-unknown-kind
		e.complain("new", code, args...)
		e.say(e.stderr, "cli-usage-line", newUsage)
		return exitUsage
	}
	if fs.NArg() == 0 {
		return usageErr("new-what")
	}
	if fs.Arg(0) != "site" && (fs.Changed("province") || fs.Changed("ci")) {
		return usageErr("new-site-flags")
	}
	site := os.DirFS(*source)
	var rel string
	var src []byte
	var err error
	switch what, rest := fs.Arg(0), fs.Args()[1:]; what {
	case "article":
		if len(rest) != 1 {
			return usageErr("new-article-title")
		}
		if fs.Changed("year") && *year == 0 {
			return usageErr("new-bad-year-flag")
		}
		day := now().In(vn.TimeZone())
		day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, vn.TimeZone())
		if *date != "" {
			var ok bool
			if day, ok = parseDay(*date); !ok {
				return usageErr("new-bad-date", *date)
			}
		}
		rel, src, err = scaffold.Article(site, scaffold.ArticleOptions{Title: rest[0], Slug: *slug, Date: day, Blocs: *blocs, Year: *year})
	case "year":
		if len(rest) != 2 {
			return usageErr("new-year-args")
		}
		if fs.Changed("bloc") || fs.Changed("year") || fs.Changed("date") || fs.Changed("slug") {
			return usageErr("new-article-flags")
		}
		y, convErr := strconv.Atoi(rest[1])
		if convErr != nil {
			return usageErr("new-bad-year", rest[1])
		}
		rel, src, err = scaffold.Year(site, rest[0], y)
	case "site":
		if len(rest) != 1 {
			return usageErr("new-site-args")
		}
		if fs.Changed("source") || fs.Changed("bloc") || fs.Changed("year") || fs.Changed("date") || fs.Changed("slug") {
			return usageErr("new-site-not-flags")
		}
		if *province == "" {
			return usageErr("new-give-province")
		}
		sample, ok := ci.Lookup(*ciName)
		if !ok {
			return usageErr("new-bad-ci", *ciName)
		}
		return newSite(rest[0], scaffold.SiteOptions{Province: *province, Today: now(), Docs: docsURL}, sample, e)
	default:
		return usageErr("new-unknown-kind", what)
	}
	if err == nil {
		err = scaffold.Write(*source, rel, src)
	}
	if err != nil {
		e.complain("new", "cli-error", err)
		return exitSite
	}
	fmt.Fprintln(e.stdout, filepath.Join(*source, filepath.FromSlash(rel)))
	return exitOK
}

// docsURL is the address of the docs of this release, for a new site's
// README.
const docsURL = "https://github.com/thidua/thidua/blob/" + version + "/docs/"

// newSite writes a new site folder dir: the files of scaffold.Site, the
// schemas (with the new site's ids) and settings of schema --write, and
// the CI sample. It prints the
// path of every file it wrote.
func newSite(dir string, o scaffold.SiteOptions, sample ci.Sample, e *env) int {
	fail := func(err error) int {
		e.complain("new", "cli-error", err)
		return exitSite
	}
	if err := scaffold.CheckEmpty(dir); err != nil {
		return fail(err)
	}
	files, err := scaffold.Site(o)
	if err != nil {
		return fail(err)
	}
	// The schemas offer the new site's ids: load it from its files, held
	// in memory as a file system until they are written.
	site := fstest.MapFS{}
	for _, f := range files {
		site[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	forSite, _ := schemaSite(site)
	schemas, mapping := schemaFiles(forSite)
	settings, err := mergeSettings(filepath.Join(dir, filepath.FromSlash(settingsFile)), mapping)
	if err != nil {
		return fail(err)
	}
	files = append(append(files, schemas...), scaffold.File{Path: settingsFile, Data: settings}, scaffold.File{Path: sample.Path, Data: sample.Data})
	slices.SortFunc(files, func(a, b scaffold.File) int { return strings.Compare(a.Path, b.Path) })
	for _, f := range files {
		if err := scaffold.Write(dir, f.Path, f.Data); err != nil {
			return fail(err)
		}
		fmt.Fprintln(e.stdout, filepath.Join(dir, filepath.FromSlash(f.Path)))
	}
	return exitOK
}

// parseDay reads a date, or a date and a time, in Vietnam's time.
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, vn.TimeZone()); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

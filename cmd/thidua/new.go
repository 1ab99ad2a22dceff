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
	fs := newFlags("new", newUsage,
		"Start a file from what the site already holds, and print its path. Never replaces a file.\n\n"+
			"  article  content/news/<year>/<slug>.md, a draft dated today (Vietnam's time), slug from the title\n"+
			"  year     data/blocs/<bloc>/<year>.yaml from the bloc's last year: same members, leader = its next_leader\n"+
			"  site     a new site folder DIR (not there yet, or empty) that thidua check --strict passes: site.yaml, a unit,\n"+
			"           a bloc with this year, an article, .gitignore, VS Code's schemas, a CI sample and a README for editors", e)
	source := fs.StringP("source", "s", ".", "the site folder")
	blocs := fs.StringSlice("bloc", nil, "article: a bloc it reports on (repeat, or separate with commas)")
	year := fs.Int("year", 0, "article: the emulation year it reports on")
	date := fs.String("date", "", "article: the publication date, 2025-01-08 or 2025-01-08T08:40 (default today)")
	slug := fs.String("slug", "", "article: the address /tin-tuc/<slug>/ (default made from the title)")
	province := fs.String("province", "", "site: the province's name, as \"Bình Thuận\"; the site's title is made from it")
	ciName := fs.String("ci", "github", "site: the CI sample to add, github (.github/workflows/thidua.yml) or gitlab (.gitlab-ci.yml)")
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(e.stderr, "thidua new: "+format+"\nUsage:\n  %s\n", append(args, newUsage)...)
		return exitUsage
	}
	if fs.NArg() == 0 {
		return usageErr("say what to start: article, year or site")
	}
	if fs.Arg(0) != "site" && (fs.Changed("province") || fs.Changed("ci")) {
		return usageErr("--province and --ci are for new site")
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
	case "site":
		if len(rest) != 1 {
			return usageErr("new site takes the folder to start, like: thidua new site trang-thi-dua --province \"Bình Thuận\"")
		}
		if fs.Changed("source") || fs.Changed("bloc") || fs.Changed("year") || fs.Changed("date") || fs.Changed("slug") {
			return usageErr("-s, --bloc, --year, --date and --slug are not for new site; name its folder, and give --province")
		}
		if *province == "" {
			return usageErr("give the province's name, like --province \"Bình Thuận\"")
		}
		sample, ok := ci.Lookup(*ciName)
		if !ok {
			return usageErr("--ci %q is not a CI sample; give github or gitlab", *ciName)
		}
		return newSite(rest[0], scaffold.SiteOptions{Province: *province, Today: now(), Docs: docsURL}, sample, e)
	default:
		return usageErr("unknown kind %q; start an article, a year or a site", what)
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

// docsURL is the address of the docs of this release, for a new site's
// README.
const docsURL = "https://github.com/thidua/thidua/blob/" + version + "/docs/"

// newSite writes a new site folder dir: the files of scaffold.Site, the
// schemas (with the new site's ids) and settings of schema --write, and
// the CI sample. It prints the
// path of every file it wrote.
func newSite(dir string, o scaffold.SiteOptions, sample ci.Sample, e *env) int {
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "thidua new: %v\n", err)
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
func parseDay(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, vn.TimeZone()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--date %q is not a date; write it as 2025-01-08, or 2025-01-08T08:40 with a time", s)
}

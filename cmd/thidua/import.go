package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/thidua/thidua/internal/importer"
)

const importUsage = `thidua import FILE --bloc ID --year N [-s DIR] [--what members|awards] [--award ID] [--sheet NAME] [--map "unit=B,score=E"] [--dry-run]`

func runImport(args []string, e *env) int {
	fs := newFlags("import", importUsage, "about-import", e)
	source := fs.StringP("source", "s", ".", e.text("flag-source"))
	bloc := fs.String("bloc", "", e.text("flag-import-bloc"))
	year := fs.Int("year", 0, e.text("flag-import-year"))
	what := fs.String("what", importer.Members, e.text("flag-import-what"))
	award := fs.String("award", "", e.text("flag-import-award"))
	sheet := fs.String("sheet", "", e.text("flag-import-sheet"))
	columns := fs.String("map", "", e.text("flag-import-map"))
	dryRun := fs.Bool("dry-run", false, e.text("flag-import-dry-run"))
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	e.useSite(*source)
	usageErr := func(code string, args ...any) int {
		// codes: import-one-file, import-give-bloc, import-give-year, import-bad-what, import-award-for-awards
		e.complain("import", code, args...)
		e.say(e.stderr, "cli-usage-line", importUsage)
		return exitUsage
	}
	switch {
	case fs.NArg() != 1:
		return usageErr("import-one-file")
	case *bloc == "":
		return usageErr("import-give-bloc")
	case *year == 0:
		return usageErr("import-give-year")
	case *what != importer.Members && *what != importer.Awards:
		return usageErr("import-bad-what", *what)
	case *award != "" && *what != importer.Awards:
		return usageErr("import-award-for-awards")
	}
	file := fs.Arg(0)
	src, err := os.ReadFile(file)
	if err != nil {
		e.complain("import", "import-cannot-read", file, err)
		return exitSite
	}
	res := importer.Import(os.DirFS(*source), src, importer.Options{
		File: filepath.ToSlash(file), Bloc: *bloc, Year: *year, What: *what, Sheet: *sheet, Map: *columns, Award: *award,
	})
	printDiagnostics(e, *source, res.Diags)
	if !res.OK() {
		e.complain("", "cli-import-failed", counted(res.Diags))
		return exitSite
	}
	if *dryRun {
		fmt.Fprint(e.stdout, res.Diff())
		return exitOK
	}
	if res.Changed > 0 {
		if err := writeReplacing(filepath.Join(*source, filepath.FromSlash(res.Path)), res.New); err != nil {
			e.complain("import", "import-cannot-write", res.Path, err)
			return exitSite
		}
	}
	e.say(e.stdout, "cli-line", res.Summary)
	return exitOK
}

// writeReplacing writes data to name through a temporary file beside it
// renamed over it, so that the file is never left half written.
func writeReplacing(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".thidua-import-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), name)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

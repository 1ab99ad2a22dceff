package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/thidua/thidua/internal/importer"
)

const importUsage = `thidua import FILE --bloc ID --year N [-s DIR] [--what members|awards] [--award ID] [--sheet NAME] [--map "unit=B,score=E"] [--dry-run]`

func runImport(args []string, e *env) int {
	fs := newFlags("import", importUsage,
		"Read a score sheet or an award list (.xlsx, or .csv in UTF-8 or Windows-1258) into the bloc's year file\n"+
			"data/blocs/<bloc>/<year>.yaml, creating it or changing it in place: comments, order and the lines it does\n"+
			"not change stay as they are. The columns are found by their headings (Tên đơn vị, Tổng điểm, Xếp hạng,\n"+
			"Xếp loại, Vai trò; Hình thức khen thưởng, Tình trạng, Số quyết định), or named with --map. Nothing is\n"+
			"written unless every row is understood. See docs/editing.md.", e)
	source := fs.StringP("source", "s", ".", "the site folder")
	bloc := fs.String("bloc", "", "the bloc's id, the name of its folder under data/blocs/")
	year := fs.Int("year", 0, "the emulation year of the sheet")
	what := fs.String("what", importer.Members, "what the sheet lists: members (scores, ranks, ratings) or awards")
	award := fs.String("award", "", "awards: the award kind of every row that names none, by its id")
	sheet := fs.String("sheet", "", "the sheet of a workbook to read (default the first with a header)")
	columns := fs.String("map", "", `the columns by letter, like "unit=B,score=E,rank=F"; fields: unit, unit_id, score, rank, rating, role; award, award_id, count, status, decision`)
	dryRun := fs.Bool("dry-run", false, "print the change to the year file as a diff and write nothing")
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(e.stderr, "thidua import: "+format+"\nUsage:\n  %s\n", append(args, importUsage)...)
		return exitUsage
	}
	switch {
	case fs.NArg() != 1:
		return usageErr("give one file to import, .xlsx or .csv")
	case *bloc == "":
		return usageErr("give the bloc with --bloc, like --bloc khoi-8")
	case *year == 0:
		return usageErr("give the year with --year, like --year 2024")
	case *what != importer.Members && *what != importer.Awards:
		return usageErr("--what is %q; give members or awards", *what)
	case *award != "" && *what != importer.Awards:
		return usageErr("--award is for --what awards")
	}
	file := fs.Arg(0)
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(e.stderr, "thidua import: cannot read %s; check the name of the file (%v)\n", file, err)
		return exitSite
	}
	res := importer.Import(os.DirFS(*source), src, importer.Options{
		File: filepath.ToSlash(file), Bloc: *bloc, Year: *year, What: *what, Sheet: *sheet, Map: *columns, Award: *award,
	})
	printDiagnostics(e, res.Diags)
	if !res.OK() {
		fmt.Fprintf(e.stderr, "thidua: %s; nothing written\n", counted(res.Diags))
		return exitSite
	}
	if *dryRun {
		fmt.Fprint(e.stdout, res.Diff())
		return exitOK
	}
	if res.Changed > 0 {
		if err := writeReplacing(filepath.Join(*source, filepath.FromSlash(res.Path)), res.New); err != nil {
			fmt.Fprintf(e.stderr, "thidua import: cannot write %s (%v)\n", res.Path, err)
			return exitSite
		}
	}
	fmt.Fprintln(e.stdout, res.Summary)
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

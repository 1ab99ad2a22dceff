package opendata

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
)

// soffice is LibreOffice's command, or "" when it is not installed; under
// CI=true a missing LibreOffice fails the test that needs it.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui); .ci/run installs it")
	}
	t.Skip("LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui); skipping")
	return ""
}

// TestLibreOfficeReadsTheWorkbooks: LibreOffice, headless, opens the site's
// workbooks and writes each sheet as CSV: every Vietnamese text, number
// and date of every sheet is there as the tables hold it.
func TestLibreOfficeReadsTheWorkbooks(t *testing.T) {
	bin := soffice(t)
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	each(t, "libreoffice", func(t *testing.T, site *model.Site) {
		dir := t.TempDir()
		files := writeAll(t, site)
		var in []string
		for _, f := range Files() {
			if f.Sheets != nil {
				in = append(in, filepath.Join(dir, f.Name))
				if err := os.WriteFile(in[len(in)-1], files[f.Path], 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		out := filepath.Join(dir, "out")
		// UTF-8, every sheet to a file of its own, cells as shown.
		args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless",
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,true,false,false,-1", "--outdir", out}
		cmd := exec.CommandContext(ctx, bin, append(args, in...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
		names := map[string]string{MembersSheet: "memberships", AwardsSheet: "awards", YearsSheet: "leaders"}
		for _, table := range siteTables(site) {
			f, err := os.Open(filepath.Join(out, names[table.Name]+"-"+table.Name+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(f)
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(table.Rows)+1 {
				t.Fatalf("%s: %d rows, want %d", table.Name, len(rows), len(table.Rows)+1)
			}
			for i, c := range table.Columns {
				if rows[0][i] != c.Title {
					t.Errorf("%s: heading %q, want %q", table.Name, rows[0][i], c.Title)
				}
			}
			for r, row := range table.Rows {
				for c, v := range row {
					got := ""
					if c < len(rows[r+1]) {
						got = rows[r+1][c]
					}
					switch v := v.(type) {
					case float64:
						if f, err := strconv.ParseFloat(got, 64); err != nil || f != v {
							t.Errorf("%s row %d column %d: %q, want %v", table.Name, r+2, c+1, got, v)
						}
					case time.Time:
						if got != v.Format("02/01/2006") {
							t.Errorf("%s row %d column %d: %q, want the date %s", table.Name, r+2, c+1, got, v.Format("02/01/2006"))
						}
					default:
						if got != cellText(v) {
							t.Errorf("%s row %d column %d: %q, want %q", table.Name, r+2, c+1, got, cellText(v))
						}
					}
				}
			}
		}
	})
}

// TestLibreOfficeCSVImport measures what the data page tells readers:
// LibreOffice's CSV import as it starts, without a character set chosen,
// reads our CSV files, byte order mark and all, as another encoding, and
// reads them right with UTF-8 chosen.
func TestLibreOfficeCSVImport(t *testing.T) {
	bin := soffice(t)
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "memberships.csv")
	if err := os.WriteFile(in, writeAll(t, loadedSite(t))[MembershipsCSV], 0o644); err != nil {
		t.Fatal(err)
	}
	convert := func(out string, infilter ...string) string {
		t.Helper()
		args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless"}
		args = append(args, infilter...)
		args = append(args, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", filepath.Join(dir, out), in)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
		b, err := os.ReadFile(filepath.Join(dir, out, "memberships.csv"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const name = "Hội Người cao tuổi tỉnh"
	if got := convert("default"); strings.Contains(got, name) {
		t.Errorf("LibreOffice's default import now reads UTF-8 with a BOM; say so on the data page (i18n data_libreoffice) and in docs/format.md:\n%s", got)
	}
	if got := convert("utf8", "--infilter=Text - txt - csv (StarCalc):44,34,76"); !strings.Contains(got, name) {
		t.Errorf("with UTF-8 chosen LibreOffice does not read %q:\n%s", name, got)
	}
}

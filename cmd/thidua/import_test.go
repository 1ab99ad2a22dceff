package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importFixture copies the test site and writes a sheet of csv beside
// it; it returns the site, the sheet, the year file khoi-a/2024 and what
// that holds.
func importFixture(t *testing.T, csv string) (site, sheet, year string, before []byte) {
	t.Helper()
	site = copyFixture(t)
	year = filepath.Join(site, "data/blocs/khoi-a/2024.yaml")
	before, err := os.ReadFile(year)
	if err != nil {
		t.Fatal(err)
	}
	sheet = filepath.Join(t.TempDir(), "bang-diem.csv")
	if err := os.WriteFile(sheet, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return site, sheet, year, before
}

func TestImportThenCheckPasses(t *testing.T) {
	site, sheet, year, before := importFixture(t, "\ufeffTên đơn vị,Tổng điểm,Xếp hạng\r\nHội Khuyến học,95.5,3\r\n")

	code, out, errOut := runCmd("import", sheet, "--bloc", "khoi-a", "--year", "2024", "-s", site, "--dry-run")
	if code != exitOK || !strings.Contains(out, "-    score: 94.25\n+    score: 95.5\n") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(year); !bytes.Equal(b, before) {
		t.Fatal("--dry-run wrote the year file")
	}
	code, out, _ = runCmd("import", sheet, "--bloc", "khoi-a", "--year", "2024", "-s", site, "--lang", "vi")
	if code != exitOK || !strings.Contains(out, "data/blocs/khoi-a/2024.yaml: 1 dòng đọc từ") {
		t.Fatalf("import: exit %d %q", code, out)
	}
	after, _ := os.ReadFile(year)
	if want := bytes.Replace(before, []byte("score: 94.25"), []byte("score: 95.5"), 1); !bytes.Equal(after, want) {
		t.Errorf("the year file is\n%s", after)
	}
	if code, out, errOut := runCmd("check", "-s", site); code != exitOK {
		t.Errorf("check after import: exit %d, %q\n%s", code, out, errOut)
	}
	code, out, _ = runCmd("import", sheet, "--bloc", "khoi-a", "--year", "2024", "-s", site, "--lang", "vi")
	if code != exitOK || !strings.Contains(out, "không có gì thay đổi") {
		t.Errorf("second import: exit %d %q", code, out)
	}
}

func TestImportWritesNothingOnAnError(t *testing.T) {
	site, sheet, year, before := importFixture(t, "Tên đơn vị,Tổng điểm\nHội Khuyến học,95.5\nHội Nông dân,90\n")
	code, _, errOut := runCmd("import", sheet, "--bloc", "khoi-a", "--year", "2024", "-s", site, "--lang", "vi")
	if code != exitSite || !strings.Contains(errOut, "bang-diem.csv:A3: lỗi: không có đơn vị \"Hội Nông dân\"") || !strings.Contains(errOut, "không ghi gì") {
		t.Errorf("exit %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(year); !bytes.Equal(b, before) {
		t.Error("the year file was written")
	}
}

func TestImportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"import"},
		{"import", "a.csv", "--year", "2024"},
		{"import", "a.csv", "--bloc", "khoi-a"},
		{"import", "a.csv", "--bloc", "khoi-a", "--year", "2024", "--what", "scores"},
		{"import", "a.csv", "--bloc", "khoi-a", "--year", "2024", "--award", "giay-khen"},
	} {
		if code, _, errOut := runCmd(args...); code != exitUsage || !strings.Contains(errOut, "Usage:") {
			t.Errorf("%q: exit %d %q", args, code, errOut)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// withCRLF rewrites every YAML and Markdown file under dir with CRLF line
// ends, as an editor on Windows may save them.
func withCRLF(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(p) != ".yaml" && filepath.Ext(p) != ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, []byte(strings.ReplaceAll(string(b), "\n", "\r\n")), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The demo saved with CRLF line ends, as on Windows, builds the same
// pages, byte for byte, as with LF.
func TestCRLFSiteBuildsTheSamePages(t *testing.T) {
	lf, crlf := copyDemo(t), copyDemo(t)
	withCRLF(t, crlf)
	var trees [2]map[string][32]byte
	for i, site := range []string{lf, crlf} {
		public := filepath.Join(t.TempDir(), "public")
		if code, _, errOut := runCmd("build", "-s", site, "-d", public, "--strict", "--quiet"); code != exitOK {
			t.Fatalf("build of %s: exit %d\n%s", site, code, errOut)
		}
		trees[i] = tree(t, public)
	}
	if ok, why := sameTree(trees[0], trees[1]); !ok {
		t.Errorf("the CRLF site's pages are not the LF site's: %s", why)
	}
}

// Mistakes in CRLF files are reported at the same lines and columns as in
// LF files.
func TestCRLFErrorsHaveTheirLines(t *testing.T) {
	const (
		year    = "data/blocs/khoi-8/2024.yaml"
		article = "content/news/2025/khoi-8-tong-ket-2024.md"
	)
	var reports [2]string
	var positions []string // file:line:col: of each mistake, counted in the LF files
	for i, crlf := range []bool{false, true} {
		site := copyDemo(t)
		for _, edit := range []struct{ file, from, to string }{
			{year, "\nleader:", "\nleadr:"},
			{article, "\ndate:", "\ndate: 2025-02-30\ndaet:"},
		} {
			name := filepath.Join(site, filepath.FromSlash(edit.file))
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), edit.from) {
				t.Fatalf("%s has no %q", edit.file, edit.from)
			}
			edited := strings.Replace(string(b), edit.from, edit.to, 1)
			if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			if !crlf {
				mistake := strings.LastIndex(edit.to, "\n") + 1
				line := strings.Count(edited[:strings.Index(edited, edit.to)+mistake], "\n") + 1
				positions = append(positions, edit.file+":"+strconv.Itoa(line)+":1:")
			}
		}
		if crlf {
			withCRLF(t, site)
		}
		code, _, errOut := runCmd("check", "-s", site)
		if code != exitSite {
			t.Fatalf("check of the broken site: exit %d\n%s", code, errOut)
		}
		reports[i] = errOut
	}
	if reports[0] != reports[1] {
		t.Errorf("the messages differ with CRLF:\nLF:\n%s\nCRLF:\n%s", reports[0], reports[1])
	}
	for _, want := range append(positions, `"leadr"`, `"daet"`, "2025-02-30") {
		if !strings.Contains(reports[1], want) {
			t.Errorf("the messages lack %s:\n%s", want, reports[1])
		}
	}
}

package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/release"
)

// copyTracked copies the files git tracks, as they are in the work tree,
// into a new folder under a temporary one, and returns it.
func copyTracked(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", "../../..", "ls-files", "-z").Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("git ls-files: %v", err)
		}
		t.Skipf("the release is made from the files git tracks, and git ls-files fails here: %v", err)
	}
	dst := filepath.Join(t.TempDir(), name)
	for _, f := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		src := filepath.Join("../../..", filepath.FromSlash(f))
		info, err := os.Lstat(src)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the work tree, or a link
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dst, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// The archive of this machine's platform is the same bytes when made
// twice, from two folders at different paths, and holds the program (which
// says its version and the commit given), the docs and every licence.
// make dist-check does the same for every platform, the second time with
// an empty build cache.
func TestArchiveIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("building the release is skipped under -short")
	}
	target := runtime.GOOS + "/" + runtime.GOARCH
	var sums [2][]byte
	var name string
	for i, dir := range []string{"a", "a-longer-folder"} {
		o := options{root: copyTracked(t, dir), out: t.TempDir(), mtime: time.Unix(1764628481, 0),
			ldflags: "-X main.commit=0123456789abcdef", targets: []string{target}}
		start := time.Now()
		names, err := dist(o)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("dist %s from %s: %v", target, o.root, time.Since(start).Round(time.Millisecond))
		if len(names) != 2 || names[1] != "SHA256SUMS" {
			t.Fatalf("wrote %v", names)
		}
		name = names[0]
		if sums[i], err = os.ReadFile(filepath.Join(o.out, "SHA256SUMS")); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			checkArchive(t, filepath.Join(o.out, name))
		}
	}
	if !bytes.Equal(sums[0], sums[1]) {
		t.Errorf("two runs from two folders differ:\n%s\n%s", sums[0], sums[1])
	}
	if !strings.HasSuffix(string(sums[0]), "  "+name+"\n") {
		t.Errorf("SHA256SUMS: %q", sums[0])
	}
}

// checkArchive extracts the program of the archive at name and runs it, and
// checks the archive holds the docs and the licences.
func checkArchive(t *testing.T, name string) {
	t.Helper()
	if strings.HasSuffix(name, ".zip") {
		t.Skip("the archive's program is run only from a .tar.gz")
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(filepath.Base(name), ".tar.gz")
	want := map[string]bool{"thidua": false, "README.md": false, "CHANGELOG.md": false, "LICENSE": false,
		"licenses/go/LICENSE": false, "licenses/echarts/LICENSE": false, "licenses/echarts/NOTICE": false, "licenses/noto-sans/LICENSE": false,
		"licenses/github.com/yuin/goldmark/LICENSE": false, "licenses/golang.org/x/text/LICENSE": false}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rel, ok := strings.CutPrefix(h.Name, base+"/")
		if !ok {
			t.Errorf("%s is not in the folder %s/", h.Name, base)
		}
		if _, ok := want[rel]; ok {
			want[rel] = true
		}
		if rel != "thidua" {
			continue
		}
		exe := filepath.Join(t.TempDir(), "thidua")
		b, _ := io.ReadAll(tr)
		if err := os.WriteFile(exe, b, 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(exe, "version").Output()
		if wantOut := "thidua " + release.Version + " (commit 0123456789ab) "; err != nil || !strings.HasPrefix(string(out), wantOut) {
			t.Errorf("the archive's thidua version: %q, %v; want %q…", out, err, wantOut)
		}
	}
	for f, found := range want {
		if !found {
			t.Errorf("the archive has no %s", f)
		}
	}
}

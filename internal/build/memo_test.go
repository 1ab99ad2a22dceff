package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/output"
)

// TestMemoFilesThatLie builds the demo twice into one destination with the
// store files of the first build cut short, filled with other bytes, or
// of another program, and wants each second build to be byte for byte a
// build into an empty folder, with the files rewritten for the next build.
func TestMemoFilesThatLie(t *testing.T) {
	site := copyDemo(t)
	ctx := context.Background()
	fresh := filepath.Join(t.TempDir(), "fresh")
	if _, err := Run(ctx, Options{Source: site, Destination: fresh, Theme: thidua.Theme()}); err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func([]byte) []byte{
		"cut short":   func(b []byte) []byte { return b[:len(b)/2] },
		"other bytes": func(b []byte) []byte { return []byte(programStamp() + "\nthidua memo 1\nkhông phải gob") },
		"another program": func(b []byte) []byte {
			return append([]byte("thidua 0.0.1 \"/khac\" 1 2\n"), b[len(programStamp())+1:]...)
		},
		"empty": func([]byte) []byte { return nil },
	} {
		dest := filepath.Join(t.TempDir(), "public")
		opts := Options{Source: site, Destination: dest, Theme: thidua.Theme()}
		if _, err := Run(ctx, opts); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{memoName, datesName} {
			path, err := output.StoreFile(dest, f)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if f == memoName && (err != nil || len(b) == 0) {
				t.Fatalf("%s: the first build kept no %s (%v)", name, f, err)
			}
			if err == nil {
				os.WriteFile(path, spoil(b), 0o644)
			}
		}
		// An article changes, so that a memo that lied would show.
		edit(t, site, "content/news/2023/hoi-dac-thu-tong-ket-2023.md", "## Kết quả năm 2023", "## Kết quả năm 2023\n\nĐoạn thêm: "+name+".")
		if _, err := Run(ctx, opts); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again := filepath.Join(t.TempDir(), "fresh")
		if _, err := Run(ctx, Options{Source: site, Destination: again, Theme: thidua.Theme()}); err != nil {
			t.Fatal(err)
		}
		sameTree(t, name, dest, again)
		if m := readMemo(dest, programStamp()); m.Len() == 0 {
			t.Errorf("%s: the memo was not written again", name)
		}
	}
}

// TestStampIsTheProgramsBytes: an executable written again with the same
// bytes (make bin, go install) keeps its stamp, so that a build keeps what
// the last one kept; one byte changed gives another stamp.
func TestStampIsTheProgramsBytes(t *testing.T) {
	exe := filepath.Join(t.TempDir(), "thidua")
	body := []byte("\x7fELF một chương trình")
	if err := os.WriteFile(exe, body, 0o755); err != nil {
		t.Fatal(err)
	}
	first := stampOf(exe)
	if first == "" {
		t.Fatal("no stamp for a readable executable")
	}
	later := time.Now().Add(time.Hour)
	if err := os.WriteFile(exe, body, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(exe, later, later); err != nil {
		t.Fatal(err)
	}
	if again := stampOf(exe); again != first {
		t.Errorf("the same bytes written again: stamp %q, was %q", again, first)
	}
	body[len(body)-1] ^= 1
	if err := os.WriteFile(exe, body, 0o755); err != nil {
		t.Fatal(err)
	}
	if other := stampOf(exe); other == first {
		t.Errorf("one byte changed, the stamp stayed %q", other)
	}
	if missing := stampOf(exe + ".khong-co"); missing != "" {
		t.Errorf("a missing executable has the stamp %q", missing)
	}
}

// TestStampFromTheBuildID: a Go executable is named by the build ID its
// linker wrote, as go tool buildid reads it, found in this very test
// binary; a file that writes the ID as PE and Mach-O executables do gives
// it too.
func TestStampFromTheBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if id := goBuildID(exe); id == "" || !strings.Contains(stampOf(exe), id) {
		t.Errorf("the test binary: build ID %q, stamp %q", id, stampOf(exe))
	}
	if out, err := exec.Command("go", "tool", "buildid", exe).Output(); err == nil {
		if want := strings.TrimSpace(string(out)); goBuildID(exe) != want {
			t.Errorf("build ID %q, go tool buildid says %q", goBuildID(exe), want)
		}
	}
	pe := filepath.Join(t.TempDir(), "thidua.exe")
	if err := os.WriteFile(pe, []byte("MZ\x90\x00 ... \xff Go build ID: \"abc/def/ghi/jkl\"\n \xff ..."), 0o755); err != nil {
		t.Fatal(err)
	}
	if id := goBuildID(pe); id != "abc/def/ghi/jkl" {
		t.Errorf("a PE-like file: build ID %q", id)
	}
}

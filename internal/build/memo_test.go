package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
		"other bytes": func(b []byte) []byte { return []byte("thidua memo 1\nkhông phải gob") },
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
		if m := readMemo(dest); m.Len() == 0 {
			t.Errorf("%s: the memo was not written again", name)
		}
	}
}

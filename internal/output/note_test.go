package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNoteIsGivenWithItsOutput commits outputs with and without notes, in
// both modes, and wants LiveNote to give a note only while the output it
// was committed with is live and unchanged.
func TestNoteIsGivenWithItsOutput(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(map[bool]string{true: "links", false: "swap"}[links], func(t *testing.T) {
			dest, source := sites(t)
			commit := func(note string, files map[string]string) {
				t.Helper()
				d, err := begin(dest, source, links)
				if err != nil {
					t.Fatal(err)
				}
				for rel, data := range files {
					if err := d.WriteFile(rel, []byte(data)); err != nil {
						t.Fatal(err)
					}
				}
				if note != "" {
					d.SetNote([]byte(note))
				}
				if err := d.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			live := func() string {
				t.Helper()
				d, err := begin(dest, source, links)
				if err != nil {
					t.Fatal(err)
				}
				defer d.Abort()
				return string(d.LiveNote())
			}
			if got := live(); got != "" {
				t.Errorf("a destination never built gives the note %q", got)
			}
			commit("first\nnote", map[string]string{"index.html": "1"})
			if got := live(); got != "first\nnote" {
				t.Errorf("after a build with a note: %q", got)
			}
			commit("", map[string]string{"index.html": "2"})
			if got := live(); got != "" {
				t.Errorf("after a build without a note: %q, want none", got)
			}
			commit("third", map[string]string{"index.html": "3"})
			// A note that does not belong to the manifest beside it, as a
			// build killed between the two would leave, is not given.
			store := storePath(dest)
			var mpath string
			if name, ok := liveGeneration(dest); ok {
				mpath = manifestPath(store, name)
			} else {
				mpath = filepath.Join(store, swapManifest)
			}
			data, err := os.ReadFile(notePath(mpath))
			if err != nil {
				t.Fatal(err)
			}
			other := map[string]string{"index.html": "other"}
			d, err := begin(dest, source, links)
			if err != nil {
				t.Fatal(err)
			}
			for rel, s := range other {
				d.WriteFile(rel, []byte(s))
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if name, ok := liveGeneration(dest); ok {
				mpath = manifestPath(store, name)
			}
			if err := os.WriteFile(notePath(mpath), data, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := live(); got != "" {
				t.Errorf("a note of another output is given: %q", got)
			}
		})
	}
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestIssue12Case14ServeTempKeepsLiveFolders checks what a serve's start
// removes of the temporary folders in its parent: those whose serve no
// longer holds the lock, and those of serves from before the lock (with
// the files they left beside them) once a day old; never the folder of a
// running serve, nor one just made.
func TestIssue12Case14ServeTempKeepsLiveFolders(t *testing.T) {
	parent := t.TempDir()
	dest, remove, err := serveTemp(parent)
	if err != nil {
		t.Fatal(err)
	}
	live := filepath.Dir(dest)
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	mk := func(rel string, dir bool, at time.Time) {
		t.Helper()
		p := filepath.Join(parent, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		var err error
		if dir {
			err = os.Mkdir(p, 0o755)
		} else {
			err = os.WriteFile(p, []byte("x"), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !at.IsZero() {
			os.Chtimes(p, at, at)
		}
	}
	mk("thidua-serve-killed/site/index.html", false, time.Time{})
	mk("thidua-serve-killed/"+serveLockName, false, old) // no one holds it
	mk("thidua-serve-legacy", true, old)
	mk("thidua-serve-starting", true, time.Time{})
	mk(".thidua-serve-gone.thidua-lock", false, old)
	mk(".thidua-serve-starting.thidua-lock", false, old)
	mk(".thidua-serve-new.thidua-lock", false, time.Time{})
	mk("other-folder", true, old)

	dest2, remove2, err := serveTemp(parent)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{".thidua-serve-new.thidua-lock", ".thidua-serve-starting.thidua-lock", filepath.Base(live), filepath.Base(filepath.Dir(dest2)), "other-folder", "thidua-serve-starting"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after a start, the parent holds\n%q, want\n%q", got, want)
	}
	if _, err := os.Stat(dest); err != nil {
		t.Errorf("the running serve's destination: %v", err)
	}
	remove()
	remove2()
	for _, d := range []string{live, filepath.Dir(dest2)} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s is still there after its serve let go of it: %v", d, err)
		}
	}
}

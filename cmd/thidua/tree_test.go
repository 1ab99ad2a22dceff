package main

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// tree returns the hash of every file under dir by slash path; it fails t
// when a file cannot be read.
func tree(t *testing.T, dir string) map[string][sha256.Size]byte {
	t.Helper()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // the destination is a link to its live generation
	}
	out := map[string][sha256.Size]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatalf("reading the output: %v", err)
	}
	return out
}

// sameTree reports whether a and b hold the same files with the same bytes,
// and names a difference when they do not.
func sameTree(a, b map[string][sha256.Size]byte) (bool, string) {
	if len(a) != len(b) {
		return false, "a different number of files"
	}
	for name, h := range a {
		if g, ok := b[name]; !ok {
			return false, "no " + name
		} else if g != h {
			return false, name + " differs"
		}
	}
	return true, ""
}

// Package filetree reads a folder whole, for tests that compare outputs.
package filetree

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Read returns the contents of every regular file under dir by its
// slash-separated path relative to dir. A dir that is a symbolic link, as
// a build's destination is, is read where it points.
func Read(dir string) (map[string][]byte, error) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	return out, err
}

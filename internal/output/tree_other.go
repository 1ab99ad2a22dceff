//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package output

import (
	"io"
	"os"
	"path/filepath"
)

// tree is the temporary folder, in which folders and files are made by
// their paths joined to its own.
type tree struct {
	path string
}

// openTree checks that path is a folder.
func openTree(path string) (*tree, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &os.PathError{Op: "open", Path: path, Err: os.ErrInvalid}
	}
	return &tree{path: path}, nil
}

// mkdir makes the folder at the relative path name.
func (t *tree) mkdir(name string) error {
	return os.Mkdir(filepath.Join(t.path, name), 0o755)
}

// create makes a new file at the relative path name, with mode 0644. It fails
// if anything is at name already.
func (t *tree) create(name string) (io.WriteCloser, error) {
	return os.OpenFile(filepath.Join(t.path, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

func (t *tree) close() error { return nil }

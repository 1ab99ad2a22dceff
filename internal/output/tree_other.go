//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package output

import (
	"errors"
	"io"
	"io/fs"
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

// writeFile makes a new file at the relative path name holding data. It
// fails if anything is at name already. This system gives no inode
// number: it returns 0.
func (t *tree) writeFile(name string, data []byte) (uint64, error) {
	f, err := t.create(name)
	if err != nil {
		return 0, err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return 0, err
}

// link makes the relative path name of t another name of the file at the
// same path in from.
func (t *tree) link(from *tree, name string) error {
	return os.Link(filepath.Join(from.path, name), filepath.Join(t.path, name))
}

// remove removes the file at the relative path name; a missing one is not
// an error.
func (t *tree) remove(name string) error {
	err := os.Remove(filepath.Join(t.path, name))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// rmdir removes the folder at the relative path name if it is empty.
func (t *tree) rmdir(name string) error { return os.Remove(filepath.Join(t.path, name)) }

func (t *tree) close() error { return nil }

package output

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

// pathTree is a folder in which folders and files are made by their paths
// joined to its own, with the functions of package os: the plain way of
// what tree does. Where the system has folder descriptors, tree works
// through them instead (tree_unix.go), and TestTreesAgree checks that the
// two do the same.
type pathTree struct {
	path string
}

// openPathTree checks that path is a folder.
func openPathTree(path string) (*pathTree, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &os.PathError{Op: "open", Path: path, Err: os.ErrInvalid}
	}
	return &pathTree{path: path}, nil
}

// mkdir makes the folder at the relative path name.
func (t *pathTree) mkdir(name string) error {
	return os.Mkdir(filepath.Join(t.path, name), 0o755)
}

// create makes a new file at the relative path name, with mode 0644. It fails
// if anything is at name already.
func (t *pathTree) create(name string) (io.WriteCloser, error) {
	return os.OpenFile(filepath.Join(t.path, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// writeFile makes a new file at the relative path name holding data. It
// fails if anything is at name already. It gives no inode number: it
// returns 0.
func (t *pathTree) writeFile(name string, data []byte) (uint64, error) {
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

// head returns the first n bytes of the regular file at the relative path
// name (all of it when it is shorter). A link or anything but a regular
// file is an error, as for tree.
func (t *pathTree) head(name string, n int) ([]byte, error) {
	p := filepath.Join(t.path, name)
	if info, err := os.Lstat(p); err != nil {
		return nil, err
	} else if info.Mode()&fs.ModeSymlink != 0 {
		return nil, &fs.PathError{Op: "open", Path: p, Err: syscall.ELOOP}
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, n)
	m, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return b[:m], nil
}

// stat returns the size of the regular file at the relative path name, as
// for tree. It gives no inode number: it returns 0.
func (t *pathTree) stat(name string) (ino uint64, size int64, err error) {
	p := filepath.Join(t.path, name)
	info, err := os.Lstat(p)
	if err != nil {
		return 0, 0, err
	}
	if !info.Mode().IsRegular() {
		return 0, 0, &fs.PathError{Op: "lstat", Path: p, Err: syscall.EINVAL}
	}
	return 0, info.Size(), nil
}

// link makes the relative path name of t another name of the file at the
// same path in from.
func (t *pathTree) link(from *pathTree, name string) error {
	return os.Link(filepath.Join(from.path, name), filepath.Join(t.path, name))
}

// remove removes the file at the relative path name; a missing one (also
// one under what is now a file) is not an error.
func (t *pathTree) remove(name string) error {
	err := os.Remove(filepath.Join(t.path, name))
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return err
	}
	return nil
}

// rmdir removes the folder at the relative path name if it is empty.
func (t *pathTree) rmdir(name string) error { return os.Remove(filepath.Join(t.path, name)) }

func (t *pathTree) close() error { return nil }

// files returns the slash paths, relative to t, of everything under t that
// is not a folder (files, and links, which are not followed), sorted.
func (t *pathTree) files() ([]string, error) {
	var out []string
	err := filepath.WalkDir(t.path, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(t.path, p)
		if err == nil {
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(out)
	return out, err
}

// others returns, sorted, the files under t that known does not name. It
// reads every folder: without folder descriptors there is no status of a
// folder that says its entries have not changed, and since is not used.
func (t *pathTree) others(known manifest, since time.Time) ([]string, error) {
	all, err := t.files()
	return slices.DeleteFunc(all, func(rel string) bool {
		_, ok := known[rel]
		return ok
	}), err
}

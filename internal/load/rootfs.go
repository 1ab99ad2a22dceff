package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"
)

// RootFS is the file system of a site folder opened as an os.Root, for one
// load: what root.FS() is, but a file is opened through an os.Root of its
// folder, opened once, where os.Root opens and closes every folder on the
// way to each file. Loading ten thousand articles so makes thirty thousand
// fewer system calls. It is safe for concurrent use; Close closes the
// folders' roots, not root.
type RootFS struct {
	root *os.Root
	fsys fs.FS // root.FS()

	folders sync.Map   // of *folder, by slash-separated path
	opening sync.Mutex // held while a folder is opened, so that it is opened once
}

// folder is a folder of the site opened for reading its files.
type folder struct {
	root *os.Root
	// dir is the folder itself, kept open for readFile, which opens the
	// folder's files relative to its descriptor fd; nil where readFile
	// does not.
	dir *os.File
	fd  uintptr
}

// NewRootFS returns the RootFS of root.
func NewRootFS(root *os.Root) *RootFS {
	return &RootFS{root: root, fsys: root.FS()}
}

// Open opens the file name, through the root of its folder.
func (r *RootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	dir, base := path.Split(name)
	if dir == "" {
		return r.fsys.Open(name)
	}
	folder, err := r.folder(dir[:len(dir)-1])
	if err == nil {
		var f *os.File
		if f, err = folder.root.Open(base); err == nil {
			return f, nil
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: err}
}

// folder returns the folder dir, opening it the first time.
func (r *RootFS) folder(dir string) (*folder, error) {
	if f, ok := r.folders.Load(dir); ok {
		return f.(*folder), nil
	}
	r.opening.Lock()
	defer r.opening.Unlock()
	if f, ok := r.folders.Load(dir); ok {
		return f.(*folder), nil
	}
	root, err := r.root.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	f := &folder{root: root}
	f.dir, f.fd = openDir(root)
	r.folders.Store(dir, f)
	return f, nil
}

// Close closes the roots of the folders opened so far.
func (r *RootFS) Close() error {
	r.opening.Lock()
	defer r.opening.Unlock()
	var errs []error
	for dir, f := range r.folders.Range {
		f := f.(*folder)
		if f.dir != nil {
			errs = append(errs, f.dir.Close())
		}
		errs = append(errs, f.root.Close())
		r.folders.Delete(dir)
	}
	return errors.Join(errs...)
}

// Stat, ReadDir, ReadLink and Lstat are those of root.FS(); fs.ReadFile
// reads through Open.

func (r *RootFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(r.fsys, name) }
func (r *RootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.fsys, name) }
func (r *RootFS) ReadLink(name string) (string, error)       { return fs.ReadLink(r.fsys, name) }
func (r *RootFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(r.fsys, name) }

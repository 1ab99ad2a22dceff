package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"
)

// RootFS is the file system of a site folder opened as an os.Root, for one
// load: what root.FS() is, but each folder that holds a file read is opened
// once, where os.Root opens and closes every folder on the way to each
// file. On Linux, macOS and the BSDs a file is read with four system calls
// on its folder's descriptor (see readFile), and opened with Open through
// root; elsewhere it is opened through an os.Root of its folder. Loading
// ten thousand articles so makes tens of thousands fewer system calls. It
// is safe for concurrent use; Close closes the folders, not root.
type RootFS struct {
	root *os.Root
	fsys fs.FS // root.FS()

	folders sync.Map   // of *folder, by slash-separated path
	opening sync.Mutex // held while a folder is opened, so that it is opened once
}

// folder is a folder of the site opened for reading its files: root where
// folderRoots, else dir (see openFolder).
type folder struct {
	// root is the folder as an os.Root, through which Open opens its files.
	root *os.Root
	// dir is the folder itself, kept open for readFile, which opens the
	// folder's files relative to its descriptor fd.
	dir *os.File
	fd  uintptr
}

// NewRootFS returns the RootFS of root.
func NewRootFS(root *os.Root) *RootFS {
	return &RootFS{root: root, fsys: root.FS()}
}

// Open opens the file name, through the root of its folder where folders
// have roots (see folderRoots), else, or when that fails, through the
// site's.
func (r *RootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	dir, base := path.Split(name)
	if dir == "" {
		return r.fsys.Open(name)
	}
	if folderRoots {
		if folder, err := r.folder(dir[:len(dir)-1]); err == nil {
			if f, err := folder.root.Open(base); err == nil {
				return f, nil
			}
		}
	}
	// Also a link to another folder of the site, which the folder's root
	// refuses as a way out of it.
	f, err := r.fsys.Open(name)
	if err == nil {
		return f, nil
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
	f, err := openFolder(r.root, dir)
	if err != nil {
		return nil, err
	}
	r.folders.Store(dir, f)
	return f, nil
}

// Close closes the roots of the folders opened so far.
func (r *RootFS) Close() error {
	r.opening.Lock()
	defer r.opening.Unlock()
	var errs []error
	for dir, f := range r.folders.Range {
		if f := f.(*folder); f.root != nil {
			errs = append(errs, f.root.Close())
		} else {
			errs = append(errs, f.dir.Close())
		}
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

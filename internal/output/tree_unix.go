//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"golang.org/x/sys/unix"
)

// tree is the temporary folder, held open: folders and files are made
// relative to it by descriptor, and a file is a bare descriptor rather than
// an os.File, which would first be offered to the poller in vain.
type tree struct {
	path string
	fd   int
}

// openTree opens the folder path.
func openTree(path string) (*tree, error) {
	fd, err := retry(func() (int, error) {
		return unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return &tree{path: path, fd: fd}, nil
}

// mkdir makes the folder at the relative path name.
func (t *tree) mkdir(name string) error {
	_, err := retry(func() (int, error) { return 0, unix.Mkdirat(t.fd, name, 0o755) })
	if err != nil {
		return &fs.PathError{Op: "mkdir", Path: filepath.Join(t.path, name), Err: err}
	}
	return nil
}

// create makes a new file at the relative path name, with mode 0644 less the
// umask. It fails if anything is at name already. A symbolic link is not
// followed.
func (t *tree) create(name string) (io.WriteCloser, error) {
	fd, err := retry(func() (int, error) {
		return unix.Openat(t.fd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(t.path, name), Err: err}
	}
	return &fdFile{fd: fd, path: filepath.Join(t.path, name)}, nil
}

// writeFile makes a new file at the relative path name holding data and
// returns its inode number. It fails if anything is at name already.
func (t *tree) writeFile(name string, data []byte) (uint64, error) {
	w, err := t.create(name)
	if err != nil {
		return 0, err
	}
	f := w.(*fdFile)
	_, err = f.Write(data)
	var st unix.Stat_t
	if err == nil {
		if err = unix.Fstat(f.fd, &st); err != nil {
			err = &fs.PathError{Op: "fstat", Path: f.path, Err: err}
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return uint64(st.Ino), err
}

// head returns the first n bytes of the regular file at the relative path
// name (all of it when it is shorter), with an open, reads and a close: an
// os.File would add five calls (non-blocking, offered to the poller,
// blocking again) for each share picture a second build looks at. A link
// or anything but a regular file is an error.
func (t *tree) head(name string, n int) ([]byte, error) {
	fd, err := retry(func() (int, error) {
		return unix.Openat(t.fd, name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(t.path, name), Err: err}
	}
	defer unix.Close(fd)
	b := make([]byte, n)
	m := 0
	for m < n {
		k, err := retry(func() (int, error) { return unix.Read(fd, b[m:]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: filepath.Join(t.path, name), Err: err}
		}
		if k == 0 {
			break
		}
		m += k
	}
	return b[:m], nil
}

// stat returns the inode number and size of the regular file at the
// relative path name. A link or anything but a regular file is an error.
func (t *tree) stat(name string) (ino uint64, size int64, err error) {
	var st unix.Stat_t
	if _, err := retry(func() (int, error) { return 0, unix.Fstatat(t.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
		return 0, 0, &fs.PathError{Op: "fstatat", Path: filepath.Join(t.path, name), Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return 0, 0, &fs.PathError{Op: "fstatat", Path: filepath.Join(t.path, name), Err: unix.EINVAL}
	}
	return uint64(st.Ino), st.Size, nil
}

// link makes the relative path name of t another name of the file at the
// same path in from.
func (t *tree) link(from *tree, name string) error {
	_, err := retry(func() (int, error) { return 0, unix.Linkat(from.fd, name, t.fd, name, 0) })
	if err != nil {
		return &os.LinkError{Op: "link", Old: filepath.Join(from.path, name), New: filepath.Join(t.path, name), Err: err}
	}
	return nil
}

// remove removes the file at the relative path name; a missing one (also
// one under what is now a file) is not an error.
func (t *tree) remove(name string) error {
	_, err := retry(func() (int, error) { return 0, unix.Unlinkat(t.fd, name, 0) })
	if err != nil && err != unix.ENOENT && err != unix.ENOTDIR {
		return &fs.PathError{Op: "unlinkat", Path: filepath.Join(t.path, name), Err: err}
	}
	return nil
}

// rmdir removes the folder at the relative path name if it is empty.
func (t *tree) rmdir(name string) error {
	_, err := retry(func() (int, error) { return 0, unix.Unlinkat(t.fd, name, unix.AT_REMOVEDIR) })
	if err != nil {
		return &fs.PathError{Op: "rmdir", Path: filepath.Join(t.path, name), Err: err}
	}
	return nil
}

func (t *tree) close() error {
	if err := unix.Close(t.fd); err != nil {
		return &fs.PathError{Op: "close", Path: t.path, Err: err}
	}
	return nil
}

// retry calls f again for as long as a signal interrupts it.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return n, err
		}
	}
}

// fdFile is a regular file open for writing by its descriptor. It is for one
// goroutine.
type fdFile struct {
	fd   int // -1 once closed
	path string
}

func (f *fdFile) Write(p []byte) (int, error) {
	if f.fd < 0 {
		return 0, &fs.PathError{Op: "write", Path: f.path, Err: os.ErrClosed}
	}
	written := 0
	for written < len(p) {
		n, err := unix.Write(f.fd, p[written:])
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return written, &fs.PathError{Op: "write", Path: f.path, Err: err}
		case n == 0:
			return written, &fs.PathError{Op: "write", Path: f.path, Err: io.ErrShortWrite}
		}
		written += n
	}
	return written, nil
}

// Close closes the file. The descriptor is released even when the system
// reports an error, so a second Close is an error and never closes another
// file that reused the number.
func (f *fdFile) Close() error {
	if f.fd < 0 {
		return &fs.PathError{Op: "close", Path: f.path, Err: os.ErrClosed}
	}
	err := unix.Close(f.fd)
	f.fd = -1
	if err != nil {
		return &fs.PathError{Op: "close", Path: f.path, Err: err}
	}
	return nil
}

// files is pathTree.files through folder descriptors: each folder is
// opened relative to its parent's, without resolving its whole path again,
// and read by an os.File made from its descriptor, which is not offered to
// the poller in vain. TestTreesAgree checks this walk against the plain one.
func (t *tree) files() ([]string, error) {
	var out []string
	err := t.allFiles(t.fd, ".", "", &out)
	slices.Sort(out)
	return out, err
}

// allFiles appends to out the relative paths of the files under the folder
// name of the open folder parent, which is at rel in t.
func (t *tree) allFiles(parent int, name, rel string, out *[]string) error {
	return t.inFolder(parent, name, rel, func(fd int, entries []fs.DirEntry) error {
		for _, e := range entries {
			p := path.Join(rel, e.Name())
			if !e.IsDir() {
				*out = append(*out, p)
			} else if err := t.allFiles(fd, e.Name(), p, out); err != nil {
				return err
			}
		}
		return nil
	})
}

// inFolder reads the folder name of the open folder parent, which is at rel
// in t, and calls f with its entries and its descriptor, open while f runs.
func (t *tree) inFolder(parent int, name, rel string, f func(fd int, entries []fs.DirEntry) error) error {
	fd, err := retry(func() (int, error) {
		return unix.Openat(parent, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: filepath.Join(t.path, rel), Err: err}
	}
	dir := os.NewFile(uintptr(fd), filepath.Join(t.path, rel))
	defer dir.Close()
	entries, err := dir.ReadDir(-1)
	if err != nil {
		return err
	}
	return f(fd, entries)
}

// others returns, sorted, the files under t that known does not name.
//
// A folder that holds what known names, and whose status last changed
// before since, is not read: it holds what known names there still.
// Adding, removing or renaming an entry of a folder changes its status
// time (ctime), and so does setting its times, as rsync -a or touch do;
// no call sets it back. since must be when known was recorded, after the
// last change that thidua made to its folders, by the clock of the same
// file system; a folder changed in the same tick of that clock as since is
// read, as git checks again a file as old as its index. So a second build
// stats the folders of the live output instead of reading them (10,000
// fewer folders read at 10,000 articles). TestOthersReadOnlyChangedFolders
// checks that.
func (t *tree) others(known manifest, since time.Time) ([]string, error) {
	folders := foldersOf(known)
	var out []string
	var visit func(rel string) error
	visit = func(rel string) error {
		name := rel
		if name == "" {
			name = "."
		}
		var st unix.Stat_t
		if _, err := retry(func() (int, error) { return 0, unix.Fstatat(t.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
			if err == unix.ENOENT {
				return nil // gone: nothing in it is left to report
			}
			return &fs.PathError{Op: "lstat", Path: filepath.Join(t.path, rel), Err: err}
		}
		if st.Mode&unix.S_IFMT != unix.S_IFDIR {
			out = append(out, rel) // a file or a link where known has a folder
			return nil
		}
		if time.Unix(st.Ctim.Unix()).Before(since) {
			for _, sub := range folders[rel] {
				if err := visit(path.Join(rel, sub)); err != nil {
					return err
				}
			}
			return nil
		}
		return t.inFolder(t.fd, name, rel, func(fd int, entries []fs.DirEntry) error {
			for _, e := range entries {
				p := path.Join(rel, e.Name())
				var err error
				switch _, isFolder := folders[p]; {
				case !e.IsDir():
					if _, ok := known[p]; !ok {
						out = append(out, p)
					}
				case isFolder:
					err = visit(p)
				default:
					err = t.allFiles(fd, e.Name(), p, &out)
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
	}
	err := visit("")
	slices.Sort(out)
	return out, err
}

// stampOf is the folderStamp of the folder at path; the zero stamp when its
// status cannot be read.
func stampOf(path string) folderStamp {
	var st unix.Stat_t
	if err := unix.Lstat(path, &st); err != nil {
		return folderStamp{}
	}
	return folderStamp{dev: uint64(st.Dev), ino: uint64(st.Ino), changed: st.Ctim.Nano()}
}

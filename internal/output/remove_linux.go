package output

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"

	"golang.org/x/sys/unix"
)

// removeAll removes path and everything under it, as os.RemoveAll does, with
// up to twice as many goroutines as GOMAXPROCS, through folder descriptors
// and without following symbolic links. It keeps going after a failure and
// returns the first, naming its path. A missing path is not an error.
func removeAll(path string) error {
	parent, err := retry(func() (int, error) {
		return unix.Open(filepath.Dir(path), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		if err == unix.ENOENT {
			return nil
		}
		return &fs.PathError{Op: "open", Path: filepath.Dir(path), Err: err}
	}
	defer unix.Close(parent)
	// Removing is the system's work on each entry and, where a file system
	// without a journal discards a file's blocks as it goes, waiting for the
	// disk: more goroutines than processors keep both busy.
	r := &remover{spare: make(chan struct{}, 2*runtime.GOMAXPROCS(0)-1)}
	name := filepath.Base(path)
	err = unix.Unlinkat(parent, name, 0)
	switch err {
	case nil, unix.ENOENT:
		return nil
	case unix.EISDIR:
		r.removeDir(parent, name, path)
	default:
		r.fail(&fs.PathError{Op: "unlinkat", Path: path, Err: err})
	}
	return r.err
}

// remover removes folders, sharing them among goroutines.
type remover struct {
	spare chan struct{} // a token for each goroutine that may start

	mu  sync.Mutex
	err error // the first failure
}

// fail records err unless an earlier failure was recorded.
func (r *remover) fail(err error) {
	r.mu.Lock()
	if r.err == nil {
		r.err = err
	}
	r.mu.Unlock()
}

// removeDir removes the folder name in the folder parent and everything in
// it. path is where it is, for errors.
func (r *remover) removeDir(parent int, name, path string) {
	fd, err := retry(func() (int, error) {
		return unix.Openat(parent, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		if err != unix.ENOENT {
			r.fail(&fs.PathError{Op: "openat", Path: path, Err: err})
		}
		return
	}
	entries, err := readDir(fd)
	if err != nil {
		r.fail(&fs.PathError{Op: "readdirent", Path: path, Err: err})
	}
	// A spare goroutine takes the next folder met, so that both the many
	// small folders of a large one and a few large folders are shared.
	var wg sync.WaitGroup
	for _, e := range entries {
		sub := filepath.Join(path, e.name)
		if !e.dir {
			err := unix.Unlinkat(fd, e.name, 0)
			if err != unix.EISDIR {
				if err != nil && err != unix.ENOENT {
					r.fail(&fs.PathError{Op: "unlinkat", Path: sub, Err: err})
				}
				continue
			}
			// A type that getdents did not know.
		}
		select {
		case r.spare <- struct{}{}:
			wg.Go(func() {
				defer func() { <-r.spare }()
				r.removeDir(fd, e.name, sub)
			})
		default:
			r.removeDir(fd, e.name, sub)
		}
	}
	wg.Wait()
	unix.Close(fd)
	if err := unix.Unlinkat(parent, name, unix.AT_REMOVEDIR); err != nil && err != unix.ENOENT {
		r.fail(&fs.PathError{Op: "unlinkat", Path: path, Err: err})
	}
}

// dirEntry is a name in a folder and whether it is a folder.
type dirEntry struct {
	name string
	dir  bool
}

// readDir returns the entries of the open folder fd, but "." and "..". All
// are read before any is removed, which could make the system skip some.
func readDir(fd int) ([]dirEntry, error) {
	var entries []dirEntry
	buf := make([]byte, 32<<10)
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return entries, err
		}
		if n <= 0 {
			return entries, nil
		}
		// struct linux_dirent64: inode (8 bytes), offset (8), record
		// length (2), type (1), name ending in NUL.
		for b := buf[:n]; len(b) > 0; {
			if len(b) < 19 {
				return entries, errors.New("short directory entry")
			}
			size := int(binary.NativeEndian.Uint16(b[16:18]))
			if size < 19 || size > len(b) {
				return entries, errors.New("bad directory entry length")
			}
			typ, name := b[18], b[19:size]
			b = b[size:]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			if s := string(name); s != "." && s != ".." {
				entries = append(entries, dirEntry{name: s, dir: typ == unix.DT_DIR})
			}
		}
	}
}

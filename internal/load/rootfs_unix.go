//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"slices"

	"golang.org/x/sys/unix"
)

// folderRoots is false: a folder is its descriptor, for readFile and
// stamp, and Open opens through the site's root.
const folderRoots = false

// openFolder opens the folder dir of root itself, for readFile: one
// descriptor a folder.
func openFolder(root *os.Root, dir string) (*folder, error) {
	f, err := root.Open(dir)
	if err != nil {
		return nil, err
	}
	return &folder{dir: f, fd: f.Fd()}, nil
}

// inFolder returns the folder of the file name, opened, and the file's
// name in it; false for a name not in a folder, or a folder that cannot be
// opened.
func (r *RootFS) inFolder(name string) (*folder, string, bool) {
	dir, base := path.Split(name)
	if dir == "" || !fs.ValidPath(name) {
		return nil, "", false
	}
	f, err := r.folder(dir[:len(dir)-1])
	return f, base, err == nil
}

// readFile reads the regular file name, as readFile would through Open,
// with four system calls on the descriptor of its folder: open, fstat,
// read until the end, close. An *os.File also makes the file
// non-blocking, offers it to the poller, which refuses a regular file, and
// makes it blocking again: five calls more for each of the ten thousand
// articles a build reads. ok is false, and nothing is read, for a name
// that is not in a folder, a symbolic link or a file that cannot be
// opened: Open reads those through the site's os.Root, which follows a
// link that stays inside the site folder and words the errors. Anything
// but a regular file is an error.
func (r *RootFS) readFile(name string, limit int64) (data []byte, ok bool, err error) {
	f, base, ok := r.inFolder(name)
	if !ok {
		return nil, false, nil
	}
	fd, err := ignoringEINTR(func() (int, error) {
		// O_NONBLOCK: a folder's fifo never holds up the build.
		return unix.Openat(int(f.fd), base, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, false, nil
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, false, nil
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		// Listed as a file and replaced since: read through Open, a fifo
		// would wait for a writer.
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
	}
	if st.Size > limit {
		return nil, true, &tooLargeError{st.Size, limit}
	}
	buf := make([]byte, 0, st.Size+1)
	for int64(len(buf)) <= limit {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		end := int(min(int64(cap(buf)), limit+1))
		n, err := ignoringEINTR(func() (int, error) { return unix.Read(fd, buf[len(buf):end]) })
		if err != nil {
			return nil, true, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	if int64(len(buf)) > limit {
		return nil, true, &tooLargeError{int64(len(buf)), limit}
	}
	return buf, true, nil
}

// errNotRegular is the error of readFile for a fifo, a device or a folder.
var errNotRegular = errors.New("not a regular file")

// ignoringEINTR calls f until it is not interrupted by a signal.
func ignoringEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if !errors.Is(err, unix.EINTR) {
			return n, err
		}
	}
}

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders tmp and dest in one atomic step, so that dest
// is never missing, and returns tmp, where the previous output now is. On a
// file system or kernel that cannot exchange, it renames twice.
func exchange(tmp, dest string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return renameTwice(tmp, dest)
	}
	return "", &os.LinkError{Op: "exchange", Old: tmp, New: dest, Err: err}
}

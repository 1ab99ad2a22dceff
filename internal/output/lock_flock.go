//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// lockDest takes the lock at path that keeps two builds from writing to dest
// at once. The system releases it when the process ends, however it ends.
func lockDest(path, dest string) (io.Closer, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if err == nil {
		return f, nil
	}
	f.Close()
	if errors.Is(err, unix.EWOULDBLOCK) {
		return nil, fmt.Errorf("output: another build is writing to %s", dest)
	}
	return nil, fmt.Errorf("output: locking %s: %w", path, err)
}

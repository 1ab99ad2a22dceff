//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package main

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// holdServeTemp takes the lock of the temporary folder dir of a running
// serve: an flock on its lock file, which the system lets go of when the
// process ends, however it ends.
func holdServeTemp(dir string) (io.Closer, error) {
	f, err := os.OpenFile(filepath.Join(dir, serveLockName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// lockFree reports whether the lock file f can be locked: no running
// serve holds it.
func lockFree(f *os.File, now time.Time) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}

//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Where there is no flock, a running serve touches its lock file every
// lockRefresh, and a lock file not touched for lockStale is free.
const (
	lockRefresh = 10 * time.Minute
	lockStale   = 3 * lockRefresh
)

// holdServeTemp marks the temporary folder dir as a running serve's: it
// creates the lock file and touches it every lockRefresh until Close.
func holdServeTemp(dir string) (io.Closer, error) {
	p := filepath.Join(dir, serveLockName)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	h := &touchedLock{path: p, done: make(chan struct{})}
	go h.touch()
	return h, nil
}

// touchedLock is the lock of a serve's temporary folder where there is no
// flock: a file touched while the serve runs.
type touchedLock struct {
	path string
	once sync.Once
	done chan struct{}
}

func (h *touchedLock) touch() {
	t := time.NewTicker(lockRefresh)
	defer t.Stop()
	for {
		select {
		case <-h.done:
			return
		case now := <-t.C:
			os.Chtimes(h.path, now, now)
		}
	}
}

// Close stops touching the lock file.
func (h *touchedLock) Close() error {
	h.once.Do(func() { close(h.done) })
	return nil
}

// lockFree reports whether the lock file f was not touched for lockStale.
func lockFree(f *os.File, now time.Time) bool {
	info, err := f.Stat()
	return err == nil && now.Sub(info.ModTime()) > lockStale
}

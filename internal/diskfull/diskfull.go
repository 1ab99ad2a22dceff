//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Package diskfull runs code of a test as if the disk were full: the file
// size limit of the process is lowered, so that a write past it fails with
// EFBIG, as a write to a full disk fails with ENOSPC.
package diskfull

import (
	"os/signal"
	"syscall"
	"testing"
)

// Run calls f with the process's file size limit lowered to limit bytes,
// and puts the limit back before it returns. It skips t where the limit
// cannot be lowered. The process must not write files of its own meanwhile,
// so that the test that calls it must not run in parallel.
func Run(t testing.TB, limit uint64, f func()) {
	t.Helper()
	signal.Ignore(syscall.SIGXFSZ) // a write past the limit fails instead of killing the process
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	small := old
	small.Cur = limit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
		t.Skipf("cannot lower the file size limit: %v", err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	f()
}

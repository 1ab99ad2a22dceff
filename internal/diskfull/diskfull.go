//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Package diskfull runs code of a test as if the disk were full: the file
// size limit of the process is lowered, so that a write past it fails with
// EFBIG, as a write to a full disk fails with ENOSPC.
//
// The limit holds for every file the process writes, among them the log in
// which go test records the files a test opens (-test.testlogfile): once
// that log is over the limit, a write to it fails and go test reports
// "can't write testlog.txt: file too large". So a test that lowers the
// limit runs in a child process of its own, which keeps no such log:
//
//	func TestDiskFull(t *testing.T) {
//		if !diskfull.Isolate(t) {
//			return // the child ran the test, and its result is reported
//		}
//		…
//		diskfull.Run(t, 1<<16, func() { err = write() })
//	}
package diskfull

import (
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// childEnv names, in the environment of the child process, the test it runs.
const childEnv = "THIDUA_DISKFULL_TEST"

// Isolate reports whether the test t runs in the child process that
// Isolate started for it. In the process of go test it runs the test
// binary again for t alone, reports the child's output and result as
// t's, and returns false: the caller then returns at once.
func Isolate(t *testing.T) bool {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		return true
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatalf("finding the test binary: %v", err)
	}
	cmd := exec.Command(exe, "-test.run="+runPattern(t.Name()), "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil:
		t.Fatalf("the test in its own process failed (%v):\n%s", err, out)
	case bytes.Contains(out, []byte("--- SKIP: "+t.Name())):
		t.Skipf("skipped in its own process:\n%s", out)
	case !bytes.Contains(out, []byte("--- PASS: "+t.Name())):
		t.Fatalf("the test did not run in its own process:\n%s", out)
	}
	t.Logf("passed in its own process:\n%s", out)
	return false
}

// runPattern is the -test.run pattern that matches the test named name
// alone, a subtest's name too ("TestA/case_1").
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// Run calls f with the process's file size limit lowered to limit bytes,
// and puts the limit back before it returns. It skips t where the limit
// cannot be lowered. It must be called in the child process of Isolate,
// and the process must not write files of its own meanwhile, so that the
// test that calls it must not run in parallel.
func Run(t testing.TB, limit uint64, f func()) {
	t.Helper()
	if os.Getenv(childEnv) != t.Name() {
		t.Fatal("diskfull.Run outside the process of diskfull.Isolate: go test's log of opened files would pass the limit")
	}
	signal.Ignore(syscall.SIGXFSZ) // a write past the limit fails instead of killing the process
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	small := old
	setLimit(&small.Cur, limit)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
		t.Skipf("cannot lower the file size limit: %v", err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	f()
}

// setLimit sets the limit *cur, an int64 on FreeBSD and a uint64 elsewhere.
func setLimit[T int64 | uint64](cur *T, limit uint64) { *cur = T(limit) }

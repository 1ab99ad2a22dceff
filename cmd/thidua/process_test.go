//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests of this file run thidua as a process of its own, to kill it or
// measure its memory: the test binary runs itself as thidua.

// childEnv, when set, makes TestRunAsThidua run thidua with the arguments
// of the test binary after "--", and exit with its status.
const childEnv = "THIDUA_TEST_CHILD"

// TestRunAsThidua is the thidua process of the tests that start one.
func TestRunAsThidua(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by the tests that start thidua as a process")
	}
	os.Exit(run(flag.Args(), &env{stdout: os.Stdout, stderr: os.Stderr}))
}

// thiduaCmd returns the command that runs thidua with args in a new process.
func thiduaCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestRunAsThidua$", "-test.count=1", "--"}, args...)...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	return cmd
}

// runThidua runs thidua with args to the end and returns how long it took
// and its peak resident memory in bytes; it fails t if thidua fails.
func runThidua(t *testing.T, args ...string) (time.Duration, int64) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := thiduaCmd(args...)
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("thidua %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	elapsed := time.Since(start)
	usage, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if usage == nil {
		t.Fatal("no resource usage of the child")
	}
	return elapsed, maxRSS(usage)
}

// tree returns the hash of every file under dir by slash path; it fails t
// when a file cannot be read.
func tree(t *testing.T, dir string) map[string][sha256.Size]byte {
	t.Helper()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // the destination is a link to its live generation
	}
	out := map[string][sha256.Size]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatalf("reading the output: %v", err)
	}
	return out
}

// sameTree reports whether a and b hold the same files with the same bytes,
// and names a difference when they do not.
func sameTree(a, b map[string][sha256.Size]byte) (bool, string) {
	if len(a) != len(b) {
		return false, "a different number of files"
	}
	for name, h := range a {
		if g, ok := b[name]; !ok {
			return false, "no " + name
		} else if g != h {
			return false, name + " differs"
		}
	}
	return true, ""
}

// maxRSS returns the peak resident memory of usage in bytes: Linux and the
// BSDs count it in KiB, macOS in bytes.
func maxRSS(usage *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" {
		return int64(usage.Maxrss)
	}
	return int64(usage.Maxrss) << 10
}

//go:build unix

package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/msg"
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
	os.Exit(run(flag.Args(), &env{stdout: os.Stdout, stderr: os.Stderr, lang: msg.English, langSet: true}))
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

// maxRSS returns the peak resident memory of usage in bytes: Linux and the
// BSDs count it in KiB, macOS in bytes.
func maxRSS(usage *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" {
		return int64(usage.Maxrss)
	}
	return int64(usage.Maxrss) << 10
}

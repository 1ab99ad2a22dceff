//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package diskfull

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestRun(t *testing.T) {
	if !Isolate(t) {
		return
	}
	p := filepath.Join(t.TempDir(), "f")
	var err error
	Run(t, 1<<12, func() { err = os.WriteFile(p, make([]byte, 1<<13), 0o644) })
	if !errors.Is(err, syscall.EFBIG) {
		t.Errorf("writing past the limit = %v, want EFBIG", err)
	}
	if err := os.WriteFile(p, make([]byte, 1<<13), 0o644); err != nil {
		t.Errorf("after Run the limit is still low: %v", err)
	}
}

// TestIsolateRunsInAChild checks that the test runs again in another
// process, one without go test's log of opened files.
func TestIsolateRunsInAChild(t *testing.T) {
	const parentEnv = "DISKFULL_TEST_PARENT"
	if os.Getenv(childEnv) == "" {
		t.Setenv(parentEnv, strconv.Itoa(os.Getpid()))
	}
	if !Isolate(t) {
		return
	}
	if os.Getenv(parentEnv) == strconv.Itoa(os.Getpid()) {
		t.Fatal("the test ran in the process of go test")
	}
	if f := flag.Lookup("test.testlogfile"); f != nil && f.Value.String() != "" {
		t.Errorf("the child keeps a log of opened files: %s", f.Value)
	}
}

func TestRunPattern(t *testing.T) {
	for _, c := range []struct{ name, match, not string }{
		{"TestA", "TestA", "TestAB"},
		{"TestA", "TestA", "XTestA"},
		{"TestA/a.b+c", "TestA/a.b+c", "TestA/aXb+c"},
	} {
		pattern := runPattern(c.name)
		if !matches(pattern, c.match) || matches(pattern, c.not) {
			t.Errorf("runPattern(%q) = %q: matches %q %v, %q %v, want true, false",
				c.name, pattern, c.match, matches(pattern, c.match), c.not, matches(pattern, c.not))
		}
	}
}

// matches reports whether the -test.run pattern matches the test name, as
// go test matches them: each part between slashes on its own.
func matches(pattern, name string) bool {
	ps, ns := strings.Split(pattern, "/"), strings.Split(name, "/")
	if len(ps) != len(ns) {
		return false
	}
	for i := range ps {
		if !regexp.MustCompile(ps[i]).MatchString(ns[i]) {
			return false
		}
	}
	return true
}

package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestLimitMemory wants a build to set its soft memory limit, and to leave
// the one GOMEMLIMIT gives.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, buildMemoryLimit)
	}

	t.Setenv("GOMEMLIMIT", "3GiB")
	debug.SetMemoryLimit(3 << 30)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Errorf("with GOMEMLIMIT=3GiB the limit is %d, want %d", got, 3<<30)
	}
}

//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakMemory is the peak resident memory of a finished process in bytes,
// from its rusage: Linux counts it in KiB, Darwin in bytes.
func peakMemory(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}

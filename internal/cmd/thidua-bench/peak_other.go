//go:build !unix

package main

import "os"

// peakMemory is 0: only a unix reports a process's peak memory here.
func peakMemory(ps *os.ProcessState) int64 { return 0 }

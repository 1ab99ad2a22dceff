//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"bytes"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// benchPages is how many pages a benchmark build writes: one folder with an
// index.html each, most of them in one folder, as the articles of a site.
const benchPages = 2000

// writePages writes benchPages pages of 12 KB into d from two goroutines, as
// a build does.
func writePages(b *testing.B, d *Dir) {
	const workers = 2
	page := bytes.Repeat([]byte("<p>Thi đua</p>\n"), 12<<10/16)
	err := inWorkers(workers, func(w int) error {
		for i := w; i < benchPages; i += workers {
			rel := fmt.Sprintf("tin-tuc/bai-%d/index.html", i)
			switch {
			case i == 0:
				rel = "index.html"
			case i%10 == 0:
				rel = fmt.Sprintf("don-vi/d%d/nam/%d/index.html", i%7, i)
			}
			if err := d.WriteFile(rel, page); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// cpuClock sums the processor time, user and system, of the timed parts of
// a benchmark, which the machine's other work does not lengthen as it does
// wall time.
type cpuClock struct {
	start, total time.Duration
}

// used returns the processor time the process has used so far.
func used(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func (c *cpuClock) startTimer(b *testing.B) {
	b.StartTimer()
	c.start = used(b)
}

func (c *cpuClock) stopTimer(b *testing.B) {
	c.total += used(b) - c.start
	b.StopTimer()
}

// report adds the processor time per operation to the benchmark's results.
func (c *cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(c.total.Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkCreate measures writing the pages of a build. The builds are
// aborted only at the end: on a file system without a journal, making files
// in the 30 seconds after others were removed costs more.
func BenchmarkCreate(b *testing.B) {
	root := b.TempDir()
	var cpu cpuClock
	var dirs []*Dir
	b.StopTimer()
	for i := range b.N {
		d := mustBegin(b, filepath.Join(root, fmt.Sprint("public", i)), filepath.Join(root, "site"))
		dirs = append(dirs, d)
		cpu.startTimer(b)
		writePages(b, d)
		cpu.stopTimer(b)
	}
	cpu.report(b)
	for _, d := range dirs {
		if err := d.Abort(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCommit measures Commit over an earlier output of as many pages,
// which it removes.
func BenchmarkCommit(b *testing.B) {
	dest, source := sites(b)
	b.StopTimer()
	commitPages(b, dest, source, nil) // the earlier output of the first
	var cpu cpuClock
	for range b.N {
		commitPages(b, dest, source, &cpu)
	}
	cpu.report(b)
}

// commitPages builds the pages into dest, timing the Commit on cpu unless it
// is nil.
func commitPages(b *testing.B, dest, source string, cpu *cpuClock) {
	d := mustBegin(b, dest, source)
	writePages(b, d)
	if cpu != nil {
		cpu.startTimer(b)
		defer cpu.stopTimer(b)
	}
	if err := d.Commit(); err != nil {
		b.Fatal(err)
	}
}

//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/synth"
)

// BenchmarkEditToReload measures what an editor waits for: from a file
// written to the reload event reaching an open page, through the watcher,
// the incremental rebuild and the event stream of thidua serve. It edits an
// article's body and a year file's score, on the demo site and on a
// generated site of 10,000 articles. Each op is edits edits one after the
// other; mean-ms, p50-ms and max-ms are of one edit, and cpu-ms is the
// processor time the whole process spent on one, which tells what the
// latency would be on a machine that other work does not share. Run it
// with make bench.
func BenchmarkEditToReload(b *testing.B) {
	const edits = 10
	sites := []struct {
		name          string
		make          func(b *testing.B) string
		article, year string // article may be a glob
		old, new      string // in the year file
	}{
		{"demo", func(b *testing.B) string { return copyDemo(b) },
			"content/news/2023/hoi-dac-thu-tong-ket-2023.md", "data/blocs/khoi-8/2024.yaml", "score: 97.9", "score: 97.8"},
		{"10000", func(b *testing.B) string {
			dir := filepath.Join(b.TempDir(), "site")
			if err := synth.Write(dir, synth.Options{Articles: 10000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			return dir
		}, "content/news/*/tin-00007.md", "data/blocs/khoi-3/2024.yaml", "score: 99.0", "score: 98.9"},
	}
	for _, s := range sites {
		site := s.make(b)
		base, out := startLive(b, site, true, "")
		ev := listen(b, base)
		for _, edit := range []struct {
			name, file string
			change     func(i int, src string) string
		}{
			{"article", s.article, func(i int, src string) string { return src + fmt.Sprintf("\nĐoạn thêm số %d.\n", i) }},
			{"year", s.year, func(i int, src string) string {
				if i%2 == 0 {
					return strings.Replace(src, s.old, s.new, 1)
				}
				return src
			}},
		} {
			b.Run(s.name+"/"+edit.name, func(b *testing.B) {
				found, _ := filepath.Glob(filepath.Join(site, filepath.FromSlash(edit.file)))
				if len(found) != 1 {
					b.Fatalf("%s: %d files", edit.file, len(found))
				}
				p := found[0]
				orig, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				var took []time.Duration
				i := 0
				cpu := cpuTime()
				for b.Loop() {
					for range edits {
						content := edit.change(i, string(orig))
						i++
						start := time.Now()
						if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
							b.Fatal(err)
						}
						ev.next(b, "reload", out)
						took = append(took, time.Since(start))
					}
				}
				cpu = cpuTime() - cpu
				var sum time.Duration
				for _, d := range took {
					sum += d
				}
				b.ReportMetric(float64(sum.Microseconds())/float64(len(took))/1000, "mean-ms")
				b.ReportMetric(float64(cpu.Microseconds())/float64(len(took))/1000, "cpu-ms")
				sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
				b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "max-ms")
				os.WriteFile(p, orig, 0o644)
				ev.next(b, "reload", out)
			})
		}
	}
}

// cpuTime is the processor time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

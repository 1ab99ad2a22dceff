//go:build unix

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/synth"
)

// startWatch starts `thidua build --watch` of src into dest and returns it
// once its first build is in place.
func startWatch(t *testing.T, src, dest string) (stop func() bool) {
	t.Helper()
	cmd := thiduaCmd("build", "--watch", "-s", src, "-d", dest)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	deadline := time.After(time.Minute)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("thidua build --watch ended:\n%s", stderr.Bytes())
			}
			if strings.HasPrefix(line, "watching ") {
				go func() {
					for range lines {
					}
				}()
				// kill reports whether the process was still running.
				return func() bool {
					cmd.Process.Signal(syscall.SIGKILL)
					cmd.Wait()
					status, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
					return status.Signaled()
				}
			}
		case <-deadline:
			t.Fatalf("thidua build --watch did not build within a minute:\n%s", stderr.Bytes())
		}
	}
}

// TestIssue12Case2KilledWatchRebuild is issue 12's case 2: a `build
// --watch` killed at any moment of its rebuild after an edit leaves the
// whole old output or the whole new one, never the open data of one and the
// article's page of the other. It also shows case 7: while the watcher
// runs, a `build` into its destination is refused.
func TestIssue12Case2KilledWatchRebuild(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills thidua build --watch a dozen times")
	}
	t.Parallel()
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "site"), filepath.Join(dir, "out", "public")
	opts := synth.Options{Articles: 200, Blocs: 6, Years: 5, Members: 12, Seed: 7}
	if err := synth.Write(src, opts); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(src, filepath.FromSlash(synth.ArticlePath(opts, 3)))
	page := filepath.Join(dest, "tin-tuc", synth.ArticleSlug(3), "index.html")
	data := filepath.Join(dest, "du-lieu", "thidua.json")
	original, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	titleLine := regexp.MustCompile(`(?m)^title: .*$`)
	marker := regexp.MustCompile(`Phiên bản thử (\d+)`)
	// version says which edit the file at p shows: 0 for none.
	version := func(p string) int {
		t.Helper()
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("the output lacks %s: %v", p, err)
		}
		m := marker.FindSubmatch(b)
		if m == nil {
			return 0
		}
		var n int
		fmt.Sscan(string(m[1]), &n)
		return n
	}
	runThidua(t, "build", "-s", src, "-d", dest, "--quiet")

	const trials = 12
	killed, newer := 0, 0
	for i := 1; i <= trials; i++ {
		stop := startWatch(t, src, dest)
		if i == 1 {
			var stderr bytes.Buffer
			cmd := thiduaCmd("build", "-s", src, "-d", dest, "--quiet")
			cmd.Stderr = &stderr
			if err := cmd.Run(); err == nil || !strings.Contains(stderr.String(), "another build") {
				t.Errorf("issue 12 case 7: a build while the watcher runs = %v, %q; want a refusal", err, stderr.String())
			}
		}
		edited := titleLine.ReplaceAll(original, []byte(fmt.Sprintf("title: Phiên bản thử %d", i)))
		if err := os.WriteFile(article, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		// The watcher waits for the edits to settle, then rebuilds in a
		// few tenths of a second: kill it anywhere in that time. Until
		// then a reader reads the page and the open data of the output
		// again and again, each pair from one resolution of the
		// destination, as a web server's request does.
		readerDone := make(chan string)
		quit := make(chan struct{})
		go func() {
			for {
				select {
				case <-quit:
					close(readerDone)
					return
				default:
				}
				real, err := filepath.EvalSymlinks(dest)
				if err != nil {
					continue
				}
				rel := func(p string) string { r, _ := filepath.Rel(dest, p); return filepath.Join(real, r) }
				bp, err1 := os.ReadFile(rel(page))
				bd, err2 := os.ReadFile(rel(data))
				if err1 != nil || err2 != nil {
					continue // the generation was being written over: not a pair a reader would get
				}
				if pm, dm := marker.FindSubmatch(bp), marker.FindSubmatch(bd); (pm == nil) != (dm == nil) || pm != nil && string(pm[1]) != string(dm[1]) {
					readerDone <- fmt.Sprintf("a reader saw the page of one edit and the open data of another: %q, %q", pm, dm)
					<-quit
					close(readerDone)
					return
				}
			}
		}()
		time.Sleep(time.Duration(rand.Int64N(int64(800 * time.Millisecond))))
		close(quit)
		for msg := range readerDone {
			t.Errorf("trial %d: %s", i, msg)
		}
		if stop() {
			killed++
		}
		p, d := version(page), version(data)
		if p != d {
			t.Fatalf("trial %d: the article's page shows edit %d and the open data edit %d", i, p, d)
		}
		if p == i {
			newer++
		}
	}
	t.Logf("%d trials, %d killed while running, %d with the new output in place", trials, killed, newer)
	if newer == 0 || newer == trials {
		t.Logf("every kill came %s the rebuild", map[bool]string{true: "after", false: "before"}[newer == trials])
	}
}

//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/synth"
)

// TestKilledBuildsLeaveCompleteOutput kills builds of two sites into one
// destination with SIGKILL at random moments. While each build runs, and
// after each kill, the destination must be the whole output of one of the
// two sites, byte for byte; the next build must clean up what the killed
// ones left beside it.
func TestKilledBuildsLeaveCompleteOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites a dozen times in processes it kills")
	}
	t.Parallel() // in processes of their own: they run beside the other tests
	dir := t.TempDir()
	// Three sites, built in turn, so that the generation a build writes
	// holds another site's output and most of its files change.
	sites := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c")}
	for i, src := range sites {
		if err := synth.Write(src, synth.Options{Articles: 200, Blocs: 6, Years: 5, Members: 12, Seed: int64(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	var refs [3]map[string][sha256.Size]byte
	var slowest time.Duration
	for i, src := range sites {
		ref := filepath.Join(dir, "ref", string(rune('a'+i)))
		d, _ := runThidua(t, "build", "-s", src, "-d", ref, "--quiet")
		refs[i] = tree(t, ref)
		slowest = max(slowest, d)
	}
	for i := range refs {
		if ok, _ := sameTree(refs[i], refs[(i+1)%3]); ok {
			t.Fatal("two sites build the same output")
		}
	}
	dest := filepath.Join(dir, "out", "public")
	// A build into an output of the other site reuses what the two have
	// in common, and is faster than a first one: the kills are timed by
	// such builds.
	runThidua(t, "build", "-s", sites[0], "-d", dest, "--quiet")
	fastest := slowest
	for _, src := range []string{sites[1], sites[2], sites[0]} {
		d, _ := runThidua(t, "build", "-s", src, "-d", dest, "--quiet")
		fastest = min(fastest, d)
	}
	// which returns the site whose output dest holds, failing t if none.
	which := func(when string) int {
		t.Helper()
		got := tree(t, dest)
		for i, ref := range refs {
			if ok, _ := sameTree(got, ref); ok {
				return i
			}
		}
		_, whyA := sameTree(got, refs[0])
		_, whyB := sameTree(got, refs[1])
		t.Fatalf("%s: the destination is no site's output (%s; %s; …)", when, whyA, whyB)
		return -1
	}
	which("before the kills")
	const kills = 8
	killed, changed := 0, 0
	for i := range kills {
		before := which("before a build")
		src := (before + 1) % 3 // each build is of a site the output is not of

		var stderr bytes.Buffer
		cmd := thiduaCmd("build", "-s", sites[src], "-d", dest, "--quiet")
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		// Half the kills come anywhere in the build: loading, rendering,
		// writing. Half come late in it, while it writes the last files,
		// removes stale ones and switches the link. (After the switch a
		// build has nothing left to do.)
		delay := time.Duration(rand.Int64N(int64(fastest) * 6 / 5))
		if i%2 == 1 {
			// Once the build begins to change the generation it writes,
			// that generation has no manifest.
			writing := writingManifest(t, dest)
			start := time.Now()
			for time.Since(start) < 2*slowest+time.Second {
				if _, err := os.Stat(writing); err != nil {
					break
				}
				watchIndex(t, dest, time.Millisecond, nil)
			}
			delay = time.Duration(rand.Int64N(int64(40 * time.Millisecond)))
		}
		watchIndex(t, dest, delay, nil)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		status, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if status.Signaled() {
			killed++
		} else if err != nil {
			t.Fatalf("build %d failed before the kill: %v\n%s", i, err, stderr.Bytes())
		}
		after := which("after a kill")
		if after != before {
			changed++
		}
		t.Logf("kill %d after %v: the output of site %c, killed %v", i, delay.Round(time.Millisecond), 'a'+after, status.Signaled())
	}
	if killed < kills/2 {
		t.Errorf("only %d of %d builds were killed before they ended", killed, kills)
	}
	// The next build finishes, and removes what the killed ones left.
	last := (which("before the last build") + 1) % 3
	runThidua(t, "build", "-s", sites[last], "-d", dest, "--quiet")
	if which("after the last build") != last {
		t.Error("the last build did not replace the output")
	}
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); name != "public" && name != ".public.thidua" {
			t.Errorf("left beside the destination: %s", name)
		}
	}
	t.Logf("%d of %d builds killed, %d swapped in before the kill; a first build takes %v, a second %v", killed, kills, changed, slowest.Round(time.Millisecond), fastest.Round(time.Millisecond))
}

// writingManifest is the manifest of the generation of the output at dest
// that the next build writes: the one the link does not point at.
func writingManifest(t *testing.T, dest string) string {
	t.Helper()
	live, err := os.Readlink(dest)
	if err != nil {
		t.Fatal(err)
	}
	next := "a"
	if filepath.Base(live) == "a" {
		next = "b"
	}
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".thidua", next+".manifest")
}

// watchIndex reads the home page of the output at dest every millisecond
// for at most d, failing t if it is ever missing or cut: a build must never
// leave the destination without a complete output, even for a moment. It
// stops early, and reports true, when the page's hash is *want.
func watchIndex(t *testing.T, dest string, d time.Duration, want *[sha256.Size]byte) bool {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(filepath.Join(dest, "index.html"))
		if err != nil || !strings.Contains(string(b), "</html>") {
			t.Fatalf("while a build ran, the home page was missing or cut: %v", err)
		}
		if want != nil && sha256.Sum256(b) == *want {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

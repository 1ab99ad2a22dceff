//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestModes(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	dest, source := sites(t)
	build(t, dest, source, map[string]string{"index.html": "home", "a/b/c.html": "c"})
	for rel, want := range map[string]fs.FileMode{
		".":          fs.ModeDir | 0o755,
		"index.html": 0o644,
		"a":          fs.ModeDir | 0o755,
		"a/b":        fs.ModeDir | 0o755,
		"a/b/c.html": 0o644,
	} {
		info, err := os.Stat(filepath.Join(dest, rel))
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode(); got != want {
			t.Errorf("mode of %s = %v, want %v", rel, got, want)
		}
	}
}

func TestOneBuildAtATime(t *testing.T) {
	dest, source := sites(t)
	first, err := Begin(dest, source)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.WriteFile("index.html", []byte("first")); err != nil {
		t.Fatal(err)
	}
	if d, err := Begin(dest, source); err == nil || !strings.Contains(err.Error(), "another build") {
		if err == nil {
			d.Abort()
		}
		t.Fatalf("second Begin = %v, want a refusal", err)
	}
	// The refused Begin must not have removed the first build's folder.
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dest, map[string]string{"index.html": "first"})
	second, err := Begin(dest, source)
	if err != nil {
		t.Fatalf("Begin after Commit: %v", err)
	}
	second.Abort()
}

// crashDestEnv, when set, makes TestCrashChild build into its value forever.
const crashDestEnv = "THIDUA_OUTPUT_CRASH_DEST"

const (
	crashFiles    = 2000
	crashManifest = "manifest.txt"
)

// TestCrashChild is the child process of TestKilledBuilds: it builds
// generation after generation of a large output into the destination until
// it is killed.
func TestCrashChild(t *testing.T) {
	dest := os.Getenv(crashDestEnv)
	if dest == "" {
		t.Skip("run by TestKilledBuilds only")
	}
	gen, _, err := readManifest(dest)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		gen++
		if err := buildGeneration(dest, gen); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
	os.Exit(4)
}

// buildGeneration writes generation gen of the test output and commits it.
// Each generation has a different set of files, listed in its manifest.
func buildGeneration(dest string, gen int) error {
	d, err := Begin(dest, filepath.Join(filepath.Dir(dest), "site"))
	if err != nil {
		return err
	}
	defer d.Abort()
	var manifest bytes.Buffer
	fmt.Fprintf(&manifest, "generation %d\n", gen)
	files := []string{"index.html", fmt.Sprintf("only/%d.html", gen)}
	for i := range crashFiles - gen%7 {
		files = append(files, fmt.Sprintf("p/%02d/%d.html", i%20, i))
	}
	for _, rel := range files {
		if err := d.WriteFile(rel, []byte(fmt.Sprintf("generation %d %s", gen, rel))); err != nil {
			return err
		}
		fmt.Fprintln(&manifest, rel)
	}
	if err := d.WriteFile(crashManifest, manifest.Bytes()); err != nil {
		return err
	}
	return d.Commit()
}

// readManifest returns the generation of the output at dest and its files,
// or 0 if there is no output yet.
func readManifest(dest string) (gen int, files []string, err error) {
	data, err := os.ReadFile(filepath.Join(dest, crashManifest))
	if os.IsNotExist(err) {
		if _, serr := os.Lstat(dest); os.IsNotExist(serr) {
			return 0, nil, nil
		}
	}
	if err != nil {
		return 0, nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Scan()
	gen, err = strconv.Atoi(strings.TrimPrefix(sc.Text(), "generation "))
	if err != nil {
		return 0, nil, fmt.Errorf("manifest: %v", err)
	}
	for sc.Scan() {
		files = append(files, sc.Text())
	}
	return gen, files, nil
}

// checkGeneration checks that dest holds exactly one complete generation and
// returns it.
func checkGeneration(t *testing.T, dest string) int {
	t.Helper()
	gen, files, err := readManifest(dest)
	if err != nil {
		t.Fatalf("no complete output: %v", err)
	}
	want := map[string]string{crashManifest: "", Marker: markerText}
	for _, rel := range files {
		want[rel] = fmt.Sprintf("generation %d %s", gen, rel)
	}
	got := snapshot(t, dest)
	for rel, content := range got {
		if content == "dir" {
			continue
		}
		w, ok := want[rel]
		switch {
		case !ok:
			t.Fatalf("generation %d: %s is not in its manifest", gen, rel)
		case rel != crashManifest && rel != Marker && content != w:
			t.Fatalf("generation %d: %s holds %q", gen, rel, content)
		}
		delete(want, rel)
	}
	if len(want) > 0 {
		t.Fatalf("generation %d: %d files of the manifest are missing", gen, len(want))
	}
	return gen
}

func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	dest, _ := sites(t)
	if err := buildGeneration(dest, 1); err != nil {
		t.Fatal(err)
	}
	last := checkGeneration(t, dest)
	first := last
	const kills = 10
	for i := range kills {
		var stderr bytes.Buffer
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), crashDestEnv+"="+dest)
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			// Should the test fail before the kill, the child must not
			// outlive it.
			cmd.Process.Kill()
			cmd.Wait()
		})
		// Half the kills come at any moment of the child's first build
		// (which takes about a second), half just after it committed, while
		// it removes the previous output and begins the next build.
		delay := time.Duration(rand.IntN(1500)) * time.Millisecond
		if i%2 == 1 {
			if !watchUntil(t, dest, time.Minute, func(gen int) bool { return gen > last }) {
				t.Fatalf("kill %d: no new generation within a minute\n%s", i, stderr.Bytes())
			}
			delay = time.Duration(rand.IntN(100)) * time.Millisecond
		}
		watchUntil(t, dest, delay, func(int) bool { return false })
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		status, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !status.Signaled() {
			t.Fatalf("child ended before it was killed: %v\n%s", err, stderr.Bytes())
		}
		gen := checkGeneration(t, dest)
		if gen < last {
			t.Fatalf("kill %d after %v: the output went back from generation %d to %d", i, delay, last, gen)
		}
		t.Logf("kill %d after %v: generation %d", i, delay, gen)
		last = gen
	}
	if last == first {
		t.Fatalf("no child ever committed: still generation %d", last)
	}
	// The next build cleans up whatever the killed ones left.
	if err := buildGeneration(dest, last+1); err != nil {
		t.Fatal(err)
	}
	checkGeneration(t, dest)
	checkNoLeftovers(t, dest)
}

// watchUntil reads the manifest of the output at dest every millisecond,
// failing if it is ever missing, until done is true of its generation or
// the time is up. It reports whether done became true.
func watchUntil(t *testing.T, dest string, d time.Duration, done func(gen int) bool) bool {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		gen, _, err := readManifest(dest)
		if err != nil {
			t.Fatalf("while a build ran: %v", err)
		}
		if done(gen) {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

func TestCreateDoesNotFollowLinks(t *testing.T) {
	dest, source := sites(t)
	outside := t.TempDir()
	d := mustBegin(t, dest, source)
	defer d.Abort()
	// Nothing but Create makes anything in the temporary folder; should
	// something else put a link there, Create does not write through it.
	if err := os.Symlink(filepath.Join(outside, "new.html"), filepath.Join(d.out.path, "x.html")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("x.html", []byte("x")); err == nil {
		t.Error("WriteFile over a link succeeded")
	}
	if got := snapshot(t, outside); len(got) != 0 {
		t.Errorf("written outside: %v", got)
	}
}

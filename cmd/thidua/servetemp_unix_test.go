//go:build unix

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestIssue12Case14KilledServeLeavesNoFolder kills a serve: its temporary
// folder stays, and the next serve's start removes it, while that of a
// serve still running is kept.
func TestIssue12Case14KilledServeLeavesNoFolder(t *testing.T) {
	tmp := t.TempDir()
	start := func() (*exec.Cmd, string) {
		t.Helper()
		cmd := thiduaCmd("serve", "-s", fixture, "-p", "0")
		cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		before := serveFolders(t, tmp)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		lines := bufio.NewScanner(out)
		for lines.Scan() {
			if strings.HasPrefix(lines.Text(), "serving ") {
				go func() {
					for lines.Scan() {
					}
				}()
				for _, f := range serveFolders(t, tmp) {
					if !slices.Contains(before, f) {
						return cmd, f
					}
				}
				t.Fatalf("serve made no folder of its own in %s", tmp)
			}
		}
		t.Fatal("serve never said where it serves")
		return nil, ""
	}

	killed, left := start()
	killed.Process.Signal(syscall.SIGKILL)
	killed.Wait()
	if _, err := os.Stat(left); err != nil {
		t.Fatalf("the killed serve's folder: %v", err)
	}
	running, kept := start()
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the next start kept the killed serve's folder %s: %v", left, err)
	}
	_, third := start()
	got := serveFolders(t, tmp)
	if len(got) != 2 || !slices.Contains(got, kept) || !slices.Contains(got, third) {
		t.Errorf("with two serves running, the folders are %q, want %s and %s", got, kept, third)
	}
	running.Process.Signal(syscall.SIGINT)
	running.Wait()
	if _, err := os.Stat(kept); !os.IsNotExist(err) {
		t.Errorf("a serve stopped with Ctrl-C kept its folder %s: %v", kept, err)
	}
}

// serveFolders returns what serves made in the temporary folder tmp.
func serveFolders(t *testing.T, tmp string) []string {
	t.Helper()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, filepath.Join(tmp, e.Name()))
	}
	return out
}

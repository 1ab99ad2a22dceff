//go:build unix

package main

import (
	"bufio"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnCtrlC starts thidua serve as a process, fetches a page,
// and sends it SIGINT, as Ctrl-C does: it must stop at once with status 0,
// say so, and remove the temporary folder it built into.
func TestServeStopsOnCtrlC(t *testing.T) {
	tmp := t.TempDir()
	cmd := thiduaCmd("serve", "-s", fixture, "-p", "0")
	cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	var url string
	for url == "" && lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "serving "); ok {
			url, _, _ = strings.Cut(rest, " ")
		}
	}
	if url == "" {
		t.Fatal("thidua serve never said where it serves")
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "thidua-serve-*")); len(left) == 0 {
		t.Fatal("serve built into no temporary folder under TMPDIR")
	}

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	// Read the output to its end (the process closing it) before Wait,
	// which closes the pipe.
	rest := make(chan string, 1)
	go func() {
		var b strings.Builder
		for lines.Scan() {
			b.WriteString(lines.Text() + "\n")
		}
		rest <- b.String()
	}()
	select {
	case said := <-rest:
		if !strings.Contains(said, "stopped") {
			t.Errorf("thidua serve said %q after Ctrl-C", said)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("thidua serve still runs 10 s after Ctrl-C")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("thidua serve after Ctrl-C: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "thidua-serve-*")); len(left) != 0 {
		t.Errorf("Ctrl-C left the build folder behind: %v", left)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after Ctrl-C")
	}
}

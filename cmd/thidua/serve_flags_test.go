//go:build unix

package main

import (
	"bufio"
	"strings"
	"testing"
)

// TestServeBaseURLFlag starts thidua serve -b with an address whose path
// differs from site.yaml's: the preview is served under -b's path, on the
// local server, and its pages link there.
func TestServeBaseURLFlag(t *testing.T) {
	cmd := thiduaCmd("serve", "-s", fixture, "-p", "0", "-b", "https://cong.example.gov.vn/so-noi-vu/thidua/")
	cmd.Env = append(cmd.Env, "TMPDIR="+t.TempDir())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := bufio.NewScanner(out)
	var url string
	for url == "" && lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "serving "); ok {
			url, _, _ = strings.Cut(rest, " ")
		}
	}
	origin, ok := strings.CutSuffix(url, "/so-noi-vu/thidua/")
	if !ok || !strings.HasPrefix(origin, "http://127.0.0.1:") {
		t.Fatalf("serve -b serves at %q, want http://127.0.0.1:PORT/so-noi-vu/thidua/", url)
	}
	code, body := fetch(t, url)
	if code != 200 {
		t.Fatalf("GET %s: %d", url, code)
	}
	for _, want := range []string{`href="/so-noi-vu/thidua/khoi/"`, `<link rel="canonical" href="` + url + `">`} {
		if !strings.Contains(body, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	if code, _ := fetch(t, origin+"/thidua/"); code != 404 {
		t.Errorf("site.yaml's path /thidua/ answers %d, want 404", code)
	}
}

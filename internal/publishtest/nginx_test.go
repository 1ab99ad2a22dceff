package publishtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lookFor returns the first of paths that is a file, else the program
// name found in $PATH, else "". Without one, a test fails under CI=true
// and is skipped otherwise, saying to install the Debian package pkg.
func lookFor(t *testing.T, name, pkg string, paths ...string) string {
	t.Helper()
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	msg := fmt.Sprintf("no %s found (apt-get install %s); this test serves the site with it", name, pkg)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// nginxConf is the whole configuration of the test's nginx: one server on
// 127.0.0.1 that includes the documented snippet, and every folder nginx
// writes under its prefix, the test's folder.
const nginxConf = `master_process off;
events {}
http {
    access_log off;
    client_body_temp_path body;
    proxy_temp_path proxy;
    fastcgi_temp_path fastcgi;
    uwsgi_temp_path uwsgi;
    scgi_temp_path scgi;
    server {
        listen 127.0.0.1:%d;
        server_name localhost;
        include thidua.conf;
    }
}
`

// syncBuffer is a strings.Builder for a process's output and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs cmd until the test ends, and waits until it listens on addr.
func start(t *testing.T, cmd *exec.Cmd, addr string) {
	t.Helper()
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("%s said:\n%s", filepath.Base(cmd.Path), log)
		}
	})
	waitListening(t, addr, exited, log)
}

// TestNginx serves the demo, built under http://127.0.0.1:PORT/thidua/,
// with Debian's nginx from docs/publishing/nginx.conf, and crawls it.
func TestNginx(t *testing.T) {
	nginx := lookFor(t, "nginx", "nginx", "/usr/sbin/nginx")
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d%s", port, sitePath)
	public := buildDemo(t, base)
	prefix := t.TempDir()
	if err := os.WriteFile(filepath.Join(prefix, "thidua.conf"), []byte(documented(t, "nginx.conf", public)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(prefix, "nginx.conf"), fmt.Appendf(nil, nginxConf, port), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginx, "-p", prefix, "-c", "nginx.conf",
		"-g", "daemon off; pid "+filepath.Join(prefix, "nginx.pid")+"; error_log stderr;")
	start(t, cmd, fmt.Sprintf("127.0.0.1:%d", port))
	checkServed(t, base, public, true, "gzip")
}

// TestMissingServer runs a test that needs a program which is not
// installed, in a child process: it is skipped, saying what to install,
// and fails under CI=true.
func TestMissingServer(t *testing.T) {
	if os.Getenv("PUBLISHTEST_CHILD") != "" {
		lookFor(t, "no-such-server", "no-such-package", "/no/such/server")
		return
	}
	for ci, want := range map[string]string{"": "--- SKIP", "true": "--- FAIL"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingServer$", "-test.v")
		cmd.Env = append(os.Environ(), "PUBLISHTEST_CHILD=1", "CI="+ci)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), want) || !strings.Contains(string(out), "apt-get install no-such-package") {
			t.Errorf("with CI=%q, want %s saying what to install:\n%s", ci, want, out)
		}
	}
}

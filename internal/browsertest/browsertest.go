// Package browsertest runs tests in a headless Chromium through chromedp and
// serves a built site to it. A test that needs the browser and finds none
// fails when the environment variable CI is "true" and is skipped otherwise.
package browsertest

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Candidates are where a Chromium is looked for, in order, before $PATH.
var candidates = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

// Timeout bounds everything a test does in the browser.
const Timeout = 60 * time.Second

// Find returns the path of a Chromium, or "" when there is none.
func Find() string {
	for _, p := range candidates {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless Chromium for the test and returns a chromedp
// context of one tab in it; both end with the test. Without a Chromium the
// test fails under CI=true and is skipped otherwise.
func New(t testing.TB) context.Context {
	t.Helper()
	exe := Find()
	if exe == "" {
		const msg = "no Chromium found (apt-get install chromium); this test needs a browser"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1024, 800),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("cannot start %s: %v", exe, err)
	}
	return bctx
}

// Serve serves the folder dir under the path prefix ("/thidua/") on a free
// port of 127.0.0.1 until the test ends, and returns the base URL,
// "http://127.0.0.1:PORT/thidua/". The folder is read at each request, so
// it may be filled after Serve returns.
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + prefix
}

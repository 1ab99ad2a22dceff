package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Tab is a tab of the browser that records what goes wrong in it: console
// errors, uncaught exceptions, failed requests and requests to any host
// but the one the site is served from.
type Tab struct {
	// Ctx is the chromedp context of the tab, for chromedp.Run and Do.
	Ctx context.Context

	origin   string
	mu       sync.Mutex
	urls     map[network.RequestID]string
	problems []string
}

// NewTab opens a tab in the browser of New. Requests to any origin but
// that of site (the base URL Serve returned) count as problems. The tab
// closes when the test ends.
func NewTab(t testing.TB, browser context.Context, site string) *Tab {
	t.Helper()
	u, err := url.Parse(site)
	if err != nil {
		t.Fatal(err)
	}
	tab := &Tab{origin: u.Scheme + "://" + u.Host, urls: map[network.RequestID]string{}}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tab.listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot open a tab: %v", err)
	}
	tab.Ctx = ctx
	return tab
}

// Problems returns what went wrong in the tab so far, in order.
func (tab *Tab) Problems() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.problems...)
}

func (tab *Tab) report(format string, args ...any) {
	tab.mu.Lock()
	tab.problems = append(tab.problems, fmt.Sprintf(format, args...))
	tab.mu.Unlock()
}

func (tab *Tab) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tab.report("console.%s: %s", ev.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tab.report("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			tab.report("browser error: %s %s", ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		tab.mu.Lock()
		tab.urls[ev.RequestID] = u
		tab.mu.Unlock()
		if !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") && u != tab.origin && !strings.HasPrefix(u, tab.origin+"/") {
			tab.report("request to another host: %s", u)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			tab.report("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			tab.mu.Lock()
			u := tab.urls[ev.RequestID]
			tab.mu.Unlock()
			tab.report("request failed: %s: %s", u, ev.ErrorText)
		}
	}
}

// Artifacts returns the folder where a test run keeps what it makes for
// people to look at, such as screenshots: $ARTIFACTS when set, else
// artifacts/ at the root of the module. The folder is created.
func Artifacts(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("ARTIFACTS")
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// moduleRoot is the nearest folder up from the working directory that
// holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Script returns the text of a JavaScript file under the module's
// node_modules (make installs them with npm ci), such as
// "axe-core/axe.min.js". Without it the test fails under CI=true and is
// skipped otherwise.
func Script(t testing.TB, name string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "node_modules", filepath.FromSlash(name)))
	if err != nil {
		msg := fmt.Sprintf("node_modules/%s is not installed (make runs npm ci): %v", name, err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(b)
}

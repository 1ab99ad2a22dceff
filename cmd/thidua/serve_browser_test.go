package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/internal/browsertest"
)

// TestBrowserReloadsByItself opens an article in Chromium, changes its
// file, and sees the open page reload with the new title; then breaks a
// file and sees the overlay come without a reload, and go with the fix.
func TestBrowserReloadsByItself(t *testing.T) {
	ctx := browsertest.New(t)
	site := copyDemo(t)
	base, out := startLive(t, site, true, "")
	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"tin-tuc/hoi-dac-thu-tong-ket-2023/")); err != nil {
		t.Fatal(err)
	}
	// A mark that a reload wipes out, set once the event stream is open.
	mark := func() {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.thiduaEvents && window.thiduaEvents.readyState === 1`,
			chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("the page did not open its event stream: %v", err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.thiduaMark = true`)); err != nil {
			t.Fatal(err)
		}
	}
	// until evaluates expr until it gives want, across reloads.
	until := func(what, expr, want string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		var got string
		for time.Now().Before(deadline) {
			v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
			if err == nil && v == want {
				return
			}
			got = v
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: %s gave %q, want %q\n%s", what, expr, got, want, out)
	}
	mark()
	write(t, site, article, replaceIn(t, site, article, "title: Khối thi đua các hội", "title: Đã sửa trong trình duyệt, Khối thi đua các hội"))
	until("reload after an edit", `String(window.thiduaMark === undefined) + " " + document.querySelector("h1").textContent.startsWith("Đã sửa trong trình duyệt")`, "true true")

	mark()
	year := "data/blocs/khoi-8/2024.yaml"
	good, err := os.ReadFile(filepath.Join(site, year))
	if err != nil {
		t.Fatal(err)
	}
	write(t, site, year, strings.Replace(string(good), "rank: 2\n", "rank: [2\n", 1))
	until("overlay without a reload", `String(window.thiduaMark === true) + " " + String((document.getElementById("thidua-overlay") || {textContent: ""}).textContent.includes("`+year+`:"))`, "true true")
	write(t, site, year, string(good))
	until("reload after the fix", `String(window.thiduaMark === undefined) + " " + String(document.getElementById("thidua-overlay") === null)`, "true true")
}

// TestIssue12Case14PagesWorkUnderThePolicy opens pages of the demo served
// by thidua serve, whose responses carry a Content-Security-Policy, in
// Chromium: the charts are drawn from their JSON as they are scrolled to, the search answers, the
// live-reload script opens its stream, and nothing is refused.
func TestIssue12Case14PagesWorkUnderThePolicy(t *testing.T) {
	browser := browsertest.New(t)
	base, _ := startLive(t, copyDemo(t), true, "")
	tab := browsertest.NewTab(t, browser, base)
	// The charts are drawn as they come near the viewport: each poll
	// scrolls to the first chart not drawn yet.
	const allDrawn = `(() => {
		const charts = [...document.querySelectorAll('.chart-canvas')];
		const next = charts.find(el => !el.hasAttribute('data-drawn'));
		if (next) next.closest('figure').scrollIntoView();
		return charts.length > 0 && !next;
	})()`
	for _, c := range []struct{ path, ready string }{
		{"", allDrawn},
		{"khoi/khoi-8/", allDrawn},
		{"tim-kiem/?q=khuyen+hoc", `document.querySelectorAll('.search-results li').length > 0`},
		{"tin-tuc/hoi-dac-thu-tong-ket-2023/", `document.querySelector('h1') !== null`},
	} {
		if err := chromedp.Do(tab.Ctx, chromedp.Navigate(base+c.path)); err != nil {
			t.Fatal(err)
		}
		expr := `window.thiduaEvents !== undefined && window.thiduaEvents.readyState === 1 && (` + c.ready + `)`
		if _, err := chromedp.Run(tab.Ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			t.Errorf("/%s: %s did not come true: %v", c.path, expr, err)
		}
	}
	for _, pr := range tab.Problems() {
		t.Error(pr)
	}
}

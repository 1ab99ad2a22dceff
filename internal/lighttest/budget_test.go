package lighttest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/internal/browsertest"
)

// The budgets of issue 18, in bytes transferred: a page without a chart,
// and a page with charts before a chart scrolls into view.
const (
	plainBudget = 40 << 10
	chartBudget = 250 << 10
)

// budgetPages are pages of the demo of the kinds a citizen opens, by path
// under the site, and whether each draws a chart (checked against the page:
// a list that went stale would measure the wrong budget).
var budgetPages = []struct {
	path   string
	charts bool
}{
	{"tin-tuc/hoi-dac-thu-tong-ket-2023/", false},
	{"tin-tuc/", false},
	{"khoi/", false},
	{"don-vi/", false},
	{"gioi-thieu/", false},
	{"", true},
	{"khoi/hoi-dac-thu/", true},
	{"khoi/hoi-dac-thu/2023/", true},
	{"don-vi/ban-dan-toc/", true},
	{"nam/2022/", true},
}

// phone is the window of the budgets: a small phone, held upright.
var phone = struct{ w, h int64 }{360, 640}

// TestByteBudgets loads each page of budgetPages in Chromium, at a phone's
// size with the cache off, from the demo served with its precompressed
// twins, waits until the network has been quiet for a second without
// scrolling, and adds up the bytes Chromium received for every request
// (headers and bodies as they came over the wire: network.loadingFinished's
// encodedDataLength).
func TestByteBudgets(t *testing.T) {
	srv, base, public := servedDemo(t)
	browser := browsertest.New(t)
	for _, p := range budgetPages {
		html, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(p.path), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if has := strings.Contains(string(html), `class="chart-canvas"`); has != p.charts {
			t.Errorf("/%s draws a chart: %v; budgetPages says %v", p.path, has, p.charts)
			continue
		}
		total, requests, err := transferred(browser, base+p.path)
		if err != nil {
			t.Errorf("/%s: %v", p.path, err)
			continue
		}
		budget, what := plainBudget, "without a chart"
		if p.charts {
			budget, what = chartBudget, "with charts, before a chart scrolls in"
		}
		t.Logf("/%s: %d bytes in %d requests (%s, budget %d)", p.path, total, len(requests), what, budget)
		if total > budget {
			t.Errorf("/%s, a page %s, transferred %d bytes, over its budget of %d:\n\t%s", p.path, what, total, budget, strings.Join(requests, "\n\t"))
		}
	}
	if got := srv.encodings(); got["br"]+got["gzip"] == 0 {
		t.Errorf("Chromium got no precompressed twin: %v", got)
	} else {
		t.Logf("responses by Content-Encoding: %v", got)
	}
}

// transferred loads url in a new tab of browser as TestByteBudgets says,
// and returns the bytes received and, for each request, its size and URL.
func transferred(browser context.Context, url string) (int, []string, error) {
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	open := map[network.RequestID]bool{}
	var total float64
	var lines []string
	last := time.Now()
	listen := func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[ev.RequestID], open[ev.RequestID], last = ev.Request.URL, true, time.Now()
		case *network.EventLoadingFinished:
			total += ev.EncodedDataLength
			lines = append(lines, fmt.Sprintf("%7.0f %s", ev.EncodedDataLength, urls[ev.RequestID]))
			delete(open, ev.RequestID)
			last = time.Now()
		case *network.EventLoadingFailed:
			delete(open, ev.RequestID)
			last = time.Now()
		}
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(listen))
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				return err
			}
			_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: phone.w, Height: phone.h, DeviceScaleFactor: 2, Mobile: true,
			})
			return err
		}),
		chromedp.Navigate(url))
	if err != nil {
		return 0, nil, err
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		quiet := len(open) == 0 && time.Since(last) > time.Second
		mu.Unlock()
		if quiet {
			break
		}
		if time.Now().After(deadline) {
			return 0, nil, fmt.Errorf("the network was still busy after 20 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	return int(total), lines, nil
}

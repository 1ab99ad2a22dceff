package browsertest

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestServeUnderPrefix(t *testing.T) {
	dir := t.TempDir()
	base := Serve(t, dir, "thidua")
	if err := os.MkdirAll(filepath.Join(dir, "khoi"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "khoi", "index.html"), []byte("<title>Khối</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(base + "khoi/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != "<title>Khối</title>" {
		t.Errorf("GET %skhoi/ = %d %q", base, res.StatusCode, body)
	}
	res, err = http.Get(base[:len(base)-len("thidua/")] + "khoi/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Errorf("outside the prefix: %d, want 404", res.StatusCode)
	}
}

func TestBrowserLoadsServedPage(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<title>Thi đua</title><p id=x>xin chào</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := Serve(t, dir, "/a/b/")
	ctx := New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text("#x"))
	if err != nil {
		t.Fatal(err)
	}
	if title != "Thi đua" || text != "xin chào" {
		t.Errorf("title %q, text %q", title, text)
	}
}

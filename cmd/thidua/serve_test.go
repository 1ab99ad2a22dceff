package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/serve"
)

// lockedBuffer is a bytes.Buffer for several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startLive runs thidua serve (or, without serving, build --watch) on the
// site folder until the test ends, and returns its URL or destination.
func startLive(t testing.TB, site string, serving bool, dest string) (where string, out *lockedBuffer) {
	t.Helper()
	out = &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	cfg := liveConfig{
		opts:   build.Options{Source: site, Destination: dest, Theme: thidua.Theme()},
		addr:   "127.0.0.1:0",
		serve:  serving,
		output: &env{stdout: out, stderr: out},
	}
	go func() { done <- runLive(ctx, cfg, func(u string) { ready <- u }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("runLive: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("runLive did not stop within 30s of the cancel")
		}
	})
	select {
	case where = <-ready:
	case err := <-done:
		t.Fatalf("runLive ended: %v\n%s", err, out)
	case <-time.After(60 * time.Second):
		t.Fatalf("no first build within 60s\n%s", out)
	}
	return where, out
}

// events is an open page's stream of live-reload events.
type events chan string

func listen(t testing.TB, url string) events {
	t.Helper()
	i := strings.Index(url[len("http://"):], "/")
	resp, err := http.Get(url[:len("http://")+i] + serve.EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	ev := make(events, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			} else if d, ok := strings.CutPrefix(line, "data: "); ok && name != "" {
				ev <- strings.TrimSpace(name + " " + d)
				name = ""
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return ev
}

// next waits for the next event of the kind, skipping others.
func (ev events) next(t testing.TB, kind string, out *lockedBuffer) string {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case e := <-ev:
			if strings.HasPrefix(e, kind) {
				return e
			}
		case <-deadline:
			t.Fatalf("no %s event within 20s\n%s", kind, out)
		}
	}
}

func fetch(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func write(t testing.TB, site, rel, content string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceIn(t testing.TB, site, rel, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", rel, old)
	}
	return strings.Replace(string(b), old, new, 1)
}

// atomicSave writes as vim and VS Code do: a temporary file renamed over
// the file.
func atomicSave(t testing.TB, site, rel, content string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(rel))
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swp")
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func TestServeRebuildsOnEveryChange(t *testing.T) {
	site := copyDemo(t)
	base, out := startLive(t, site, true, "")
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.Contains(out.String(), "serving "+base) {
		t.Fatalf("URL %q; output:\n%s", base, out)
	}
	ev := listen(t, base)
	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	page := base + "tin-tuc/hoi-dac-thu-tong-ket-2023/"
	if code, body := fetch(t, page); code != 200 || !strings.Contains(body, "EventSource") {
		t.Fatalf("GET %s: %d, live-reload script present: %v", page, code, strings.Contains(body, "EventSource"))
	}

	// An article changed in place.
	write(t, site, article, replaceIn(t, site, article, "title: Khối thi đua các hội", "title: Tiêu đề đã sửa, Khối thi đua các hội"))
	ev.next(t, "reload", out)
	if _, body := fetch(t, page); !strings.Contains(body, "Tiêu đề đã sửa") {
		t.Errorf("the article page does not show the new title")
	}

	// A year file saved atomically.
	year := "data/blocs/khoi-8/2024.yaml"
	atomicSave(t, site, year, replaceIn(t, site, year, "score: 97.9", "score: 88.8"))
	ev.next(t, "reload", out)
	if _, body := fetch(t, base+"khoi/khoi-8/2024/"); !strings.Contains(body, "88,8") {
		t.Errorf("the bloc year page does not show the new score 88,8")
	}

	// An article and a year file added, then deleted.
	added := "content/news/2025/tin-vua-them.md"
	write(t, site, added, "---\ntitle: Tin vừa thêm\ndate: 2025-12-30\nblocs: [khoi-8]\n---\n\nNội dung.\n")
	ev.next(t, "reload", out)
	if code, body := fetch(t, base+"tin-tuc/tin-vua-them/"); code != 200 || !strings.Contains(body, "Tin vừa thêm") {
		t.Errorf("the added article is not served: %d", code)
	}
	next := "data/blocs/khoi-8/2026.yaml"
	write(t, site, next, "members: [hoi-nguoi-cao-tuoi, hoi-khuyen-hoc]\nleader: hoi-nguoi-cao-tuoi\n")
	ev.next(t, "reload", out)
	if code, _ := fetch(t, base+"khoi/khoi-8/2026/"); code != 200 {
		t.Errorf("the added year is not served: %d", code)
	}
	os.Remove(filepath.Join(site, filepath.FromSlash(added)))
	os.Remove(filepath.Join(site, filepath.FromSlash(next)))
	ev.next(t, "reload", out)
	for _, p := range []string{"tin-tuc/tin-vua-them/", "khoi/khoi-8/2026/"} {
		if code, body := fetch(t, base+p); code != 404 || !strings.Contains(body, "EventSource") {
			t.Errorf("GET %s after its file was deleted: %d", p, code)
		}
	}

	// A broken file shows the overlay, in open pages and in new ones; the
	// fix takes it away.
	good, _ := os.ReadFile(filepath.Join(site, year))
	write(t, site, year, strings.Replace(string(good), "rank: 2\n", "rank: [2\n", 1))
	broken := ev.next(t, "broken", out)
	if !strings.Contains(broken, year+":") {
		t.Errorf("broken event %q does not name %s", broken, year)
	}
	_, body := fetch(t, base)
	if !strings.Contains(body, `id="thidua-overlay"`) || !strings.Contains(body, year+":") {
		t.Errorf("a page served while broken has no overlay naming %s", year)
	}
	if !strings.Contains(out.String(), year+":") {
		t.Errorf("the terminal does not show the error:\n%s", out)
	}
	write(t, site, year, string(good))
	ev.next(t, "reload", out)
	if _, body := fetch(t, base); strings.Contains(body, `id="thidua-overlay"`) {
		t.Error("the overlay is still there after the fix")
	}

	// A new bloc folder.
	units := "data/units.yaml"
	write(t, site, units, replaceIn(t, site, units, "- id: uy-ban-mttq", "- id: hoi-moi-thanh-lap\n  name: Hội Mới thành lập\n- id: uy-ban-mttq"))
	write(t, site, "data/blocs/khoi-moi/bloc.yaml", "name: Khối thi đua mới\norder: 99\n")
	write(t, site, "data/blocs/khoi-moi/2025.yaml", "members: [hoi-moi-thanh-lap]\nleader: hoi-moi-thanh-lap\n")
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, body := fetch(t, base+"khoi/khoi-moi/2025/")
		if code == 200 && strings.Contains(body, "Hội Mới thành lập") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new bloc folder is not served: %d\n%s", code, out)
		}
		ev.next(t, "reload", out)
	}
}

func TestServeUnderTheBasePath(t *testing.T) {
	site := copyFixture(t) // baseURL https://portal.example.gov.vn/thidua/
	base, _ := startLive(t, site, true, "")
	if !strings.HasSuffix(base, "/thidua/") {
		t.Fatalf("URL %q does not keep the path of baseURL", base)
	}
	if code, body := fetch(t, base); code != 200 || !strings.Contains(body, `href="/thidua/khoi/"`) {
		t.Errorf("GET %s: %d", base, code)
	}
	if code, _ := fetch(t, strings.TrimSuffix(base, "thidua/")+"khoi/"); code != 404 {
		t.Errorf("a page outside the base path: %d, want 404", code)
	}
}

func TestBuildWatch(t *testing.T) {
	site := copyDemo(t)
	dest := filepath.Join(t.TempDir(), "public")
	where, out := startLive(t, site, false, dest)
	if where != dest {
		t.Fatalf("ready with %q, want %q", where, dest)
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(home), "EventSource") {
		t.Error("build --watch output holds the live-reload script")
	}
	write(t, site, "content/news/2025/tin-xem.md", "---\ntitle: Tin xem\ndate: 2025-12-30\n---\n\nNội dung.\n")
	deadline := time.Now().Add(20 * time.Second)
	for {
		if b, err := os.ReadFile(filepath.Join(dest, "tin-tuc", "tin-xem", "index.html")); err == nil {
			if strings.Contains(string(b), "EventSource") {
				t.Error("build --watch output holds the live-reload script")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new article was not built\n%s", out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// previewBaseURL puts the local origin in place of -b's scheme and host
// and leaves what is no http or https address to the build.
func TestPreviewBaseURL(t *testing.T) {
	for _, tc := range []struct{ baseURL, want string }{
		{"https://portal.example.gov.vn/thidua/", "http://127.0.0.1:1313/thidua/"},
		{"http://portal.example.gov.vn", "http://127.0.0.1:1313"},
		{"https://portal.example.gov.vn/a/b/?x=1", "http://127.0.0.1:1313/a/b/?x=1"}, // the build refuses the query
		{"portal.example.gov.vn/thidua/", "portal.example.gov.vn/thidua/"},
		{"ftp://portal.example.gov.vn/thidua/", "ftp://portal.example.gov.vn/thidua/"},
	} {
		if got := previewBaseURL("http://127.0.0.1:1313", tc.baseURL); got != tc.want {
			t.Errorf("previewBaseURL(%q) = %q, want %q", tc.baseURL, got, tc.want)
		}
	}
}

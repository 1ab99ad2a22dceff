package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// folder makes a built site inside a parent folder that also holds a
// secret file, with a symbolic link pointing out of the site.
func folder(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":            "<!doctype html><html><body><h1>Home</h1></body></html>",
		"khoi/index.html":       "<html><BODY>Blocs</BODY></html>",
		"404.html":              "<html><body>Không tìm thấy</body></html>",
		"index.xml":             "<feed/>",
		"du-lieu/thidua.json":   "{}",
		"du-lieu/awards.csv":    "\ufeffa,b\n",
		"assets/js/site.js":     "console.log(1)",
		"assets/css/site.css":   "body{}",
		"robots.txt":            "User-agent: *\n",
		"images/a.png":          "\x89PNG\r\n",
		"assets/fonts/x.woff2":  "wOF2",
		"empty/.keep-not-index": "x",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("SECRET"), 0o644)
	os.Mkdir(filepath.Join(parent, "outside"), 0o755)
	os.WriteFile(filepath.Join(parent, "outside", "index.html"), []byte("SECRET"), 0o644)
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(parent, "outside"), filepath.Join(dir, "linkdir"))
	return dir
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// raw sends a request line as written, with no cleaning by a client.
func raw(t *testing.T, addr, target string) (status int, body string) {
	t.Helper()
	resp, body := send(t, addr, target, "x")
	return resp.StatusCode, body
}

// send sends a request line as written, with the Host header host, and
// returns the response and its body.
func send(t *testing.T, addr, target, host string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestFiles(t *testing.T) {
	s := New(folder(t), "/")
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, c := range []struct {
		path, status, ctype, body string
	}{
		{"/", "200", "text/html; charset=utf-8", "<h1>Home</h1>"},
		{"/index.html", "200", "text/html; charset=utf-8", "<h1>Home</h1>"},
		{"/khoi/", "200", "text/html; charset=utf-8", "Blocs"},
		{"/index.xml", "200", "application/xml; charset=utf-8", "<feed/>"},
		{"/du-lieu/thidua.json", "200", "application/json; charset=utf-8", "{}"},
		{"/du-lieu/awards.csv", "200", "text/csv; charset=utf-8", "a,b"},
		{"/assets/js/site.js", "200", "text/javascript; charset=utf-8", "console.log(1)"},
		{"/assets/css/site.css", "200", "text/css; charset=utf-8", "body{}"},
		{"/robots.txt", "200", "text/plain; charset=utf-8", "User-agent"},
		{"/images/a.png", "200", "image/png", "PNG"},
		{"/assets/fonts/x.woff2", "200", "font/woff2", "wOF2"},
		{"/nowhere/", "404", "text/html; charset=utf-8", "Không tìm thấy"},
		{"/robots.txt/", "404", "text/html; charset=utf-8", "Không tìm thấy"},
		{"/empty/", "404", "text/html; charset=utf-8", "Không tìm thấy"},
		{"/link.txt", "404", "text/html; charset=utf-8", "Không tìm thấy"},
		{"/linkdir/", "404", "text/html; charset=utf-8", "Không tìm thấy"},
	} {
		resp, body := get(t, ts.URL+c.path)
		if got := fmt.Sprint(resp.StatusCode); got != c.status {
			t.Errorf("GET %s: status %s, want %s", c.path, got, c.status)
		}
		if got := resp.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if !strings.Contains(body, c.body) {
			t.Errorf("GET %s: body %q does not hold %q", c.path, body, c.body)
		}
		if strings.Contains(body, "SECRET") {
			t.Errorf("GET %s: served a file from outside the folder", c.path)
		}
		html := strings.HasPrefix(c.ctype, "text/html")
		if got := strings.Contains(body, "EventSource"); got != html {
			t.Errorf("GET %s: live-reload script present = %v, want %v", c.path, got, html)
		}
		if resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", c.path, resp.Header.Get("Cache-Control"))
		}
	}
	// The script goes before </body>, whatever its case.
	if _, body := get(t, ts.URL+"/khoi/"); !strings.HasSuffix(body, "</script></BODY></html>") {
		t.Errorf("script not before </BODY>: %q", body)
	}
	resp, _ := get(t, ts.URL+"/khoi?x=1")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/khoi/?x=1" {
		t.Errorf("GET /khoi: %d to %q, want 301 to /khoi/?x=1", resp.StatusCode, resp.Header.Get("Location"))
	}
	post, err := http.Post(ts.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	if post.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", post.StatusCode)
	}
}

func TestNoEscape(t *testing.T) {
	s := New(folder(t), "/")
	ts := httptest.NewServer(s)
	defer ts.Close()
	addr := ts.Listener.Addr().String()
	for _, target := range []string{
		"/../secret.txt", "/khoi/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
		"/khoi/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/khoi/..\\..\\secret.txt",
		"/./../secret.txt", "/linkdir/index.html", "/link.txt", "/%00", "/../outside/",
	} {
		status, body := raw(t, addr, target)
		if status == http.StatusOK || strings.Contains(body, "SECRET") {
			t.Errorf("GET %s: status %d, body %q", target, status, body)
		}
	}
}

func TestPrefix(t *testing.T) {
	s := New(folder(t), "/thidua/")
	ts := httptest.NewServer(s)
	defer ts.Close()
	if resp, body := get(t, ts.URL+"/thidua/khoi/"); resp.StatusCode != 200 || !strings.Contains(body, "Blocs") {
		t.Errorf("GET /thidua/khoi/: %d %q", resp.StatusCode, body)
	}
	for _, p := range []string{"/", "/thidua"} {
		if resp, _ := get(t, ts.URL+p); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/thidua/" {
			t.Errorf("GET %s: %d to %q, want 302 to /thidua/", p, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	if resp, body := get(t, ts.URL+"/khoi/"); resp.StatusCode != 404 || !strings.Contains(body, "Không tìm thấy") {
		t.Errorf("GET /khoi/ outside the prefix: %d %q", resp.StatusCode, body)
	}
	s.Good("/")
	if resp, _ := get(t, ts.URL+"/khoi/"); resp.StatusCode != 200 {
		t.Errorf("after Good(\"/\"), GET /khoi/: %d", resp.StatusCode)
	}
}

func TestOverlay(t *testing.T) {
	s := New(folder(t), "/")
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.Broken([]string{"data/blocs/khoi-8/2024.yaml:3:5: error: unknown unit \"<hoi>\""})
	for _, p := range []string{"/", "/khoi/", "/nowhere/"} {
		_, body := get(t, ts.URL+p)
		if !strings.Contains(body, `<li>data/blocs/khoi-8/2024.yaml:3:5: error: unknown unit &#34;&lt;hoi&gt;&#34;</li>`) {
			t.Errorf("GET %s while broken: no overlay with the escaped error in %q", p, body)
		}
	}
	if _, body := get(t, ts.URL+"/index.xml"); strings.Contains(body, "thidua-overlay") {
		t.Errorf("overlay in a feed: %q", body)
	}
	s.Good("/")
	if _, body := get(t, ts.URL+"/"); strings.Contains(body, `id="thidua-overlay"`) || !strings.Contains(body, "<h1>Home</h1>") {
		t.Errorf("after a good build: %q", body)
	}
}

// stream reads the events of one connection.
type stream struct {
	resp   *http.Response
	events chan string
}

func openStream(t *testing.T, url string) *stream {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	st := &stream{resp: resp, events: make(chan string, 16)}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var ev string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && ev != "":
				st.events <- ev + " " + strings.TrimPrefix(line, "data: ")
				ev = ""
			}
		}
		close(st.events)
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return st
}

func (st *stream) next(t *testing.T) string {
	t.Helper()
	select {
	case e, ok := <-st.events:
		if !ok {
			t.Fatal("the stream ended")
		}
		return strings.TrimSpace(e)
	case <-time.After(3 * time.Second):
		t.Fatal("no event within 3s")
		return ""
	}
}

func TestEvents(t *testing.T) {
	s := New(folder(t), "/")
	ts := httptest.NewUnstartedServer(s)
	// A WriteTimeout must not cut the stream.
	ts.Config.WriteTimeout = 200 * time.Millisecond
	ts.Start()
	defer ts.Close()
	defer s.Close()

	st := openStream(t, ts.URL+EventsPath+"?since=0")
	time.Sleep(400 * time.Millisecond)
	s.Broken([]string{"site.yaml:1:1: error: x"})
	if e := st.next(t); e != `broken ["site.yaml:1:1: error: x"]` {
		t.Fatalf("event %q", e)
	}
	s.Good("/")
	if e := st.next(t); e != "reload" {
		t.Fatalf("event %q, want reload", e)
	}

	// A page that came from an older build reloads as soon as it connects.
	late := openStream(t, ts.URL+EventsPath+"?since=0")
	if e := late.next(t); e != "reload" {
		t.Fatalf("event %q, want reload", e)
	}
	// A tab opened while broken gets the errors at once.
	s.Broken([]string{"a.md:2:1: error: y"})
	fresh := openStream(t, ts.URL+EventsPath+"?since=2")
	if e := fresh.next(t); e != `broken ["a.md:2:1: error: y"]` {
		t.Fatalf("event %q", e)
	}

	// Close ends the streams.
	s.Close()
	select {
	case _, ok := <-fresh.events:
		for ok {
			_, ok = <-fresh.events
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the stream did not end on Close")
	}
}

func TestPageCarriesItsBuild(t *testing.T) {
	s := New(folder(t), "/")
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.Good("/")
	s.Good("/")
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, `?since=2"`) {
		t.Errorf("page does not name build 2: %q", body)
	}
}

// TestIssue12Case9RedirectStaysOnTheHost checks that the redirect of a
// folder named without its "/" goes to the cleaned path on the same host,
// whatever slashes, backslashes or escapes the request path holds.
func TestIssue12Case9RedirectStaysOnTheHost(t *testing.T) {
	dir := folder(t)
	os.MkdirAll(filepath.Join(dir, "evil.example"), 0o755)
	os.WriteFile(filepath.Join(dir, "evil.example", "index.html"), []byte("<p>x</p>"), 0o644)
	for _, prefix := range []string{"/", "/thidua/"} {
		ts := httptest.NewServer(New(dir, prefix))
		addr := ts.Listener.Addr().String()
		p := strings.TrimSuffix(prefix, "/")
		for target, want := range map[string]string{
			p + "/khoi":                  "301 " + prefix + "khoi/",
			p + "//khoi":                 "301 " + prefix + "khoi/",
			p + "///khoi":                "301 " + prefix + "khoi/",
			p + "//khoi?x=1":             "301 " + prefix + "khoi/?x=1",
			p + "/%2F%2Fkhoi":            "301 " + prefix + "khoi/",
			p + "/%2fkhoi":               "301 " + prefix + "khoi/",
			p + "//evil.example":         "301 " + prefix + "evil.example/",
			p + "/%2F%2Fevil.example":    "301 " + prefix + "evil.example/",
			p + "/./evil.example":        "404 ",
			p + "/\\evil.example":        "404 ",
			p + "/%5Cevil.example":       "404 ",
			p + "/%5C%5Cevil.example":    "404 ",
			p + "//nowhere.example":      "404 ",
			p + "/%2F%2Fnowhere.example": "404 ",
		} {
			resp, _ := send(t, addr, target, addr)
			if got := strconv.Itoa(resp.StatusCode) + " " + resp.Header.Get("Location"); got != want {
				t.Errorf("GET %s: %q, want %q", target, got, want)
			}
		}
		ts.Close()
	}
}

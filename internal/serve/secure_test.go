package serve

import (
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestIssue12Case14HostIsChecked checks the defence against DNS
// rebinding: only names of this computer, with the port listened on.
func TestIssue12Case14HostIsChecked(t *testing.T) {
	loop := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}
	lan := &net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 1313}
	any4 := &net.TCPAddr{IP: net.IPv4zero, Port: 1313}
	any6 := &net.TCPAddr{IP: net.IPv6unspecified, Port: 1313}
	web := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80}
	for _, c := range []struct {
		host string
		addr *net.TCPAddr
		ok   bool
	}{
		{"localhost:1313", loop, true},
		{"LocalHost:1313", loop, true},
		{"127.0.0.1:1313", loop, true},
		{"[::1]:1313", loop, true},
		{"evil.example:1313", loop, false},
		{"localhost.evil.example:1313", loop, false},
		{"localhost:1314", loop, false},
		{"localhost", loop, false},
		{"192.168.1.5:1313", loop, false},
		{"", loop, false},
		{"localhost", web, true},
		{"127.0.0.1", web, true},
		{"[::1]", web, true},
		{"evil.example", web, false},
		{"192.168.1.5:1313", lan, true},
		{"localhost:1313", lan, true},
		{"192.168.1.6:1313", lan, false},
		{"thidua.local:1313", lan, false},
		{"192.168.1.5:1313", any4, true},
		{"10.0.0.7:1313", any4, true},
		{"[fe80::1]:1313", any6, true},
		{"evil.example:1313", any4, false},
		{"evil.example:1313", any6, false},
		{"0x7f.0.0.1:1313", any4, false},
	} {
		if got := allowedHost(c.host, c.addr); got != c.ok {
			t.Errorf("Host %q at %v: allowed %v, want %v", c.host, c.addr, got, c.ok)
		}
	}

	// Through a server: a page is served to its own name, and refused to
	// another one with a plain sentence.
	ts := httptest.NewUnstartedServer(nil)
	ts.Config.Handler = CheckHost(New(folder(t), "/"), ts.Listener.Addr().(*net.TCPAddr))
	ts.Start()
	defer ts.Close()
	addr := ts.Listener.Addr().String()
	port := strconv.Itoa(ts.Listener.Addr().(*net.TCPAddr).Port)
	if resp, body := send(t, addr, "/", "localhost:"+port); resp.StatusCode != http.StatusOK || !strings.Contains(body, "<h1>Home</h1>") {
		t.Errorf("Host localhost: %d %q", resp.StatusCode, body)
	}
	resp, body := send(t, addr, "/", "rebound.evil.example:"+port)
	want := "thidua serve answers only to the addresses of this computer, such as http://localhost:" + port + "/; open that address instead\n"
	if resp.StatusCode != http.StatusMisdirectedRequest || body != want || strings.Contains(body, "Home") {
		t.Errorf("Host rebound.evil.example: %d %q, want 421 %q", resp.StatusCode, body, want)
	}
	checkSecurityHeaders(t, "refused Host", resp.Header, false)
}

// TestIssue12Case14SecurityHeaders checks that every response carries the
// policy, Referrer-Policy and X-Frame-Options, and that an HTML page's
// live-reload script carries the nonce its policy names, fresh each time.
func TestIssue12Case14SecurityHeaders(t *testing.T) {
	s := New(folder(t), "/")
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	for _, p := range []string{"/", "/khoi/", "/nowhere/", "/khoi", "/assets/css/site.css", "/du-lieu/thidua.json"} {
		resp, body := get(t, ts.URL+p)
		html := strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html")
		checkSecurityHeaders(t, "GET "+p, resp.Header, html && resp.StatusCode != http.StatusMovedPermanently)
		if html && resp.StatusCode != http.StatusMovedPermanently {
			nonce := nonceOf(resp.Header)
			if !strings.Contains(body, `<script nonce="`+nonce+`">`) {
				t.Errorf("GET %s: no script with the nonce %q of the policy", p, nonce)
			}
			if again, _ := get(t, ts.URL+p); nonceOf(again.Header) == nonce {
				t.Errorf("GET %s twice: the same nonce %q", p, nonce)
			}
		}
	}
	post, err := http.Post(ts.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	checkSecurityHeaders(t, "POST", post.Header, false)
	st := openStream(t, ts.URL+EventsPath)
	checkSecurityHeaders(t, "the event stream", st.resp.Header, false)
}

var noncePattern = regexp.MustCompile(`'nonce-([A-Za-z0-9_-]{22})'`)

// nonceOf returns the nonce of the policy in h, or "".
func nonceOf(h http.Header) string {
	if m := noncePattern.FindStringSubmatch(h.Get("Content-Security-Policy")); m != nil {
		return m[1]
	}
	return ""
}

// checkSecurityHeaders fails t when h lacks the headers of every response,
// or when its policy has a nonce and page is false, or none and page is true.
func checkSecurityHeaders(t *testing.T, what string, h http.Header, page bool) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, part := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"} {
		if !strings.Contains(csp, part) {
			t.Errorf("%s: Content-Security-Policy %q lacks %q", what, csp, part)
		}
	}
	if strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("%s: Content-Security-Policy %q lets any script run", what, csp)
	}
	if got := nonceOf(h) != ""; got != page {
		t.Errorf("%s: nonce in the policy %v, want %v: %q", what, got, page, csp)
	}
	if got := h.Get("Referrer-Policy"); got != "same-origin" {
		t.Errorf("%s: Referrer-Policy %q", what, got)
	}
	if got := h.Get("X-Frame-Options"); got != "DENY" {
		t.Errorf("%s: X-Frame-Options %q", what, got)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", what, got)
	}
}

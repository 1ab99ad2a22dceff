package serve

import (
	"crypto/rand"
	"encoding/base64"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// policy returns the Content-Security-Policy of a response: scripts,
// styles, fonts and requests only from the site itself, plus the inline
// script whose nonce is nonce when it is not "" (the live-reload script).
// Style attributes are allowed, since the theme's charts and the overlay
// of errors use them; pictures, video and embedded frames may come from
// other https sites, as an article's may on the portal. No page may be put
// in a frame, which X-Frame-Options says again to older browsers.
func policy(nonce string) string {
	script := "script-src 'self'"
	if nonce != "" {
		script += " 'nonce-" + nonce + "'"
	}
	return "default-src 'self'; " + script + "; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data: https:; media-src 'self' https:; frame-src https:; " +
		"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
}

// secure sets the headers every response carries: no caching, no guessing
// of types, the policy of scripts (with the nonce of the page's inline
// script, or none), no referrer sent to other sites, no framing.
func secure(h http.Header, nonce string) {
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", policy(nonce))
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
}

// newNonce returns a fresh random nonce for the policy of one page.
func newNonce() string {
	var b [16]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// CheckHost returns a handler that passes to next only the requests whose
// Host header names the server at addr, the address it listens on:
// localhost, 127.0.0.1 or [::1], or addr's own address, with addr's port
// (which may be left out when it is 80). When addr is unspecified (0.0.0.0
// or ::), any IP address is accepted too, so that other devices of the
// network reach the server by the machine's address. Any other name, which
// a page of another site may have pointed at this machine (DNS
// rebinding), is answered 421 with a plain sentence.
func CheckHost(next http.Handler, addr *net.TCPAddr) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if allowedHost(r.Host, addr) {
			next.ServeHTTP(w, r)
			return
		}
		secure(w.Header(), "")
		local := net.JoinHostPort("localhost", strconv.Itoa(addr.Port))
		http.Error(w, "thidua serve answers only to the addresses of this computer, such as http://"+local+"/; open that address instead", http.StatusMisdirectedRequest)
	})
}

// allowedHost reports whether the Host header host names the server at addr.
func allowedHost(host string, addr *net.TCPAddr) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
	}
	if port != strconv.Itoa(addr.Port) {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip := net.ParseIP(name)
	switch {
	case ip == nil:
		return false
	case ip.IsLoopback() || ip.Equal(addr.IP):
		return true
	}
	return addr.IP.IsUnspecified()
}

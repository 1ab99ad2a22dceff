// Package serve serves a built site folder over HTTP for previewing while
// it is edited: only the files of the folder, under the site's base path,
// with a live-reload script and, while the site has errors, an overlay
// listing them, put into every HTML page it serves. The built files
// themselves never hold either.
package serve

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// EventsPath is the URL path of the stream of Server-Sent Events that tells
// open pages to reload. Identifiers never hold "_", so no page of a site
// can have this path.
const EventsPath = "/__thidua/events"

// Server serves the site folder dir. The zero value is not usable; call New.
type Server struct {
	dir  string
	done chan struct{} // closed by Close: event streams end

	mu       sync.Mutex
	prefix   string        // the base path: "/" or "/thidua/"
	build    int           // the number of the last finished build
	good     int           // the number of the last good build
	problems []string      // the errors of the last build; nil when it was good
	changed  chan struct{} // closed and replaced when the state above changes
}

// New returns a Server of the site folder dir under the base path prefix
// ("/" or a path such as "/thidua/"). Until Good or Broken is called it
// serves dir as it is.
func New(dir, prefix string) *Server {
	return &Server{dir: dir, done: make(chan struct{}), prefix: cleanPrefix(prefix), changed: make(chan struct{})}
}

func cleanPrefix(p string) string {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	return p
}

// Good records a good build whose output is complete in the folder, served
// under prefix: open pages reload, and the overlay of errors goes away.
func (s *Server) Good(prefix string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prefix = cleanPrefix(prefix)
	s.build++
	s.good = s.build
	s.problems = nil
	s.notify()
}

// Broken records a failed build, whose errors are problems, each one line
// "path:line:col: message". The folder keeps the last good site; every page
// served shows the problems over it until the next good build, and open
// pages show them at once.
func (s *Server) Broken(problems []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.build++
	s.problems = append([]string{}, problems...)
	if s.problems == nil {
		s.problems = []string{}
	}
	s.notify()
}

// notify wakes the event streams. s.mu is held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// state is a snapshot of what the Server knows of the builds.
type state struct {
	prefix   string
	build    int
	good     int
	problems []string
	changed  <-chan struct{}
}

func (s *Server) state() state {
	s.mu.Lock()
	defer s.mu.Unlock()
	return state{prefix: s.prefix, build: s.build, good: s.good, problems: s.problems, changed: s.changed}
}

// Close ends the event streams, so that an http.Server's Shutdown need not
// wait for them; register it with RegisterOnShutdown.
func (s *Server) Close() {
	select {
	case <-s.done:
	default:
		close(s.done)
	}
}

// ServeHTTP serves the event stream at EventsPath and the files of the
// folder under the base path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	secure(h, "")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == EventsPath {
		s.events(w, r)
		return
	}
	st := s.state()
	rel, ok := strings.CutPrefix(r.URL.Path, st.prefix)
	if !ok {
		if r.URL.Path+"/" == st.prefix || r.URL.Path == "/" {
			http.Redirect(w, r, st.prefix, http.StatusFound)
			return
		}
		s.notFound(w, r, st)
		return
	}
	s.file(w, r, st, rel)
}

// file serves the file at the site-relative path rel: a folder's
// index.html for a path ending in "/", a redirect to the path with "/" for
// a folder named without it, and the 404 page for anything else.
func (s *Server) file(w http.ResponseWriter, r *http.Request, st state, rel string) {
	name, ok := localName(rel)
	if !ok {
		s.notFound(w, r, st)
		return
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		s.notFound(w, r, st)
		return
	}
	defer root.Close()
	info, err := root.Stat(name)
	switch {
	case err != nil:
		s.notFound(w, r, st)
		return
	case info.IsDir() && rel != "" && !strings.HasSuffix(rel, "/"):
		// To the cleaned name, never to the path as sent: "//khoi" would
		// give "//khoi/", an address on another host.
		target := url.URL{Path: st.prefix + name + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
		return
	case info.IsDir():
		name = path.Join(name, "index.html")
	case strings.HasSuffix(rel, "/"):
		s.notFound(w, r, st)
		return
	}
	f, err := root.Open(name)
	if err != nil {
		s.notFound(w, r, st)
		return
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		s.notFound(w, r, st)
		return
	}
	if contentType(name) == htmlType {
		body, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "cannot read the page", http.StatusInternalServerError)
			return
		}
		s.html(w, r, st, http.StatusOK, body)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	http.ServeContent(w, r, name, time.Time{}, f)
}

// localName turns a site-relative URL path into a name in the folder. It
// refuses "." and ".." elements, backslashes and NUL bytes, so that no
// request names anything outside the folder; os.Root refuses the symbolic
// links that would leave it.
func localName(rel string) (string, bool) {
	if strings.ContainsAny(rel, "\\\x00") {
		return "", false
	}
	for elem := range strings.SplitSeq(strings.TrimSuffix(rel, "/"), "/") {
		if elem == "." || elem == ".." {
			return "", false
		}
	}
	name := path.Clean("/" + rel)[1:]
	if name == "" {
		name = "."
	}
	return name, fs.ValidPath(name)
}

// notFound serves the site's 404.html, or a plain page when it has none,
// with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st state) {
	body, err := readPage(s.dir, "404.html")
	if err != nil {
		body = []byte("<!doctype html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1><p>No page here.</p></body></html>")
	}
	s.html(w, r, st, http.StatusNotFound, body)
}

func readPage(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, errors.New("not a file")
	}
	return io.ReadAll(f)
}

// html serves the page body with the live-reload script, and the overlay
// of errors while the site is broken, put before its </body>. The script
// carries a fresh nonce, which the page's policy names.
func (s *Server) html(w http.ResponseWriter, r *http.Request, st state, status int, body []byte) {
	var b bytes.Buffer
	nonce := newNonce()
	inject := injection(st, nonce)
	if i := lastIndexFold(body, "</body>"); i >= 0 {
		b.Grow(len(body) + len(inject))
		b.Write(body[:i])
		b.WriteString(inject)
		b.Write(body[i:])
	} else {
		b.Write(body)
		b.WriteString(inject)
	}
	h := w.Header()
	h.Set("Content-Type", htmlType)
	h.Set("Content-Security-Policy", policy(nonce))
	if status == http.StatusOK {
		http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(b.Bytes()))
		return
	}
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b.Bytes())
	}
}

// lastIndexFold is bytes.LastIndex of the ASCII tag, ignoring case.
func lastIndexFold(s []byte, tag string) int {
	for i := len(s) - len(tag); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(tag)], []byte(tag)) {
			return i
		}
	}
	return -1
}

const htmlType = "text/html; charset=utf-8"

// contentType returns the media type of a file by its extension: the
// site's own kinds are fixed here, so that they do not depend on the
// system's MIME tables.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return htmlType
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json", ".map":
		return "application/json; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff":
		return "font/woff"
	case ".woff2":
		return "font/woff2"
	case ".ttf":
		return "font/ttf"
	case ".pdf":
		return "application/pdf"
	case ".wasm":
		return "application/wasm"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

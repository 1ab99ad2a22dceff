package lighttest

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
)

// root is the repository root, which is the demo site.
const root = "../.."

// sitePath is the path the demo is served under.
const sitePath = "/thidua/"

// twins are the encodings of the precompressed twins, in the order a
// server prefers them, and the ending of each twin's name.
var twins = []struct{ encoding, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// twinServer serves a built folder as a server with gzip_static and
// brotli_static does: for a file that has a twin in an encoding the request
// accepts, the twin's bytes with Content-Encoding and the file's own
// Content-Type; else the file. It notes the encodings the requests asked
// for.
type twinServer struct {
	dir   string
	files http.Handler
	mu    sync.Mutex
	sent  map[string]int // Content-Encoding ("" for none) → responses
}

// serveTwins serves dir under sitePath on a free port of 127.0.0.1 until the
// test ends and returns the server and its base URL.
func serveTwins(t testing.TB, dir string) (*twinServer, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &twinServer{dir: dir, files: http.StripPrefix(strings.TrimSuffix(sitePath, "/"), http.FileServer(http.Dir(dir))), sent: map[string]int{}}
	mux := http.NewServeMux()
	mux.Handle(sitePath, s)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s, "http://" + ln.Addr().String() + sitePath
}

func (s *twinServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rel := strings.TrimPrefix(r.URL.Path, sitePath)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	name := filepath.Join(s.dir, filepath.FromSlash(rel))
	w.Header().Add("Vary", "Accept-Encoding")
	for _, tw := range twins {
		if !accepts(r.Header.Get("Accept-Encoding"), tw.encoding) {
			continue
		}
		f, err := os.Open(name + tw.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		w.Header().Set("Content-Encoding", tw.encoding)
		w.Header().Set("Content-Type", mime.TypeByExtension(filepath.Ext(name)))
		s.note(tw.encoding)
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	s.note("")
	s.files.ServeHTTP(w, r)
}

func (s *twinServer) note(encoding string) {
	s.mu.Lock()
	s.sent[encoding]++
	s.mu.Unlock()
}

// encodings returns how many responses went out in each Content-Encoding.
func (s *twinServer) encodings() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.sent {
		out[k] = v
	}
	return out
}

// accepts reports whether the Accept-Encoding header lists encoding with a
// weight above zero.
func accepts(header, encoding string) bool {
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), encoding) {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// servedDemo builds the demo and serves it with its twins.
func servedDemo(t testing.TB) (s *twinServer, base, public string) {
	t.Helper()
	dir := t.TempDir()
	s, base = serveTwins(t, filepath.Join(dir, "public"))
	opts := build.Options{Source: root, Destination: filepath.Join(dir, "public"), BaseURL: base, Theme: thidua.Theme(), Precompress: true}
	if res, err := build.Run(context.Background(), opts); err != nil {
		t.Fatalf("build of the demo site: %v\n%v", err, res.Diagnostics)
	}
	return s, base, opts.Destination
}

// TestTwinServer: a request that takes brotli gets the .br twin, one that
// takes gzip only the .gz twin, one that takes neither the file, each with
// the file's Content-Type.
func TestTwinServer(t *testing.T) {
	_, base, public := servedDemo(t)
	for _, c := range []struct{ accept, encoding, file string }{
		{"gzip, deflate, br, zstd", "br", "index.html.br"},
		{"gzip, deflate", "gzip", "index.html.gz"},
		{"identity", "", "index.html"},
	} {
		want, err := os.ReadFile(filepath.Join(public, c.file))
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodGet, base, nil)
		req.Header.Set("Accept-Encoding", c.accept)
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || !bytes.Equal(got, want) || resp.Header.Get("Content-Encoding") != c.encoding || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("Accept-Encoding %q: %d bytes, Content-Encoding %q, Content-Type %q; want the %d of %s",
				c.accept, len(got), resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"), len(want), c.file)
		}
	}
}

// TestAccepts reads Accept-Encoding as browsers write it.
func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		header, enc string
		want        bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate, br, zstd", "gzip", true},
		{"gzip, deflate", "br", false},
		{"br;q=0, gzip", "br", false},
		{"BR ; q=0.5", "br", true},
		{"", "gzip", false},
	} {
		if got := accepts(c.header, c.enc); got != c.want {
			t.Errorf("accepts(%q, %q) = %v", c.header, c.enc, got)
		}
	}
}

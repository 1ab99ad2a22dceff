package publishtest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/feeds"
)

// root is the repository root, which is the demo site.
const root = "../.."

// sitePath is the path the demo is published under, as in docs/publishing/.
const sitePath = "/thidua/"

// publicPlaceholder stands in the documented configurations for the
// folder thidua builds into.
const publicPlaceholder = "__THIDUA_PUBLIC__"

// freePort returns a TCP port of 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// buildDemo builds the demo site under baseURL into a new folder and
// returns the folder.
func buildDemo(t *testing.T, baseURL string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Source: root, Destination: dst, BaseURL: baseURL, Theme: thidua.Theme(), Precompress: true}
	if res, err := build.Run(context.Background(), opts); err != nil {
		t.Fatalf("build of the demo site: %v\n%v", err, res.Diagnostics)
	}
	return dst
}

// documented returns the configuration docs/publishing/name with the
// folder public in place of the placeholder.
func documented(t *testing.T, name, public string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "docs", "publishing", name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(publicPlaceholder)) {
		t.Fatalf("docs/publishing/%s does not name the output folder %s", name, publicPlaceholder)
	}
	return strings.ReplaceAll(string(b), publicPlaceholder, filepath.ToSlash(public))
}

// waitListening waits until something accepts connections on addr, or
// exited is closed, or 20 s pass.
func waitListening(t *testing.T, addr string, exited <-chan struct{}, log fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-exited:
			t.Fatalf("the server ended before it listened on %s:\n%s", addr, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing listens on %s after 20 s:\n%s", addr, log)
		}
	}
}

// client follows no redirect, so that a link that is answered with one is
// seen; it asks for gzip and undoes it, as Go's client does by default.
var client = &http.Client{
	Timeout:       20 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// answer is a response read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// get fetches u with the request headers given as name, value pairs; with
// a header Accept-Encoding the body is returned as it came.
func get(t *testing.T, u string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return answer{resp.StatusCode, resp.Header, body}
}

// contentType is what a file may be served as: one of types, with
// charset=utf-8 when charset is set (and never another charset).
type contentType struct {
	types   []string
	charset bool
}

// contentTypes are the Content-Types of the files of a site, by extension.
var contentTypes = map[string]contentType{
	".html":        {[]string{"text/html"}, true},
	".css":         {[]string{"text/css"}, false},
	".js":          {[]string{"application/javascript", "text/javascript"}, false},
	".json":        {[]string{"application/json"}, false},
	".csv":         {[]string{"text/csv"}, true},
	".xml":         {[]string{"application/xml", "text/xml"}, false},
	".txt":         {[]string{"text/plain"}, true},
	".svg":         {[]string{"image/svg+xml"}, false},
	".png":         {[]string{"image/png"}, false},
	".webmanifest": {[]string{"application/manifest+json"}, false},
}

// wantType is the Content-Type of the file at the URL path p; ok is false
// when any will do.
func wantType(p string) (ct contentType, ok bool) {
	switch {
	case strings.HasSuffix(p, "/"):
		return contentTypes[".html"], true
	case path.Base(p) == feeds.AtomFile:
		return contentType{[]string{"application/atom+xml"}, false}, true
	}
	ct, ok = contentTypes[path.Ext(p)]
	return ct, ok
}

// checkType reports a Content-Type header that is not what the file at
// the URL path p is served as.
func checkType(t *testing.T, u, p, header string) {
	t.Helper()
	want, ok := wantType(p)
	if !ok {
		return
	}
	mt, params, err := mime.ParseMediaType(header)
	cs, hasCharset := params["charset"]
	switch {
	case err != nil || !slices.Contains(want.types, mt):
		t.Errorf("%s: Content-Type %q, want %s", u, header, strings.Join(want.types, " or "))
	case hasCharset && !strings.EqualFold(cs, "utf-8"), want.charset && !hasCharset:
		t.Errorf("%s: Content-Type %q, want %s; charset=utf-8", u, header, mt)
	}
}

var (
	tagPattern  = regexp.MustCompile(`(?i)<(a|link|script|img|source|meta)\s[^>]*>`)
	attrPattern = regexp.MustCompile(`([a-zA-Z:-]+)="([^"]*)"`)
)

// htmlRefs returns the addresses an HTML page refers to: links (a href,
// link href), scripts, images (src and srcset) and the og:image and og:url
// of its head.
func htmlRefs(page []byte) []string {
	var refs []string
	for _, m := range tagPattern.FindAllSubmatch(page, -1) {
		attrs := map[string]string{}
		for _, a := range attrPattern.FindAllSubmatch(m[0], -1) {
			attrs[strings.ToLower(string(a[1]))] = html.UnescapeString(string(a[2]))
		}
		switch strings.ToLower(string(m[1])) {
		case "a", "link":
			refs = append(refs, attrs["href"])
		case "script":
			refs = append(refs, attrs["src"])
		case "img", "source":
			refs = append(refs, attrs["src"])
			for c := range strings.SplitSeq(attrs["srcset"], ",") {
				if f := strings.Fields(c); len(f) > 0 {
					refs = append(refs, f[0])
				}
			}
		case "meta":
			if p := attrs["property"]; p == "og:image" || p == "og:url" {
				refs = append(refs, attrs["content"])
			}
		}
	}
	return slices.DeleteFunc(refs, func(r string) bool { return r == "" })
}

// feedRefs returns the addresses of an Atom feed's links and of its
// entries' links.
func feedRefs(t *testing.T, b []byte) []string {
	t.Helper()
	type link struct {
		Href string `xml:"href,attr"`
	}
	var feed struct {
		Links   []link `xml:"link"`
		Entries []struct {
			Links []link `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatalf("%s does not parse: %v", feeds.AtomFile, err)
	}
	if len(feed.Entries) == 0 {
		t.Fatalf("%s has no entry", feeds.AtomFile)
	}
	var refs []string
	for _, l := range feed.Links {
		refs = append(refs, l.Href)
	}
	for _, e := range feed.Entries {
		if len(e.Links) == 0 {
			t.Errorf("an entry of %s has no link", feeds.AtomFile)
		}
		for _, l := range e.Links {
			refs = append(refs, l.Href)
		}
	}
	return refs
}

// sitemapRefs returns the <loc> addresses of a sitemap.
func sitemapRefs(t *testing.T, b []byte) []string {
	t.Helper()
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &set); err != nil || len(set.URLs) == 0 {
		t.Fatalf("%s does not parse or lists nothing: %v", feeds.SitemapFile, err)
	}
	var refs []string
	for _, u := range set.URLs {
		refs = append(refs, strings.TrimSpace(u.Loc))
	}
	return refs
}

// robotsRefs returns the Sitemap addresses of a robots.txt.
func robotsRefs(b []byte) []string {
	var refs []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Sitemap:"); ok {
			refs = append(refs, strings.TrimSpace(v))
		}
	}
	return refs
}

// checkServed checks the demo site, built into public under base
// ("http://127.0.0.1:PORT/thidua/"), as a web server serves it; with
// byPath, its redirects must give a path alone as the new address.
func checkServed(t *testing.T, base, public string, byPath bool, encodings ...string) {
	t.Run("crawl", func(t *testing.T) { crawl(t, base, public) })
	t.Run("files", func(t *testing.T) { checkFiles(t, base, public) })
	t.Run("missing", func(t *testing.T) { checkMissing(t, base, public) })
	t.Run("redirects", func(t *testing.T) { checkRedirects(t, base, byPath) })
	t.Run("gzip", func(t *testing.T) { checkGzip(t, base, public) })
	t.Run("precompressed", func(t *testing.T) { checkPrecompressed(t, base, public, encodings) })
	t.Run("caching", func(t *testing.T) { checkCaching(t, base) })
}

// twinExt is the file name ending of the precompressed twin of each
// Content-Encoding.
var twinExt = map[string]string{"gzip": ".gz", "br": ".br"}

// checkPrecompressed asks for pages and files of each text kind, which the
// demo built with precompress has twins of, in each of encodings: the
// server must answer the twin's bytes as they are (not compress the file
// again), with the file's Content-Type and Vary: Accept-Encoding.
func checkPrecompressed(t *testing.T, base, public string, encodings []string) {
	if len(encodings) == 0 {
		t.Fatal("no encoding to ask for")
	}
	for _, rel := range []string{"", "khoi/", "assets/css/site.css", "assets/vendor/echarts/echarts.min.js", "du-lieu/thidua.json", "du-lieu/awards.csv", feeds.AtomFile, feeds.SitemapFile} {
		file := rel
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		for _, enc := range encodings {
			twin, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(file)+twinExt[enc]))
			if err != nil {
				t.Fatalf("the demo built with precompress has no twin: %v", err)
			}
			u := base + rel
			a := get(t, u, "Accept-Encoding", enc)
			if a.header.Get("Content-Encoding") != enc || !bytes.Equal(a.body, twin) {
				t.Errorf("%s with Accept-Encoding: %s: Content-Encoding %q and %d bytes, want the %d of %s%s",
					u, enc, a.header.Get("Content-Encoding"), len(a.body), len(twin), file, twinExt[enc])
				continue
			}
			checkType(t, u, sitePath+rel, a.header.Get("Content-Type"))
			if !slices.Contains(strings.Split(strings.ReplaceAll(a.header.Get("Vary"), " ", ""), ","), "Accept-Encoding") {
				t.Errorf("%s: Vary %q lacks Accept-Encoding", u, a.header.Get("Vary"))
			}
		}
	}
}

// crawl follows, from the home page, robots.txt and the feed, every link,
// asset, feed entry, sitemap URL and og:image of the site: each must
// answer 200 with its Content-Type and the bytes of its file; and every
// page of public must be reached.
func crawl(t *testing.T, base, public string) {
	start, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	from := map[string]string{} // address → the first address that referred to it
	var queue []string
	add := func(ref, by string) {
		byURL, _ := url.Parse(by)
		u, err := byURL.Parse(ref)
		if err != nil {
			t.Errorf("%s refers to %q, which does not parse", by, ref)
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host != start.Host {
			return // mailto:, another site
		}
		u.Fragment, u.RawFragment = "", ""
		if !strings.HasPrefix(u.Path, sitePath) {
			t.Errorf("%s refers to %s, outside %s", by, u, sitePath)
			return
		}
		if _, seen := from[u.String()]; !seen {
			from[u.String()] = by
			queue = append(queue, u.String())
		}
	}
	add(base, base)
	add("robots.txt", base)
	add(feeds.AtomFile, base)
	pages := map[string]bool{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		a := get(t, u)
		if a.status != http.StatusOK {
			t.Errorf("%s (from %s): %d, want 200", u, from[u], a.status)
			continue
		}
		parsed, _ := url.Parse(u)
		checkType(t, u, parsed.Path, a.header.Get("Content-Type"))
		rel := strings.TrimPrefix(parsed.Path, sitePath)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		if file, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(rel))); err != nil || !bytes.Equal(file, a.body) {
			t.Errorf("%s does not answer the bytes of %s (%v)", u, rel, err)
		}
		var refs []string
		switch {
		case path.Ext(rel) == ".html":
			pages[rel] = true
			refs = htmlRefs(a.body)
		case rel == feeds.AtomFile:
			refs = feedRefs(t, a.body)
		case rel == feeds.SitemapFile:
			refs = sitemapRefs(t, a.body)
		case rel == "robots.txt":
			refs = robotsRefs(a.body)
			if len(refs) == 0 {
				t.Error("robots.txt names no sitemap")
			}
		}
		for _, r := range refs {
			add(r, u)
		}
	}
	// Each kind of reference was followed: the sitemap from robots.txt, a
	// stylesheet, a download, an image of an article, the share pictures
	// (og:image) of the home page and of a bloc year.
	for _, rel := range []string{feeds.SitemapFile, "assets/css/site.css", "du-lieu/awards.csv", "images/khoi-8-2024.svg", "og.png", "khoi/khoi-8/2024/og.png"} {
		if _, ok := from[base+rel]; !ok {
			t.Errorf("the crawl never reached %s", base+rel)
		}
	}
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		if rel := filepath.ToSlash(rel); rel != "404.html" && !pages[rel] {
			t.Errorf("the crawl never reached the page %s", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("crawled %d addresses, %d of them pages", len(from), len(pages))
}

// checkFiles fetches every file of public, linked or not (the search
// index is read by a script): each answers 200 with its Content-Type.
func checkFiles(t *testing.T, base, public string) {
	n := 0
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		u := base + filepath.ToSlash(rel)
		a := get(t, u)
		if a.status != http.StatusOK {
			t.Errorf("%s: %d, want 200", u, a.status)
		}
		checkType(t, u, sitePath+filepath.ToSlash(rel), a.header.Get("Content-Type"))
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("fetched %d files", n)
}

// checkMissing asks for pages and a file that are not there: each answers
// 404 with thidua's 404 page, whose own links and assets work from any
// depth.
func checkMissing(t *testing.T, base, public string) {
	page, err := os.ReadFile(filepath.Join(public, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{base + "khong-co-trang-nay/", base + "tin-tuc/a/b/khong-co.html", base + "assets/khong-co.css"} {
		a := get(t, u)
		if a.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", u, a.status)
		}
		checkType(t, u, "/404.html", a.header.Get("Content-Type"))
		if !bytes.Equal(a.body, page) {
			t.Errorf("%s does not answer thidua's 404 page: %.200q", u, a.body)
			continue
		}
		at, _ := url.Parse(u)
		for _, ref := range htmlRefs(a.body) {
			r, err := at.Parse(ref)
			if err != nil || r.Host != at.Host {
				continue
			}
			if r.Fragment = ""; r.String() == u {
				continue // the skip link to #main
			}
			if got := get(t, r.String()); got.status != http.StatusOK {
				t.Errorf("the 404 page at %s refers to %s, which answers %d", u, r, got.status)
			}
		}
	}
}

// checkRedirects asks for the site and a folder of it without their
// ending "/": both are sent to the address with it; with byPath, by the
// path alone, which stays right behind a proxy that speaks HTTPS for the
// server (Apache's mod_dir always writes the whole address).
func checkRedirects(t *testing.T, base string, byPath bool) {
	for _, u := range []string{strings.TrimSuffix(base, "/"), base + "khoi"} {
		a := get(t, u)
		if a.status != http.StatusMovedPermanently {
			t.Errorf("%s: %d, want 301", u, a.status)
			continue
		}
		want, _ := url.Parse(u + "/")
		loc := a.header.Get("Location")
		if loc != want.Path && (byPath || loc != want.String()) {
			t.Errorf("%s redirects to %q, want %s", u, loc, want.Path)
		}
	}
}

// checkGzip asks for the home page and files of each text kind with and
// without Accept-Encoding: gzip.
func checkGzip(t *testing.T, base, public string) {
	for _, rel := range []string{"", "tin-tuc/", "assets/css/site.css", "assets/js/search.js", "du-lieu/thidua.json", "du-lieu/awards.csv", feeds.AtomFile, feeds.SitemapFile} {
		file := rel
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		want, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		u := base + rel
		a := get(t, u, "Accept-Encoding", "gzip")
		if a.header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s with Accept-Encoding: gzip: Content-Encoding %q", u, a.header.Get("Content-Encoding"))
			continue
		}
		if !slices.Contains(strings.Split(strings.ReplaceAll(a.header.Get("Vary"), " ", ""), ","), "Accept-Encoding") {
			t.Errorf("%s: Vary %q lacks Accept-Encoding", u, a.header.Get("Vary"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(a.body))
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s gunzipped is not %s (%v)", u, file, err)
		}
		if a := get(t, u, "Accept-Encoding", "identity"); a.header.Get("Content-Encoding") != "" || !bytes.Equal(a.body, want) {
			t.Errorf("%s without gzip: Content-Encoding %q", u, a.header.Get("Content-Encoding"))
		}
	}
}

// checkCaching checks the Cache-Control of pages and data (5 minutes) and
// of the theme's assets (7 days).
func checkCaching(t *testing.T, base string) {
	for rel, want := range map[string]string{
		"":                                     "public, max-age=300",
		"khoi/":                                "public, max-age=300",
		feeds.AtomFile:                         "public, max-age=300",
		"du-lieu/thidua.json":                  "public, max-age=300",
		"assets/css/site.css":                  "public, max-age=604800",
		"assets/vendor/echarts/echarts.min.js": "public, max-age=604800",
	} {
		if got := get(t, base+rel).header.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", base+rel, got, want)
		}
	}
}

// htmlRefs finds the addresses of every kind of reference it follows.
func TestHTMLRefs(t *testing.T) {
	page := `<head><meta property="og:image" content="https://h/thidua/images/a.svg">` +
		`<meta property="og:title" content="not an address"><link rel="stylesheet" href="/thidua/a.css">` +
		`<script defer src="/thidua/a.js"></script><script type="application/json" id="c">{}</script></head>` +
		`<body><a href="khoi/?x=1&amp;y=2">k</a><IMG SRC="b.png" srcset="b-1.png 1x, b-2.png 2x">` +
		`<picture><source srcset="c.webp"></picture><a id="top">no href</a></body>`
	want := []string{"https://h/thidua/images/a.svg", "/thidua/a.css", "/thidua/a.js", "khoi/?x=1&y=2", "b.png", "b-1.png", "b-2.png", "c.webp"}
	if got := htmlRefs([]byte(page)); !slices.Equal(got, want) {
		t.Errorf("htmlRefs:\n got %q\nwant %q", got, want)
	}
}

package output

import (
	"bytes"
	"compress/gzip"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// buildTwins writes files into dest in one build with Precompress, when
// precompress is set, and commits it.
func buildTwins(t *testing.T, dest, source string, precompress bool, files map[string]string) *Dir {
	t.Helper()
	d, err := begin(dest, source, runtime.GOOS != "windows")
	if err != nil {
		t.Fatal(err)
	}
	if precompress {
		d.Precompress()
	}
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if err := d.WriteFile(rel, []byte(files[rel])); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// page is text of at least n bytes that compresses well.
func page(word string, n int) string {
	line := "<p>" + word + " thi đua khen thưởng</p>\n"
	return strings.Repeat(line, n/len(line)+1)
}

// noise is n bytes that do not compress.
func noise(n int) string {
	b := make([]byte, n)
	r := rand.NewChaCha8([32]byte{7})
	r.Read(b)
	return string(b)
}

// unzip returns the bytes of the twin at p, decompressed as its name says.
func unzip(t *testing.T, p string) string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader
	switch filepath.Ext(p) {
	case ".gz":
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		r = zr
	case ".br":
		r = brotli.NewReader(f)
	default:
		t.Fatalf("%s is not a twin", p)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return string(data)
}

// twinsOf lists the twins that dest holds, sorted.
func twinsOf(t *testing.T, dest string) []string {
	t.Helper()
	var twins []string
	for rel := range snapshot(t, dest) {
		if ext := filepath.Ext(rel); ext == ".gz" || ext == ".br" {
			twins = append(twins, rel)
		}
	}
	slices.Sort(twins)
	return twins
}

// TestTwinsDecompressToTheirFile: the text files of a build get a .gz and a
// .br twin that decompress to their bytes; small files, files that are not
// text, files that do not compress, and twins the build wrote itself get
// none, and Files does not list the twins.
func TestTwinsDecompressToTheirFile(t *testing.T) {
	dest, source := sites(t)
	files := map[string]string{
		"index.html":         page("home", 4000),
		"assets/css/a.css":   page("css", 2000),
		"search/shard.json":  page("json", 3000),
		"du-lieu/bang.csv":   page("csv", 1500),
		"index.xml":          page("feed", 1200),
		"small.html":         strings.Repeat("a", MinTwinSize-1),
		"bang.xlsx":          page("xlsx", 5000),
		"anh.PNG":            page("png", 5000),
		"noise.js":           noise(4000),
		"own.js":             page("own", 3000),
		"own.js.gz":          "the site's own gzip",
		"khoi/k/index.html":  page("bloc", 6000),
		"robots.txt":         page("robots", 1100),
		"assets/img/ico.svg": page("svg", 1300),
	}
	d := buildTwins(t, dest, source, true, files)
	want := []string{
		"assets/css/a.css.br", "assets/css/a.css.gz",
		"assets/img/ico.svg.br", "assets/img/ico.svg.gz",
		"du-lieu/bang.csv.br", "du-lieu/bang.csv.gz",
		"index.html.br", "index.html.gz",
		"index.xml.br", "index.xml.gz",
		"khoi/k/index.html.br", "khoi/k/index.html.gz",
		"own.js.br", "own.js.gz",
		"robots.txt.br", "robots.txt.gz",
		"search/shard.json.br", "search/shard.json.gz",
	}
	if got := twinsOf(t, dest); !slices.Equal(got, want) {
		t.Errorf("twins = %q\nwant    %q", got, want)
	}
	for _, twin := range want {
		if twin == "own.js.gz" {
			continue
		}
		src := strings.TrimSuffix(strings.TrimSuffix(twin, ".gz"), ".br")
		if got := unzip(t, filepath.Join(dest, twin)); got != files[src] {
			t.Errorf("%s decompresses to %d bytes, not to the %d of %s", twin, len(got), len(files[src]), src)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "own.js.gz")); string(got) != files["own.js.gz"] {
		t.Errorf("own.js.gz = %q, want the site's own file", got)
	}
	if got, want := d.Files(), append(slices.Sorted(maps.Keys(files)), Marker); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("Files() = %q, want the files written, without twins", got)
	}
}

// TestNoTwinsWithoutPrecompress: a build that does not ask writes none.
func TestNoTwinsWithoutPrecompress(t *testing.T) {
	dest, source := sites(t)
	buildTwins(t, dest, source, false, map[string]string{"index.html": page("home", 4000)})
	if got := twinsOf(t, dest); len(got) > 0 {
		t.Errorf("twins without Precompress: %q", got)
	}
}

// TestStaleTwinsAreRemoved: a twin goes with its file, when its file
// shrinks under MinTwinSize, and when a build no longer asks for twins; a
// changed file's twin holds its new bytes, whichever generation is written.
func TestStaleTwinsAreRemoved(t *testing.T) {
	dest, source := sites(t)
	files := map[string]string{"index.html": page("home", 4000), "a.html": page("a", 3000), "b.css": page("b", 3000)}
	buildTwins(t, dest, source, true, files)
	delete(files, "a.html")
	files["b.css"] = "b"
	files["index.html"] = page("home again", 4000)
	for i := range 2 { // into one generation, then into the other
		buildTwins(t, dest, source, true, files)
		if got, want := twinsOf(t, dest), []string{"index.html.br", "index.html.gz"}; !slices.Equal(got, want) {
			t.Errorf("build %d: twins = %q, want %q", i, got, want)
		}
		for _, twin := range []string{"index.html.br", "index.html.gz"} {
			if got := unzip(t, filepath.Join(dest, twin)); got != files["index.html"] {
				t.Errorf("build %d: %s holds %d bytes of an old index.html", i, twin, len(got))
			}
		}
	}
	for range 2 {
		buildTwins(t, dest, source, false, files)
		if got := twinsOf(t, dest); len(got) > 0 {
			t.Errorf("twins after a build without Precompress: %q", got)
		}
	}
	checkNoLeftovers(t, dest)
}

// TestManifestTwins: a manifest keeps what a twin was made from, and one of
// the first format, without twins, is still read.
func TestManifestTwins(t *testing.T) {
	src := digest([]byte("page"))
	twin := digest([]byte("zipped"))
	twin.ino, twin.twin, twin.of = 42, true, src.sum
	m := manifest{"a b.html": src, "a b.html.gz": twin}
	got, _, err := decodeManifest(encodeManifest(m.lines(), folderStamp{}))
	if err != nil || !maps.Equal(got, m) || !got["a b.html.gz"].twinOf(src) || got["a b.html"].twin {
		t.Errorf("decode(encode(m)) = %v, %v; want %v", got, err, m)
	}
	old := []byte(manifestHeader1 + strings.Repeat("0", 32) + " 4 7 a b.html\n")
	got, _, err = decodeManifest(old)
	if want := (manifest{"a b.html": {size: 4, ino: 7}}); err != nil || !maps.Equal(got, want) {
		t.Errorf("decode(%q) = %v, %v; want %v", old, got, err, want)
	}
	if _, _, err := decodeManifest(bytes.Replace(encodeManifest(m.lines(), folderStamp{}), []byte(" - "), []byte(" x "), 1)); err == nil {
		t.Error("a twin's field that is no digest was read")
	}
}

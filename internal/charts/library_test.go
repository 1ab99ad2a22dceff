package charts

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// written collects the files an extra writes.
type written map[string]*bytes.Buffer

func (w written) create(p string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	w[p] = b
	return nopCloser{b}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func fullLibrary() fstest.MapFS {
	fsys := fstest.MapFS{"lib/README.md": {Data: []byte("readme")}}
	for _, f := range libraryFiles {
		fsys["lib/"+f] = &fstest.MapFile{Data: []byte("content of " + f)}
	}
	return fsys
}

func TestLibraryWritesScriptWithLicences(t *testing.T) {
	site := loadSite(t, testSite)
	w := written{}
	lib := Library{FS: fullLibrary()}
	if err := lib.Write(site, nil, w.create); err != nil {
		t.Fatal(err)
	}
	paths := lib.Paths(site)
	if len(paths) != len(w) {
		t.Errorf("Paths %v, wrote %d files", paths, len(w))
	}
	for _, p := range paths {
		b, ok := w[p]
		if !ok {
			t.Errorf("%s listed, not written", p)
			continue
		}
		if want := "content of " + strings.TrimPrefix(p, LibraryDir); b.String() != want {
			t.Errorf("%s: %q, want %q", p, b, want)
		}
	}
	for _, want := range []string{Script, LibraryDir + "LICENSE", LibraryDir + "NOTICE"} {
		if _, ok := w[want]; !ok {
			t.Errorf("%s not written", want)
		}
	}
}

// A program built without the library must refuse to build a site with
// charts, and say how to get it.
func TestLibraryMissingFailsTheBuild(t *testing.T) {
	site := loadSite(t, testSite)
	fsys := fullLibrary()
	delete(fsys, "lib/echarts.min.js")
	err := Library{FS: fsys}.Write(site, nil, written{}.create)
	if !errors.Is(err, ErrNoLibrary) || !strings.Contains(err.Error(), "run make") {
		t.Errorf("error %v, want ErrNoLibrary naming make", err)
	}
}

// A site with no bloc years has no chart: nothing to write, nothing
// needed.
func TestLibraryNotNeededWithoutCharts(t *testing.T) {
	site := &model.Site{}
	w := written{}
	if err := (Library{FS: fstest.MapFS{"lib/README.md": {}}}).Write(site, nil, w.create); err != nil || len(w) != 0 {
		t.Errorf("wrote %d files, error %v", len(w), err)
	}
	if p := (Library{}).Paths(site); p != nil {
		t.Errorf("Paths %v", p)
	}
}

// HasDrawn, which decides whether the library is written, agrees with the
// pages.
func TestHasDrawnAgreesWithPages(t *testing.T) {
	site := loadSite(t, testSite)
	b := New(site, keys)
	drawn := false
	for _, p := range pages.Plan(site, keys) {
		drawn = drawn || b.Draws(p)
	}
	if !drawn || !HasDrawn(site) {
		t.Errorf("pages draw: %v, HasDrawn: %v", drawn, HasDrawn(site))
	}
	for _, bl := range site.Blocs {
		bl.Years = nil
	}
	for _, k := range site.Awards {
		k.Awards = nil
	}
	for _, u := range site.Units {
		u.Memberships, u.Awards = nil, nil
	}
	site.Years = nil
	for _, p := range pages.Plan(site, keys) {
		if b.Draws(p) {
			t.Errorf("%s draws a chart with no bloc years", p.Path)
		}
	}
	if HasDrawn(site) {
		t.Error("HasDrawn with no bloc years")
	}
}

// The committed library: what a page with charts downloads stays under
// 200 KB gzipped, and every file of it is there.
func TestBundledLibrarySize(t *testing.T) {
	b, err := fs.ReadFile(lib, "lib/echarts.min.js")
	if err != nil {
		t.Fatalf("the chart library is not in internal/charts/lib (make charts bundles it): %v", err)
	}
	for _, f := range libraryFiles {
		if _, err := fs.Stat(lib, "lib/"+f); err != nil {
			t.Errorf("lib/%s: %v", f, err)
		}
	}
	script, err := os.ReadFile("../../static/assets/js/charts.js")
	if err != nil {
		t.Fatal(err)
	}
	size := gzipped(t, b) + gzipped(t, script)
	if size >= 200<<10 {
		t.Errorf("the chart code is %d bytes gzipped, over 200 KB", size)
	}
	t.Logf("chart code: %d bytes gzipped", size)
	for _, part := range []string{"aria", "getInstanceByDom"} {
		if !bytes.Contains(b, []byte(part)) {
			t.Errorf("the bundle lacks %s", part)
		}
	}
}

// bundleSources are where make charts takes each file of lib/ from, beside
// the bundle itself: the licences in the npm packages.
var bundleSources = map[string]string{
	"LICENSE":         "node_modules/echarts/LICENSE",
	"NOTICE":          "node_modules/echarts/NOTICE",
	"LICENSE-d3":      "node_modules/echarts/licenses/LICENSE-d3",
	"LICENSE-zrender": "node_modules/zrender/LICENSE",
}

// The committed library is what the npm packages pinned in
// package-lock.json give: npm run bundle, run again in a temporary folder,
// writes the same bytes, and the licences are the packages'. It needs npm
// and the packages (npm ci, which make test runs first): under CI it always
// runs; elsewhere it is skipped when they are missing.
func TestCommittedLibraryIsTheBundle(t *testing.T) {
	root := filepath.Join("..", "..")
	npm, err := exec.LookPath("npm")
	if err == nil {
		_, err = os.Stat(filepath.Join(root, "node_modules", ".package-lock.json"))
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("npm and the npm packages are needed (npm ci): %v", err)
		}
		t.Skipf("npm or its packages are missing (%v); npm ci installs them", err)
	}
	if len(bundleSources)+1 != len(libraryFiles) {
		t.Fatalf("libraryFiles %v and the sources of the test %v disagree", libraryFiles, bundleSources)
	}
	tmp := t.TempDir()
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"package.json", "internal/charts/echarts-entry.js"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(tmp, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(tmp, "internal", "charts", "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(abs, "node_modules"), filepath.Join(tmp, "node_modules")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(npm, "run", "--silent", "bundle")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm run bundle: %v\n%s", err, out)
	}
	want := map[string]string{"echarts.min.js": filepath.Join(tmp, "internal", "charts", "lib", "echarts.min.js")}
	for f, src := range bundleSources {
		want[f] = filepath.Join(abs, filepath.FromSlash(src))
	}
	for _, f := range libraryFiles {
		fresh, err := os.ReadFile(want[f])
		if err != nil {
			t.Fatal(err)
		}
		committed, err := fs.ReadFile(lib, "lib/"+f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(committed, fresh) {
			t.Errorf("internal/charts/lib/%s (%d bytes) is not what the pinned npm packages give (%s, %d bytes): run make charts and commit it",
				f, len(committed), want[f], len(fresh))
		}
	}
}

func gzipped(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// The bundle has only what the options use: echarts-entry.js registers
// bars, lines, grid, tooltip and aria, and no option asks for more (a
// title, a legend, a toolbox would be drawn by no component).
func TestOptionsNeedOnlyTheBundledParts(t *testing.T) {
	entry, err := os.ReadFile("echarts-entry.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"BarChart", "LineChart", "GridComponent", "TooltipComponent", "AriaComponent"} {
		if !bytes.Contains(entry, []byte(part)) {
			t.Errorf("echarts-entry.js does not register %s", part)
		}
	}
	keys := map[string]bool{"aria": true, "color": true, "grid": true, "series": true, "tooltip": true, "xAxis": true, "yAxis": true}
	site := loadSite(t, testSite)
	b := New(site, func(k string) string { return k })
	n := 0
	for _, p := range pages.Plan(site, func(k string) string { return k }) {
		for _, c := range b.For(p) {
			if !c.Drawn() {
				continue
			}
			n++
			m := option(t, c)
			for k := range m {
				if !keys[k] {
					t.Errorf("%s %s: the option has %q, which the bundle does not draw", p.Path, c.ID, k)
				}
			}
			for _, s := range m["series"].([]any) {
				if ty := s.(map[string]any)["type"]; ty != "bar" && ty != "line" {
					t.Errorf("%s %s: a series of type %v", p.Path, c.ID, ty)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no chart drawn")
	}
}

// A site whose figures make no chart worth drawing, one bloc year of two
// members without scores or awards, has tables alone and needs no
// library.
func TestHasDrawnWithTablesAlone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(testSite)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"2023.yaml", "2024.yaml"} {
		if err := os.Remove(filepath.Join(dir, "data", "blocs", "khoi-a", f)); err != nil {
			t.Fatal(err)
		}
	}
	site := loadSite(t, dir)
	b := New(site, keys)
	tables := 0
	for _, p := range pages.Plan(site, keys) {
		if b.Draws(p) {
			t.Errorf("%s draws a chart", p.Path)
		}
		tables += len(b.For(p))
	}
	if tables == 0 {
		t.Error("no table of a chart either")
	}
	if HasDrawn(site) || (Library{}).Paths(site) != nil {
		t.Errorf("HasDrawn %v, library paths %v", HasDrawn(site), (Library{}).Paths(site))
	}
}

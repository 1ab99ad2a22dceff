package build

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/charts"
	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/filetree"
	"github.com/thidua/thidua/internal/ogimage"
	"github.com/thidua/thidua/internal/synth"
	"github.com/thidua/thidua/internal/vn"
)

var update = flag.Bool("update", false, "rewrite the golden output under testdata/golden")

// testNow is the build date of the tests: the fixture's consultation on the
// Cờ thi đua of 2024 is open on it, the one of 2023 closed.
var testNow = time.Date(2025, 3, 1, 0, 0, 0, 0, vn.TimeZone())

// copySite copies testdata/site into a temporary folder, so a test may
// change it, and returns its path.
func copySite(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dst, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dst
}

func buildSite(t *testing.T, src, dst string, mod ...func(*Options)) (Result, error) {
	t.Helper()
	opts := Options{Source: src, Destination: dst, Theme: thidua.Theme(), Strict: true, Now: testNow}
	for _, m := range mod {
		m(&opts)
	}
	return Run(context.Background(), opts)
}

// readTree returns every file under dir by slash-separated relative path.
// unchanged fails the test unless the folder dir holds the files of
// before, byte for byte and no others, after what happened.
func unchanged(t *testing.T, dir string, before map[string][]byte, what string) {
	t.Helper()
	after := readTree(t, dir)
	if len(after) != len(before) {
		t.Fatalf("output changed after %s: %d files, was %d", what, len(after), len(before))
	}
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed after %s", name, what)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := filetree.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGolden(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, "testdata/site", dst)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics of a clean site: %v", res.Diagnostics)
	}
	got := readTree(t, dst)
	// The theme's assets (and the chart library that make bundles beside
	// them) are copied verbatim and tested where they are written: the
	// golden files hold what the generator makes. The share pictures are
	// tested in pictures_test.go and internal/ogimage.
	for name := range got {
		if strings.HasPrefix(name, "assets/") || strings.HasPrefix(name, charts.LibraryDir) || path.Base(name) == ogimage.FileName {
			delete(got, name)
		}
	}
	golden := "testdata/golden"
	if *update {
		os.RemoveAll(golden)
		for name, b := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, golden)
	for name, b := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("missing %s", name)
		} else if !bytes.Equal(g, b) {
			t.Errorf("%s differs from the golden file (go test ./internal/build -update to accept)", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected file %s", name)
		}
	}
}

func TestPageCountAndDrafts(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, "testdata/site", dst)
	if err != nil {
		t.Fatal(err)
	}
	// home, blocs, 2 blocs, 3 bloc years, units, 8 units (one outside the
	// blocs), years, 2 years, awards, 10 built-in award kinds, 2 news
	// pages, 3 articles, decisions, 1 decision, consultations, 2
	// consultations, 1 page, search, data, 404.
	if res.Pages != 1+1+2+3+1+8+1+2+1+10+2+3+1+1+1+2+1+1+1+1 {
		t.Errorf("%d pages", res.Pages)
	}
	if _, err := os.Stat(filepath.Join(dst, "tin-tuc/nhap/index.html")); err == nil {
		t.Error("a draft was built without -D")
	}
	res, err = buildSite(t, "testdata/site", dst, func(o *Options) { o.BuildDrafts = true })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "tin-tuc/nhap/index.html")); err != nil {
		t.Error("-D did not build the draft")
	}
}

func TestTwoBuildsAreByteIdentical(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if _, err := buildSite(t, "testdata/site", a); err != nil {
		t.Fatal(err)
	}
	if _, err := buildSite(t, "testdata/site", b, func(o *Options) { o.Workers = 1 }); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files and %d files", len(ta), len(tb))
	}
	for name, x := range ta {
		if !bytes.Equal(x, tb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	src := copySite(t)
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, src, dst); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dst)
	broken := filepath.Join(src, "data/blocs/khoi-a/2024.yaml")
	if err := os.WriteFile(broken, []byte("members: [hoi-khong-co]\nleader: hoi-khong-co\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := buildSite(t, src, dst)
	if !errors.Is(err, ErrSite) {
		t.Fatalf("build of a broken site: err = %v", err)
	}
	if !slices.ContainsFunc(res.Diagnostics, func(d diag.Diagnostic) bool {
		return d.Path == "data/blocs/khoi-a/2024.yaml" && d.Severity == diag.Error
	}) {
		t.Errorf("diagnostics = %v", res.Diagnostics)
	}
	unchanged(t, dst, before, "a failed build")
}

// A build stopped half-way (Ctrl-C in thidua build --watch) fails and
// keeps the previous output, rather than swapping in the pages written so
// far.
func TestStoppedBuildKeepsPreviousOutput(t *testing.T) {
	src := t.TempDir()
	if err := synth.Write(src, synth.Options{Articles: 200, Blocs: 2, Years: 2, Members: 4, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, src, dst); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dst)
	// A new title is on every page, so that the build renders them all.
	site := filepath.Join(src, "site.yaml")
	config, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(site, bytes.Replace(config, []byte("title: "), []byte("title: Mới – "), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	pages := 0
	opts := Options{Source: src, Destination: dst, Theme: thidua.Theme(), Workers: 1,
		Progress: func(done, total int) { pages = total; stop() }}
	if _, err := Run(ctx, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("a build stopped after the first pages: err = %v, want context.Canceled", err)
	}
	if pages < 100 {
		t.Fatalf("the test site has %d pages: too few to stop a build half-way", pages)
	}
	unchanged(t, dst, before, "a stopped build")
}

func TestGoodBuildLeavesNoStaleFiles(t *testing.T) {
	src := copySite(t)
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, src, dst); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "content/news/2024/so-ket-2024.md"))
	if _, err := buildSite(t, src, dst); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "tin-tuc/so-ket-2024/index.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the page of a removed article is still there: %v", err)
	}
}

func TestHostileIDIsRejectedBeforeAnyWrite(t *testing.T) {
	src := copySite(t)
	parent := t.TempDir()
	dst := filepath.Join(parent, "out", "public")
	os.WriteFile(filepath.Join(src, "content/news/2024/evil.md"), []byte("---\ntitle: x\ndate: 2024-01-01\nslug: ../../../x\n---\nx\n"), 0o644)
	os.MkdirAll(filepath.Join(src, "data/blocs/..x"), 0o755)
	_, err := buildSite(t, src, dst)
	if !errors.Is(err, ErrSite) {
		t.Fatalf("err = %v, want ErrSite", err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 0 {
		t.Errorf("something was written: %v", entries)
	}
}

var attrURL = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestLinksUnderBasePath checks that every link and asset reference of
// every page stays under the base path and points at a file of the output.
func TestLinksUnderBasePath(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, "testdata/site", dst); err != nil {
		t.Fatal(err)
	}
	const host, base = "https://portal.example.gov.vn", "/thidua/"
	files := readTree(t, dst)
	checked := 0
	for name, b := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, m := range attrURL.FindAllSubmatch(b, -1) {
			u := strings.ReplaceAll(string(m[1]), "&amp;", "&")
			u = strings.TrimPrefix(u, host)
			if strings.HasPrefix(u, "#") || strings.HasPrefix(u, "mailto:") {
				continue
			}
			if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "//") {
				t.Errorf("%s: link to another host: %s", name, u)
				continue
			}
			if !strings.HasPrefix(u, base) {
				t.Errorf("%s: link outside the base path: %s", name, u)
				continue
			}
			p := strings.TrimPrefix(u, base)
			if i := strings.IndexAny(p, "?#"); i >= 0 {
				p = p[:i]
			}
			if p == "" || strings.HasSuffix(p, "/") {
				p += "index.html"
			}
			if _, ok := files[p]; !ok {
				t.Errorf("%s: link to a missing file: %s", name, u)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
}

// TestEnglishInterface builds the fixture with language: en: the pages say
// lang="en", the interface reads in English (dates too) and no Vietnamese
// interface string is left, while the data keeps its own language.
func TestEnglishInterface(t *testing.T) {
	src := copySite(t)
	cfg := filepath.Join(src, "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(cfg, bytes.Replace(b, []byte("language: vi"), []byte("language: en"), 1), 0o644)
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, src, dst); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dst)
	unit := string(files["don-vi/hoi-nguoi-cao-tuoi/index.html"])
	article := string(files["tin-tuc/khoi-a-tong-ket-2024/index.html"])
	for _, want := range []string{`<html lang="en">`, ">Home<", ">Units<", ">Blocs<", "Hội Người cao tuổi tỉnh"} {
		if !strings.Contains(unit, want) {
			t.Errorf("unit page lacks %q", want)
		}
	}
	if !strings.Contains(article, "Wednesday, 08/01/2025") {
		t.Error("the article's date is not in English")
	}
	for _, vi := range []string{">Trang chủ<", ">Khối thi đua<", "Thứ Tư"} {
		if strings.Contains(unit, vi) || strings.Contains(article, vi) {
			t.Errorf("an English page still says %q", vi)
		}
	}
	// The article's own table says "Đơn vị": content keeps its language,
	// but the unit page's interface must not.
	if strings.Contains(unit, ">Đơn vị<") {
		t.Error(`the English unit page still says "Đơn vị"`)
	}
}

// TestProgress: the build reports how many pages are written, one call at
// a time, the counts only rising, and ends with all of them; with 8 workers
// and a slow reporter a late worker would otherwise report an older count.
func TestProgress(t *testing.T) {
	var mu sync.Mutex
	var calls [][2]int
	src := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(src, synth.Options{Articles: 400, Blocs: 3, Years: 2, Members: 5, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	res, err := buildSite(t, src, filepath.Join(t.TempDir(), "public"), func(o *Options) {
		o.Workers = 8
		o.Progress = func(done, total int) {
			if !mu.TryLock() {
				t.Error("Progress called while another call runs")
				return
			}
			calls = append(calls, [2]int{done, total})
			time.Sleep(40 * time.Millisecond) // long enough for other workers to pass the next count
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// The first count (64) and the last are always reported; the counts
	// between are skipped while the slow reporter runs.
	if len(calls) < 2 {
		t.Fatalf("progress reported %d times for %d pages", len(calls), res.Pages)
	}
	last := calls[len(calls)-1]
	if last != [2]int{res.Pages, res.Pages} {
		t.Errorf("last progress %v, want %d of %d", last, res.Pages, res.Pages)
	}
	prev := 0
	for _, c := range calls {
		if c[1] != res.Pages || c[0] <= prev || c[0] > c[1] {
			t.Errorf("progress %v after %d: out of order or range", c, prev)
		}
		prev = c[0]
	}
}

// TestDemoNamesInForce: the demo's pages, downloads and search name a
// renamed unit by the name it bore each year, and record the rotating
// flag of the seeds (handed to the MTTQ for 2022).
func TestDemoNamesInForce(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: copyDemo(t), Destination: dst, Theme: thidua.Theme(), Strict: true}
	if res, err := Run(context.Background(), opts); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	past := `<a href="/don-vi/ban-dan-toc/">Ban Dân tộc tỉnh</a> <span class="now-name">(nay là Sở Dân tộc và Tôn giáo)</span>`
	present := `<a href="/don-vi/ban-dan-toc/">Sở Dân tộc và Tôn giáo</a></th>`
	if p := read("khoi/van-hoa-xa-hoi/2023/index.html"); !strings.Contains(p, past) || strings.Contains(p, ">Sở Dân tộc và Tôn giáo</a>") {
		t.Errorf("2023 does not name ban-dan-toc as it was named then, with its name now a click away")
	}
	if p := read("khoi/van-hoa-xa-hoi/2025/index.html"); !strings.Contains(p, present) || strings.Contains(p, "Ban Dân tộc tỉnh") {
		t.Errorf("2025 does not name ban-dan-toc by its name now")
	}
	if p := read("don-vi/ban-dan-toc/index.html"); !strings.Contains(p, "<li>Ban Dân tộc tỉnh <span class=\"muted\">(đến năm 2024)</span></li>") ||
		!strings.Contains(p, "<li>Sở Dân tộc và Tôn giáo <span class=\"muted\">(từ năm 2025)</span></li>") {
		t.Errorf("the unit page does not list its names with their years")
	}
	if csv := read("du-lieu/memberships.csv"); !strings.Contains(csv, ",2023,ban-dan-toc,Ban Dân tộc tỉnh,") {
		t.Errorf("memberships.csv does not name ban-dan-toc as it was named in 2023")
	}
	if p := read("don-vi/so-ke-hoach-dau-tu/index.html"); !strings.Contains(p, `<dt>Hợp nhất vào</dt><dd><a href="/don-vi/so-tai-chinh/">Sở Tài chính</a> <span class="muted">(từ năm 2025)</span>`) || strings.Contains(p, "Giải thể") {
		t.Errorf("the merged unit's page does not say what it was merged into")
	}
	if p := read("don-vi/so-tai-chinh/index.html"); !strings.Contains(p, `<dt>Hợp nhất từ</dt><dd><a href="/don-vi/so-ke-hoach-dau-tu/">Sở Kế hoạch và Đầu tư</a>`) {
		t.Errorf("the successor's page does not say what was merged into it")
	}
	flag := `<td data-label="Đơn vị giữ cờ"><a href="/don-vi/uy-ban-mttq/">Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh</a></td><td data-label="Nhận cờ từ"><a href="/don-vi/lien-doan-lao-dong/">Liên đoàn Lao động tỉnh</a></td><td class="tight" data-label="Ngày trao cờ"><time datetime="2022-01-14">`
	if p := read("khoi/mttq-doan-the/index.html"); !strings.Contains(p, flag) {
		t.Errorf("the MTTQ bloc's page does not show the flag handed to the MTTQ for 2022")
	}
	if p := read("khen-thuong/index.html"); strings.Contains(p, "luân lưu") {
		t.Errorf("the rotating flag is still an award kind")
	}
}

// TestStrictWarnsOfShortSummaries: a strict build (check --strict) warns of
// an article with no summary and too short a first paragraph; a build that
// is not strict does not.
func TestStrictWarnsOfShortSummaries(t *testing.T) {
	src := copySite(t)
	writeFile(t, src, "content/news/2024/anh.md", "---\ntitle: Ảnh\ndate: 2024-08-02\n---\nẢnh: Văn phòng.\n")
	for _, strict := range []bool{true, false} {
		_, diags, err := Prepare(Options{Source: src, Theme: thidua.Theme(), Strict: strict})
		warned := slices.ContainsFunc(diags, func(d diag.Diagnostic) bool {
			return d.Code == "article-no-summary" && d.Path == "content/news/2024/anh.md"
		})
		if warned != strict || strict != errors.Is(err, ErrSite) {
			t.Errorf("strict %v: warned %v, err %v", strict, warned, err)
		}
	}
}

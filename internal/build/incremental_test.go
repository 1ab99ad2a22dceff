package build

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/vn"
)

// copyDemo copies the demo site, the repository's root, into a temporary
// folder and returns its path.
func copyDemo(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	for _, name := range []string{"data", "content", "static", "layouts", "i18n"} {
		if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(filepath.Join("..", "..", name))); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "site.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// sameTree fails unless the folders got and want hold the same files with
// the same bytes.
func sameTree(t *testing.T, step, got, want string) {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	for name, wb := range w {
		gb, ok := g[name]
		switch {
		case !ok:
			t.Errorf("%s: %s is missing from the incremental output", step, name)
		case !bytes.Equal(gb, wb):
			t.Errorf("%s: %s differs from the full build's:\n%s", step, name, firstDiff(gb, wb))
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("%s: %s is in the incremental output only", step, name)
		}
	}
}

// firstDiff shows where two files first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "incremental: …" + string(a[from:min(len(a), i+80)]) + "…\nfull:        …" + string(b[from:min(len(b), i+80)]) + "…"
}

// edit replaces old with new in the file rel of the site, which must hold it.
func edit(t *testing.T, site, rel, old, new string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not hold %q", rel, old)
	}
	writeFile(t, site, rel, strings.Replace(string(b), old, new, 1))
}

func writeFile(t *testing.T, site, rel, content string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkedBuilder returns a Builder of opts, closed when the test ends, and
// a function that runs it after the changes, then a full build of the site
// as it is now, and compares the two outputs.
func checkedBuilder(t *testing.T, opts Options) (*Builder, func(step string, changed ...string) Stats) {
	t.Helper()
	b, err := NewBuilder(opts, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	build := func(step string, changed ...string) Stats {
		t.Helper()
		ctx := context.Background()
		res, st, err := b.Build(ctx, changed, false)
		if err != nil {
			t.Fatalf("%s: %v\n%v", step, err, res.Diagnostics)
		}
		full := filepath.Join(t.TempDir(), "full")
		fopts := opts
		fopts.Destination = full
		if _, err := Run(ctx, fopts); err != nil {
			t.Fatalf("%s: full build: %v", step, err)
		}
		sameTree(t, step, opts.Destination, full)
		return st
	}
	return b, build
}

func TestIncrementalEqualsFull(t *testing.T) {
	site := copyDemo(t)
	dest := filepath.Join(t.TempDir(), "public")
	b, build := checkedBuilder(t, Options{Source: site, Destination: dest, Theme: thidua.Theme(), Now: time.Date(2025, 3, 1, 0, 0, 0, 0, vn.TimeZone())})
	ctx := context.Background()
	if st := build("first"); !st.Whole {
		t.Error("the first build is not whole")
	}
	pages := len(readTree(t, dest))

	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	st := build("article body", edit2(t, site, article, "## Kết quả năm 2023", "## Kết quả năm 2023\n\nMột đoạn mới thêm vào bài."))
	if st.Whole || st.Parsed != 1 || st.Rendered > 2 || st.Written < 1 {
		t.Errorf("article body: %+v; want one file parsed and a handful of pages rendered", st)
	}
	build("article title", edit2(t, site, article, "title: Khối thi đua các hội", "title: Khối thi đua của các hội"))

	year := "data/blocs/khoi-8/2024.yaml"
	// The bloc year's own downloads are written again, as a full build
	// writes them (build compares every file).
	perPage := []string{"du-lieu/khoi/khoi-8/khoi-8-2024.xlsx", "du-lieu/khoi/khoi-8/khoi-8-2024-thanh-vien.csv"}
	old := readTree(t, dest)
	st = build("year file", edit2(t, site, year, "score: 97.9", "score: 88.8"))
	if st.Whole || st.Parsed != 1 || st.Rendered*4 > pages {
		t.Errorf("year file: %+v; want one file parsed and a few pages of %d rendered", st, pages)
	}
	now := readTree(t, dest)
	for _, f := range perPage {
		if len(now[f]) == 0 || bytes.Equal(now[f], old[f]) {
			t.Errorf("year file: %s is missing or was not written again", f)
		}
	}
	if !bytes.Contains(now[perPage[1]], []byte(",88.8,")) {
		t.Errorf("year file: %s does not hold the new score", perPage[1])
	}
	// The leader is in the bloc year's description, which search finds.
	build("year leader", edit2(t, site, year,
		"leader: hoi-nguoi-cao-tuoi\ndeputies: [hoi-nan-nhan-chat-doc-da-cam]",
		"leader: hoi-nan-nhan-chat-doc-da-cam\ndeputies: [hoi-nguoi-cao-tuoi]"))

	// An editor's atomic save: the new text goes to a temporary file that
	// is renamed over the article.
	src, _ := os.ReadFile(filepath.Join(site, article))
	writeFile(t, site, article+".tmp", strings.Replace(string(src), "Khối thi đua của các hội", "Khối thi đua các hội", 1))
	os.Rename(filepath.Join(site, article+".tmp"), filepath.Join(site, article))
	build("atomic save", article, article+".tmp")

	added := "content/news/2025/tin-moi-them.md"
	writeFile(t, site, added, "---\ntitle: Tin mới thêm\ndate: 2025-12-30\nblocs: [khoi-8]\nyear: 2025\nunits: [hoi-nguoi-cao-tuoi]\n---\n\nNội dung [khối 8](/khoi/khoi-8/).\n")
	build("article added", added)
	os.Remove(filepath.Join(site, added))
	if st := build("article deleted", added); st.Removed == 0 {
		t.Errorf("article deleted: %+v; want its page removed", st)
	}

	// A decision's record: its page, the pages of the awards that link to
	// it and the lists are rendered again, and nothing else of the records.
	decisions := "data/decisions.yaml"
	st = build("decision edited", edit2(t, site, decisions, "number: 316/QĐ-UBND", "number: 317/QĐ-UBND"))
	if st.Whole || st.Parsed != 1 || st.Rendered*4 > pages {
		t.Errorf("decision edited: %+v; want one file parsed and a few pages of %d rendered", st, pages)
	}
	if got := readTree(t, dest)["quyet-dinh/qd-316-ubnd-2025/index.html"]; !bytes.Contains(got, []byte("317/QĐ-UBND")) {
		t.Error("decision edited: its page does not show the new number")
	}
	build("decision added and named", edit2(t, site, decisions, "- id: qd-316-ubnd-2025", "- {id: qd-1-ubnd-2025, number: 1/QĐ-UBND, date: 2025-03-21, issuer: {body: UBND tỉnh, level: tinh}}\n- id: qd-316-ubnd-2025"),
		edit2(t, site, year, "decision: qd-315-ubnd-2025", "decision: qd-1-ubnd-2025"))

	notice := "data/consultations/co-thi-dua-tinh-2024.yaml"
	st = build("notice edited", edit2(t, site, notice, "to: 2025-03-03", "to: 2025-02-27"))
	if st.Whole || st.Parsed != 1 || st.Rendered*4 > pages {
		t.Errorf("notice edited: %+v; want one file parsed and a few pages of %d rendered", st, pages)
	}
	added2 := "data/consultations/bang-khen-tinh-2025.yaml"
	writeFile(t, site, added2, "title: Lấy ý kiến về Bằng khen năm 2025\naward: bang-khen-tinh\nfrom: 2025-03-03\nto: 2025-03-17\ncontact: Ban Thi đua - Khen thưởng\nbasis: Điều 46 Nghị định 98/2023/NĐ-CP\ncandidates: [{unit: hoi-khuyen-hoc}]\n")
	build("notice added", added2)
	os.Remove(filepath.Join(site, added2))
	if st := build("notice removed", added2); st.Removed == 0 {
		t.Errorf("notice removed: %+v; want its page removed", st)
	}

	edit(t, site, "data/units.yaml", "name: Hội Người cao tuổi tỉnh", "name: Hội Người cao tuổi tỉnh Bình Thuận")
	build("unit renamed", "data/units.yaml")
	// A rename kept in formerly changes the name of the years before it
	// on every page of those years, and the unit's own.
	edit(t, site, "data/units.yaml", "  name: Hội Khuyến học tỉnh\n", "  name: Hội Khuyến học tỉnh\n  formerly:\n    - {name: Hội Khuyến học Bình Thuận, short: HKH Bình Thuận, until: 2022}\n")
	build("unit renamed with its former name", "data/units.yaml")
	edit(t, site, "data/units.yaml", "{name: Ban Dân tộc tỉnh, short: Ban Dân tộc, until: 2024}", "{name: Ban Dân tộc tỉnh, short: Ban Dân tộc, until: 2023}")
	build("former name's last year", "data/units.yaml")
	edit(t, site, "data/units.yaml", "merged_into: {unit: so-tai-chinh, year: 2025}", "merged_into: {unit: so-cong-thuong, year: 2025}")
	build("merger's successor", "data/units.yaml")

	edit(t, site, "data/units.yaml", "- id: uy-ban-mttq", "- id: hoi-moi-thanh-lap\n  name: Hội Mới thành lập\n- id: uy-ban-mttq")
	writeFile(t, site, "data/blocs/khoi-moi/bloc.yaml", "name: Khối thi đua mới\norder: 99\n")
	writeFile(t, site, "data/blocs/khoi-moi/2025.yaml", "members: [hoi-moi-thanh-lap]\nleader: hoi-moi-thanh-lap\n")
	build("bloc folder added", "data/units.yaml", "data/blocs/khoi-moi")

	os.RemoveAll(filepath.Join(site, "data/blocs/khoi-moi"))
	build("bloc folder removed", "data/blocs/khoi-moi")

	os.Remove(filepath.Join(site, "data/blocs/khoi-8/2021.yaml"))
	build("year file removed", "data/blocs/khoi-8/2021.yaml")

	before := readTree(t, dest)
	edit(t, site, year, "rank: 1", "rank: [1")
	res, _, err := b.Build(ctx, []string{year}, false)
	if !errors.Is(err, ErrSite) || !slices.ContainsFunc(res.Diagnostics, func(d diag.Diagnostic) bool { return d.Path == year && d.Severity == diag.Error }) {
		t.Fatalf("broken year file: %v, %v", err, res.Diagnostics)
	}
	if after := readTree(t, dest); len(after) != len(before) || !bytes.Equal(after["index.html"], before["index.html"]) {
		t.Error("a failed build changed the destination")
	}
	edit(t, site, year, "rank: [1", "rank: 1")
	build("fixed", year)
	// A link to nothing is found after the templates are read, which the
	// next build takes again (render.Options.Previous).
	edit(t, site, article, "## Kết quả năm 2023", "Xem [trang cũ](/khong-co-trang-nay/).\n\n## Kết quả năm 2023")
	if _, _, err := b.Build(ctx, []string{article}, false); !errors.Is(err, ErrSite) {
		t.Fatalf("a link to nothing: %v, want ErrSite", err)
	}
	edit(t, site, article, "Xem [trang cũ](/khong-co-trang-nay/).\n\n", "")
	build("link fixed", article)

	edit(t, site, "site.yaml", "paginate: 10", "paginate: 3")
	build("site.yaml", "site.yaml")

	writeFile(t, site, "static/images/moi.txt", "x")
	if st := build("static file", "static/images/moi.txt"); !st.Whole {
		t.Errorf("static file: %+v; want a whole build", st)
	}
	edit(t, site, "layouts/partials/footer.html", "</footer>", "<!-- chân trang --></footer>")
	build("layout", "layouts/partials/footer.html")
}

// edit2 is edit that returns the path it changed.
func edit2(t *testing.T, site, rel, old, new string) string {
	t.Helper()
	edit(t, site, rel, old, new)
	return rel
}

func TestBuilderKeepsSiteBasePathUnderOrigin(t *testing.T) {
	site := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	b, err := NewBuilder(Options{Source: site, Destination: dest, Theme: thidua.Theme()}, "http://127.0.0.1:4321")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, _, err := b.Build(context.Background(), nil, false); err != nil {
		t.Fatal(err)
	}
	cfg, _ := os.ReadFile(filepath.Join(site, "site.yaml"))
	want := basePath(string(slices.Concat(bytes.Fields(cfg)[slices.IndexFunc(bytes.Fields(cfg), func(f []byte) bool { return string(f) == "baseURL:" })+1])))
	if got := b.BasePath(); got != want {
		t.Errorf("BasePath() = %q, want %q from site.yaml", got, want)
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(home, []byte(`href="http://127.0.0.1:4321`+want)) {
		t.Errorf("home page does not link to http://127.0.0.1:4321%s", want)
	}
}

// TestIncrementalPrecompressed: with site.yaml's precompress, a build
// writes the compressed twins, and a rebuild after a change leaves the same
// files, twins included, as a full build, compressing only the twins of the
// pages that changed.
func TestIncrementalPrecompressed(t *testing.T) {
	site := copyDemo(t)
	edit(t, site, "site.yaml", "paginate: 10", "paginate: 10\nprecompress: true")
	dest := filepath.Join(t.TempDir(), "public")
	_, build := checkedBuilder(t, Options{Source: site, Destination: dest, Theme: thidua.Theme(), Now: time.Date(2025, 3, 1, 0, 0, 0, 0, vn.TimeZone())})
	build("first")
	tree := readTree(t, dest)
	for _, twin := range []string{"index.html.gz", "index.html.br", "assets/css/site.css.gz", "assets/vendor/echarts/echarts.min.js.br"} {
		if len(tree[twin]) == 0 {
			t.Errorf("no %s", twin)
		}
	}
	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	st := build("article body", edit2(t, site, article, "## Kết quả năm 2023", "## Kết quả năm 2023\n\nMột đoạn mới thêm vào bài."))
	// The article's page and its two twins, and those of a list or two.
	if st.Whole || st.Written > 3*(st.Rendered+2) {
		t.Errorf("article body: %+v; want the pages rendered and their twins written", st)
	}
	added := "content/news/2025/tin-moi-them.md"
	writeFile(t, site, added, "---\ntitle: Tin mới thêm\ndate: 2025-12-30\n---\n\n"+strings.Repeat("Một đoạn dài của tin mới. ", 80)+"\n")
	build("article added", added)
	twin := filepath.Join(dest, "tin-tuc", "tin-moi-them", "index.html.gz")
	if _, err := os.Stat(twin); err != nil {
		t.Errorf("article added: %v", err)
	}
	os.Remove(filepath.Join(site, added))
	build("article deleted", added)
	if _, err := os.Stat(twin); err == nil {
		t.Error("the deleted article's twin is still there")
	}
}

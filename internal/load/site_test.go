package load

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

func TestValidSiteHasNoDiagnostics(t *testing.T) {
	_, diags := Site(validSite(t), Options{})
	for _, l := range lines(diags) {
		t.Error(l)
	}
}

func unitIDs(units []*model.Unit) []string {
	var out []string
	for _, u := range units {
		out = append(out, u.ID)
	}
	return out
}

func articleSlugs(arts []*model.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Slug)
	}
	return out
}

func loadValid(t *testing.T, opts Options) *model.Site {
	t.Helper()
	site, diags := Site(validSite(t), opts)
	if diags.HasErrors(true) {
		t.Fatalf("the valid site has diagnostics:\n%s", strings.Join(lines(diags), "\n"))
	}
	return site
}

func TestValidSiteConfig(t *testing.T) {
	c := loadValid(t, Options{}).Config
	if c.Title != "Thi đua – Khen thưởng tỉnh Bình Thuận" || c.Language != "vi" || c.Paginate != 10 || c.Province != "Bình Thuận" || c.MarkdownUnsafe {
		t.Errorf("config = %+v", c)
	}
	if got := c.BaseURL.String(); got != "https://portal.example.gov.vn/thidua/" {
		t.Errorf("baseURL = %q, want it to end in /", got)
	}
	if c.BasePath() != "/thidua/" {
		t.Errorf("BasePath = %q", c.BasePath())
	}
}

func TestValidSiteOrder(t *testing.T) {
	site := loadValid(t, Options{})
	var names []string
	for _, u := range site.Units {
		names = append(names, u.Name)
	}
	want := []string{
		"Ban Dân tộc tỉnh",
		"Đoàn Luật sư tỉnh",
		"Hội Chữ thập đỏ tỉnh",
		"Hội Đông y tỉnh",
		"Hội Khuyến học tỉnh",
		"Hội Nạn nhân chất độc da cam/dioxin tỉnh",
		"Hội Người cao tuổi tỉnh",
		"Liên minh Hợp tác xã tỉnh",
	}
	if !slices.Equal(names, want) {
		t.Errorf("units in order:\n%q\nwant\n%q", names, want)
	}
	if len(site.Blocs) != 2 || site.Blocs[0].ID != "khoi-7" || site.Blocs[1].ID != "khoi-8" {
		t.Errorf("blocs not by order: %v", site.Blocs)
	}
	if len(site.Awards) != 11 {
		t.Fatalf("%d award kinds, want the 10 built-in and 1 added", len(site.Awards))
	}
	for i, k := range site.Awards[:10] {
		if k.Rank != i+1 || k.ID != builtinAwards[i].id {
			t.Errorf("award %d = %s rank %d", i, k.ID, k.Rank)
		}
	}
	if last := site.Awards[10]; last.ID != "giay-khen-so" || last.Rank != 11 || last.BuiltIn {
		t.Errorf("added award kind = %+v", last)
	}
	if k := site.Award("co-thi-dua-tinh"); k.Short != "Cờ tỉnh" || k.Name != "Cờ thi đua của Ủy ban nhân dân tỉnh" || k.BuiltIn {
		t.Errorf("overridden award kind = %+v", k)
	}
	if !site.Award("giay-khen").BuiltIn {
		t.Error("giay-khen is not marked built-in")
	}
	if got := articleSlugs(site.Articles); !slices.Equal(got, []string{"khoi-8-tong-ket-2024", "ky-ket-2024"}) {
		t.Errorf("articles = %v, want newest first without the draft", got)
	}
	if len(site.Years) != 2 || site.Years[0].Year != 2023 || site.Years[1].Year != 2024 || site.CurrentYear() != 2024 {
		t.Errorf("years = %v", site.Years)
	}
	if y := site.Year(2024); len(y.Blocs) != 2 || y.Blocs[0].Bloc.ID != "khoi-7" || y.Blocs[1].Bloc.ID != "khoi-8" {
		t.Errorf("2024 blocs not in bloc order")
	}
	if !slices.Equal(site.Static, []string{"favicon.ico", "images/khoi-8.jpg"}) {
		t.Errorf("static = %q", site.Static)
	}
	if len(site.Pages) != 1 || site.Pages[0].Slug != "gioi-thieu" || site.Pages[0].Title != "Giới thiệu" {
		t.Errorf("pages = %+v", site.Pages)
	}
}

func TestValidSiteBlocYear(t *testing.T) {
	site := loadValid(t, Options{})
	k8 := site.Bloc("khoi-8")
	if k8.ShortName() != "Khối 8" || !strings.Contains(string(k8.DescriptionHTML), "<strong>đặc thù</strong>") {
		t.Errorf("bloc = %q %q", k8.ShortName(), k8.DescriptionHTML)
	}
	by := k8.Year(2024)
	if by == nil || by.Path != "data/blocs/khoi-8/2024.yaml" || k8.Latest() != by {
		t.Fatalf("khoi-8 2024 = %+v", by)
	}
	var members []string
	for _, m := range by.Members {
		members = append(members, string(m.Role)+":"+m.Unit.ID)
		if m.BlocYear != by {
			t.Errorf("membership of %s does not point back at its year", m.Unit.ID)
		}
	}
	if want := []string{"leader:hoi-nguoi-cao-tuoi", "deputy:hoi-chu-thap-do", ":hoi-khuyen-hoc"}; !slices.Equal(members, want) {
		t.Errorf("members by rank, unranked last = %v, want %v", members, want)
	}
	if m := by.Members[0]; m.Rank != 1 || m.Score == nil || *m.Score != 98.5 || m.Rating != model.RatingExcellent {
		t.Errorf("first member = %+v", m)
	}
	if by.Leader.ID != "hoi-nguoi-cao-tuoi" || len(by.Deputies) != 1 || by.Deputies[0].ID != "hoi-chu-thap-do" || by.NextLeader.ID != "hoi-chu-thap-do" {
		t.Errorf("roles: leader %v deputies %v next %v", by.Leader, by.Deputies, by.NextLeader)
	}
	var awards []string
	for _, a := range by.Awards {
		id := "-"
		if a.Unit != nil {
			id = a.Unit.ID
		}
		awards = append(awards, a.Kind.ID+"/"+id+"/"+string(a.Status))
	}
	want := []string{"co-thi-dua-tinh/hoi-nguoi-cao-tuoi/conferred", "bang-khen-tinh/hoi-chu-thap-do/conferred", "bang-khen-tinh/-/proposed"}
	if !slices.Equal(awards, want) {
		t.Errorf("awards = %v, want %v", awards, want)
	}
	if by.Awards[2].Count != 2 || by.Awards[0].Count != 1 || by.Awards[0].Decision != site.Decision("qd-45-2025") || by.Awards[0].Decision == nil {
		t.Errorf("award counts or decision wrong: %+v", by.Awards)
	}
	if d := site.Decision("qd-45-2025"); d == nil || len(d.Awards) != 1 || d.Awards[0] != by.Awards[0] || d.Level != model.LevelProvince || d.Number != "45/QĐ-UBND" {
		t.Errorf("decision = %+v", d)
	}
	if h := by.Awards[0].History; len(h) != 1 || h[0].Status != model.Conferred || !h[0].Date.Equal(time.Date(2025, 1, 20, 0, 0, 0, 0, vn.TimeZone())) {
		t.Errorf("history of a conferred award takes the decision's date: %+v", h)
	}
	if k := site.Award("co-thi-dua-tinh"); k.Class != model.ClassTitle || site.Award("bang-khen-tinh").Class != model.ClassForm {
		t.Errorf("classes: %q", k.Class)
	}
	wantDate := time.Date(2024, 3, 27, 0, 0, 0, 0, vn.TimeZone())
	if by.Covenant == nil || !by.Covenant.Date.Equal(wantDate) || by.Covenant.Date.Location() != vn.TimeZone() || !slices.Equal(by.Covenant.Goals, []string{"Hoàn thành chỉ tiêu"}) {
		t.Errorf("covenant = %+v", by.Covenant)
	}
	if len(by.Models) != 1 || by.Models[0].Unit.ID != "hoi-nguoi-cao-tuoi" || by.Models[0].BlocYear != by {
		t.Errorf("models = %+v", by.Models)
	}
	if len(by.Figures) != 1 || by.Figures[0].Value != 25300000000 || by.Figures[0].Unit != "đồng" {
		t.Errorf("figures = %+v", by.Figures)
	}
}

func TestValidSiteBackLinks(t *testing.T) {
	site := loadValid(t, Options{})
	nct := site.Unit("hoi-nguoi-cao-tuoi")
	var ms []string
	for _, m := range nct.Memberships {
		ms = append(ms, m.BlocYear.Bloc.ID+"/"+yearString(m.BlocYear.Year)+"/"+string(m.Role))
	}
	if !slices.Equal(ms, []string{"khoi-8/2023/", "khoi-8/2024/leader"}) {
		t.Errorf("memberships = %v", ms)
	}
	if len(nct.Awards) != 1 || nct.Awards[0].Kind.ID != "co-thi-dua-tinh" || len(nct.Models) != 1 {
		t.Errorf("unit awards %v, models %v", nct.Awards, nct.Models)
	}
	if got := articleSlugs(nct.Articles); !slices.Equal(got, []string{"khoi-8-tong-ket-2024", "ky-ket-2024"}) {
		t.Errorf("unit articles = %v", got)
	}
	lm, bdt := site.Unit("lien-minh-htx"), site.Unit("ban-dan-toc")
	if !slices.Equal(lm.Predecessors, []*model.Unit{bdt}) || !slices.Equal(bdt.Successors, []*model.Unit{lm}) || bdt.Dissolved != 2024 {
		t.Errorf("lineage: %v %v", lm.Predecessors, bdt.Successors)
	}
	var recipients []string
	for _, a := range site.Award("co-thi-dua-tinh").Awards {
		recipients = append(recipients, a.BlocYear.Bloc.ID+"/"+a.Unit.ID)
	}
	if !slices.Equal(recipients, []string{"khoi-7/doan-luat-su", "khoi-8/hoi-nguoi-cao-tuoi"}) {
		t.Errorf("award kind recipients = %v", recipients)
	}
	if got := articleSlugs(site.Bloc("khoi-7").Articles); !slices.Equal(got, []string{"ky-ket-2024"}) {
		t.Errorf("khoi-7 articles = %v", got)
	}
	if got := articleSlugs(site.Bloc("khoi-8").Year(2024).Articles); len(got) != 2 {
		t.Errorf("khoi-8 2024 articles = %v", got)
	}
	if got := articleSlugs(site.Year(2024).Articles); len(got) != 2 || len(site.Year(2023).Articles) != 0 {
		t.Errorf("2024 articles = %v", got)
	}
	if bdt := site.Unit("ban-dan-toc"); bdt.Memberships[0].Role != model.RoleDeputy {
		t.Errorf("ban-dan-toc role = %q", bdt.Memberships[0].Role)
	}
}

func yearString(y int) string { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

func TestValidSiteArticles(t *testing.T) {
	site := loadValid(t, Options{})
	a := site.Article("khoi-8-tong-ket-2024")
	if a.Path != "content/news/2025/khoi-8-tong-ket-2024.md" || a.Image != "images/khoi-8.jpg" || a.Author != "Ngọc Hân" || a.Year != 2024 {
		t.Errorf("article = %+v", a)
	}
	if !a.Date.Equal(time.Date(2025, 1, 8, 0, 0, 0, 0, vn.TimeZone())) {
		t.Errorf("date = %v", a.Date)
	}
	if a.Summary != "Sáng 8/1, Khối thi đua 8 tổ chức hội nghị tổng kết." {
		t.Errorf("summary = %q, want the first paragraph", a.Summary)
	}
	if a.BodyLine != 10 || !strings.HasPrefix(string(a.Body), "<p>Sáng 8/1") {
		t.Errorf("body starts on line %d: %q", a.BodyLine, a.Body)
	}
	want := []model.Ref{{Dest: "/khoi/khoi-8/", Line: 12, Column: 5}, {Dest: "/images/khoi-8.jpg", Line: 14, Column: 1, Image: true}}
	if !slices.Equal(a.Refs, want) {
		t.Errorf("refs = %+v, want %+v", a.Refs, want)
	}
	k := site.Article("ky-ket-2024")
	if k.Date.Format(time.RFC3339) != "2024-03-27T09:00:00+07:00" || k.Summary != "Hai khối ký kết giao ước." || len(k.Blocs) != 2 {
		t.Errorf("ky-ket = %v %q %v", k.Date, k.Summary, k.Blocs)
	}
	if p := site.Pages[0]; !slices.Equal(p.Refs, []model.Ref{{Dest: "/tin-tuc/", Line: 4, Column: 23}}) || p.BodyLine != 4 {
		t.Errorf("page refs = %+v, body line %d", p.Refs, p.BodyLine)
	}
}

func TestBuildDrafts(t *testing.T) {
	site := loadValid(t, Options{BuildDrafts: true})
	if got := articleSlugs(site.Articles); !slices.Equal(got, []string{"nhap", "khoi-8-tong-ket-2024", "ky-ket-2024"}) {
		t.Errorf("articles with drafts = %v", got)
	}
	if !site.Article("nhap").Draft {
		t.Error("the draft is not marked Draft")
	}
}

func TestBaseURLOption(t *testing.T) {
	site := loadValid(t, Options{BaseURL: "http://localhost:1313"})
	if got := site.Config.BaseURL.String(); got != "http://localhost:1313/" {
		t.Errorf("baseURL = %q", got)
	}
	_, diags := Site(validSite(t), Options{BaseURL: "localhost:1313"})
	want := []string{`site.yaml: error: the base URL given on the command line is "localhost:1313"; give an absolute http or https address, like https://thidua.example.gov.vn/`}
	if got := lines(diags); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestAllErrorsTogether breaks several files at once: every mistake of
// every file is reported in one run, none hiding another.
func TestAllErrorsTogether(t *testing.T) {
	files := map[string]string{}
	var want []string
	for _, c := range checks {
		switch c.name {
		case "unknown field with suggestion", "duplicate article slug", "site.yaml with a relative baseURL", "ignored files and a bloc folder without bloc.yaml", "unit in no bloc":
			for p, s := range c.files {
				files[p] = s
			}
			want = append(want, c.want...)
		}
	}
	_, diags := Site(apply(t, files), Options{})
	got := lines(diags)
	slices.Sort(want)
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if !slices.Equal(sorted, want) {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if len(want) < 9 {
		t.Fatalf("the combined checks give only %d diagnostics", len(want))
	}
}

// TestParsersArePure parses every file of the valid site twice: the same
// bytes give equal results.
func TestParsersArePure(t *testing.T) {
	for p, f := range validSite(t) {
		k := classify(p)
		if k == kindOutside || k == kindIgnored || k == kindStatic {
			continue
		}
		a, b := parseFile(k, p, f.Data, nil), parseFile(k, p, slices.Clone(f.Data), nil)
		if !reflect.DeepEqual(a.value, b.value) || !reflect.DeepEqual(a.diags.Items(), b.diags.Items()) {
			t.Errorf("%s: two parses differ", p)
		}
		if reflect.ValueOf(a.value).IsNil() {
			t.Errorf("%s: parse gave nil", p)
		}
	}
}

// TestFilesSetAndRemove changes one file of a loaded site at a time, as a
// watcher does, and assembles again.
func TestFilesSetAndRemove(t *testing.T) {
	fsys := validSite(t)
	files := &Files{}
	for p, f := range fsys {
		if d := files.Set(p, f.Data); d.Len() != 0 {
			t.Fatalf("%s: %v", p, lines(d))
		}
	}
	site, diags := Assemble(files, Options{})
	if diags.Len() != 0 || len(site.Articles) != 2 || len(site.Static) != 2 {
		t.Fatalf("assembled %d articles, %d static files: %v", len(site.Articles), len(site.Static), lines(diags))
	}
	files.Set("content/news/ky-ket.md", []byte("---\ntitle: Đổi\ndate: 2026-01-01\nslug: ky-ket-2024\n---\n"))
	files.Remove("content/news/2025/khoi-8-tong-ket-2024.md")
	files.Remove("static/favicon.ico")
	if d := files.Set("data/blocs/khoi-8/ghi-chu.txt", nil); !strings.Contains(strings.Join(lines(d), ""), "warning: the file is ignored") {
		t.Errorf("an ignored file gives %v", lines(d))
	}
	if d := files.Set("layouts/home.html", nil); d.Len() != 0 {
		t.Errorf("a layout gives %v", lines(d))
	}
	site, diags = Assemble(files, Options{})
	if diags.HasErrors(false) {
		t.Fatal(lines(diags))
	}
	if len(site.Articles) != 1 || site.Articles[0].Title != "Đổi" || !slices.Equal(site.Static, []string{"images/khoi-8.jpg"}) {
		t.Errorf("after the changes: articles %v, static %v", articleSlugs(site.Articles), site.Static)
	}

	// A body is rendered under the base path of the site.yaml that Files holds.
	files.Set("site.yaml", []byte("title: T\nbaseURL: https://portal.example.gov.vn/thidua/\n"))
	files.Set("content/news/ky-ket.md", []byte("---\ntitle: Đổi\ndate: 2026-01-01\nslug: ky-ket-2024\n---\n\nXem [khối](/khoi/khoi-8/).\n"))
	site, _ = Assemble(files, Options{})
	if len(site.Articles) != 1 || !strings.Contains(string(site.Articles[0].Body), `href="/thidua/khoi/khoi-8/"`) {
		t.Errorf("the body is not rendered under the base path /thidua/: %v", site.Articles)
	}
}

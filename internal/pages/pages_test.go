package pages

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
)

func testSite(articles int) *model.Site {
	s := &model.Site{Config: model.Config{Title: "T", Paginate: 10}}
	u := &model.Unit{ID: "hoi-a", Name: "Hội A"}
	b := &model.Bloc{ID: "khoi-8", Name: "Khối 8"}
	y := &model.BlocYear{Bloc: b, Year: 2024}
	b.Years = []*model.BlocYear{y}
	s.Units = []*model.Unit{u}
	s.Blocs = []*model.Bloc{b}
	s.Years = []*model.Year{{Year: 2024, Blocs: b.Years}}
	s.Awards = []*model.AwardKind{{ID: "co-thi-dua-tinh", Name: "Cờ"}}
	for i := range articles {
		s.Articles = append(s.Articles, &model.Article{Slug: fmt.Sprintf("a-%d", i), Title: "A", Path: fmt.Sprintf("content/news/a-%d.md", i)})
	}
	s.Pages = []*model.Page{{Slug: "gioi-thieu", Path: "content/pages/gioi-thieu.md", Title: "Giới thiệu"}}
	s.Static = []string{"images/a.svg"}
	s.Index()
	return s
}

func identity(k string) string { return k }

func TestPlanPaths(t *testing.T) {
	plan := Plan(testSite(25), identity)
	var paths []string
	for _, p := range plan {
		paths = append(paths, p.File())
	}
	want := []string{
		"index.html", "khoi/index.html", "khoi/khoi-8/index.html", "khoi/khoi-8/2024/index.html",
		"don-vi/index.html", "don-vi/hoi-a/index.html", "nam/index.html", "nam/2024/index.html",
		"khen-thuong/index.html", "khen-thuong/co-thi-dua-tinh/index.html",
		"tin-tuc/index.html", "tin-tuc/trang/2/index.html", "tin-tuc/trang/3/index.html",
	}
	if got := strings.Join(paths[:len(want)], " "); got != strings.Join(want, " ") {
		t.Fatalf("plan starts\n%s\nwant\n%s", got, strings.Join(want, " "))
	}
	if last := plan[len(plan)-1]; last.File() != "404.html" || last.Kind != "404" {
		t.Errorf("last page = %q", last.File())
	}
	if got := plan[len(plan)-2].File(); got != "gioi-thieu/index.html" {
		t.Errorf("standalone page = %q", got)
	}
}

// TestRecordPagesBeginThePlan: RecordPages gives the pages Plan starts
// with, field for field, and every page of Plan of the records' kinds.
func TestRecordPagesBeginThePlan(t *testing.T) {
	site := testSite(25)
	plan, records := Plan(site, identity), RecordPages(site, identity)
	if len(records) == 0 || len(records) >= len(plan) {
		t.Fatalf("%d record pages of %d", len(records), len(plan))
	}
	if !reflect.DeepEqual(plan[:len(records)], records) {
		t.Error("the record pages are not the first of the plan")
	}
	recordKinds := []Kind{KindHome, KindBlocs, KindBloc, KindBlocYear, KindUnits, KindUnit, KindYears, KindYear, KindAwards, KindAward}
	for _, p := range plan[len(records):] {
		if slices.Contains(recordKinds, p.Kind) {
			t.Errorf("the %s page %s of the plan is not a record page", p.Kind, p.Path)
		}
	}
}

// TestEachRecordPageStopsWhenTold: EachRecordPage yields the pages of
// RecordPages in order, and makes no more once a loop over it breaks, at
// every point of it.
func TestEachRecordPageStopsWhenTold(t *testing.T) {
	site := testSite(25)
	records := RecordPages(site, identity)
	for stop := 1; stop <= len(records); stop++ {
		var got []*Page
		for p := range EachRecordPage(site, identity) {
			got = append(got, p)
			if len(got) == stop {
				break
			}
		}
		if !reflect.DeepEqual(got, records[:stop]) {
			t.Fatalf("stopping after %d: got %d pages, not the first of RecordPages", stop, len(got))
		}
	}
}

func TestPagination(t *testing.T) {
	plan := Plan(testSite(25), identity)
	var news []*Page
	for _, p := range plan {
		if p.Kind == "news" {
			news = append(news, p)
		}
	}
	if len(news) != 3 {
		t.Fatalf("%d news pages, want 3", len(news))
	}
	if n := len(news[2].Articles); n != 5 {
		t.Errorf("last page has %d articles, want 5", n)
	}
	p := news[1].Pager
	if p.Number != 2 || p.Count != 3 || p.Prev != "tin-tuc/" || p.Next != "tin-tuc/trang/3/" || p.Last != "tin-tuc/trang/3/" {
		t.Errorf("pager of page 2 = %+v", *p)
	}
	if news[0].Pager.Prev != "" || news[2].Pager.Next != "" {
		t.Error("first page has a previous page or last page a next one")
	}
	if empty := Plan(testSite(0), identity); len(empty) == 0 {
		t.Fatal("empty plan")
	}
	for _, p := range Plan(testSite(0), identity) {
		if p.Kind == "news" && (p.Pager.Count != 1 || len(p.Articles) != 0) {
			t.Errorf("news page of a site with no article: %+v", *p.Pager)
		}
	}
}

func TestCheckRefs(t *testing.T) {
	s := testSite(1)
	s.Articles[0].Refs = []model.Ref{
		{Dest: "/khoi/khoi-8/", Line: 7, Column: 3},
		{Dest: "/khoi/khoi-8", Line: 8, Column: 3},
		{Dest: "/don-vi/hoi-a/#giai-thuong", Line: 9, Column: 1},
		{Dest: "/images/a.svg", Line: 10, Column: 1, Image: true},
		{Dest: "/images/missing.jpg", Line: 11, Column: 5, Image: true},
		{Dest: "/don-vi/hoi-b/", Line: 12, Column: 2},
		{Dest: "/index.xml", Line: 13, Column: 2},
		{Dest: "/khoi/khoi-8/?nam=2024#thanh-vien", Line: 14, Column: 2},
		{Dest: "/images/a%2Esvg", Line: 15, Column: 2, Image: true},
	}
	plan := Plan(s, identity)
	l := CheckRefs(s, NewTargets(plan, s.Static, "index.xml"))
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.String())
	}
	want := []string{
		`content/news/a-0.md:11:5: error: the image "/images/missing.jpg" points at no page or file of the site; check the address, or put the file under static/`,
		`content/news/a-0.md:12:2: error: the link "/don-vi/hoi-b/" points at no page or file of the site; check the address, or put the file under static/ (did you mean "/don-vi/hoi-a/"?)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckRelativeRefs wants a link or image relative to its page
// resolved against the page's address, as a browser does, and checked as a
// site-relative one, with the same positioned error.
func TestCheckRelativeRefs(t *testing.T) {
	s := testSite(2)
	s.Static = append(s.Static, "tin-tuc/a-0/anh.jpg")
	s.Articles[0].Refs = []model.Ref{
		{Dest: "../a-1/", Line: 6, Column: 1},
		{Dest: "../a-1", Line: 6, Column: 9},
		{Dest: "anh.jpg", Line: 7, Column: 3, Image: true},
		{Dest: "./anh.jpg?v=2#x", Line: 7, Column: 20, Image: true},
		{Dest: "../../khoi/khoi-8/", Line: 8, Column: 1},
		{Dest: "../../../../khoi/", Line: 8, Column: 30},
		{Dest: "?trang=2", Line: 9, Column: 1},
		{Dest: "..", Line: 9, Column: 10},
		{Dest: "../a-9/", Line: 10, Column: 4},
		{Dest: "anh-khac.jpg", Line: 11, Column: 2, Image: true},
		{Dest: "../../khoi/khoi-9/", Line: 12, Column: 7},
	}
	s.Pages[0].Refs = []model.Ref{
		{Dest: "tin-tuc/a-0/", Line: 5, Column: 1},
		{Dest: "../images/a.svg", Line: 6, Column: 1, Image: true},
		{Dest: "../tin-tuc/a-0/", Line: 6, Column: 20},
		{Dest: "a.svg", Line: 7, Column: 2, Image: true},
	}
	plan := Plan(s, identity)
	var got []string
	for _, d := range CheckRefs(s, NewTargets(plan, s.Static)).Items() {
		got = append(got, d.String())
	}
	want := []string{
		`content/news/a-0.md:10:4: error: the link "../a-9/" (/tin-tuc/a-9/, from this page) points at no page or file of the site; check the address, or put the file under static/`,
		`content/news/a-0.md:11:2: error: the image "anh-khac.jpg" (/tin-tuc/a-0/anh-khac.jpg, from this page) points at no page or file of the site; check the address, or put the file under static/ (did you mean "/tin-tuc/a-0/anh.jpg"?)`,
		`content/news/a-0.md:12:7: error: the link "../../khoi/khoi-9/" (/khoi/khoi-9/, from this page) points at no page or file of the site; check the address, or put the file under static/ (did you mean "/khoi/khoi-8/"?)`,
		// A page is a folder of its own: a link written as if from the root is not.
		`content/pages/gioi-thieu.md:5:1: error: the link "tin-tuc/a-0/" (/gioi-thieu/tin-tuc/a-0/, from this page) points at no page or file of the site; check the address, or put the file under static/`,
		`content/pages/gioi-thieu.md:7:2: error: the image "a.svg" (/gioi-thieu/a.svg, from this page) points at no page or file of the site; check the address, or put the file under static/ (did you mean "/gioi-thieu/"?)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestResolveRelative(t *testing.T) {
	for _, c := range []struct{ page, dest, want string }{
		{"tin-tuc/a/", "../khoi-8-tong-ket-2024/", "/tin-tuc/khoi-8-tong-ket-2024/"},
		{"tin-tuc/a/", "anh.jpg", "/tin-tuc/a/anh.jpg"},
		{"tin-tuc/a/", "../../../x", "/x"},
		{"tin-tuc/a/", "..", "/tin-tuc/"},
		{"tin-tuc/a/", "../..", "/"},
		{"tin-tuc/a/", ".", "/tin-tuc/a/"},
		{"tin-tuc/a/", "?p=2#k", "/tin-tuc/a/?p=2#k"},
		{"tin-tuc/a/", "b/./c/../d#x?y", "/tin-tuc/a/b/d#x?y"},
		{"gioi-thieu/", "lien-he/", "/gioi-thieu/lien-he/"},
		{"", "khoi/", "/khoi/"},
	} {
		if got := resolveRelative(c.page, c.dest); got != c.want {
			t.Errorf("resolveRelative(%q, %q) = %q, want %q", c.page, c.dest, got, c.want)
		}
	}
}

func TestCheckCollisions(t *testing.T) {
	s := testSite(1)
	s.Pages = append(s.Pages, &model.Page{Slug: "khoi", Path: "content/pages/khoi.md"})
	s.Static = append(s.Static, "index.html")
	got := CheckCollisions(s, Plan(s, identity)).Items()
	if len(got) != 2 || got[0].Path != "content/pages/khoi.md" || got[1].Path != "static/index.html" {
		t.Fatalf("collisions = %v", got)
	}
}

func TestPathOf(t *testing.T) {
	s := testSite(1)
	for x, want := range map[any]string{
		s.Unit("hoi-a"):           "don-vi/hoi-a/",
		s.Bloc("khoi-8").Years[0]: "khoi/khoi-8/2024/",
		s.Year(2024):              "nam/2024/",
		2023:                      "nam/2023/",
		s.Article("a-0"):          "tin-tuc/a-0/",
		s.Pages[0]:                "gioi-thieu/",
	} {
		if got, err := PathOf(x); err != nil || got != want {
			t.Errorf("PathOf(%T) = %q, %v; want %q", x, got, err, want)
		}
	}
	if _, err := PathOf("x"); err == nil {
		t.Error("PathOf(string) gave no error")
	}
}

func TestPlanHasSearchAndDataPages(t *testing.T) {
	paths := map[Kind]string{}
	for _, p := range Plan(testSite(1), identity) {
		paths[p.Kind] = p.Path
	}
	if paths["search"] != SearchPath || paths["data"] != DataPath {
		t.Errorf("search page at %q, data page at %q", paths["search"], paths["data"])
	}
}

func TestDescriptions(t *testing.T) {
	s := testSite(0)
	b := s.Bloc("khoi-8")
	b.Summary = "Các hội đặc thù."
	u := s.Unit("hoi-a")
	y := b.Years[0]
	y.Leader = u
	m := &model.Membership{Unit: u, BlocYear: y, Role: model.RoleLeader}
	y.Members = []*model.Membership{m}
	y2 := &model.BlocYear{Bloc: b, Year: 2025, Members: []*model.Membership{{Unit: u}}}
	u.Memberships = []*model.Membership{m, {Unit: u, BlocYear: y2}}
	tr := func(k string) string {
		return map[string]string{"role-leader": "Khối trưởng", "units_count": "đơn vị"}[k]
	}
	want := map[string]string{
		"khoi/khoi-8/":      "Các hội đặc thù.",
		"khoi/khoi-8/2024/": "Khối 8 – 2024. Khối trưởng: Hội A; 1 đơn vị.",
		"don-vi/hoi-a/":     "Hội A – Khối 8, 2024–2025.",
	}
	for _, p := range Plan(s, tr) {
		if w, ok := want[p.Path]; ok && p.Description != w {
			t.Errorf("%s: description %q, want %q", p.Path, p.Description, w)
		}
	}
}

// TestPlanHasDecisionsAndNotices: a page per decision and per public
// consultation, under their lists, with their crumbs and a description
// that gives a decision's number, date and issuer.
func TestPlanHasDecisionsAndNotices(t *testing.T) {
	s := testSite(0)
	s.Decisions = []*model.Decision{{ID: "qd-45-2025", Number: "45/QĐ-UBND", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC), Issuer: "UBND tỉnh", Title: "Về việc tặng Cờ thi đua"}}
	s.Notices = []*model.Notice{{ID: "co-thi-dua-2024", Title: "Lấy ý kiến"}}
	plan := Plan(s, identity)
	byPath := map[string]*Page{}
	for _, p := range plan {
		byPath[p.Path] = p
	}
	d, n := byPath["quyet-dinh/qd-45-2025/"], byPath["lay-y-kien/co-thi-dua-2024/"]
	switch {
	case byPath[DecisionsPath] == nil || byPath[DecisionsPath].Kind != "decisions", byPath[NoticesPath] == nil || byPath[NoticesPath].Kind != "notices":
		t.Fatal("the lists of decisions and consultations are missing")
	case d == nil || d.Kind != "decision" || d.Decision != s.Decisions[0] || d.Title != "decision_word 45/QĐ-UBND" || len(d.Crumbs) != 2 || d.Crumbs[1].Path != DecisionsPath:
		t.Errorf("decision page %+v", d)
	case d.Description != "45/QĐ-UBND – 20/01/2025 – UBND tỉnh: Về việc tặng Cờ thi đua.":
		t.Errorf("decision description %q", d.Description)
	case n == nil || n.Kind != "notice" || n.Notice != s.Notices[0] || len(n.Crumbs) != 2 || n.Crumbs[1].Path != NoticesPath:
		t.Errorf("notice page %+v", n)
	}
	for _, x := range []any{s.Decisions[0], s.Notices[0]} {
		if p, err := PathOf(x); err != nil || byPath[p] == nil {
			t.Errorf("PathOf(%T) = %q, %v", x, p, err)
		}
	}
}

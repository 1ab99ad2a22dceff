package ogimage

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

func identity(k string) string {
	switch k {
	case "role-leader":
		return "Khối trưởng"
	case "og_top":
		return "Dẫn đầu: %s"
	case "og_awards_count":
		return "%d lượt khen thưởng đã tặng"
	case "awards":
		return "Khen thưởng"
	case "bloc":
		return "Khối"
	}
	return k
}

// testSite is a bloc of four units in 2024 with awards conferred and
// proposed, and two articles.
func testSite(t *testing.T) (*model.Site, []*pages.Page) {
	t.Helper()
	base, _ := url.Parse("https://portal.example.gov.vn/thidua/")
	a, b, c, d := &model.Unit{ID: "a", Name: "Hội Người cao tuổi tỉnh", Short: "Hội NCT"}, &model.Unit{ID: "b", Name: "Hội Chữ thập đỏ tỉnh"},
		&model.Unit{ID: "c", Name: "Hội Khuyến học tỉnh"}, &model.Unit{ID: "d", Name: "Hội Đông y tỉnh"}
	bloc := &model.Bloc{ID: "khoi-8", Name: "Khối thi đua 8"}
	y := &model.BlocYear{Bloc: bloc, Year: 2024, Leader: b}
	for i, u := range []*model.Unit{a, b, c, d} {
		m := &model.Membership{Unit: u, BlocYear: y, Rank: i + 1}
		if u == b {
			m.Role = model.RoleLeader
		}
		y.Members = append(y.Members, m)
		u.Memberships = append(u.Memberships, m)
	}
	flag, merit := &model.AwardKind{ID: "co", Name: "Cờ thi đua của Ủy ban nhân dân tỉnh", Short: "Cờ thi đua", Rank: 1},
		&model.AwardKind{ID: "bk", Name: "Bằng khen", Rank: 2}
	for _, aw := range []*model.Award{
		{Kind: flag, BlocYear: y, Unit: a, Count: 1, Status: model.Conferred},
		{Kind: merit, BlocYear: y, Unit: b, Count: 1, Status: model.Conferred},
		{Kind: merit, BlocYear: y, Count: 2, Status: model.Conferred},
		{Kind: merit, BlocYear: y, Unit: d, Count: 1, Status: model.Proposed},
	} {
		y.Awards = append(y.Awards, aw)
		aw.Kind.Awards = append(aw.Kind.Awards, aw)
		if aw.Unit != nil {
			aw.Unit.Awards = append(aw.Unit.Awards, aw)
		}
	}
	bloc.Years = []*model.BlocYear{y}
	svg := &model.Article{Slug: "svg", Title: "Tổng kết năm 2024", Image: "/images/a.svg", Blocs: []*model.Bloc{bloc}, Year: 2024,
		Date: time.Date(2025, 1, 8, 9, 0, 0, 0, vn.TimeZone()), Author: "Ngọc Hân", Summary: "Khối trưởng mới."}
	jpg := &model.Article{Slug: "jpg", Title: "Có ảnh", Image: "/images/a.JPG", Units: []*model.Unit{c}}
	site := &model.Site{Config: model.Config{Title: "Thi đua tỉnh Mẫu", BaseURL: base, Language: "vi"},
		Units: []*model.Unit{a, b, c, d}, Blocs: []*model.Bloc{bloc}, Awards: []*model.AwardKind{flag, merit},
		Years: []*model.Year{{Year: 2024, Blocs: []*model.BlocYear{y}}}, Articles: []*model.Article{svg, jpg}}
	return site, pages.Plan(site, identity)
}

func page(plan []*pages.Page, path string) *pages.Page {
	i := slices.IndexFunc(plan, func(p *pages.Page) bool { return p.Path == path })
	return plan[i]
}

// TestCardFacts: a bloc year shows its leader, top three and awards
// (conferred apart from proposed); a unit its bloc and awards count; an
// article its date and author; each its address under the base path.
func TestCardFacts(t *testing.T) {
	site, plan := testSite(t)
	for path, want := range map[string][]string{
		"khoi/khoi-8/2024/": {"Khối trưởng: Hội Chữ thập đỏ tỉnh", "Dẫn đầu: 1. Hội NCT · 2. Hội Chữ thập đỏ tỉnh · 3. Hội Khuyến học tỉnh",
			"Khen thưởng: Cờ thi đua 1 · Bằng khen 3", "status-proposed: Bằng khen 1"},
		"don-vi/b/":       {"Khối: Khối thi đua 8 (2024)", "Khối trưởng: 2024", "1 lượt khen thưởng đã tặng"},
		"tin-tuc/svg/":    {"Thứ Tư, 08/01/2025 · Ngọc Hân", "Khối trưởng mới."},
		"khen-thuong/bk/": {"og_conferred", "og_proposed", "og_records"},
	} {
		c := CardOf(site, page(plan, path), identity)
		for i, f := range want {
			if i >= len(c.Facts) || !strings.HasPrefix(c.Facts[i], f) {
				t.Errorf("%s: facts %q, want %q", path, c.Facts, want)
				break
			}
		}
		if c.Address != "portal.example.gov.vn/thidua/"+path {
			t.Errorf("%s: address %q", path, c.Address)
		}
	}
	if c := CardOf(site, page(plan, "khoi/khoi-8/2024/"), identity); c.Label != "blocs" || c.Title != "Khối thi đua 8 – 2024" {
		t.Errorf("bloc year card: %+v", c)
	}
	// A kind without facts of its own shows its description.
	p := &pages.Page{Kind: "decision", Path: "quyet-dinh/12/", Title: "Quyết định 12", Description: "Tặng Cờ thi đua."}
	if c := CardOf(site, p, identity); !slices.Equal(c.Facts, []string{"Tặng Cờ thi đua."}) {
		t.Errorf("a kind without facts: %q", c.Facts)
	}
}

// TestPictureOf: an article's own raster image wins, an SVG never is one;
// an article that draws none shares that of its bloc year or unit; lists
// share the home page's; the 404 page has none.
func TestPictureOf(t *testing.T) {
	site, plan := testSite(t)
	for _, articles := range []bool{false, true} {
		site.Config.ArticlePictures = articles
		svgWant := "khoi/khoi-8/2024/og.png"
		if articles {
			svgWant = "tin-tuc/svg/og.png"
		}
		for path, want := range map[string]string{
			"":                  "og.png",
			"khoi/":             "og.png",
			"khoi/khoi-8/":      "khoi/khoi-8/og.png",
			"khoi/khoi-8/2024/": "khoi/khoi-8/2024/og.png",
			"don-vi/a/":         "don-vi/a/og.png",
			"nam/2024/":         "nam/2024/og.png",
			"khen-thuong/co/":   "khen-thuong/co/og.png",
			"tin-tuc/svg/":      svgWant,
			"tin-tuc/jpg/":      "/images/a.JPG",
		} {
			pic, ok := Of(site, page(plan, path))
			if !ok || pic.Path != want || pic.Alt == "" {
				t.Errorf("article pictures %v: the picture of %q is %+v, want %s", articles, path, pic, want)
			}
			if strings.HasSuffix(pic.Path, ".png") && (pic.Width != Width || pic.Height != Height || pic.Type != "image/png") {
				t.Errorf("%q: %+v", path, pic)
			}
			if p := page(plan, path); Drawn(site, p) != (pic.Path == File(p)) {
				t.Errorf("%q: drawn %v, picture %s", path, Drawn(site, p), pic.Path)
			}
		}
		if pic, _ := Of(site, page(plan, "tin-tuc/jpg/")); pic.Type != "image/jpeg" || pic.Width != 0 {
			t.Errorf("an article's own JPEG: %+v", pic)
		}
	}
	if _, ok := Of(site, page(plan, pages.NotFound)); ok {
		t.Error("the 404 page has a picture")
	}
	for name, want := range map[string]bool{"a.png": true, "a.JPEG": true, "a.jpg": true, "a.webp": true, "a.svg": false, "a.SVG": false, "a.gif": false, "a": false} {
		if IsRaster(name) != want {
			t.Errorf("IsRaster(%q) = %v", name, !want)
		}
	}
}

package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// testSite has n articles, one a day back from 8 January 2025, 15:30 UTC,
// and a bloc, a unit and a year that the first article is about.
func testSite(n int) *model.Site {
	base, _ := url.Parse("https://portal.example.gov.vn/thidua/")
	s := &model.Site{Config: model.Config{Title: "Thi đua & Khen thưởng <tỉnh>", BaseURL: base, Language: "vi", Paginate: 10}}
	b := &model.Bloc{ID: "khoi-8", Name: "Khối 8"}
	y := &model.BlocYear{Bloc: b, Year: 2024}
	b.Years = []*model.BlocYear{y}
	u := &model.Unit{ID: "hoi-a", Name: "Hội A"}
	s.Blocs, s.Units = []*model.Bloc{b}, []*model.Unit{u}
	s.Years = []*model.Year{{Year: 2024, Blocs: b.Years}}
	s.Awards = []*model.AwardKind{{ID: "giay-khen", Name: "Giấy khen"}}
	for i := range n {
		a := &model.Article{Slug: fmt.Sprintf("tin-%02d", i), Title: fmt.Sprintf("Tin số %d: A & B", i),
			Date:    time.Date(2025, 1, 8, 15, 30, 0, 0, time.UTC).AddDate(0, 0, -i),
			Summary: "Tóm tắt <" + fmt.Sprint(i) + ">"}
		if i%2 == 0 {
			a.Author = "Ngọc Hân"
		}
		s.Articles = append(s.Articles, a)
	}
	if n > 0 {
		a := s.Articles[0]
		a.Blocs, a.Units, a.Year = []*model.Bloc{b}, []*model.Unit{u}, 2024
		b.Articles, y.Articles, u.Articles, s.Years[0].Articles = []*model.Article{a}, []*model.Article{a}, []*model.Article{a}, []*model.Article{a}
	}
	s.Index()
	return s
}

func identity(k string) string { return k }

// write runs an extra and returns the one file it wrote.
func write(t *testing.T, x interface {
	Paths(*model.Site) []string
	Write(*model.Site, []*pages.Page, func(string) (io.WriteCloser, error)) error
}, site *model.Site) []byte {
	t.Helper()
	var buf closer
	var name string
	err := x.Write(site, pages.Plan(site, identity), func(n string) (io.WriteCloser, error) {
		name = n
		return &buf, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if p := x.Paths(site); len(p) != 1 || p[0] != name {
		t.Errorf("wrote %s, Paths says %v", name, p)
	}
	return buf.Bytes()
}

type closer struct{ bytes.Buffer }

func (*closer) Close() error { return nil }

// atomFeed is what a feed reader sees, declared apart from the writer's types.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"http://www.w3.org/2005/Atom id"`
	Updated string   `xml:"http://www.w3.org/2005/Atom updated"`
	Title   string   `xml:"http://www.w3.org/2005/Atom title"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Entries []struct {
		ID        string `xml:"http://www.w3.org/2005/Atom id"`
		Title     string `xml:"http://www.w3.org/2005/Atom title"`
		Updated   string `xml:"http://www.w3.org/2005/Atom updated"`
		Published string `xml:"http://www.w3.org/2005/Atom published"`
		Author    string `xml:"http://www.w3.org/2005/Atom author>name"`
		Summary   string `xml:"http://www.w3.org/2005/Atom summary"`
		Link      struct {
			Href string `xml:"href,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

func TestAtomParsesBack(t *testing.T) {
	site := testSite(25)
	b := write(t, Atom{}, site)
	var f atomFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("the feed does not parse as Atom: %v\n%s", err, b)
	}
	if f.Title != site.Config.Title || f.ID != "https://portal.example.gov.vn/thidua/" {
		t.Errorf("feed title %q, id %q", f.Title, f.ID)
	}
	if f.Updated != "2025-01-08T22:30:00+07:00" {
		t.Errorf("feed updated %q, want the newest article's time in +07:00", f.Updated)
	}
	if len(f.Links) != 2 || f.Links[0].Rel != "self" || f.Links[0].Href != "https://portal.example.gov.vn/thidua/index.xml" {
		t.Errorf("feed links %+v", f.Links)
	}
	if len(f.Entries) != FeedSize {
		t.Fatalf("%d entries, want %d", len(f.Entries), FeedSize)
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		a := site.Articles[i]
		if e.Title != a.Title || e.Summary != a.Summary {
			t.Errorf("entry %d: %q %q", i, e.Title, e.Summary)
		}
		if want := "https://portal.example.gov.vn/thidua/tin-tuc/" + a.Slug + "/"; e.Link.Href != want {
			t.Errorf("entry %d links %s, want %s", i, e.Link.Href, want)
		}
		for _, stamp := range []string{e.Updated, e.Published} {
			got, err := time.Parse(time.RFC3339, stamp)
			if err != nil || !got.Equal(a.Date) || !strings.HasSuffix(stamp, "+07:00") {
				t.Errorf("entry %d time %q, want %v in +07:00", i, stamp, a.Date)
			}
		}
		if (a.Author != "" && e.Author != a.Author) || (a.Author == "" && e.Author != site.Config.Title) {
			t.Errorf("entry %d author %q", i, e.Author)
		}
		if ids[e.ID] || !strings.HasPrefix(e.ID, "tag:portal.example.gov.vn,") {
			t.Errorf("entry %d id %q repeated or not a tag URI", i, e.ID)
		}
		ids[e.ID] = true
	}
}

func TestEntryIDIsStable(t *testing.T) {
	site := testSite(3)
	a := site.Articles[1]
	id := EntryID(site.Config.BaseURL, a)
	if id != "tag:portal.example.gov.vn,2025-01-07:/thidua/tin-tuc/tin-01/" {
		t.Errorf("id = %q", id)
	}
	// Editing the title or summary, or adding newer articles, keeps the id.
	a.Title, a.Summary = "Tiêu đề mới", "Tóm tắt mới"
	more := testSite(30)
	if got := EntryID(more.Config.BaseURL, a); got != id {
		t.Errorf("id changed to %q", got)
	}
	// A time late on a UTC day is the next day in Vietnam.
	late := &model.Article{Slug: "x", Date: time.Date(2024, 12, 31, 20, 0, 0, 0, time.UTC)}
	if got := EntryID(site.Config.BaseURL, late); !strings.Contains(got, ",2025-01-01:") {
		t.Errorf("id = %q, want the date in Vietnam", got)
	}
}

func TestEmptyFeedIsValid(t *testing.T) {
	var f atomFeed
	if err := xml.Unmarshal(write(t, Atom{}, testSite(0)), &f); err != nil {
		t.Fatal(err)
	}
	if f.Updated == "" || len(f.Entries) != 0 {
		t.Errorf("empty feed: updated %q, %d entries", f.Updated, len(f.Entries))
	}
}

func TestSitemap(t *testing.T) {
	site := testSite(12)
	plan := pages.Plan(site, identity)
	b := write(t, Sitemap{}, site)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	}
	if err := xml.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	lastmod := map[string]string{}
	for _, u := range set.URLs {
		lastmod[u.Loc] = u.LastMod
	}
	if len(set.URLs) != len(plan)-1 || len(lastmod) != len(set.URLs) {
		t.Errorf("%d URLs (%d distinct) for a plan of %d pages and the 404 page", len(set.URLs), len(lastmod), len(plan)-1)
	}
	base := "https://portal.example.gov.vn/thidua/"
	for _, p := range plan {
		if _, ok := lastmod[base+p.Path]; ok == (p.Kind == "404") {
			t.Errorf("page %q (%s) listed: %v", p.Path, p.Kind, ok)
		}
	}
	for loc, want := range map[string]string{
		base:                      "2025-01-08T22:30:00+07:00",
		base + "tin-tuc/tin-03/":  "2025-01-05T22:30:00+07:00",
		base + "khoi/khoi-8/":     "2025-01-08T22:30:00+07:00",
		base + "don-vi/hoi-a/":    "2025-01-08T22:30:00+07:00",
		base + "tin-tuc/trang/2/": "2024-12-29T22:30:00+07:00",
		base + "khen-thuong/":     "",
		base + "tim-kiem/":        "",
	} {
		if got, ok := lastmod[loc]; !ok || got != want {
			t.Errorf("lastmod of %s = %q (listed %v), want %q", loc, got, ok, want)
		}
	}
}

// TestSitemapValidates checks the sitemap against the sitemaps.org schema
// with xmllint (Debian's libxml2-utils).
func TestSitemapValidates(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		const msg = "xmllint not found (apt-get install libxml2-utils); cannot validate the sitemap"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	for name, site := range map[string]*model.Site{"news": testSite(12), "empty": testSite(0)} {
		file := filepath.Join(t.TempDir(), "sitemap.xml")
		if err := os.WriteFile(file, write(t, Sitemap{}, site), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/sitemap.xsd", file).CombinedOutput()
		if err != nil {
			t.Errorf("%s: xmllint: %v\n%s", name, err, out)
		}
	}
	// The schema is strict enough to catch a bad sitemap.
	bad := filepath.Join(t.TempDir(), "bad.xml")
	os.WriteFile(bad, []byte(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc><lastmod>8/1/2025</lastmod></url></urlset>`), 0o644)
	if err := exec.Command(xmllint, "--noout", "--schema", "testdata/sitemap.xsd", bad).Run(); err == nil {
		t.Error("xmllint accepts a sitemap with a bad lastmod")
	}
}

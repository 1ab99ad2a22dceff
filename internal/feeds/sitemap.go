package feeds

import (
	"io"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// URLSet is a sitemap of sitemaps.org's protocol 0.9.
type URLSet struct {
	XMLName struct{} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []URL    `xml:"url"`
}

// URL is one page of a sitemap.
type URL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap writes sitemap.xml; it is a build.Extra.
type Sitemap struct{}

// Paths is the sitemap.
func (Sitemap) Paths(*model.Site) []string { return []string{SitemapFile} }

// Reads says that the sitemap lists every page with its last change.
func (Sitemap) Reads() model.Parts { return model.PartFrame | model.PartRecords }

// Write writes the sitemap of the plan.
func (Sitemap) Write(site *model.Site, plan []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	return writeXML(create, SitemapFile, NewURLSet(site, plan))
}

// NewURLSet lists every page of the plan but the 404 page, in plan order,
// with the date of the newest article it shows as its lastmod when it shows
// any.
func NewURLSet(site *model.Site, plan []*pages.Page) *URLSet {
	base := site.Config.BaseURL.String()
	set := &URLSet{}
	for _, p := range plan {
		if p.Kind == pages.KindNotFound {
			continue
		}
		u := URL{Loc: base + p.Path}
		if t := LastMod(site, p); !t.IsZero() {
			u.LastMod = t.In(vn.TimeZone()).Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, u)
	}
	return set
}

// LastMod is the date of the newest article that page p shows, or the zero
// time when it shows none.
func LastMod(site *model.Site, p *pages.Page) time.Time {
	var articles []*model.Article
	switch {
	case p.Article != nil:
		return p.Article.Date
	case p.BlocYear != nil:
		articles = p.BlocYear.Articles
	case p.Bloc != nil:
		articles = p.Bloc.Articles
	case p.Unit != nil:
		articles = p.Unit.Articles
	case p.Year != nil:
		articles = p.Year.Articles
	case p.Kind == pages.KindNews:
		articles = p.Articles
	case p.Kind == pages.KindHome:
		articles = site.Articles
	}
	if len(articles) == 0 {
		return time.Time{}
	}
	return articles[0].Date
}

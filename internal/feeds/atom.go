// Package feeds writes what crawlers and feed readers read: the Atom feed
// of the news (index.xml) and the sitemap (sitemap.xml).
package feeds

import (
	"encoding/xml"
	"io"
	"net/url"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// Where the feed and the sitemap go, site-relative.
const (
	AtomFile    = "index.xml"
	SitemapFile = "sitemap.xml"
)

// FeedSize is how many of the newest articles the feed holds.
const FeedSize = 20

// The Atom 1.0 document, RFC 4287.
type (
	// Feed is an atom:feed.
	Feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Links   []Link   `xml:"link"`
		Entries []Entry  `xml:"entry"`
	}
	// Entry is an atom:entry.
	Entry struct {
		ID        string   `xml:"id"`
		Title     string   `xml:"title"`
		Updated   string   `xml:"updated"`
		Published string   `xml:"published"`
		Links     []Link   `xml:"link"`
		Authors   []Person `xml:"author"`
		Summary   string   `xml:"summary,omitempty"`
	}
	// Link is an atom:link.
	Link struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	// Person is an atom:author.
	Person struct {
		Name string `xml:"name"`
	}
)

// Atom writes index.xml; it is a build.Extra.
type Atom struct{}

// Paths is the feed.
func (Atom) Paths(*model.Site) []string { return []string{AtomFile} }

// Reads says that the feed holds the whole of the latest articles.
func (Atom) Reads() model.Parts { return model.PartFrame | model.PartArticles }

// Write writes the feed.
func (Atom) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	return writeXML(create, AtomFile, NewFeed(site))
}

// NewFeed is the feed of the FeedSize newest articles. Times are in
// Vietnam's time zone; the feed's updated time is that of its newest
// article, so that a build changes nothing when the news does not change.
func NewFeed(site *model.Site) *Feed {
	base := site.Config.BaseURL.String()
	f := &Feed{
		Lang:  site.Config.Language,
		ID:    base,
		Title: site.Config.Title,
		Links: []Link{
			{Rel: "self", Type: "application/atom+xml", Href: base + AtomFile},
			{Rel: "alternate", Type: "text/html", Href: base + pages.NewsPath},
		},
	}
	articles := site.Articles[:min(FeedSize, len(site.Articles))]
	f.Updated = "2000-01-01T00:00:00+07:00"
	if len(articles) > 0 {
		f.Updated = stamp(articles[0].Date)
	}
	for _, a := range articles {
		e := Entry{
			ID:        EntryID(site.Config.BaseURL, a),
			Title:     a.Title,
			Updated:   stamp(a.Date),
			Published: stamp(a.Date),
			Links:     []Link{{Rel: "alternate", Type: "text/html", Href: base + pages.ArticlePath(a)}},
			Summary:   a.Summary,
		}
		author := a.Author
		if author == "" {
			author = site.Config.Title
		}
		e.Authors = []Person{{Name: author}}
		f.Entries = append(f.Entries, e)
	}
	return f
}

// EntryID is the id of an article's entry, a tag URI (RFC 4151) made of the
// site's host, the article's date and the path of its page, none of which
// changes once it is published.
func EntryID(base *url.URL, a *model.Article) string {
	return "tag:" + base.Hostname() + "," + a.Date.In(vn.TimeZone()).Format(time.DateOnly) + ":" + base.Path + pages.ArticlePath(a)
}

// stamp is an RFC 3339 time in Vietnam's time zone.
func stamp(t time.Time) string { return t.In(vn.TimeZone()).Format(time.RFC3339) }

func writeXML(create func(string) (io.WriteCloser, error), name string, v any) error {
	return output.WriteFile(create, name, func(w io.Writer) error {
		if _, err := io.WriteString(w, xml.Header); err != nil {
			return err
		}
		enc := xml.NewEncoder(w)
		enc.Indent("", " ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := io.WriteString(w, "\n")
		return err
	})
}

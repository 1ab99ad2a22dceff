package feeds

import (
	"cmp"
	"io"
	"slices"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// NoticesFile is the Atom feed of the public consultations, site-relative.
const NoticesFile = pages.NoticesPath + "index.xml"

// Notices writes the Atom feed of the public consultations; it is a
// build.Extra.
type Notices struct{}

// Paths is the feed.
func (Notices) Paths(*model.Site) []string { return []string{NoticesFile} }

// Reads says that the feed holds the consultation notices, which are among
// the records.
func (Notices) Reads() model.Parts { return model.PartFrame | model.PartRecords }

// Write writes the feed.
func (Notices) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	return writeXML(create, NoticesFile, NewNoticesFeed(site))
}

// NewNoticesFeed is the feed of every consultation, newest first by the
// day it was published (the first day of its window when not given). An
// entry holds nothing that depends on the build's date, so that a notice
// closing changes no byte of the feed.
func NewNoticesFeed(site *model.Site) *Feed {
	base := site.Config.BaseURL.String()
	f := &Feed{
		Lang:    site.Config.Language,
		ID:      base + pages.NoticesPath,
		Title:   site.Config.Title,
		Updated: "2000-01-01T00:00:00+07:00",
		Links: []Link{
			{Rel: "self", Type: "application/atom+xml", Href: base + NoticesFile},
			{Rel: "alternate", Type: "text/html", Href: base + pages.NoticesPath},
		},
	}
	notices := slices.Clone(site.Notices)
	day := func(n *model.Notice) time.Time {
		if !n.Published.IsZero() {
			return n.Published
		}
		return n.From
	}
	sortNewest(notices, day)
	for i, n := range notices {
		if i == 0 {
			f.Updated = stamp(day(n))
		}
		f.Entries = append(f.Entries, Entry{
			ID:        "tag:" + site.Config.BaseURL.Hostname() + "," + day(n).In(vn.TimeZone()).Format(time.DateOnly) + ":" + site.Config.BaseURL.Path + pages.NoticePath(n),
			Title:     n.Title,
			Updated:   stamp(day(n)),
			Published: stamp(day(n)),
			Links:     []Link{{Rel: "alternate", Type: "text/html", Href: base + pages.NoticePath(n)}},
			Authors:   []Person{{Name: site.Config.Title}},
			Summary:   vn.FormatShortDate(n.From) + " – " + vn.FormatShortDate(n.To) + ". " + n.Contact,
		})
	}
	return f
}

// sortNewest orders ns by day, newest first, then by id.
func sortNewest(ns []*model.Notice, day func(*model.Notice) time.Time) {
	slices.SortStableFunc(ns, func(x, y *model.Notice) int {
		return cmp.Or(day(y).Compare(day(x)), cmp.Compare(x.ID, y.ID))
	})
}

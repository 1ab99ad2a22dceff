package build

import (
	"io"
	"slices"

	"github.com/thidua/thidua/internal/feeds"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// robots writes robots.txt, which lets every crawler in and, when one of
// the other extras writes the sitemap, says where it is.
type robots struct {
	others []Extra
}

func (robots) Paths(*model.Site) []string { return []string{"robots.txt"} }

func (r robots) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	w, err := create("robots.txt")
	if err != nil {
		return err
	}
	text := "User-agent: *\nAllow: /\n"
	if slices.ContainsFunc(r.others, func(x Extra) bool { return slices.Contains(x.Paths(site), feeds.SitemapFile) }) {
		text += "\nSitemap: " + site.Config.BaseURL.String() + feeds.SitemapFile + "\n"
	}
	if _, err := io.WriteString(w, text); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

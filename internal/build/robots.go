package build

import (
	"io"
	"slices"

	"github.com/thidua/thidua/internal/feeds"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
)

// robots writes robots.txt, which lets every crawler in and, when one of
// the other extras writes the sitemap, says where it is.
type robots struct {
	others []Extra
}

func (robots) Paths(*model.Site) []string { return []string{"robots.txt"} }

// Reads says that robots.txt names the sitemap by the site's address.
func (robots) Reads() model.Parts { return model.PartFrame }

func (r robots) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	text := "User-agent: *\nAllow: /\n"
	if slices.ContainsFunc(r.others, func(x Extra) bool { return slices.Contains(x.Paths(site), feeds.SitemapFile) }) {
		text += "\nSitemap: " + site.Config.BaseURL.String() + feeds.SitemapFile + "\n"
	}
	return output.WriteFile(create, "robots.txt", func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

package build

import (
	"html/template"

	"github.com/thidua/thidua/internal/feeds"
	"github.com/thidua/thidua/internal/opendata"
	"github.com/thidua/thidua/internal/search"
)

// DefaultExtras are the files every build writes beyond the pages when
// Options.Extras is nil: the search index, the Atom feed, the sitemap and
// the open data downloads.
func DefaultExtras() []Extra {
	return []Extra{search.Extra{}, feeds.Atom{}, feeds.Sitemap{}, opendata.Extra{}}
}

// extraFuncs are the template functions of the extras' pages: downloads
// lists the files of the open data page.
func extraFuncs() template.FuncMap {
	return template.FuncMap{"downloads": opendata.Files}
}

// allExtras is robots.txt and the extras of the options, DefaultExtras
// when they are nil.
func (o Options) allExtras() []Extra {
	extras := o.Extras
	if extras == nil {
		extras = DefaultExtras()
	}
	r := robots{}
	for _, x := range extras {
		if _, ok := x.(feeds.Sitemap); ok {
			r.sitemap = true
		}
	}
	return append([]Extra{r}, extras...)
}

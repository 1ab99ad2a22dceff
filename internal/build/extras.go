package build

import (
	"html/template"

	"github.com/thidua/thidua/internal/charts"
	"github.com/thidua/thidua/internal/feeds"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/opendata"
	"github.com/thidua/thidua/internal/search"
)

// DefaultExtras are the files every build writes beyond the pages when
// Options.Extras is nil: the search index, the Atom feed, the sitemap and
// the open data downloads, and the chart library.
func DefaultExtras() []Extra {
	return []Extra{search.Extra{}, feeds.Atom{}, feeds.Notices{}, feeds.Sitemap{}, opendata.Extra{}, charts.Library{}}
}

// builderExtras are DefaultExtras with a search index that keeps the terms
// of each article's text, and open data that keeps its workbooks, from one
// build to the next, for a Builder.
func builderExtras() []Extra {
	extras := DefaultExtras()
	for i, x := range extras {
		switch x.(type) {
		case search.Extra:
			extras[i] = search.Extra{Terms: search.NewTermCache()}
		case opendata.Extra:
			extras[i] = opendata.Extra{Workbooks: opendata.NewWorkbooks()}
		}
	}
	return extras
}

// extraFuncs are the template functions of later stages: downloads lists
// the files of the open data page, pageDownloads those a page links to,
// dataDate when the records last changed, charts gives the charts of a
// page in the language of t.
func extraFuncs(site *model.Site, t func(key string) string) template.FuncMap {
	funcs := charts.Funcs(site, t)
	funcs["downloads"] = opendata.Files
	funcs["pageDownloads"], funcs["dataDate"] = opendata.PageFiles, opendata.DataDate
	return funcs
}

// allExtras is robots.txt and the extras of the options, DefaultExtras
// when they are nil.
func (o Options) allExtras() []Extra {
	extras := o.Extras
	if extras == nil {
		extras = DefaultExtras()
	}
	return append([]Extra{robots{others: extras}}, extras...)
}

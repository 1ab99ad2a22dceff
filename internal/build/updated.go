package build

import (
	"context"
	"time"

	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

// gitTimeout bounds the git calls that date a site's files.
const gitTimeout = 30 * time.Second

// datedPaths are the files whose dates a site shows, relative to the site
// folder: the units' and the bloc years'. Asking git for them alone spares
// it the articles' changes, most of a site's history.
func datedPaths() []string { return []string{"data/units.yaml", "data/blocs"} }

// gitDates returns when each of the dated files last changed, from the git
// history of the site folder: from opts.git when it is set, else with one
// git call.
func (opts Options) gitDates(ctx context.Context) gitinfo.Dates {
	if opts.git != nil {
		return opts.git.Dates(ctx)
	}
	return gitinfo.Read(ctx, opts.Source, datedPaths()...)
}

// stampUpdated sets when each bloc year and unit of site last changed, from
// the git history of the site folder, for the builds of b: the dates come from a
// gitinfo.Tracker, which reads the whole history at the first build, and
// at each later one only asks git which commit HEAD names, and reads the
// commits made since when there are any.
func (b *Builder) stampUpdated(site *model.Site) {
	if b.git == nil {
		b.git = gitinfo.NewTracker(b.opts.Source, datedPaths()...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	setUpdated(site, b.git.Dates(ctx))
}

// setUpdated sets the Updated of each bloc year to the date of its file,
// and of each unit to the newest of data/units.yaml and its year files.
func setUpdated(site *model.Site, dates gitinfo.Dates) {
	if len(dates) == 0 {
		return
	}
	zone := vn.TimeZone()
	for _, b := range site.Blocs {
		for _, y := range b.Years {
			if t := dates.Latest(y.Path); !t.IsZero() {
				y.Updated = t.In(zone)
			}
		}
	}
	units := dates.Latest("data/units.yaml")
	for _, u := range site.Units {
		latest := units
		for _, m := range u.Memberships {
			if t := dates.Latest(m.BlocYear.Path); t.After(latest) {
				latest = t
			}
		}
		if !latest.IsZero() {
			u.Updated = latest.In(zone)
		}
	}
}

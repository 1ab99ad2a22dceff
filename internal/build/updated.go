package build

import (
	"context"
	"time"

	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

// gitTimeout bounds the one git call that dates a site's files.
const gitTimeout = 30 * time.Second

// stampUpdated sets when each bloc year and unit of site last changed, from
// the git history of the site folder dir, with one git call. It sets
// nothing when dir is not a git repository. Call it before site is read by
// anyone else.
func stampUpdated(dir string, site *model.Site) {
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	setUpdated(site, gitinfo.Read(ctx, dir))
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

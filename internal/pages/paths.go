// Package pages is the URL plan of a site: one Page per output page, with
// its path, title, breadcrumbs and the model objects it shows. It also checks
// that every site-relative link and image of the Markdown points at
// something the build will write.
package pages

import (
	"fmt"
	"strconv"

	"github.com/thidua/thidua/internal/model"
)

// The sections of the site (docs/format.md, the table of addresses), as
// site-relative paths.
const (
	BlocsPath  = "khoi/"
	UnitsPath  = "don-vi/"
	YearsPath  = "nam/"
	AwardsPath = "khen-thuong/"
	NewsPath   = "tin-tuc/"
	SearchPath = "tim-kiem/"
	DataPath   = "du-lieu/"
	// DecisionsPath and NoticesPath are the decisions and the public
	// consultations.
	DecisionsPath = "quyet-dinh/"
	NoticesPath   = "lay-y-kien/"
	NotFound      = "404.html"
)

// BlocPath is the path of a bloc's page.
func BlocPath(b *model.Bloc) string { return BlocsPath + b.ID + "/" }

// BlocYearPath is the path of a bloc's year page.
func BlocYearPath(y *model.BlocYear) string {
	return BlocPath(y.Bloc) + strconv.Itoa(y.Year) + "/"
}

// UnitPath is the path of a unit's page.
func UnitPath(u *model.Unit) string { return UnitsPath + u.ID + "/" }

// YearPath is the path of a year across all blocs.
func YearPath(year int) string { return YearsPath + strconv.Itoa(year) + "/" }

// AwardPath is the path of an award kind's page.
func AwardPath(k *model.AwardKind) string { return AwardsPath + k.ID + "/" }

// DecisionPath is the path of a decision's page.
func DecisionPath(d *model.Decision) string { return DecisionsPath + d.ID + "/" }

// NoticePath is the path of a public consultation's page.
func NoticePath(n *model.Notice) string { return NoticesPath + n.ID + "/" }

// ArticlePath is the path of a news article.
func ArticlePath(a *model.Article) string { return NewsPath + a.Slug + "/" }

// StandalonePath is the path of a page from content/pages.
func StandalonePath(p *model.Page) string { return p.Slug + "/" }

// NewsListPath is the path of page n (1-based) of the news list.
func NewsListPath(n int) string {
	if n <= 1 {
		return NewsPath
	}
	return NewsPath + "trang/" + strconv.Itoa(n) + "/"
}

// PathOf returns the path of the page that shows x, one of the model's
// pointer types or an int year.
func PathOf(x any) (string, error) {
	switch v := x.(type) {
	case *model.Bloc:
		return BlocPath(v), nil
	case *model.BlocYear:
		return BlocYearPath(v), nil
	case *model.Unit:
		return UnitPath(v), nil
	case *model.Year:
		return YearPath(v.Year), nil
	case int:
		return YearPath(v), nil
	case *model.AwardKind:
		return AwardPath(v), nil
	case *model.Article:
		return ArticlePath(v), nil
	case *model.Page:
		return StandalonePath(v), nil
	case *model.Decision:
		return DecisionPath(v), nil
	case *model.Notice:
		return NoticePath(v), nil
	case *Page:
		return v.Path, nil
	}
	return "", fmt.Errorf("no page shows a %T", x)
}

// File is the output file of a page path: "khoi/" gives "khoi/index.html",
// "" gives "index.html" and a path that names a file is kept.
func File(path string) string {
	if path == "" || path[len(path)-1] == '/' {
		return path + "index.html"
	}
	return path
}

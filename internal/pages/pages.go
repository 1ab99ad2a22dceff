package pages

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/model"
)

// Page is one output page: where it goes and what it shows. Exactly one of
// the model fields is set for a page about one thing; list pages set none.
type Page struct {
	Kind        Kind   // the kind of page, which names its layout
	Path        string // site-relative: "" for home, "khoi/khoi-8/", "404.html"
	Title       string
	Description string
	Crumbs      []Crumb // from home to the parent of this page

	Bloc       *model.Bloc
	BlocYear   *model.BlocYear
	Unit       *model.Unit
	Year       *model.Year
	Award      *model.AwardKind
	Article    *model.Article
	Standalone *model.Page
	Decision   *model.Decision
	Notice     *model.Notice

	Articles []*model.Article // the news list page's share of articles
	Pager    *Pager
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Count           int    // this page, 1-based, and how many there are
	First, Prev, Next, Last string // site-relative paths; "" when there is none
}

// File is the output file of the page.
func (p *Page) File() string { return File(p.Path) }

// Translator gives the interface string of a key in the site's language.
type Translator func(key string) string

// RecordPages returns the pages of Plan that show the records, as Plan
// gives them and in its order: home, then the lists and each bloc, bloc
// year, unit, year and award kind. They are the pages that may draw a
// chart, a few hundred of a site's thousands.
func RecordPages(site *model.Site, t Translator) []*Page {
	return slices.Collect(EachRecordPage(site, t))
}

// EachRecordPage yields the pages of RecordPages in their order, making
// each only when the one before was taken: a caller that looks for one
// page of a kind stops early.
func EachRecordPage(site *model.Site, t Translator) iter.Seq[*Page] {
	return func(yield func(*Page) bool) {
		home := homeCrumb(t)
		if !yield(&Page{Kind: KindHome, Path: "", Title: site.Config.Title, Description: orElse(site.Config.Description, describe(t, "desc_home", site, ""))}) {
			return
		}

		blocs := Crumb{Title: t("blocs"), Path: BlocsPath}
		if !yield(&Page{Kind: KindBlocs, Path: BlocsPath, Title: t("blocs"), Description: describe(t, "desc_blocs", site, ""), Crumbs: []Crumb{home}}) {
			return
		}
		for _, b := range site.Blocs {
			bc := Crumb{Title: b.Name, Path: BlocPath(b)}
			if !yield(&Page{Kind: KindBloc, Path: BlocPath(b), Title: b.Name, Description: orElse(b.Summary, describe(t, "desc_bloc", site, b.Name)),
				Crumbs: []Crumb{home, blocs}, Bloc: b}) {
				return
			}
			for _, y := range b.Years {
				if !yield(&Page{Kind: KindBlocYear, Path: BlocYearPath(y), Title: b.Name + " – " + strconv.Itoa(y.Year),
					Description: blocYearDescription(y, t), Crumbs: []Crumb{home, blocs, bc}, BlocYear: y, Bloc: b}) {
					return
				}
			}
		}

		units := Crumb{Title: t("units"), Path: UnitsPath}
		if !yield(&Page{Kind: KindUnits, Path: UnitsPath, Title: t("units"), Description: describe(t, "desc_units", site, ""), Crumbs: []Crumb{home}}) {
			return
		}
		for _, u := range site.Units {
			if !yield(&Page{Kind: KindUnit, Path: UnitPath(u), Title: u.Name, Description: unitDescription(u), Crumbs: []Crumb{home, units}, Unit: u}) {
				return
			}
		}

		years := Crumb{Title: t("years"), Path: YearsPath}
		if !yield(&Page{Kind: KindYears, Path: YearsPath, Title: t("years"), Description: describe(t, "desc_years", site, ""), Crumbs: []Crumb{home}}) {
			return
		}
		for _, y := range site.Years {
			if !yield(&Page{Kind: KindYear, Path: YearPath(y.Year), Title: t("year") + " " + strconv.Itoa(y.Year),
				Description: describe(t, "desc_year", site, strconv.Itoa(y.Year)), Crumbs: []Crumb{home, years}, Year: y}) {
				return
			}
		}

		awards := Crumb{Title: t("awards"), Path: AwardsPath}
		if !yield(&Page{Kind: KindAwards, Path: AwardsPath, Title: t("awards"), Description: describe(t, "desc_awards", site, ""), Crumbs: []Crumb{home}}) {
			return
		}
		for _, k := range site.Awards {
			if !yield(&Page{Kind: KindAward, Path: AwardPath(k), Title: k.Name, Description: describe(t, "desc_award", site, k.Name), Crumbs: []Crumb{home, awards}, Award: k}) {
				return
			}
		}
	}
}

// homeCrumb is the first crumb of every page but the home page's.
func homeCrumb(t Translator) Crumb { return Crumb{Title: t("home"), Path: ""} }

// Plan returns every page of the site in a stable order: home, the lists,
// then each bloc, bloc year, unit, year, award kind, news page and article,
// the decisions and each decision, the public consultations and each one,
// the search and open data pages, each standalone page, and the 404 page last.
func Plan(site *model.Site, t Translator) []*Page {
	out := RecordPages(site, t)
	home := homeCrumb(t)
	add := func(p *Page) { out = append(out, p) }

	out = append(out, newsPages(site, t, home)...)
	news := Crumb{Title: t("news"), Path: NewsPath}
	for _, a := range site.Articles {
		add(&Page{Kind: KindArticle, Path: ArticlePath(a), Title: a.Title, Description: a.Summary, Crumbs: []Crumb{home, news}, Article: a})
	}
	decisions := Crumb{Title: t("decisions"), Path: DecisionsPath}
	add(&Page{Kind: KindDecisions, Path: DecisionsPath, Title: t("decisions"), Description: describe(t, "desc_decisions", site, ""), Crumbs: []Crumb{home}})
	for _, d := range site.Decisions {
		add(&Page{Kind: KindDecision, Path: DecisionPath(d), Title: t("decision_word") + " " + d.Number, Description: decisionDescription(d),
			Crumbs: []Crumb{home, decisions}, Decision: d})
	}
	notices := Crumb{Title: t("notices"), Path: NoticesPath}
	add(&Page{Kind: KindNotices, Path: NoticesPath, Title: t("notices"), Description: describe(t, "desc_notices", site, ""), Crumbs: []Crumb{home}})
	for _, n := range site.Notices {
		add(&Page{Kind: KindNotice, Path: NoticePath(n), Title: n.Title, Description: n.Title + ".", Crumbs: []Crumb{home, notices}, Notice: n})
	}
	add(&Page{Kind: KindSearch, Path: SearchPath, Title: t("search"), Description: describe(t, "desc_search", site, ""), Crumbs: []Crumb{home}})
	add(&Page{Kind: KindData, Path: DataPath, Title: t("open_data"), Description: describe(t, "desc_data", site, ""), Crumbs: []Crumb{home}})
	for _, p := range site.Pages {
		add(&Page{Kind: KindPage, Path: StandalonePath(p), Title: p.Title, Description: p.Summary, Crumbs: []Crumb{home}, Standalone: p})
	}
	add(&Page{Kind: KindNotFound, Path: NotFound, Title: t("not-found")})
	return out
}

// newsPages splits the articles into list pages of site.Config.Paginate.
// A site with no article still has one, empty, news page.
func newsPages(site *model.Site, t Translator, home Crumb) []*Page {
	per := max(site.Config.Paginate, 1)
	count := max((len(site.Articles)+per-1)/per, 1)
	out := make([]*Page, 0, count)
	for n := 1; n <= count; n++ {
		p := &Page{Kind: KindNews, Path: NewsListPath(n), Title: t("news"), Description: describe(t, "desc_news", site, ""), Crumbs: []Crumb{home}}
		if n > 1 {
			p.Title = t("news") + " – " + t("page") + " " + strconv.Itoa(n)
			p.Crumbs = []Crumb{home, {Title: t("news"), Path: NewsPath}}
		}
		p.Articles = site.Articles[min((n-1)*per, len(site.Articles)):min(n*per, len(site.Articles))]
		p.Pager = &Pager{Number: n, Count: count, First: NewsListPath(1), Last: NewsListPath(count)}
		if n > 1 {
			p.Pager.Prev = NewsListPath(n - 1)
		}
		if n < count {
			p.Pager.Next = NewsListPath(n + 1)
		}
		out = append(out, p)
	}
	return out
}

// describe is the description of a page of the site from the interface
// string key, with {site} in it the name of the site (its province, else
// its title) and {name} name: "Các khối thi đua của Bình Thuận: …".
func describe(t Translator, key string, site *model.Site, name string) string {
	who := site.Config.Province
	if who == "" {
		who = site.Config.Title
	}
	return strings.NewReplacer("{site}", who, "{name}", name).Replace(t(key))
}

// orElse is s, or when it is empty, other.
func orElse(s, other string) string {
	if s == "" {
		return other
	}
	return s
}

// blocYearDescription says who led a bloc in a year and how many members
// it had: "Khối thi đua 8 – 2024. Khối trưởng: Hội Người cao tuổi tỉnh; 12 đơn vị."
func blocYearDescription(y *model.BlocYear, t Translator) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s – %d.", y.Bloc.Name, y.Year)
	if y.Leader != nil {
		fmt.Fprintf(&b, " %s: %s;", t("role-leader"), y.Leader.NameIn(y.Year))
	}
	fmt.Fprintf(&b, " %d %s.", len(y.Members), t("units_count"))
	return b.String()
}

// decisionDescription is the number, date, issuer and subject of a
// decision: "45/QĐ-UBND ngày 20/01/2025 – Ủy ban nhân dân tỉnh Bình Thuận: Về việc …"
func decisionDescription(d *model.Decision) string {
	s := d.Number + " – " + d.Date.Format("02/01/2006") + " – " + d.Issuer
	if d.Title != "" {
		s += ": " + d.Title
	}
	return s + "."
}

// unitDescription names a unit and the blocs it was in, with the span of
// years: "Hội Người cao tuổi tỉnh – Khối thi đua 8, 2021–2025."
func unitDescription(u *model.Unit) string {
	type span struct {
		bloc        *model.Bloc
		first, last int
	}
	var spans []*span
	for _, m := range u.Memberships {
		b := m.BlocYear.Bloc
		i := slices.IndexFunc(spans, func(s *span) bool { return s.bloc == b })
		if i < 0 {
			spans = append(spans, &span{bloc: b, first: m.BlocYear.Year, last: m.BlocYear.Year})
			continue
		}
		spans[i].first = min(spans[i].first, m.BlocYear.Year)
		spans[i].last = max(spans[i].last, m.BlocYear.Year)
	}
	parts := make([]string, 0, len(spans))
	for _, s := range spans {
		years := strconv.Itoa(s.first)
		if s.last != s.first {
			years += "–" + strconv.Itoa(s.last)
		}
		parts = append(parts, s.bloc.Name+", "+years)
	}
	if len(parts) == 0 {
		return u.Name + "."
	}
	return u.Name + " – " + strings.Join(parts, "; ") + "."
}

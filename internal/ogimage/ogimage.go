// Package ogimage draws the pictures that Facebook, Zalo and X show when a
// page is shared (Open Graph images): a PNG of 1200×630 for each page of
// a kind worth sharing, with the page's title and its key facts in Noto
// Sans, drawn at build time, the same bytes for the same page.
//
// Which pages have one is a table of page kinds (kinds); a page of any
// other kind shares the picture of the home page. An article's own raster
// image (PNG, JPEG or WebP) is its picture; an article without one has a
// picture drawn for it when site.yaml says article_pictures: true, and
// otherwise shares that of what it is about.
package ogimage

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// A factsFunc gives the key facts of a page, shown under its title, in
// the site's language t.
type factsFunc func(site *model.Site, p *pages.Page, t pages.Translator) []string

// kinds are the page kinds that have a picture of their own, with the
// facts each shows; nil shows the page's description. A new kind of page
// gets a picture by a line here.
var kinds = map[pages.Kind]factsFunc{
	pages.KindHome:     homeFacts,
	pages.KindBloc:     blocFacts,
	pages.KindBlocYear: blocYearFacts,
	pages.KindUnit:     unitFacts,
	pages.KindYear:     yearFacts,
	pages.KindAward:    awardFacts,
	pages.KindDecision: nil,
	pages.KindArticle:  articleFacts,
}

// FileName is the name of a picture in its page's folder.
const FileName = "og.png"

// File is the site-relative path of the picture of the page p:
// "khoi/khoi-8/og.png", "og.png" for the home page.
func File(p *pages.Page) string { return p.Path + FileName }

// Drawn reports whether the build draws a picture for the page p.
func Drawn(site *model.Site, p *pages.Page) bool {
	if _, ok := kinds[p.Kind]; !ok {
		return false
	}
	if a := p.Article; a != nil {
		return !IsRaster(a.Image) && site.Config.ArticlePictures
	}
	return true
}

// IsRaster reports whether the file name is an image that every site
// that shows shares shows: PNG, JPEG or WebP, by its name. SVG is not.
func IsRaster(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".webp":
		return true
	}
	return false
}

// Picture is the picture of a page when it is shared.
type Picture struct {
	Path          string // site-relative
	Type          string // "image/png", "image/jpeg", "image/webp"
	Width, Height int    // 0 when not known (an editor's own image)
	Alt           string // what it shows
}

// Of returns the picture of the page p, and false for a page that has none
// (the 404 page): an article's own raster image; the page's drawn
// picture; for an article of a site that does not draw them, that of the
// bloc year, bloc or unit it is about; else the home page's.
func Of(site *model.Site, p *pages.Page) (Picture, bool) {
	if p.Kind == "404" {
		return Picture{}, false
	}
	if a := p.Article; a != nil && IsRaster(a.Image) {
		return Picture{Path: a.Image, Type: mediaType(a.Image), Alt: a.Title}, true
	}
	if Drawn(site, p) {
		return drawn(p.Path, p.Title), true
	}
	if a := p.Article; a != nil {
		if len(a.Blocs) == 1 {
			if y := a.Blocs[0].Year(a.Year); y != nil {
				return drawn(pages.BlocYearPath(y), a.Blocs[0].Name+" – "+strconv.Itoa(y.Year)), true
			}
			return drawn(pages.BlocPath(a.Blocs[0]), a.Blocs[0].Name), true
		}
		if len(a.Blocs) == 0 && len(a.Units) == 1 {
			return drawn(pages.UnitPath(a.Units[0]), a.Units[0].Name), true
		}
	}
	return drawn("", site.Config.Title), true
}

func drawn(pagePath, title string) Picture {
	return Picture{Path: pagePath + FileName, Type: "image/png", Width: Width, Height: Height, Alt: title}
}

func mediaType(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".png":
		return "image/png"
	case ".webp":
		return "image/webp"
	}
	return "image/jpeg"
}

// CardOf is what the picture of the page p shows, in the site's language
// t: the section above the title, the title, the key facts, and the
// page's address.
func CardOf(site *model.Site, p *pages.Page, t pages.Translator) Card {
	c := Card{Title: p.Title}
	if len(p.Crumbs) >= 2 {
		c.Label = p.Crumbs[1].Title
	}
	if f := kinds[p.Kind]; f != nil {
		c.Facts = f(site, p, t)
	} else if p.Description != "" {
		c.Facts = []string{p.Description}
	}
	if u := site.Config.BaseURL; u != nil {
		c.Address = u.Host + u.Path + p.Path
	}
	return c
}

func homeFacts(site *model.Site, _ *pages.Page, t pages.Translator) []string {
	facts := []string{fmt.Sprintf(t("og_counts"), len(site.Blocs), len(site.Units))}
	if n := len(site.Years); n > 0 {
		facts[0] += " · " + span(site.Years[0].Year, site.Years[n-1].Year)
	}
	if site.Config.Description != "" {
		facts = append(facts, site.Config.Description)
	}
	return facts
}

func blocFacts(_ *model.Site, p *pages.Page, t pages.Translator) []string {
	b := p.Bloc
	if len(b.Years) == 0 {
		return nil
	}
	last := b.Years[len(b.Years)-1]
	var facts []string
	if last.Leader != nil {
		facts = append(facts, fmt.Sprintf(t("og_leader_of"), last.Year, last.Leader.Name))
	}
	facts = append(facts, fmt.Sprintf(t("og_members"), len(last.Members), last.Year))
	facts = append(facts, fmt.Sprintf(t("og_records"), span(b.Years[0].Year, last.Year)))
	return facts
}

func blocYearFacts(_ *model.Site, p *pages.Page, t pages.Translator) []string {
	y := p.BlocYear
	var facts []string
	if y.Leader != nil {
		facts = append(facts, t("role-leader")+": "+y.Leader.Name)
	}
	var top []string
	for _, m := range y.Members {
		if m.Rank >= 1 && m.Rank <= 3 {
			top = append(top, strconv.Itoa(m.Rank)+". "+m.Unit.ShortName())
		}
	}
	if len(top) > 0 {
		facts = append(facts, fmt.Sprintf(t("og_top"), strings.Join(top, " · ")))
	}
	conferred, proposed := awardCounts(y.Awards)
	if conferred != "" {
		facts = append(facts, t("awards")+": "+conferred)
	}
	if proposed != "" {
		facts = append(facts, t("status-proposed")+": "+proposed)
	}
	if len(facts) == 0 {
		facts = append(facts, fmt.Sprintf(t("og_members"), len(y.Members), y.Year))
	}
	return facts
}

// awardCounts says how many collectives had each kind of award, conferred
// and proposed: "Cờ thi đua 1 · Bằng khen 3". Awards are in rank order.
func awardCounts(awards []*model.Award) (conferred, proposed string) {
	var c, p []string
	var kind *model.AwardKind
	var nc, np int
	flush := func() {
		if kind == nil {
			return
		}
		if nc > 0 {
			c = append(c, kind.ShortName()+" "+strconv.Itoa(nc))
		}
		if np > 0 {
			p = append(p, kind.ShortName()+" "+strconv.Itoa(np))
		}
	}
	for _, a := range awards {
		if a.Kind != kind {
			flush()
			kind, nc, np = a.Kind, 0, 0
		}
		if a.Status == model.Proposed {
			np += a.Count
		} else {
			nc += a.Count
		}
	}
	flush()
	return strings.Join(c, " · "), strings.Join(p, " · ")
}

func unitFacts(_ *model.Site, p *pages.Page, t pages.Translator) []string {
	u := p.Unit
	var facts []string
	if n := len(u.Memberships); n > 0 {
		m := u.Memberships[n-1]
		facts = append(facts, t("bloc")+": "+m.BlocYear.Bloc.Name+" ("+strconv.Itoa(m.BlocYear.Year)+")")
	}
	var led []string
	for _, m := range u.Memberships {
		if m.Role == model.RoleLeader {
			led = append(led, strconv.Itoa(m.BlocYear.Year))
		}
	}
	if len(led) > 0 {
		facts = append(facts, t("role-leader")+": "+strings.Join(led, ", "))
	}
	conferred := 0
	for _, a := range u.Awards {
		if a.Status != model.Proposed {
			conferred++
		}
	}
	facts = append(facts, fmt.Sprintf(t("og_awards_count"), conferred))
	return facts
}

func yearFacts(_ *model.Site, p *pages.Page, t pages.Translator) []string {
	var awards []*model.Award
	for _, y := range p.Year.Blocs {
		awards = append(awards, y.Awards...)
	}
	facts := []string{fmt.Sprintf(t("og_blocs_count"), len(p.Year.Blocs))}
	conferred, _ := awardCounts(sortedByKind(awards))
	if conferred != "" {
		facts = append(facts, t("awards")+": "+conferred)
	}
	return facts
}

// sortedByKind orders awards by the rank of their kind, keeping the order
// of those of one kind.
func sortedByKind(awards []*model.Award) []*model.Award {
	return slices.SortedStableFunc(slices.Values(awards), func(a, b *model.Award) int {
		return cmp.Or(cmp.Compare(a.Kind.Rank, b.Kind.Rank), strings.Compare(a.Kind.ID, b.Kind.ID))
	})
}

func awardFacts(_ *model.Site, p *pages.Page, t pages.Translator) []string {
	var conferred, proposed, first, last int
	for _, a := range p.Award.Awards {
		if a.Status == model.Proposed {
			proposed += a.Count
		} else {
			conferred += a.Count
		}
		if first == 0 || a.BlocYear.Year < first {
			first = a.BlocYear.Year
		}
		last = max(last, a.BlocYear.Year)
	}
	facts := []string{fmt.Sprintf(t("og_conferred"), conferred)}
	if proposed > 0 {
		facts = append(facts, fmt.Sprintf(t("og_proposed"), proposed))
	}
	if first > 0 {
		facts = append(facts, fmt.Sprintf(t("og_records"), span(first, last)))
	}
	return facts
}

func articleFacts(site *model.Site, p *pages.Page, _ pages.Translator) []string {
	a := p.Article
	when := vn.FormatDate(a.Date, site.Config.Language)
	if a.Author != "" {
		when += " · " + a.Author
	}
	facts := []string{when}
	if a.Summary != "" {
		facts = append(facts, a.Summary)
	}
	return facts
}

// span is "2021–2025", or "2025" for one year.
func span(first, last int) string {
	if first == last {
		return strconv.Itoa(first)
	}
	return strconv.Itoa(first) + "–" + strconv.Itoa(last)
}

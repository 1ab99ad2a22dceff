package charts

import (
	"math"
	"slices"

	"github.com/thidua/thidua/internal/model"
)

// awardsByYear counts the collectives awarded (or proposed) in each of
// years, stacked by award kind.
func (b *Builder) awardsByYear(years []int, awards []*model.Award, subject string) spec {
	index := map[int]int{}
	for i, y := range years {
		index[y] = i
	}
	s := spec{
		id: "chartawardsbyyear", title: b.t("chart_awards_by_year"), subject: subject,
		stacked: true, total: true,
		catName: b.t("year"), valName: b.t("chart_axis_collectives"),
		categories: yearLabels(years),
		series: byKind(b.site.Awards, awards, len(years), func(a *model.Award) int {
			if i, ok := index[a.BlocYear.Year]; ok {
				return i
			}
			return -1
		}),
	}
	if hasProposed(awards) {
		s.subtitle = b.t("chart_proposals_included")
	}
	return s
}

// membersByYear counts a bloc's members in each of its years.
func (b *Builder) membersByYear(bl *model.Bloc) spec {
	years := make([]int, len(bl.Years))
	counts := make([]float64, len(bl.Years))
	for i, y := range bl.Years {
		years[i], counts[i] = y.Year, float64(len(y.Members))
	}
	return spec{
		id: "chartmembersbyyear", title: b.t("chart_members_by_year"), subject: bl.Name,
		labels:  true,
		catName: b.t("year"), valName: b.t("chart_axis_units"),
		categories: yearLabels(years),
		series:     []series{{values: counts}},
	}
}

// standing draws a unit's rank in each year, one line per bloc it was in;
// its score when no year has a rank.
func (b *Builder) standing(u *model.Unit) spec {
	years := yearsOfUnit(u)
	ranked := slices.ContainsFunc(u.Memberships, func(m *model.Membership) bool { return m.Rank > 0 })
	s := spec{
		id: "chartrankbyyear", title: b.t("chart_rank_by_year"), subject: u.Name,
		line: true, inverse: true,
		catName: b.t("year"), valName: b.t("rank"),
		categories: yearLabels(years),
	}
	value := func(m *model.Membership) float64 {
		if m.Rank > 0 {
			return float64(m.Rank)
		}
		return math.NaN()
	}
	if !ranked {
		s.id, s.title, s.valName = "chartscorebyyear", b.t("chart_score_by_year"), b.t("score")
		s.inverse, s.score = false, true
		value = func(m *model.Membership) float64 {
			if m.Score != nil {
				return *m.Score
			}
			return math.NaN()
		}
	}
	var blocs []*model.Bloc
	for _, m := range u.Memberships {
		if !slices.Contains(blocs, m.BlocYear.Bloc) {
			blocs = append(blocs, m.BlocYear.Bloc)
		}
	}
	for _, m := range u.Memberships {
		s.max = max(s.max, len(m.BlocYear.Members))
	}
	for _, bl := range blocs {
		ser := series{name: bl.ShortName(), values: make([]float64, len(years)), color: len(s.series)}
		for i := range ser.values {
			ser.values[i] = math.NaN()
		}
		for _, m := range u.Memberships {
			if m.BlocYear.Bloc == bl {
				ser.values[m.BlocYear.Year-years[0]] = value(m)
			}
		}
		s.series = append(s.series, ser)
	}
	return s
}

// awardsByBloc counts the collectives awarded (or proposed) in each bloc
// in one year, stacked by award kind.
func (b *Builder) awardsByBloc(y *model.Year) spec {
	names := make([]string, len(y.Blocs))
	index := map[*model.BlocYear]int{}
	var awards []*model.Award
	for i, by := range y.Blocs {
		names[i] = by.Bloc.ShortName()
		index[by] = i
		awards = append(awards, by.Awards...)
	}
	s := spec{
		id: "chartawardsbybloc", title: b.t("chart_awards_by_bloc"), subject: b.t("year") + " " + yearLabels([]int{y.Year})[0],
		horizontal: true, stacked: true, total: true,
		catName: b.t("bloc"), valName: b.t("chart_axis_collectives"),
		categories: names,
		series:     byKind(b.site.Awards, awards, len(names), func(a *model.Award) int { return index[a.BlocYear] }),
	}
	if hasProposed(awards) {
		s.subtitle = b.t("chart_proposals_included")
	}
	return s
}

// recipientsByYear counts the collectives given (or proposed for) one
// award kind in each year from its first to its last, conferred and
// proposed stacked.
func (b *Builder) recipientsByYear(k *model.AwardKind) spec {
	var years []int
	if len(k.Awards) > 0 {
		first, last := k.Awards[0].BlocYear.Year, k.Awards[len(k.Awards)-1].BlocYear.Year
		for _, y := range b.site.Years {
			if y.Year >= first && y.Year <= last {
				years = append(years, y.Year)
			}
		}
	}
	conferred := series{name: b.t("status-conferred"), values: make([]float64, len(years)), color: 2}
	proposed := series{name: b.t("status-proposed"), values: make([]float64, len(years)), color: 3}
	for _, a := range k.Awards {
		i := slices.Index(years, a.BlocYear.Year)
		switch {
		case i < 0 || a.Status == model.NotConferred:
		case a.Pending():
			proposed.values[i] += float64(a.Count)
		default:
			conferred.values[i] += float64(a.Count)
		}
	}
	s := spec{
		id: "chartrecipientsbyyear", title: b.t("chart_recipients_by_year"), subject: k.Name,
		stacked: true, total: true,
		catName: b.t("year"), valName: b.t("chart_axis_collectives"),
		categories: yearLabels(years),
		series:     []series{conferred},
	}
	if hasProposed(k.Awards) {
		s.series = append(s.series, proposed)
	}
	return s
}

// memberScores draws the score of each member of a bloc in one year, in
// the order of the members table, by short name.
func (b *Builder) memberScores(y *model.BlocYear) spec {
	names := make([]string, len(y.Members))
	scores := make([]float64, len(y.Members))
	for i, m := range y.Members {
		names[i] = m.Unit.ShortIn(y.Year)
		scores[i] = math.NaN()
		if m.Score != nil {
			scores[i] = *m.Score
		}
	}
	return spec{
		id: "chartmemberscores", title: b.t("chart_member_scores"), subject: y.Bloc.Name + " – " + yearLabels([]int{y.Year})[0],
		horizontal: true, labels: true,
		catName: b.t("unit"), valName: b.t("score"),
		categories: names,
		series:     []series{{values: scores}},
		score:      true,
	}
}

// entriesByKind counts the entries (awards and proposals) of each award
// kind that has any.
func (b *Builder) entriesByKind() spec {
	var names []string
	var counts []float64
	for _, k := range b.site.Awards {
		if len(k.Awards) > 0 {
			names = append(names, k.ShortName())
			counts = append(counts, float64(len(k.Awards)))
		}
	}
	return spec{
		id: "chartentriesbykind", title: b.t("chart_entries_by_kind"),
		horizontal: true, labels: true,
		catName: b.t("award_kind"), valName: b.t("chart_axis_entries"),
		categories: names,
		series:     []series{{values: counts}},
	}
}

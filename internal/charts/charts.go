// Package charts builds the charts of the pages: echarts options made with
// go-echarts at build time, each with the same numbers as a table.
//
// An option is emitted as JSON for a <script type="application/json">
// element that the theme's assets/js/charts.js reads, never as the inline
// script of go-echarts' own renderer, which would put names from the data
// into JavaScript. Chart ids are fixed per page, so that identical input
// gives identical output.
package charts

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// Chart is one chart of a page, or its table alone when a drawing would
// say nothing the table does not (see says).
type Chart struct {
	// ID is the id of the chart's element, letters and digits only and the
	// same in every build; the element of its option is ID+"option".
	ID string
	// Title heads the drawing, in HTML, where tone marks are never cut.
	Title string
	// Notes are sentences under the title: what the chart includes, where
	// its value axis starts.
	Notes []string
	// Description says in words what the chart shows. It is both the
	// element's aria-label and echarts' aria description, which echarts
	// would otherwise replace with a generated one.
	Description string
	// Option is the echarts option as JSON, with <, > and & escaped, so it
	// is safe inside <script type="application/json">; "" when only the
	// table is shown.
	Option template.JS
	// Height is the height of the drawing, in CSS pixels.
	Height int
	// Legend names the colours of the series, when they have names; the
	// theme draws it in HTML, where long names wrap on a phone.
	Legend []LegendItem
	// Table has the numbers of the chart.
	Table Table
}

// Drawn reports whether the chart is drawn, not its table alone.
func (c *Chart) Drawn() bool { return c.Option != "" }

// LegendItem is the name and colour of one series.
type LegendItem struct {
	Name  string
	Color string // "#rrggbb"
}

// Table is the numbers of a chart as a table: one row per category (a year,
// a bloc, a unit), one column per series.
type Table struct {
	Caption string
	Note    string   // a sentence of the caption about what the numbers include, or ""
	Head    []string // the heads of the columns; the first heads the row heads
	Rows    []Row
}

// Row is one line of a Table.
type Row struct {
	Head  string
	Cells []string // formatted numbers, "" where there is none
}

// Builder makes the charts of one site's pages. It is safe for concurrent
// use.
type Builder struct {
	site *model.Site
	t    func(key string) string
	// drawn holds the charts that Draws built for a page, until For takes
	// them: a layout asks whether a page draws (for the scripts in its
	// head), then for its charts, and building them is the costly part.
	drawn sync.Map // *pages.Page → []*Chart
}

// New returns a Builder for site; t gives the interface strings of the
// site's language.
func New(site *model.Site, t func(key string) string) *Builder {
	return &Builder{site: site, t: t}
}

// Funcs are the template functions of the charts: "charts" gives the
// charts of a *pages.Page, none for a page without charts, and
// "hasCharts" whether the page has a chart to draw, so needs the scripts.
func Funcs(site *model.Site, t func(key string) string) template.FuncMap {
	b := New(site, t)
	return template.FuncMap{"charts": b.For, "hasCharts": b.Draws}
}

// Draws reports whether page p has a chart to draw, not only tables.
func (b *Builder) Draws(p *pages.Page) bool {
	cs := b.build(p)
	if len(cs) > 0 {
		b.drawn.Store(p, cs)
	}
	return slices.ContainsFunc(cs, (*Chart).Drawn)
}

// For returns the charts of page p, in the order they are shown.
func (b *Builder) For(p *pages.Page) []*Chart {
	if cs, ok := b.drawn.LoadAndDelete(p); ok {
		return cs.([]*Chart)
	}
	return b.build(p)
}

// build makes the charts of page p, leaving out those with no number.
func (b *Builder) build(p *pages.Page) []*Chart {
	var out []*Chart
	for _, s := range b.specs(p) {
		if c := b.chart(s); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// specs says what the charts of page p show.
func (b *Builder) specs(p *pages.Page) []spec {
	switch p.Kind {
	case "home":
		return b.list(b.awardsByYear(yearsOfSite(b.site), allAwards(b.site), b.site.Config.Title))
	case "bloc":
		years := make([]int, len(p.Bloc.Years))
		var awards []*model.Award
		for i, y := range p.Bloc.Years {
			years[i] = y.Year
			awards = append(awards, y.Awards...)
		}
		return b.list(b.awardsByYear(years, awards, p.Bloc.Name), b.membersByYear(p.Bloc))
	case "blocyear":
		return b.list(b.memberScores(p.BlocYear))
	case "unit":
		return b.list(b.standing(p.Unit), b.awardsByYear(yearsOfUnit(p.Unit), p.Unit.Awards, p.Unit.Name))
	case "year":
		return b.list(b.awardsByBloc(p.Year))
	case "awards":
		return b.list(b.entriesByKind())
	case "award":
		return b.list(b.recipientsByYear(p.Award))
	}
	return nil
}

// HasDrawn reports whether some page of site has a chart to draw, so needs
// the chart library. Only the pages of the records have charts.
func HasDrawn(site *model.Site) bool {
	b := New(site, func(key string) string { return key })
	for p := range pages.EachRecordPage(site, b.t) {
		if slices.ContainsFunc(b.specs(p), says) {
			return true
		}
	}
	return false
}

func (b *Builder) list(ss ...spec) []spec { return ss }

// series is one named line of numbers, one per category; NaN where there
// is none.
type series struct {
	name   string
	values []float64
	color  int // index into colors, so that an award kind has one colour on every page
}

// spec is what one chart shows and how.
type spec struct {
	id, title, subtitle string // the subtitle is a note of both the chart and its table
	subject             string // the page's subject, for the table caption
	line                bool   // a line chart; else bars
	horizontal          bool   // categories down the side, bars across
	stacked             bool
	labels              bool // the value at the end of each bar
	inverse             bool // the value axis runs downwards: rank 1 on top
	max                 int  // of an inverse axis: the largest rank there can be
	score               bool // scores: the value axis starts near the lowest
	catName, valName    string
	categories          []string
	series              []series
	total               bool // a total column in the table
}

// colors are the series colours, each with at least 3:1 contrast on the
// theme's light background (#fff) and on its dark one (#121417).
var colors = opts.Colors{"#c8323c", "#2f6fd0", "#2e8540", "#c25e00", "#8a55c9", "#0f8a8a", "#c2417f", "#6b7785", "#9a6b1f", "#4b5fc8"}

// chart builds the table of s and, when the drawing says something, its
// go-echarts option and description; nil when s has no number but 0.
func (b *Builder) chart(s spec) *Chart {
	if len(s.categories) == 0 || !hasValue(s.series) {
		return nil
	}
	c := &Chart{ID: s.id, Title: s.title, Height: 300, Table: b.table(s)}
	if !says(s) {
		return c
	}
	if s.horizontal {
		c.Height = 70 + 40*len(s.categories)
	}
	if s.subtitle != "" {
		c.Notes = append(c.Notes, s.subtitle)
	}
	var start, end, step float64
	if s.score {
		if start, end, step = scoreAxis(extent(s.series)); start > 0 {
			from := vn.FormatFloat(start, b.site.Config.Language)
			s.valName = fmt.Sprintf(b.t("chart_axis_from"), s.valName, from)
			c.Notes = append(c.Notes, fmt.Sprintf(b.t("chart_axis_starts"), from))
		}
	}
	c.Description = b.describe(s, c.Notes)
	palette := make(opts.Colors, len(s.series))
	for i, ser := range s.series {
		palette[i] = colors[ser.color%len(colors)]
		if ser.name != "" {
			c.Legend = append(c.Legend, LegendItem{Name: ser.name, Color: palette[i]})
		}
	}

	global := []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: s.id}),
		charts.WithColorsOpts(palette),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: c.Description}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		// Room at the top for the name of the axis there, at the bottom for
		// the name of the axis below the labels.
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "36", Bottom: "48", ContainLabel: opts.Bool(true)}),
	}
	category := opts.XAxis{Type: "category", Name: s.catName, NameLocation: "middle", NameGap: 34, Data: s.categories}
	// Counts and ranks go by whole numbers; scores may not.
	interval := 1.0
	if s.score {
		interval = 0
	}
	value := opts.YAxis{Type: "value", Name: s.valName, Inverse: opts.Bool(s.inverse), MinInterval: interval}
	switch {
	case s.inverse:
		value.Min = 1
	case start > 0:
		value.Min, value.Max, value.SplitNumber = jsonValue(start), jsonValue(end), int(math.Round((end-start)/step))
	}
	if s.horizontal {
		x := opts.XAxis{Type: "value", Name: s.valName, NameLocation: "middle", NameGap: 34, MinInterval: interval}
		if start > 0 {
			x.Min, x.Max, x.SplitNumber = jsonValue(start), jsonValue(end), int(math.Round((end-start)/step))
		}
		global = append(global,
			charts.WithXAxisOpts(x),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: s.catName, Inverse: opts.Bool(true), Data: s.categories}))
	} else {
		global = append(global, charts.WithXAxisOpts(category), charts.WithYAxisOpts(value))
	}

	var option map[string]any
	if s.line {
		l := charts.NewLine()
		l.SetGlobalOptions(global...)
		l.SetXAxis(s.categories)
		for _, ser := range s.series {
			data := make([]opts.LineData, len(ser.values))
			for i, v := range ser.values {
				data[i] = opts.LineData{Value: jsonValue(v)}
			}
			l.AddSeries(ser.name, data, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(true), SymbolSize: 8}))
		}
		l.Validate()
		option = l.JSON()
	} else {
		bar := charts.NewBar()
		bar.SetGlobalOptions(global...)
		if !s.horizontal {
			bar.SetXAxis(s.categories)
		}
		for _, ser := range s.series {
			data := make([]opts.BarData, len(ser.values))
			for i, v := range ser.values {
				data[i] = opts.BarData{Value: jsonValue(v)}
			}
			so := []charts.SeriesOpts{charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.BarMaxWidth = "48" })}
			if s.stacked {
				so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
			}
			if s.labels {
				pos := "top"
				if s.horizontal {
					pos = "right"
				}
				so = append(so, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: pos}))
			}
			bar.AddSeries(ser.name, data, so...)
		}
		bar.Validate()
		option = bar.JSON()
	}
	c.Option = template.JS(finish(option, s))
	return c
}

// The text of the canvas: its size, and the height of its lines, half as
// much again, which leaves room above a letter for the stacked tone marks
// of Vietnamese (ể, ỗ, Ở) and below it for the dot of ạ or ỵ.
const (
	fontSize   = 12
	lineHeight = 18
)

// text is the style of a text of the canvas.
func text(more map[string]any) map[string]any {
	st := map[string]any{"fontSize": fontSize, "lineHeight": lineHeight}
	for k, v := range more {
		st[k] = v
	}
	return st
}

// finish writes option as JSON with what go-echarts has no setting for:
// lines of text with room for tone marks, the vertical axis's name above
// it, aligned so that it is not cut off, and neither title, toolbox nor
// legend (the theme writes the title and the legend in HTML).
func finish(option map[string]any, s spec) []byte {
	js, err := json.Marshal(option)
	if err == nil {
		var m map[string]any
		if err = json.Unmarshal(js, &m); err == nil {
			delete(m, "title")
			delete(m, "toolbox")
			delete(m, "legend")
			for _, key := range []string{"xAxis", "yAxis"} {
				axes, _ := m[key].([]any)
				for _, ax := range axes {
					ax := ax.(map[string]any)
					ax["axisLabel"] = text(nil)
					ax["nameTextStyle"] = text(nil)
				}
			}
			if axes, ok := m["yAxis"].([]any); ok && len(axes) > 0 {
				y := axes[0].(map[string]any)
				y["nameLocation"] = "end"
				if s.inverse || s.horizontal {
					y["nameLocation"] = "start"
				}
				y["nameTextStyle"] = text(map[string]any{"align": "left"})
				if s.inverse && s.max > 0 && s.max <= 15 {
					y["max"], y["interval"] = s.max, 1
				}
			}
			if tip, ok := m["tooltip"].(map[string]any); ok {
				// echarts writes its tooltips in HTML with a line height of 1.
				tip["textStyle"] = map[string]any{"lineHeight": 21}
			}
			series, _ := m["series"].([]any)
			for _, ser := range series {
				if label, ok := ser.(map[string]any)["label"].(map[string]any); ok {
					for k, v := range text(nil) {
						label[k] = v
					}
				}
			}
			js, err = json.Marshal(m)
		}
	}
	if err != nil {
		// The option holds only strings, numbers and go-echarts' own types.
		panic(fmt.Sprintf("charts: option of %s: %v", s.id, err))
	}
	return js
}

// jsonValue is v for echarts: "-" marks a missing value.
func jsonValue(v float64) any {
	if math.IsNaN(v) {
		return "-"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
		return int64(v)
	}
	return v
}

func hasValue(ss []series) bool {
	for _, s := range ss {
		for _, v := range s.values {
			if !math.IsNaN(v) && v != 0 {
				return true
			}
		}
	}
	return false
}

// says reports whether a drawing of s says something its table does not:
// bars need two categories with a value other than 0, a line (a trend)
// three years with a value, and either must not be the same in every
// category, like the members of a bloc that kept them all.
func says(s spec) bool {
	var first []float64
	with, nonZero, differ := 0, 0, false
	for i := range s.categories {
		col := make([]float64, len(s.series))
		some, sum := false, 0.0
		for j, ser := range s.series {
			col[j] = ser.values[i]
			if !math.IsNaN(col[j]) {
				some, sum = true, sum+col[j]
			}
		}
		if !some {
			continue
		}
		with++
		if sum != 0 {
			nonZero++
		}
		if first == nil {
			first = col
		} else if !slices.EqualFunc(first, col, same) {
			differ = true
		}
	}
	need := 2
	if s.line {
		need = 3
	}
	return with >= need && nonZero >= 2 && differ
}

// same reports whether a and b are the same value, or both none.
func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// extent is the lowest and highest value of ss.
func extent(ss []series) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		for _, v := range s.values {
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	return lo, hi
}

// scoreAxis is the value axis of scores from lo to hi: it starts a round
// step below lo and ends at the first step at or above hi, the step being a
// round quarter of the range (80 to 100 by 5 for scores from 86,6 to 97,9),
// so that the differences show, or at 0 when a step below lo is not above 0.
func scoreAxis(lo, hi float64) (start, end, step float64) {
	step = roundStep((hi - lo) / 4)
	return max(0, math.Floor(lo/step)*step-step), math.Ceil(hi/step) * step, step
}

// roundStep is the least of 1, 2 or 5 times a power of ten that is at
// least x; 1 for x of 0 or less.
func roundStep(x float64) float64 {
	if x <= 0 || math.IsNaN(x) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// table lays out the numbers of s: a row per category.
func (b *Builder) table(s spec) Table {
	lang := b.site.Config.Language
	caption := s.title
	if s.subject != "" {
		caption += " – " + s.subject
	}
	tb := Table{Caption: caption, Note: s.subtitle, Head: []string{s.catName}}
	if len(s.series) == 1 && s.series[0].name == "" {
		tb.Head = append(tb.Head, s.valName)
	}
	for _, ser := range s.series {
		if ser.name != "" {
			tb.Head = append(tb.Head, ser.name)
		}
	}
	if s.total {
		tb.Head = append(tb.Head, b.t("chart_total"))
	}
	for i, cat := range s.categories {
		row := Row{Head: cat}
		sum := 0.0
		for _, ser := range s.series {
			v := ser.values[i]
			if math.IsNaN(v) {
				row.Cells = append(row.Cells, "")
				continue
			}
			sum += v
			row.Cells = append(row.Cells, vn.FormatFloat(v, lang))
		}
		if s.total {
			row.Cells = append(row.Cells, vn.FormatFloat(sum, lang))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// describe says what s shows: its title, the kind of chart, what it counts
// by what, its highest category, and the notes of the chart.
func (b *Builder) describe(s spec, notes []string) string {
	kind := b.t("chart_bar")
	switch {
	case s.line:
		kind = b.t("chart_line")
	case s.stacked && len(s.series) > 1:
		kind = b.t("chart_bar_stacked")
	}
	d := s.title + ". " + fmt.Sprintf(b.t("chart_by"), kind, s.valName, s.catName)
	end := ""
	for _, n := range notes {
		end += " " + strings.TrimSuffix(n, ".") + "."
	}
	end += " " + b.t("chart_see_table")
	if s.inverse {
		return d + " " + b.t("chart_rank_top") + end
	}
	best, bestSum := -1, 0.0
	for i := range s.categories {
		sum := 0.0
		for _, ser := range s.series {
			if v := ser.values[i]; !math.IsNaN(v) {
				sum += v
			}
		}
		if best < 0 || sum > bestSum {
			best, bestSum = i, sum
		}
	}
	if len(s.categories) > 1 && !s.line {
		d += " " + fmt.Sprintf(b.t("chart_highest"), s.categories[best], vn.FormatFloat(bestSum, b.site.Config.Language))
	}
	return d + end
}

// byKind counts the collectives of awards per category, one series per
// award kind in the catalogue's order; cat gives an award's category index,
// or -1 to leave it out. An award not conferred is not counted; one still
// pending is, and the chart says so (hasProposed).
func byKind(kinds []*model.AwardKind, awards []*model.Award, n int, cat func(*model.Award) int) []series {
	counts := map[*model.AwardKind][]float64{}
	for _, a := range awards {
		i := cat(a)
		if i < 0 || a.Status == model.NotConferred {
			continue
		}
		if counts[a.Kind] == nil {
			counts[a.Kind] = make([]float64, n)
		}
		counts[a.Kind][i] += float64(a.Count)
	}
	var out []series
	for i, k := range kinds {
		if v := counts[k]; v != nil {
			out = append(out, series{name: k.ShortName(), values: v, color: i})
		}
	}
	return out
}

func hasProposed(awards []*model.Award) bool {
	return slices.ContainsFunc(awards, (*model.Award).Pending)
}

func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out
}

func yearsOfSite(site *model.Site) []int {
	out := make([]int, len(site.Years))
	for i, y := range site.Years {
		out[i] = y.Year
	}
	return out
}

// yearsOfUnit is every year from the unit's first membership to its last.
func yearsOfUnit(u *model.Unit) []int {
	if len(u.Memberships) == 0 {
		return nil
	}
	first, last := u.Memberships[0].BlocYear.Year, u.Memberships[0].BlocYear.Year
	for _, m := range u.Memberships {
		first, last = min(first, m.BlocYear.Year), max(last, m.BlocYear.Year)
	}
	var out []int
	for y := first; y <= last; y++ {
		out = append(out, y)
	}
	return out
}

func allAwards(site *model.Site) []*model.Award {
	var out []*model.Award
	for _, k := range site.Awards {
		out = append(out, k.Awards...)
	}
	return out
}

package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// testSite is the build package's test site: two blocs, three bloc years,
// awards conferred and proposed.
const testSite = "../build/testdata/site"

func loadSite(t *testing.T, dir string) *model.Site {
	t.Helper()
	site, diags := load.Site(os.DirFS(dir), load.Options{})
	if diags.HasErrors(false) {
		t.Fatalf("load %s: %v", dir, diags.Items())
	}
	return site
}

// keys gives each key back, so that the tests see which string is used.
func keys(k string) string {
	switch k {
	case "chart_axis_from":
		return "%s from %s"
	case "chart_axis_starts":
		return "axis from %s"
	case "chart_by":
		return "%s: %s / %s."
	case "chart_highest":
		return "max %s = %s."
	}
	return k
}

// pageOf returns the planned page of kind and path.
func pageOf(t *testing.T, plan []*pages.Page, path string) *pages.Page {
	t.Helper()
	for _, p := range plan {
		if p.Path == path {
			return p
		}
	}
	t.Fatalf("no page %q", path)
	return nil
}

// option decodes a chart's option.
func option(t *testing.T, c *Chart) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(c.Option), &m); err != nil {
		t.Fatalf("%s: option is not JSON: %v\n%s", c.ID, err, c.Option)
	}
	return m
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+$`)

// go-echarts gives every chart a random id unless told otherwise; the
// charts of a page must have the same ids, and options, in every build,
// and ids fit for JavaScript identifiers (no '-').
func TestIDsAndOptionsAreStable(t *testing.T) {
	site := loadSite(t, testSite)
	plan := pages.Plan(site, keys)
	first, second := New(site, keys), New(loadSite(t, testSite), keys)
	plan2 := pages.Plan(second.site, keys)
	drawn := 0
	for i, p := range plan {
		a, b := first.For(p), second.For(plan2[i])
		if len(a) != len(b) {
			t.Fatalf("%s: %d charts, then %d", p.Path, len(a), len(b))
		}
		ids := map[string]bool{}
		for j := range a {
			if a[j].ID != b[j].ID || a[j].Option != b[j].Option || a[j].Description != b[j].Description {
				t.Errorf("%s: chart %d differs between builds:\n%s\n%s", p.Path, j, a[j].Option, b[j].Option)
			}
			if !idPattern.MatchString(a[j].ID) {
				t.Errorf("%s: id %q is not letters and digits", p.Path, a[j].ID)
			}
			if ids[a[j].ID] {
				t.Errorf("%s: id %q twice", p.Path, a[j].ID)
			}
			ids[a[j].ID] = true
			if a[j].Drawn() {
				drawn++
			}
		}
	}
	if drawn < 6 {
		t.Errorf("only %d charts drawn on the test site", drawn)
	}
}

// A layout asks Draws, then For, of the same page: For gives the charts
// that Draws built, the same as building them afresh, and only once.
func TestForAfterDrawsGivesTheSameCharts(t *testing.T) {
	site := loadSite(t, testSite)
	b, fresh := New(site, keys), New(site, keys)
	for _, p := range pages.Plan(site, keys) {
		draws := b.Draws(p)
		got, want := b.For(p), fresh.For(p)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: For after Draws differs from For alone", p.Path)
		}
		if hasDrawn := slices.ContainsFunc(want, (*Chart).Drawn); draws != hasDrawn {
			t.Errorf("%s: Draws = %v, but the charts draw: %v", p.Path, draws, hasDrawn)
		}
		if again := b.For(p); len(got) > 0 && &again[0] == &got[0] {
			t.Errorf("%s: For gives the charts Draws built more than once", p.Path)
		}
	}
	b.drawn.Range(func(k, _ any) bool {
		t.Errorf("%s: the charts Draws built are still held after For took them", k.(*pages.Page).Path)
		return true
	})
}

// A name with </script> must not end the <script type="application/json">
// element the option is written in.
func TestNamesCannotEndTheScript(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(testSite)); err != nil {
		t.Fatal(err)
	}
	units := filepath.Join(dir, "data", "units.yaml")
	b, err := os.ReadFile(units)
	if err != nil {
		t.Fatal(err)
	}
	const evil = `</script><script>alert(1)</script><!--`
	b = []byte(strings.Replace(string(b), "short: Hội NCT", "short: '"+evil+"'", 1))
	if err := os.WriteFile(units, b, 0o644); err != nil {
		t.Fatal(err)
	}
	site := loadSite(t, dir)
	if site.Units[0].Short != evil && !hasShort(site, evil) {
		t.Fatal("the hostile short name did not load")
	}
	plan := pages.Plan(site, keys)
	c := New(site, keys).For(pageOf(t, plan, "khoi/khoi-a/2024/"))[0]
	if !c.Drawn() {
		t.Fatalf("no chart: %+v", c)
	}
	if strings.ContainsAny(string(c.Option), "<>") {
		t.Errorf("the option has < or > unescaped: %s", c.Option)
	}
	m := option(t, c)
	cats := m["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if cats[0] != evil {
		t.Errorf("the name did not come through as data: %v", cats[0])
	}
}

func hasShort(site *model.Site, s string) bool {
	for _, u := range site.Units {
		if u.Short == s {
			return true
		}
	}
	return false
}

// echarts' aria option replaces the element's aria-label with a generated
// text unless it is given a description: every chart gives its own.
func TestAriaDescription(t *testing.T) {
	site := loadSite(t, testSite)
	b := New(site, keys)
	for _, p := range pages.Plan(site, keys) {
		for _, c := range b.For(p) {
			if !c.Drawn() {
				continue
			}
			aria := option(t, c)["aria"].(map[string]any)
			label := aria["label"].(map[string]any)
			if aria["enabled"] != true || label["enabled"] != true {
				t.Errorf("%s %s: aria not enabled: %v", p.Path, c.ID, aria)
			}
			if d := label["description"]; d != c.Description || !strings.HasPrefix(c.Description, c.Title+".") || !strings.HasSuffix(c.Description, "chart_see_table") {
				t.Errorf("%s %s: aria description %q, chart description %q", p.Path, c.ID, d, c.Description)
			}
		}
	}
}

// Each chart has a title, axis names, and the numbers of its table.
func TestAwardsByYearMatchesTheModel(t *testing.T) {
	site := loadSite(t, testSite)
	plan := pages.Plan(site, keys)
	cs := New(site, keys).For(pageOf(t, plan, ""))
	if len(cs) != 1 || cs[0].ID != "chartawardsbyyear" {
		t.Fatalf("home charts: %+v", cs)
	}
	c := cs[0]
	m := option(t, c)
	// The title and its note are the theme's, in HTML.
	if _, ok := m["title"]; ok {
		t.Error("the option has a title of its own")
	}
	if c.Title != "chart_awards_by_year" || !slices.Equal(c.Notes, []string{"chart_proposals_included"}) || c.Table.Note != "chart_proposals_included" {
		t.Errorf("title %q, notes %q, table note %q", c.Title, c.Notes, c.Table.Note)
	}
	x := m["xAxis"].([]any)[0].(map[string]any)
	y := m["yAxis"].([]any)[0].(map[string]any)
	if x["name"] != "year" || y["name"] != "chart_axis_collectives" {
		t.Errorf("axis names %v, %v", x["name"], y["name"])
	}
	// Count by year and kind from the model: every award but those not
	// conferred, which are not awards (the fixture has one).
	want := map[string]map[string]float64{}
	notConferred := 0
	for _, k := range site.Awards {
		for _, a := range k.Awards {
			if a.Status == model.NotConferred {
				notConferred++
				continue
			}
			y := strconv.Itoa(a.BlocYear.Year)
			if want[y] == nil {
				want[y] = map[string]float64{}
			}
			want[y][k.ShortName()] += float64(a.Count)
		}
	}
	if notConferred == 0 {
		t.Error("the fixture has no award not conferred")
	}
	series := m["series"].([]any)
	if len(series) == 0 {
		t.Fatal("no series")
	}
	for i, year := range x["data"].([]any) {
		total := 0.0
		for _, s := range series {
			s := s.(map[string]any)
			if s["stack"] != "total" {
				t.Errorf("series %v is not stacked", s["name"])
			}
			v := s["data"].([]any)[i].(map[string]any)["value"].(float64)
			if v != want[year.(string)][s["name"].(string)] {
				t.Errorf("%v %v: %v, want %v", year, s["name"], v, want[year.(string)][s["name"].(string)])
			}
			total += v
		}
		row := c.Table.Rows[i]
		if row.Head != year || row.Cells[len(row.Cells)-1] != vn.FormatFloat(total, "vi") {
			t.Errorf("table row %v, want %v with total %v", row, year, total)
		}
	}
	// The legend is the theme's, in HTML: one item per series, in the
	// series' colours.
	if _, ok := m["legend"]; ok {
		t.Error("the option has a legend of its own")
	}
	colors := m["color"].([]any)
	if len(c.Legend) != len(series) {
		t.Fatalf("legend %v for %d series", c.Legend, len(series))
	}
	for i, s := range series {
		if it := c.Legend[i]; it.Name != s.(map[string]any)["name"] || it.Color != colors[i] {
			t.Errorf("legend item %d: %v, series %v in %v", i, it, s.(map[string]any)["name"], colors[i])
		}
	}
	if got, want := c.Table.Head, len(series)+2; len(got) != want || got[0] != "year" || got[len(got)-1] != "chart_total" {
		t.Errorf("table head %v", got)
	}
}

// An award kind has the same colour on every page: the colour of its
// place in the catalogue, whichever kinds a chart has.
func TestKindColoursAgree(t *testing.T) {
	site := loadSite(t, testSite)
	b := New(site, keys)
	want := map[string]string{}
	for i, k := range site.Awards {
		want[k.ShortName()] = colors[i%len(colors)]
	}
	n := 0
	for _, p := range pages.Plan(site, keys) {
		for _, c := range b.For(p) {
			if c.ID != "chartawardsbyyear" && c.ID != "chartawardsbybloc" {
				continue
			}
			for _, it := range c.Legend {
				n++
				if it.Color != want[it.Name] {
					t.Errorf("%s: %s is %s, want %s", p.Path, it.Name, it.Color, want[it.Name])
				}
			}
		}
	}
	if n < 4 {
		t.Errorf("only %d legend items", n)
	}
}

// Charts name units by their short name where there is one; the table
// has the scores as the site writes numbers.
func TestMemberScoresUseShortNames(t *testing.T) {
	site := loadSite(t, testSite)
	plan := pages.Plan(site, keys)
	c := New(site, keys).For(pageOf(t, plan, "khoi/khoi-a/2024/"))[0]
	m := option(t, c)
	cats := m["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if cats[0] != "Hội NCT" || cats[1] != "Hội CTĐ" || cats[2] != "Hội Khuyến học tỉnh" {
		t.Errorf("categories %v", cats)
	}
	if row := c.Table.Rows[2]; row.Head != "Hội Khuyến học tỉnh" || row.Cells[0] != "94,25" {
		t.Errorf("row %v", row)
	}
	series := m["series"].([]any)[0].(map[string]any)
	if label := series["label"].(map[string]any); label["show"] != true {
		t.Errorf("scores have no labels: %v", label)
	}
	if len(c.Legend) != 0 {
		t.Errorf("one series of scores has a legend: %v", c.Legend)
	}
}

// threeYears is the test site with a year 2022 of khoi-a before its 2023
// and 2024, so that its units have a trend to draw.
func threeYears(t *testing.T) *model.Site {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(testSite)); err != nil {
		t.Fatal(err)
	}
	const year = `members:
  - unit: hoi-nguoi-cao-tuoi
    rank: 3
    score: 90
  - unit: hoi-y-hoc-co-truyen
    rank: 1
    score: 96
  - unit: hoi-khuyen-hoc
    rank: 2
leader: hoi-y-hoc-co-truyen
deputies: [hoi-nguoi-cao-tuoi]
next_leader: hoi-y-hoc-co-truyen
`
	if err := os.WriteFile(filepath.Join(dir, "data", "blocs", "khoi-a", "2022.yaml"), []byte(year), 0o644); err != nil {
		t.Fatal(err)
	}
	return loadSite(t, dir)
}

// The unit chart draws the rank, rank 1 on top, and the score when there
// is no rank, over three years or more; over two, its table alone.
func TestStanding(t *testing.T) {
	two := loadSite(t, testSite)
	if c := New(two, keys).For(pageOf(t, pages.Plan(two, keys), "don-vi/hoi-nguoi-cao-tuoi/"))[0]; c.Drawn() || len(c.Table.Rows) != 2 {
		t.Errorf("a rank over two years: drawn %v, %d rows", c.Drawn(), len(c.Table.Rows))
	}
	site := threeYears(t)
	plan := pages.Plan(site, keys)
	b := New(site, keys)
	c := b.For(pageOf(t, plan, "don-vi/hoi-nguoi-cao-tuoi/"))[0]
	m := option(t, c)
	y := m["yAxis"].([]any)[0].(map[string]any)
	if c.ID != "chartrankbyyear" || y["inverse"] != true || y["min"] != 1.0 || y["name"] != "rank" {
		t.Errorf("rank chart %s: y axis %v", c.ID, y)
	}
	line := m["series"].([]any)[0].(map[string]any)
	if line["type"] != "line" {
		t.Errorf("series type %v", line["type"])
	}
	u := unitByID(site, "hoi-nguoi-cao-tuoi")
	// One line, named by its bloc in the legend.
	if bl := u.Memberships[0].BlocYear.Bloc; len(c.Legend) != 1 || c.Legend[0].Name != bl.ShortName() {
		t.Errorf("legend %v, want %s", c.Legend, bl.ShortName())
	}
	for i, v := range line["data"].([]any) {
		year := yearsOfUnit(u)[i]
		want := any("-")
		for _, mb := range u.Memberships {
			if mb.BlocYear.Year == year && mb.Rank > 0 {
				want = float64(mb.Rank)
			}
		}
		if got := v.(map[string]any)["value"]; got != want {
			t.Errorf("%d: rank %v, want %v", year, got, want)
		}
	}

	for _, mb := range u.Memberships {
		mb.Rank = 0
	}
	c = b.For(pageOf(t, plan, "don-vi/hoi-nguoi-cao-tuoi/"))[0]
	if c.ID != "chartscorebyyear" || !strings.Contains(string(c.Option), `"score from 85"`) {
		t.Errorf("without ranks: %s %s", c.ID, c.Option)
	}
}

func unitByID(site *model.Site, id string) *model.Unit {
	for _, u := range site.Units {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// A chart with no number is left out; a page with no chart to draw needs
// no chart script.
func TestNoNumberNoChart(t *testing.T) {
	site := loadSite(t, testSite)
	plan := pages.Plan(site, keys)
	b := New(site, keys)
	n := 0
	for _, p := range plan {
		if p.Kind != "award" || len(p.Award.Awards) > 0 {
			continue
		}
		n++
		if cs := b.For(p); len(cs) != 0 {
			t.Errorf("%s: %d charts of no awards: %+v", p.Path, len(cs), cs[0])
		}
		if b.Draws(p) {
			t.Errorf("%s draws a chart with no data", p.Path)
		}
	}
	if n == 0 {
		t.Fatal("the test site has no award kind without awards")
	}
	if !b.Draws(pageOf(t, plan, "")) {
		t.Error("the home page does not draw its chart")
	}
}

// A chart that would say nothing its table does not is its table alone: no
// option, no description, no legend, the numbers all there.
func TestTableAloneWhenTheChartSaysNothing(t *testing.T) {
	site := loadSite(t, testSite)
	plan := pages.Plan(site, keys)
	b := New(site, keys)
	bloc := pageOf(t, plan, "khoi/khoi-a/")
	var members *Chart
	for _, c := range b.For(bloc) {
		if c.ID == "chartmembersbyyear" {
			members = c
		}
	}
	if members == nil {
		t.Fatal("no members chart on the bloc page")
	}
	years := bloc.Bloc.Years
	if len(years) != 2 || len(years[0].Members) == len(years[1].Members) {
		t.Fatalf("the test needs a bloc of two years with different members: %d years", len(years))
	}
	// Two years, two member counts: that is a comparison.
	if !members.Drawn() {
		t.Errorf("members of two years, %d and %d, not drawn", len(years[0].Members), len(years[1].Members))
	}
	// The same count each year is not.
	years[1].Members = years[1].Members[:len(years[0].Members)]
	for _, c := range b.For(bloc) {
		if c.ID != "chartmembersbyyear" {
			continue
		}
		if c.Drawn() || c.Description != "" || len(c.Legend) != 0 || len(c.Notes) != 0 {
			t.Errorf("equal bars drawn: %+v", c)
		}
		if len(c.Table.Rows) != 2 || c.Table.Rows[0].Cells[0] != c.Table.Rows[1].Cells[0] {
			t.Errorf("table %+v", c.Table)
		}
	}
}

// The rules of what a chart says: two values other than 0 for bars, three
// years for a line, never the same in every category.
func TestSays(t *testing.T) {
	nan := math.NaN()
	bars := func(values ...[]float64) spec {
		s := spec{}
		for _, v := range values {
			s.series = append(s.series, series{values: v})
		}
		for range values[0] {
			s.categories = append(s.categories, "c")
		}
		return s
	}
	line := func(values ...[]float64) spec {
		s := bars(values...)
		s.line = true
		return s
	}
	for _, c := range []struct {
		name string
		s    spec
		want bool
	}{
		{"two values", bars([]float64{3, 5}), true},
		{"one value", bars([]float64{7}), false},
		{"one value but 0", bars([]float64{0, 4, 0}), false},
		{"one value and none", bars([]float64{nan, 4, nan}), false},
		{"equal bars", bars([]float64{5, 5, 5, 5}), false},
		{"equal totals of different kinds", bars([]float64{1, 2}, []float64{2, 1}), true},
		{"equal stacks", bars([]float64{1, 1}, []float64{2, 2}), false},
		{"two kinds in one category", bars([]float64{1, 0}, []float64{2, 0}), false},
		{"a trend of three years", line([]float64{3, 1, 2}), true},
		{"a line of two years", line([]float64{3, 1}), false},
		{"a line of two years with a gap", line([]float64{3, nan, nan, 1}), false},
		{"a line of three years with a gap", line([]float64{3, nan, 2, 1}), true},
		{"a flat line", line([]float64{2, 2, 2}), false},
		{"two lines of the same years", line([]float64{1, 2, nan}, []float64{nan, 3, 4}), true},
	} {
		if got := says(c.s); got != c.want {
			t.Errorf("%s: says = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestScoreAxis(t *testing.T) {
	for _, c := range []struct{ lo, hi, start, end, step float64 }{
		{86.6, 97.9, 80, 100, 5},
		{88.5, 96.25, 86, 98, 2},
		{91, 92, 90.5, 92, 0.5},
		{5, 95, 0, 100, 50},
		{40, 95, 20, 100, 20},
		{90, 90, 89, 90, 1},
	} {
		start, end, step := scoreAxis(c.lo, c.hi)
		if start != c.start || end != c.end || step != c.step {
			t.Errorf("scoreAxis(%v, %v) = %v, %v, %v; want %v, %v, %v", c.lo, c.hi, start, end, step, c.start, c.end, c.step)
		}
	}
}

// A chart of scores starts its axis near the lowest score and says so: in
// the axis name, in a note under the title, in its description.
func TestScoresStartNearTheLowest(t *testing.T) {
	site := loadSite(t, testSite)
	plan := pages.Plan(site, keys)
	c := New(site, keys).For(pageOf(t, plan, "khoi/khoi-a/2024/"))[0]
	if c.ID != "chartmemberscores" || !c.Drawn() {
		t.Fatalf("chart %s, drawn %v", c.ID, c.Drawn())
	}
	lo := math.Inf(1)
	for _, m := range pageOf(t, plan, "khoi/khoi-a/2024/").BlocYear.Members {
		if m.Score != nil {
			lo = min(lo, *m.Score)
		}
	}
	x := option(t, c)["xAxis"].([]any)[0].(map[string]any)
	start, _ := x["min"].(float64)
	if start <= 0 || start >= lo || lo-start > lo/5 {
		t.Errorf("the score axis starts at %v, the lowest score is %v", x["min"], lo)
	}
	from := vn.FormatFloat(start, "vi")
	if x["name"] != "score from "+from || !slices.Contains(c.Notes, "axis from "+from) || !strings.Contains(c.Description, "axis from "+from+".") {
		t.Errorf("axis name %q, notes %q, description %q", x["name"], c.Notes, c.Description)
	}
	// The table has the scores, and its head the plain name.
	if c.Table.Head[1] != "score" {
		t.Errorf("table head %v", c.Table.Head)
	}
}

// Every text of the canvas has lines half as high again as its letters,
// for the tone marks; and so do the tooltips, which echarts would write
// with a line height of 1.
func TestTextHasRoomForToneMarks(t *testing.T) {
	site := loadSite(t, testSite)
	b := New(site, keys)
	n := 0
	room := func(where string, st any) {
		m, _ := st.(map[string]any)
		size, _ := m["fontSize"].(float64)
		if size == 0 {
			size = 12 // echarts' own
		}
		if lh, _ := m["lineHeight"].(float64); lh < 1.5*size {
			t.Errorf("%s: line height %v for %v px text", where, m["lineHeight"], size)
		}
		n++
	}
	for _, p := range pages.Plan(site, keys) {
		for _, c := range b.For(p) {
			if !c.Drawn() {
				continue
			}
			m := option(t, c)
			where := p.Path + " " + c.ID
			for _, key := range []string{"xAxis", "yAxis"} {
				for i, ax := range m[key].([]any) {
					ax := ax.(map[string]any)
					room(fmt.Sprintf("%s %s[%d] labels", where, key, i), ax["axisLabel"])
					room(fmt.Sprintf("%s %s[%d] name", where, key, i), ax["nameTextStyle"])
				}
			}
			for i, s := range m["series"].([]any) {
				if label, ok := s.(map[string]any)["label"]; ok {
					room(fmt.Sprintf("%s series %d labels", where, i), label)
				}
			}
			tip := m["tooltip"].(map[string]any)["textStyle"]
			if lh, _ := tip.(map[string]any)["lineHeight"].(float64); lh < 1.5*14 {
				t.Errorf("%s: tooltip line height %v", where, lh)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d texts checked", n)
	}
}

// Pages with no chart get none.
func TestPagesWithoutCharts(t *testing.T) {
	site := loadSite(t, testSite)
	b := New(site, keys)
	for _, p := range pages.Plan(site, keys) {
		switch p.Kind {
		case "news", "article", "page", "404", "blocs", "units", "years", "search", "data":
			if cs := b.For(p); len(cs) != 0 {
				t.Errorf("%s (%s) has %d charts", p.Path, p.Kind, len(cs))
			}
		}
	}
}

func TestJSONValue(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want any
	}{{3, int64(3)}, {98.5, 98.5}, {math.NaN(), "-"}, {0, int64(0)}} {
		if got := jsonValue(c.in); got != c.want {
			t.Errorf("jsonValue(%v) = %#v, want %#v", c.in, got, c.want)
		}
	}
}

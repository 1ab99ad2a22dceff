package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/thidua/thidua/internal/browsertest"
	"github.com/thidua/thidua/internal/charts"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// screenshotKinds are the kinds of page photographed at each of sizes.
var screenshotKinds = map[pages.Kind]bool{"home": true, "bloc": true, "unit": true, "article": true}

// sizes are the phone and desktop windows of the screenshots.
var sizes = []struct{ w, h int64 }{{390, 844}, {1366, 900}}

// TestPagesInBrowser builds the demo site under a base URL with a path,
// serves it on 127.0.0.1 and opens one page of every kind in one Chromium,
// a tab each.
func TestPagesInBrowser(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	base := browsertest.Serve(t, dir, "/thidua/")
	demo := buildDemo(t, dir, base)
	browser := browsertest.New(t)
	axe := browsertest.Script(t, "axe-core/axe.min.js")
	shots := filepath.Join(browsertest.Artifacts(t), "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	for _, p := range onePerKind(demo) {
		t.Run(string(p.Kind), func(t *testing.T) {
			t.Parallel()
			tab := browsertest.NewTab(t, browser, base)
			url := base + p.Path
			want := expect(demo, p)

			open(t, tab, url, 1366, 900)
			checkPage(t, tab, want)
			checkAxe(t, tab, axe)
			if screenshotKinds[p.Kind] {
				for _, s := range sizes {
					open(t, tab, url, s.w, s.h)
					checkCharts(t, tab, want)
					png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatal(err)
					}
					name := filepath.Join(shots, fmt.Sprintf("%s-%dx%d.png", p.Kind, s.w, s.h))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			if p.Kind == "home" {
				checkSkipLink(t, tab)
				screenshotDark(t, tab, url, filepath.Join(shots, "home-dark-390x844.png"))
			}
			if p.Kind == "bloc" {
				checkWithoutScript(t, base, browser, url, want)
			}
			// The narrowest phone: the page must not scroll sideways.
			open(t, tab, url, 360, 740)
			checkCharts(t, tab, want)
			width, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if width > 360 {
				t.Errorf("at 360 px wide the page is %d px wide", width)
			}
			checkRoomAboveFooter(t, tab)
			checkTablesFit(t, tab, 360)
			open(t, tab, url, 1366, 900)
			checkRoomAboveFooter(t, tab)
			checkTablesFit(t, tab, 1366)
			for _, pr := range tab.Problems() {
				t.Error(pr)
			}
		})
	}
}

// checkTablesFit fails t if, at the page's width, a status of an award or
// a role of a unit in a table is off the screen, or a table scrolls
// sideways and cannot take the keyboard's focus (issue 18).
func checkTablesFit(t *testing.T, tab *browsertest.Tab, width int) {
	t.Helper()
	problems, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](`(() => {
		const out = [], w = document.documentElement.clientWidth;
		for (const el of document.querySelectorAll("table .status, table .badge, table .rating")) {
			const r = el.getBoundingClientRect();
			if (r.width > 0 && (r.left < 0 || r.right > w)) out.push("off screen: " + el.textContent + " at " + Math.round(r.left) + "–" + Math.round(r.right));
		}
		for (const box of document.querySelectorAll(".table-scroll")) {
			if (box.scrollWidth > box.clientWidth + 1 && box.tabIndex < 0) out.push("scrolls but takes no focus: " + (box.querySelector("caption") || box).textContent.slice(0, 60));
			if (box.scrollWidth > box.clientWidth + 1 && box.querySelector("table.stack")) out.push("a stacked table scrolls: " + box.querySelector("caption").textContent.slice(0, 60));
		}
		return out;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("at %d px: %s", width, p)
	}
}

// checkRoomAboveFooter fails t unless the page's main part keeps its
// padding at the bottom: the last line of the page stands at least 24 px
// above the footer (issue 18).
func checkRoomAboveFooter(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	gap, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[float64](`(() => {
		const main = document.querySelector("main"), footer = document.querySelector(".site-footer");
		let bottom = main.getBoundingClientRect().top;
		for (const el of main.children) {
			const r = el.getBoundingClientRect();
			if (r.height > 0) bottom = Math.max(bottom, r.bottom);
		}
		return footer.getBoundingClientRect().top - bottom;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if gap < 24 {
		t.Errorf("the last line of the page is %.0f px above the footer, want at least 24", gap)
	}
}

// checkSkipLink presses Tab on the loaded page: the first stop is the skip
// link, on screen with a visible outline, and it leads to the main content.
func checkSkipLink(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](`(() => {
		const a = document.activeElement, r = a.getBoundingClientRect(), cs = getComputedStyle(a);
		return {class: a.className, href: a.getAttribute('href'), top: r.top, outline: cs.outlineStyle + ' ' + cs.outlineWidth,
			target: !!document.querySelector('main#main')};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Class, Href, Outline string
		Top                  float64
		Target               bool
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Class != "skip-link" || got.Href != "#main" || !got.Target || got.Top < 0 || strings.HasPrefix(got.Outline, "none") || strings.HasSuffix(got.Outline, " 0px") {
		t.Errorf("after one Tab the focus is on %+v, want the skip link to #main, on screen, outlined", got)
	}
}

// screenshotDark photographs the page on a phone in dark mode.
func screenshotDark(t *testing.T, tab *browsertest.Tab, url, name string) {
	t.Helper()
	err := chromedp.Do(tab.Ctx,
		media(&emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"}, reducedMotion()),
		chromedp.EmulateViewport(390, 844), chromedp.Navigate(url), waitDrawn())
	if err != nil {
		t.Fatalf("dark mode: %v", err)
	}
	png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(name, png, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// checkWithoutScript opens url with JavaScript off: every chart's table is
// open and there is no empty frame where the chart would be, nor its title
// or legend.
func checkWithoutScript(t *testing.T, base string, browser context.Context, url string, want expected) {
	t.Helper()
	tab := browsertest.NewTab(t, browser, base)
	err := chromedp.Do(tab.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(url))
	if err != nil {
		t.Fatal(err)
	}
	b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](`[...document.querySelectorAll('figure.chart')].map(f =>
		[f.querySelector('details').open, f.querySelector('.chart-canvas').getBoundingClientRect().height,
		 f.querySelector('table').getBoundingClientRect().height,
		 [...f.querySelectorAll('.chart-head, .chart-legend')].reduce((h, x) => h + x.getBoundingClientRect().height, 0)])`))
	if err != nil {
		t.Fatal(err)
	}
	var got [][4]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	drawn := 0
	for _, c := range want.charts {
		if c.Drawn() {
			drawn++
		}
	}
	if len(got) == 0 || len(got) != drawn {
		t.Fatalf("%d charts on the page, want %d", len(got), drawn)
	}
	for i, g := range got {
		if g[0] != true || g[1] != 0.0 || g[2] == 0.0 || g[3] != 0.0 {
			t.Errorf("without JavaScript, chart %d: table open %v, frame %v px high, table %v px high, title and legend %v px high",
				i, g[0], g[1], g[2], g[3])
		}
	}
	for _, pr := range tab.Problems() {
		t.Error(pr)
	}
}

// open loads url in a window of w×h, with reduced motion so that charts
// are drawn at once, and waits until every chart says it is drawn.
func open(t *testing.T, tab *browsertest.Tab, url string, w, h int64) {
	t.Helper()
	err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(w, h), media(reducedMotion()), chromedp.Navigate(url), waitDrawn())
	if err != nil {
		t.Fatalf("%s at %dx%d: %v", url, w, h, err)
	}
}

// reducedMotion makes charts.js draw without animation.
func reducedMotion() *emulation.MediaFeature {
	return &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"}
}

// media emulates the CSS media features.
func media(features ...*emulation.MediaFeature) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	})
}

// waitDrawn waits until every chart of the page says it is drawn, bringing
// each near the viewport in turn, since a chart is drawn only there, then
// scrolls back to the top.
func waitDrawn() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](`(() => {
			const el = [...document.querySelectorAll('.chart-canvas')].find(el => !el.hasAttribute('data-drawn'));
			if (el) { el.parentNode.scrollIntoView(); return false; }
			scrollTo(0, 0);
			return true;
		})()`, chromedp.WithPollingTimeout(15*time.Second))(ctx, tg)
		if err != nil {
			return fmt.Errorf("the charts were not drawn: %w", err)
		}
		return nil
	})
}

// expected is what a page must show.
type expected struct {
	title  string   // the text of its one h1
	facts  []string // texts it must show
	charts []*charts.Chart
}

func expect(d *demo, p *pages.Page) expected {
	t := d.prepared.Renderer.T
	e := expected{title: p.Title, charts: charts.New(d.site, t).For(p)}
	leader := func(y *model.BlocYear) {
		if y != nil && y.Leader != nil {
			e.facts = append(e.facts, y.Leader.Name)
		}
	}
	switch p.Kind {
	case "home":
		e.title = d.site.Config.Title
		leader(d.site.Blocs[0].Latest())
	case "blocs":
		e.facts = append(e.facts, d.site.Blocs[0].Name)
	case "bloc":
		leader(p.Bloc.Latest())
		e.facts = append(e.facts, t("leader_rotation"))
	case "blocyear":
		leader(p.BlocYear)
		e.facts = append(e.facts, t("leader"), p.BlocYear.Members[0].Unit.Name)
	case "units":
		e.facts = append(e.facts, d.site.Units[0].Name)
	case "unit":
		ms := p.Unit.Memberships
		e.facts = append(e.facts, ms[len(ms)-1].BlocYear.Bloc.Name)
	case "years":
		e.facts = append(e.facts, fmt.Sprint(d.site.Years[len(d.site.Years)-1].Year))
	case "year":
		leader(p.Year.Blocs[0])
	case "awards":
		e.facts = append(e.facts, d.site.Awards[0].Name)
	case "award":
		for _, a := range p.Award.Awards {
			if a.Unit != nil {
				e.facts = append(e.facts, a.Unit.Name)
				break
			}
		}
	case "news":
		e.facts = append(e.facts, p.Articles[0].Title)
	case "article":
		e.facts = append(e.facts, p.Article.Summary)
	case "data":
		e.facts = append(e.facts, "thidua.json")
	}
	for _, c := range e.charts {
		if !c.Drawn() {
			e.facts = append(e.facts, c.Table.Caption)
		}
	}
	return e
}

// checkPage checks the one h1, the facts and the charts.
func checkPage(t *testing.T, tab *browsertest.Tab, want expected) {
	t.Helper()
	var got struct {
		H1   []string
		Text string
	}
	b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](`({
		h1: [...document.querySelectorAll('h1')].map(h => h.innerText.trim()),
		text: document.body.innerText.replace(/\s+/g, ' '),
	})`))
	if err == nil {
		err = json.Unmarshal(b, &got)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(got.H1) != 1 || got.H1[0] != want.title {
		t.Errorf("h1 %q, want one: %q", got.H1, want.title)
	}
	for _, f := range want.facts {
		if !strings.Contains(got.Text, f) {
			t.Errorf("the page does not show %q", f)
		}
	}
	checkCharts(t, tab, want)
}

// drawn is what the page tells of one chart.
type drawn struct {
	ID, Aria, Description, Tooltip, Axis, Legend string
	Painted, Sampled, Colors                     int
	Open, Hidden                                 bool
}

// checkCharts checks that the page has the charts it should, each drawn on
// a canvas that is not blank, with our description as its aria-label,
// Vietnamese numbers in tooltips and axis labels, and its table folded.
func checkCharts(t *testing.T, tab *browsertest.Tab, want expected) {
	t.Helper()
	b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](`[...document.querySelectorAll('.chart-canvas')].map(el => {
		const legend = el.closest('figure').querySelector('.chart-legend');
		const r = {id: el.id, aria: el.getAttribute('aria-label'), hidden: el.hidden,
			legend: legend ? (legend.hidden ? 'hidden' : 'shown') : 'none',
			open: el.closest('figure').querySelector('details').open,
			description: JSON.parse(document.getElementById(el.id + 'option').textContent).aria.label.description};
		const c = el.querySelector('canvas');
		if (!c) return r;
		const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
		const colors = new Set();
		let painted = 0, sampled = 0;
		for (let i = 0; i < d.length; i += 4 * 13) {
			sampled++;
			if (d[i + 3] > 0) { painted++; colors.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); }
		}
		Object.assign(r, {painted, sampled, colors: colors.size});
		const o = echarts.getInstanceByDom(el).getOption();
		r.tooltip = o.tooltip[0].valueFormatter(1234.5);
		const axis = o.xAxis.concat(o.yAxis).find(a => a.type === 'value');
		r.axis = axis.axisLabel.formatter(20000);
		return r;
	})`))
	var got []drawn
	if err == nil {
		err = json.Unmarshal(b, &got)
	}
	if err != nil {
		t.Fatal(err)
	}
	var ids, legends []string
	for _, c := range want.charts {
		if c.Drawn() {
			ids = append(ids, c.ID)
			legends = append(legends, map[bool]string{true: "shown", false: "none"}[len(c.Legend) > 0])
		}
	}
	if len(got) != len(ids) {
		t.Fatalf("%d charts on the page, want %v", len(got), ids)
	}
	for i, c := range got {
		if c.ID != ids[i] {
			t.Errorf("chart %d is %q, want %q", i, c.ID, ids[i])
		}
		if c.Hidden || c.Sampled == 0 || c.Painted*50 < c.Sampled || c.Colors < 3 {
			t.Errorf("%s looks blank: hidden %v, %d of %d pixels painted in %d colours", c.ID, c.Hidden, c.Painted, c.Sampled, c.Colors)
		}
		if c.Aria != c.Description || c.Description == "" {
			t.Errorf("%s: aria-label %q, want the description %q", c.ID, c.Aria, c.Description)
		}
		if c.Tooltip != "1.234,5" || c.Axis != "20.000" {
			t.Errorf("%s: numbers read %q and %q, want 1.234,5 and 20.000", c.ID, c.Tooltip, c.Axis)
		}
		if c.Legend != legends[i] {
			t.Errorf("%s: legend %s, want %s", c.ID, c.Legend, legends[i])
		}
		if c.Open {
			t.Errorf("%s: the table is open beside a drawn chart", c.ID)
		}
	}
}

// checkAxe runs axe-core's WCAG 2 A and AA rules on the page.
func checkAxe(t *testing.T, tab *browsertest.Tab, axe string) {
	t.Helper()
	if _, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
		.then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\n\t' +
			v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')).join('\n\t')))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	var violations []string
	if err := json.Unmarshal(b, &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("axe: %s", v)
	}
}

// onePerKind picks a page of every kind, one that draws a chart where the
// kind has such pages.
func onePerKind(d *demo) []*pages.Page {
	b := charts.New(d.site, d.prepared.Renderer.T)
	chosen := map[pages.Kind]*pages.Page{}
	var order []pages.Kind
	for _, p := range d.prepared.Plan {
		have, ok := chosen[p.Kind]
		if !ok {
			order = append(order, p.Kind)
		}
		if !ok || (!b.Draws(have) && b.Draws(p)) {
			chosen[p.Kind] = p
		}
	}
	out := make([]*pages.Page, len(order))
	for i, k := range order {
		out[i] = chosen[k]
	}
	return out
}

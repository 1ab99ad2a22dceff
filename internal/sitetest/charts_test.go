package sitetest

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/internal/browsertest"
	"github.com/thidua/thidua/internal/charts"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/serve"
)

// drawnPages are a page of every kind that draws a chart.
func drawnPages(d *demo) []*pages.Page {
	b := charts.New(d.site, d.prepared.Renderer.T)
	var out []*pages.Page
	for _, p := range onePerKind(d) {
		if b.Draws(p) {
			out = append(out, p)
		}
	}
	return out
}

// glyphRoom measures, in every drawn chart of the page, the ink of each line
// of text of the canvas (canvas measureText's actual bounding box in the
// line's font) against the line's box, its line height around the middle
// where the chart puts it, and against the canvas; then it shows the
// tooltip of the first category and compares the line height of its texts
// with their size. It gives the problems, how many lines it measured and
// how many of those had a stacked tone mark.
const glyphRoom = `(() => {
	const out = {problems: [], lines: 0, marked: 0};
	const stacked = /[ấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢẢẺỈỎỦỶảẻỉỏủỷĐ]/;
	const ctx = document.createElement('canvas').getContext('2d');
	for (const el of document.querySelectorAll('.chart-canvas')) {
		const chart = echarts.getInstanceByDom(el);
		if (!chart) { out.problems.push(el.id + ': not drawn'); continue; }
		const w = el.clientWidth, h = el.clientHeight;
		for (const d of chart.getZr().storage.getDisplayList(true)) {
			const st = d.style;
			if (!st || typeof st.text !== 'string' || st.text.trim() === '' || d.invisible) continue;
			ctx.font = st.font;
			ctx.textAlign = st.textAlign || 'left';
			ctx.textBaseline = st.textBaseline || 'alphabetic';
			const m = ctx.measureText(st.text);
			const x = st.x || 0, y = st.y || 0;
			const line = (d.parent && d.parent.style && d.parent.style.lineHeight) || ctx.measureText('国').width;
			const ink = {top: y - m.actualBoundingBoxAscent, bottom: y + m.actualBoundingBoxDescent,
				left: x - m.actualBoundingBoxLeft, right: x + m.actualBoundingBoxRight};
			const where = el.id + ' "' + st.text + '" (' + st.font + ')';
			out.lines++;
			if (stacked.test(st.text)) out.marked++;
			if (st.textBaseline === 'middle' && (ink.top < y - line / 2 - 0.5 || ink.bottom > y + line / 2 + 0.5)) {
				out.problems.push(where + ': ink ' + (y - ink.top).toFixed(1) + ' px above and ' + (ink.bottom - y).toFixed(1) +
					' px below the middle of a line ' + line + ' px high');
			}
			const t = d.getComputedTransform() || [1, 0, 0, 1, 0, 0];
			const xs = [], ys = [];
			for (const [px, py] of [[ink.left, ink.top], [ink.right, ink.top], [ink.left, ink.bottom], [ink.right, ink.bottom]]) {
				xs.push(t[0] * px + t[2] * py + t[4]);
				ys.push(t[1] * px + t[3] * py + t[5]);
			}
			if (Math.min(...xs) < -0.5 || Math.max(...xs) > w + 0.5 || Math.min(...ys) < -0.5 || Math.max(...ys) > h + 0.5) {
				out.problems.push(where + ': ink out of the canvas, x ' + Math.min(...xs).toFixed(1) + '–' + Math.max(...xs).toFixed(1) +
					' of ' + w + ', y ' + Math.min(...ys).toFixed(1) + '–' + Math.max(...ys).toFixed(1) + ' of ' + h);
			}
		}
		chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
		let tips = 0;
		for (const x of el.querySelectorAll('*')) {
			if (![...x.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
			const cs = getComputedStyle(x), size = parseFloat(cs.fontSize);
			const lh = cs.lineHeight === 'normal' ? 1.2 * size : parseFloat(cs.lineHeight);
			tips++;
			if (lh < 1.4 * size) out.problems.push(el.id + ' tooltip "' + x.textContent.trim() + '": line height ' + lh + ' px for ' + size + ' px text');
		}
		if (tips === 0) out.problems.push(el.id + ': no tooltip text');
		chart.dispatchAction({type: 'hideTip'});
	}
	return out;
})()`

// Every text a chart draws on its canvas, and its tooltip, has room for the
// tone marks of Vietnamese, stacked above a letter (ể, ổ) or below it (ạ):
// their ink stays inside the line the chart gives it and inside the canvas,
// on a phone and on a desktop (issue 18).
func TestChartTextHasRoomForToneMarks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	base := browsertest.Serve(t, dir, "/thidua/")
	demo := buildDemo(t, dir, base)
	browser := browsertest.New(t)
	lines, marked := 0, 0
	for _, p := range drawnPages(demo) {
		t.Run(string(p.Kind), func(t *testing.T) {
			tab := browsertest.NewTab(t, browser, base)
			for _, width := range []int64{360, 1366} {
				open(t, tab, base+p.Path, width, 900)
				b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](glyphRoom))
				if err != nil {
					t.Fatal(err)
				}
				var got struct {
					Problems      []string
					Lines, Marked int
				}
				if err := json.Unmarshal(b, &got); err != nil {
					t.Fatal(err)
				}
				for _, pr := range got.Problems {
					t.Errorf("at %d px: %s", width, pr)
				}
				lines, marked = lines+got.Lines, marked+got.Marked
			}
			for _, pr := range tab.Problems() {
				t.Error(pr)
			}
		})
	}
	if lines == 0 || marked == 0 {
		t.Errorf("measured %d lines of chart text, %d with a stacked tone mark", lines, marked)
	}
	t.Logf("%d lines of chart text measured, %d with a stacked tone mark", lines, marked)
}

// The chart library is fetched only when a chart comes near the viewport:
// a phone that opens the home page and does not scroll down to its chart
// downloads none of it (issue 18).
func TestChartLibraryLoadsNearAChart(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	base := browsertest.Serve(t, dir, "/thidua/")
	buildDemo(t, dir, base)
	tab := browsertest.NewTab(t, browsertest.New(t), base)
	const fetched = `performance.getEntriesByType('resource').some(e => e.name.endsWith('/echarts.min.js')) || !!window.echarts`
	err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(390, 844), media(reducedMotion()), chromedp.Navigate(base))
	if err != nil {
		t.Fatal(err)
	}
	far, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`document.querySelector('figure.chart').getBoundingClientRect().top > innerHeight + 400`))
	if err != nil {
		t.Fatal(err)
	}
	if !far {
		t.Fatal("the home page's chart is near the top on a phone: the test needs a chart further down")
	}
	time.Sleep(500 * time.Millisecond)
	if before, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](fetched)); err != nil || before {
		t.Errorf("the chart library was fetched before the chart came near the viewport (%v)", err)
	}
	if err := chromedp.Do(tab.Ctx, waitDrawn()); err != nil {
		t.Fatal(err)
	}
	if after, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](fetched)); err != nil || !after {
		t.Errorf("the chart was drawn without the library (%v)", err)
	}
	for _, pr := range tab.Problems() {
		t.Error(pr)
	}
}

// A printed page has the numbers of its charts: in print, every chart's
// table shows without its button, drawn or not, and the tables alone too.
func TestChartsPrintWithTheirTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	base := browsertest.Serve(t, dir, "/thidua/")
	demo := buildDemo(t, dir, base)
	browser := browsertest.New(t)
	for _, p := range drawnPages(demo) {
		t.Run(string(p.Kind), func(t *testing.T) {
			tab := browsertest.NewTab(t, browser, base)
			open(t, tab, base+p.Path, 1366, 900)
			err := chromedp.Do(tab.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}))
			if err != nil {
				t.Fatal(err)
			}
			b, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](`[...document.querySelectorAll('figure.chart, .chart-alone')].map(f => {
				const s = f.querySelector('summary');
				return {caption: f.querySelector('caption').textContent, table: f.querySelector('tbody').getBoundingClientRect().height,
					summary: s ? s.getBoundingClientRect().height : 0};
			})`))
			if err != nil {
				t.Fatal(err)
			}
			var got []struct {
				Caption        string
				Table, Summary float64
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 {
				t.Fatal("no chart on the page")
			}
			for _, c := range got {
				if c.Table == 0 || c.Summary != 0 {
					t.Errorf("in print, %q: table %v px high, its button %v px", c.Caption, c.Table, c.Summary)
				}
			}
		})
	}
}

// Under the policy of thidua serve, which lets only the site's own scripts
// and the live-reload script with its nonce run, the chart library loads
// and the charts are drawn.
func TestChartsUnderServePolicy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	srv := serve.New(dir, "/thidua/")
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { srv.Close(); ts.Close() })
	base := ts.URL + "/thidua/"
	demo := buildDemo(t, dir, base)
	tab := browsertest.NewTab(t, browsertest.New(t), base)
	p := drawnPages(demo)[0]
	open(t, tab, base+p.Path, 1366, 900)
	nonce, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`!!document.querySelector('script[nonce]')`))
	if err != nil {
		t.Fatal(err)
	}
	if !nonce {
		t.Error("the page has no script with a nonce: it was not served with serve's policy")
	}
	for _, pr := range tab.Problems() {
		if !strings.Contains(pr, serve.EventsPath) {
			t.Error(pr)
		}
	}
}

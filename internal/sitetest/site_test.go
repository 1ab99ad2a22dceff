package sitetest

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/charts"
	"github.com/thidua/thidua/internal/model"
)

// root is the repository root, which is the demo site.
const root = "../.."

// demo is the demo site, built.
type demo struct {
	site     *model.Site
	prepared *build.Prepared
}

// buildDemo builds the demo site into dst under baseURL ("" for
// site.yaml's) and returns its model and plan.
func buildDemo(t *testing.T, dst, baseURL string) *demo {
	t.Helper()
	opts := build.Options{Source: root, Destination: dst, BaseURL: baseURL, Theme: thidua.Theme()}
	if res, err := build.Run(context.Background(), opts); err != nil {
		t.Fatalf("build of the demo site: %v\n%v", err, res.Diagnostics)
	}
	p, diags, err := build.Prepare(opts)
	if err != nil {
		t.Fatalf("%v\n%v", err, diags)
	}
	t.Cleanup(func() { p.Close() })
	return &demo{site: p.Site, prepared: p}
}

// htmlFiles returns the text of every HTML file under dir, by
// slash-separated path.
func htmlFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // the destination is a link to its live generation
	}
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The theme's own CSS and JavaScript, the chart library aside, stay under
// 30 KB in all.
func TestThemeAssetsUnder30KB(t *testing.T) {
	total := 0
	var files []string
	err := fs.WalkDir(thidua.Theme(), "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := path.Ext(p); ext != ".css" && ext != ".js" {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += int(info.Size())
		files = append(files, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found only %v", files)
	}
	if total >= 30<<10 {
		t.Errorf("the theme's CSS and JavaScript are %d bytes, over 30 KB: %v", total, files)
	}
	t.Logf("%d bytes in %v", total, files)
}

var scriptTag = regexp.MustCompile(`<script\b[^>]*>`)

// The chart script is loaded deferred, on exactly the pages that draw a
// chart, from the site itself, naming the library it loads when a chart
// comes near, which no page loads itself; every other script is data or a
// file of the site, never inline code.
func TestChartScriptsOnlyWhereCharts(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	d := buildDemo(t, dst, "https://example.org/a/b/")
	ours := `<script defer src="/a/b/assets/js/charts.js" data-library="/a/b/` + charts.Script + `"></script>`
	withCharts := 0
	for name, html := range htmlFiles(t, dst) {
		has := strings.Contains(html, `class="chart-canvas"`)
		j := strings.Index(html, ours)
		switch {
		case has && (j < 0 || j > strings.Index(html, "</head>")):
			t.Errorf("%s has a chart but not %s in its head", name, ours)
		case !has && j >= 0:
			t.Errorf("%s has no chart but loads the chart script", name)
		}
		if strings.Contains(html, `src="/a/b/`+charts.Script) {
			t.Errorf("%s loads the chart library itself", name)
		}
		if has {
			withCharts++
		}
		for _, tag := range scriptTag.FindAllString(html, -1) {
			if !strings.Contains(tag, ` src="/a/b/`) && tag != `<script type="application/json" id="`+between(tag, `id="`, `"`)+`">` {
				t.Errorf("%s: script %s is neither a file of the site nor JSON", name, tag)
			}
		}
	}
	// Home, blocs, bloc years, units, years, award kinds and their list.
	if min := 1 + len(d.site.Blocs) + len(d.site.Years); withCharts < min {
		t.Errorf("%d pages draw a chart, want at least %d", withCharts, min)
	}
	for _, f := range []string{"echarts.min.js", "LICENSE", "NOTICE"} {
		if fi, err := os.Stat(filepath.Join(dst, filepath.FromSlash(charts.LibraryDir), f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s%s is not in the output: %v", charts.LibraryDir, f, err)
		}
	}
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, to)
	return v
}

// A unit or bloc named with </script> cannot end the element that holds a
// chart's option, in the built page.
func TestHostileNamesStayData(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	const evil = `</script><script>alert(1)</script><!--`
	replace := func(file, old, new string) {
		p := filepath.Join(src, filepath.FromSlash(file))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q", file, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replace("data/units.yaml", "short: Hội NCT", "short: '"+evil+"'")
	replace("data/blocs/khoi-a/bloc.yaml", "short: ", "short: '"+evil+"' #")
	// An award in the other bloc too, so that the year has awards of two
	// blocs to chart.
	replace("data/blocs/khoi-b/2024.yaml", "leader: so-ke-hoach", "leader: so-ke-hoach\nawards:\n  - award: bang-khen-tinh\n    unit: so-tai-chinh\n    decision: Quyết định số 45/QĐ-UBND ngày 20/01/2025")
	dst := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Source: src, Destination: dst, Theme: thidua.Theme()}
	if res, err := build.Run(context.Background(), opts); err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	pages := htmlFiles(t, dst)
	for _, name := range []string{"khoi/khoi-a/2024/index.html", "nam/2024/index.html"} {
		html, ok := pages[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		if !strings.Contains(html, `class="chart-canvas"`) {
			t.Errorf("%s has no chart", name)
		}
		if strings.Contains(html, "<script>alert") {
			t.Errorf("%s: the name got out of its script element", name)
		}
		if !strings.Contains(html, `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
			t.Errorf("%s: the name is not in the chart's option, escaped", name)
		}
	}
}

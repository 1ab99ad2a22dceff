package build

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/gitinfo/gittest"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

func TestSetUpdated(t *testing.T) {
	bloc := &model.Bloc{ID: "khoi-8"}
	y23 := &model.BlocYear{Bloc: bloc, Year: 2023, Path: "data/blocs/khoi-8/2023.yaml"}
	y24 := &model.BlocYear{Bloc: bloc, Year: 2024, Path: "data/blocs/khoi-8/2024.yaml"}
	bloc.Years = []*model.BlocYear{y23, y24}
	a := &model.Unit{ID: "a"}
	a.Memberships = []*model.Membership{{Unit: a, BlocYear: y23}, {Unit: a, BlocYear: y24}}
	b := &model.Unit{ID: "b"}
	b.Memberships = []*model.Membership{{Unit: b, BlocYear: y23}}
	c := &model.Unit{ID: "c"}
	site := &model.Site{Blocs: []*model.Bloc{bloc}, Units: []*model.Unit{a, b, c}}

	units := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	d23 := time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)
	d24 := time.Date(2025, 1, 11, 17, 30, 0, 0, time.UTC) // 12/01/2025 00:30 in Vietnam
	setUpdated(site, gitinfo.Dates{"data/units.yaml": units, y23.Path: d23, y24.Path: d24})

	if !y23.Updated.Equal(d23) || !y24.Updated.Equal(d24) {
		t.Errorf("years: %v %v", y23.Updated, y24.Updated)
	}
	if got := y24.Updated.Format("02/01/2006"); got != "12/01/2025" {
		t.Errorf("the date is not Vietnam's: %s", got)
	}
	if !a.Updated.Equal(d24) || !b.Updated.Equal(units) || !c.Updated.Equal(units) {
		t.Errorf("units: a %v, b %v, c %v", a.Updated, b.Updated, c.Updated)
	}

	empty := &model.Unit{ID: "d"}
	setUpdated(&model.Site{Units: []*model.Unit{empty}}, gitinfo.Dates{})
	if !empty.Updated.IsZero() {
		t.Error("a date without git")
	}
}

func TestPrepareDatesFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	src := copySite(t)
	p, _, err := Prepare(Options{Source: src, Theme: thidua.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	for _, u := range p.Site.Units {
		if !u.Updated.IsZero() {
			t.Errorf("outside a repository, %s has the date %v", u.ID, u.Updated)
		}
	}

	when := "2025-01-12T09:00:00+07:00"
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "records"}} {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.gov.vn", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when, "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	p, _, err = Prepare(Options{Source: src, Theme: thidua.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	y := p.Site.Bloc("khoi-a").Year(2024)
	if got := y.Updated.Format("02/01/2006 15:04 -07:00"); got != "12/01/2025 09:00 +07:00" {
		t.Errorf("khoi-a 2024 updated %s", got)
	}
	for _, u := range p.Site.Units {
		if u.Updated.IsZero() {
			t.Errorf("in a repository, %s has no date", u.ID)
		}
	}

	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, src, dst, func(o *Options) { o.Strict = false }); err != nil {
		t.Fatal(err)
	}
	want := `<p class="meta updated">Cập nhật: <time datetime="2025-01-12">12/01/2025</time></p>`
	for _, page := range []string{"khoi/khoi-a/2024/index.html", "don-vi/hoi-nguoi-cao-tuoi/index.html"} {
		b, err := os.ReadFile(filepath.Join(dst, page))
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s (%v)", page, want, err)
		}
	}
}

func TestNoUpdateLineOutsideARepository(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(t, copySite(t), dst, func(o *Options) { o.Strict = false }); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"khoi/khoi-a/2024/index.html", "don-vi/hoi-nguoi-cao-tuoi/index.html"} {
		if b, _ := os.ReadFile(filepath.Join(dst, page)); len(b) == 0 || strings.Contains(string(b), "updated") {
			t.Errorf("%s: an update line without git, or no page", page)
		}
	}
}

// TestRebuildInALongHistory builds the demo site in a repository of 10,000
// commits with a Builder, as thidua serve does, and checks that a rebuild
// after an edit asks git only which commit HEAD names, that a commit made
// while it runs dates the files it changed at the next rebuild by reading
// the new commits alone, and that each rebuild writes what a full build
// writes. BenchmarkRebuildInALongHistory gives the time it costs.
func TestRebuildInALongHistory(t *testing.T) {
	calls := gittest.RecordCalls(t)
	site := copyDemo(t)
	if err := gittest.Make(site, gittest.Options{Commits: 10000}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: site, Destination: dest, Theme: thidua.Theme()}
	b, err := NewBuilder(opts, "")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	// build runs the Builder and returns the git calls it made.
	build := func(step string, changed ...string) []string {
		t.Helper()
		before := len(calls())
		if res, _, err := b.Build(ctx, changed, false); err != nil {
			t.Fatalf("%s: %v\n%v", step, err, res.Diagnostics)
		}
		return calls()[before:]
	}
	// asFull checks the Builder's output against a full build's.
	asFull := func(step string) {
		t.Helper()
		full := filepath.Join(t.TempDir(), "full")
		fopts := opts
		fopts.Destination = full
		if _, err := Run(ctx, fopts); err != nil {
			t.Fatalf("%s: full build: %v", step, err)
		}
		sameTree(t, step, dest, full)
	}
	if made := build("first"); gittest.WholeLogs(made) != 1 {
		t.Errorf("first build: git calls %q, want one log of the whole history", made)
	}
	asFull("first")
	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	if made := build("article", edit2(t, site, article, "## Kết quả năm 2023", "## Kết quả năm 2023\n\nMột đoạn mới.")); len(made) != 1 || !strings.Contains(made[0], " rev-parse ") {
		t.Errorf("rebuild after an edit: git calls %q, want one rev-parse", made)
	}
	year := "data/blocs/khoi-8/2024.yaml"
	build("year file", edit2(t, site, year, "score: 97.9", "score: 88.8"))
	asFull("year file")

	// The editor commits the year file while the Builder runs: no file
	// changes, but the next rebuild dates the year's pages by the commit.
	when := time.Date(2026, 6, 15, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	if err := gittest.Git(site, when, "commit", "-q", "-m", "Sửa điểm", "--", year); err != nil {
		t.Fatal(err)
	}
	if made := build("commit"); gittest.WholeLogs(made) != 0 || len(made) != 3 {
		t.Errorf("rebuild after a commit: git calls %q, want rev-parse, rev-list and a log of the new commit", made)
	}
	asFull("commit")
	page, err := os.ReadFile(filepath.Join(dest, "khoi/khoi-8/2024/index.html"))
	if err != nil || !strings.Contains(string(page), `<time datetime="2026-06-15">15/06/2026</time>`) {
		t.Errorf("the year's page does not show the date of the commit (%v)", err)
	}
}

// BenchmarkRebuildInALongHistory times the rebuild after an article's edit
// of the demo site in a repository of 10,000 commits and of the same site
// outside git, alternately, and reports the median of each and their ratio
// (the issue asks at most 1.2).
func BenchmarkRebuildInALongHistory(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	article := "content/news/2023/hoi-dac-thu-tong-ket-2023.md"
	type side struct {
		site  string
		b     *Builder
		times []time.Duration
	}
	var sides [2]*side
	for i := range sides {
		s := &side{site: copyDemo(b)}
		if i == 1 {
			if err := gittest.Make(s.site, gittest.Options{Commits: 10000}); err != nil {
				b.Fatal(err)
			}
		}
		var err error
		s.b, err = NewBuilder(Options{Source: s.site, Destination: filepath.Join(b.TempDir(), "public"), Theme: thidua.Theme()}, "")
		if err != nil {
			b.Fatal(err)
		}
		defer s.b.Close()
		if _, _, err := s.b.Build(context.Background(), nil, false); err != nil {
			b.Fatal(err)
		}
		sides[i] = s
	}
	n := 0
	for b.Loop() {
		n++
		for _, s := range sides {
			p := filepath.Join(s.site, article)
			text, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, fmt.Appendf(text, "\nĐoạn thêm lần %d.\n", n), 0o644); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			if _, st, err := s.b.Build(context.Background(), []string{article}, false); err != nil || st.Whole {
				b.Fatalf("rebuild: %v, %+v", err, st)
			}
			s.times = append(s.times, time.Since(start))
		}
	}
	plain, git := medianOf(sides[0].times), medianOf(sides[1].times)
	b.ReportMetric(float64(plain)/1e6, "ms/rebuild-outside-git")
	b.ReportMetric(float64(git)/1e6, "ms/rebuild-in-git")
	b.ReportMetric(float64(git)/float64(plain), "in-git/outside")
}

// medianOf is the middle of ds.
func medianOf(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[len(s)/2]
}

// TestOneOffBuildsReadOnlyNewCommits builds a site in a git repository
// three times into one destination, each build a Run of its own as one-off
// builds are: the first reads the whole history, the second, after no
// commit, no log at all, and the third, after a commit, only that commit;
// each gives the dates a build into an empty folder gives.
func TestOneOffBuildsReadOnlyNewCommits(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	calls := gittest.RecordCalls(t)
	src := copySite(t)
	day := func(n int) time.Time { return time.Date(2025, 1, 12, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "."}, {"commit", "-q", "-m", "hồ sơ"}} {
		if err := gittest.Git(src, day(0), args...); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "public")
	page := "khoi/khoi-a/2024/index.html"
	build := func(step string, wantLogs, wantWhole int, wantDay time.Time) {
		t.Helper()
		before := len(calls())
		if _, err := buildSite(t, src, dst, func(o *Options) { o.Strict = false }); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		made := calls()[before:]
		logs := 0
		for _, c := range made {
			if strings.Contains(c, " log ") {
				logs++
			}
		}
		if logs != wantLogs || gittest.WholeLogs(made) != wantWhole {
			t.Errorf("%s: git calls %q, want %d logs, %d of the whole history", step, made, wantLogs, wantWhole)
		}
		fresh := filepath.Join(t.TempDir(), "fresh")
		if _, err := buildSite(t, src, fresh, func(o *Options) { o.Strict = false }); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(dst, page))
		want, _ := os.ReadFile(filepath.Join(fresh, page))
		date := wantDay.In(vn.TimeZone()).Format("02/01/2006")
		if string(got) != string(want) || !strings.Contains(string(got), date) {
			t.Errorf("%s: %s differs from a fresh build's, or lacks the date %s", step, page, date)
		}
	}
	build("first", 1, 1, day(0))
	build("no commit", 0, 0, day(0))
	year := filepath.Join(src, "data", "blocs", "khoi-a", "2024.yaml")
	b, err := os.ReadFile(year)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(year, append(b, "# sửa\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := gittest.Git(src, day(3), "commit", "-q", "-a", "-m", "sửa"); err != nil {
		t.Fatal(err)
	}
	build("a commit", 1, 0, day(3))
}

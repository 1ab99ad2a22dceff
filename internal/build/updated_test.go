package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/gitinfo"
	"github.com/thidua/thidua/internal/model"
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

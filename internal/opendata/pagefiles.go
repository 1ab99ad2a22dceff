package opendata

import (
	"strconv"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// Download is one file a page links to.
type Download struct {
	Name   string // "khoi-a-2024.xlsx"
	Path   string // site-relative: "du-lieu/khoi/khoi-a/khoi-a-2024.xlsx"
	Format string // "XLSX" or "CSV"
	Title  string // what it holds, in Vietnamese: "Thành viên", or "Tất cả các bảng" for a workbook
}

// The folders of the per-page downloads, site-relative.
const (
	blocFiles  = pages.DataPath + "khoi/"
	unitFiles  = pages.DataPath + "don-vi/"
	awardFiles = pages.DataPath + "khen-thuong/"
)

// set is the downloads of one page: a workbook of its tables, and a CSV
// file of each.
type set struct {
	kind   string // "khoi", "don-vi", "khen-thuong": the resources' names start with it
	dir    string // site-relative, ending in "/"
	base   string // the name of the files without extension
	title  string // the workbook's title
	slugs  []string
	sheets []string
	tables func() []Table
}

// The tables of each kind of page, by slug and sheet name, in order.
func blocYearSheets() [][2]string {
	return [][2]string{{"thanh-vien", MembersSheet}, {"khen-thuong", AwardsSheet}}
}

func blocSheets() [][2]string { return append(blocYearSheets(), [2]string{"khoi-truong", YearsSheet}) }

func awardSheets() [][2]string { return [][2]string{{"khen-thuong", AwardsSheet}} }

func newSet(kind, dir, base, title string, sheets [][2]string, tables func() []Table) set {
	s := set{kind: kind, dir: dir, base: base, title: title, tables: tables}
	for _, sh := range sheets {
		s.slugs, s.sheets = append(s.slugs, sh[0]), append(s.sheets, sh[1])
	}
	return s
}

func blocYearSet(y *model.BlocYear) set {
	base := y.Bloc.ID + "-" + strconv.Itoa(y.Year)
	return newSet("khoi", blocFiles+y.Bloc.ID+"/", base, y.Bloc.Name+" – "+strconv.Itoa(y.Year), blocYearSheets(), func() []Table {
		return []Table{MembersTable(y.Members), AwardsTable(y.Awards)}
	})
}

func blocSet(b *model.Bloc) set {
	return newSet("khoi", blocFiles+b.ID+"/", b.ID, b.Name, blocSheets(), func() []Table {
		var ms []*model.Membership
		var as []*model.Award
		for _, y := range b.Years {
			ms, as = append(ms, y.Members...), append(as, y.Awards...)
		}
		return []Table{MembersTable(ms), AwardsTable(as), YearsTable(b.Years)}
	})
}

func unitSet(u *model.Unit) set {
	return newSet("don-vi", unitFiles, u.ID, u.Name, blocYearSheets(), func() []Table {
		return []Table{MembersTable(u.Memberships), AwardsTable(u.Awards)}
	})
}

func awardSet(k *model.AwardKind) set {
	return newSet("khen-thuong", awardFiles, k.ID, k.Name, awardSheets(), func() []Table {
		return []Table{AwardsTable(k.Awards)}
	})
}

// sets are the downloads of every page that has some, in a stable order.
func sets(site *model.Site) []set {
	var out []set
	for _, b := range site.Blocs {
		out = append(out, blocSet(b))
		for _, y := range b.Years {
			out = append(out, blocYearSet(y))
		}
	}
	for _, u := range site.Units {
		out = append(out, unitSet(u))
	}
	for _, k := range site.Awards {
		out = append(out, awardSet(k))
	}
	return out
}

// downloads lists the files of s, the workbook first.
func (s set) downloads() []Download {
	out := []Download{{Name: s.base + ".xlsx", Path: s.dir + s.base + ".xlsx", Format: "XLSX", Title: "Tất cả các bảng"}}
	for i, slug := range s.slugs {
		name := s.base + "-" + slug + ".csv"
		out = append(out, Download{Name: name, Path: s.dir + name, Format: "CSV", Title: s.sheets[i]})
	}
	return out
}

// PageFiles are the downloads page p links to: those of its bloc year,
// bloc, unit or award kind; none for another kind of page.
func PageFiles(p *pages.Page) []Download {
	switch {
	case p.Kind == pages.KindBlocYear && p.BlocYear != nil:
		return blocYearSet(p.BlocYear).downloads()
	case p.Kind == pages.KindBloc && p.Bloc != nil:
		return blocSet(p.Bloc).downloads()
	case p.Kind == pages.KindUnit && p.Unit != nil:
		return unitSet(p.Unit).downloads()
	case p.Kind == pages.KindAward && p.Award != nil:
		return awardSet(p.Award).downloads()
	}
	return nil
}

package scaffold

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
)

var yearFileRe = regexp.MustCompile(`^(\d{4})\.yaml$`)

// Year composes data/blocs/<bloc>/<year>.yaml of the site folder fsys from
// the bloc's latest earlier year: the same members (less the units
// dissolved before year), leader set to that year's next_leader, and
// results, deputies, meetings, awards, models and figures left for the
// editor, with commented examples. When the earlier year names no
// next_leader, leader is left empty under a comment asking for it, and
// thidua check says so until it is filled in. It fails when the file is
// there, the bloc is unknown or has no earlier year, or that year has
// errors.
func Year(fsys fs.FS, bloc string, year int) (rel string, src []byte, err error) {
	if !exists(fsys, "site.yaml") {
		return "", nil, errNotASite()
	}
	if err := checkBloc(fsys, bloc); err != nil {
		return "", nil, err
	}
	if err := checkYear(year); err != nil {
		return "", nil, err
	}
	dir := path.Join("data/blocs", bloc)
	rel = path.Join(dir, strconv.Itoa(year)+".yaml")
	if exists(fsys, rel) {
		return "", nil, msg.E("new-file-exists", rel).Wrapping(ErrExists)
	}
	prevYear := latestBefore(fsys, dir, year)
	if prevYear == 0 {
		return "", nil, msg.E("new-no-year-before", bloc, year, rel)
	}
	prevPath := path.Join(dir, strconv.Itoa(prevYear)+".yaml")
	prevSrc, err := fs.ReadFile(fsys, prevPath)
	if err != nil {
		return "", nil, err
	}
	prev, diags := load.ParseBlocYear(prevPath, prevSrc)
	if diags.HasErrors(false) {
		return "", nil, msg.E("new-year-from-errors", prevPath, diags.Items()[0], year)
	}
	y := nextYear{bloc: bloc, name: blocName(fsys, dir, bloc), year: year, prev: prev, dissolved: dissolvedBefore(fsys, year)}
	return rel, y.text(), nil
}

// latestBefore returns the latest year before year that the bloc folder
// dir has a file for, 0 when none.
func latestBefore(fsys fs.FS, dir string, year int) int {
	entries, _ := fs.ReadDir(fsys, dir)
	latest := 0
	for _, e := range entries {
		if m := yearFileRe.FindStringSubmatch(e.Name()); m != nil && !e.IsDir() {
			if n, _ := strconv.Atoi(m[1]); n < year && n > latest {
				latest = n
			}
		}
	}
	return latest
}

// blocName is the name in the bloc's bloc.yaml, or its id.
func blocName(fsys fs.FS, dir, id string) string {
	src, err := fs.ReadFile(fsys, path.Join(dir, "bloc.yaml"))
	if err != nil {
		return id
	}
	if b, _ := load.ParseBloc(path.Join(dir, "bloc.yaml"), src); b.Name != "" {
		return b.Name
	}
	return id
}

// dissolvedBefore returns, from data/units.yaml, the units dissolved
// before year, each with the units that took it over.
func dissolvedBefore(fsys fs.FS, year int) map[string][]string {
	out := map[string][]string{}
	src, err := fs.ReadFile(fsys, "data/units.yaml")
	if err != nil {
		return out
	}
	units, _ := load.ParseUnits("data/units.yaml", src)
	for _, u := range units.Units {
		if u.Dissolved != 0 && u.Dissolved < year {
			out[u.ID.ID] = []string{}
		}
	}
	for _, u := range units.Units {
		for _, p := range u.Predecessors {
			if s, ok := out[p.ID]; ok {
				out[p.ID] = append(s, u.ID.ID)
			}
		}
	}
	return out
}

// nextYear is what a new year file is made of.
type nextYear struct {
	bloc, name string
	year       int
	prev       *load.BlocYearFile
	dissolved  map[string][]string // units dissolved before year: their successors
}

func (y nextYear) text() []byte {
	var b strings.Builder
	prev := y.prev.Year
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	var members, dropped []string
	for _, m := range y.prev.Members {
		if _, gone := y.dissolved[m.Unit.ID]; gone {
			dropped = append(dropped, m.Unit.ID)
		} else {
			members = append(members, m.Unit.ID)
		}
	}
	leader := y.prev.NextLeader.ID
	newcomer := leader != "" && !slices.Contains(members, leader)
	if newcomer {
		members = append(members, leader)
	}
	example := leader
	for _, m := range members {
		if m != leader {
			example = m
			break
		}
	}
	if example == "" {
		example = "ma-don-vi"
	}

	line("# %s — năm %d", y.name, y.year)
	line("# Lập bằng \"thidua new year %s %d\" từ tệp %d.yaml: cùng các thành viên; Khối trưởng là", y.bloc, y.year, prev)
	line("# next_leader của năm %d. Xem lại thành viên và ghi kết quả, khen thưởng khi có.", prev)
	line("# Made by \"thidua new year\" from %d.yaml; see docs/format.md.", prev)
	line("members:")
	line("  # Khi có kết quả tổng kết, thay mã bằng bản ghi / with results, write instead:")
	line("  #   - {unit: %s, rank: 1, score: 98.5, rating: xuat-sac}", example)
	for _, id := range dropped {
		if s := y.dissolved[id]; len(s) > 0 {
			line("  # %s đã giải thể trước năm %d, bỏ khỏi danh sách; đơn vị kế thừa: %s", id, y.year, strings.Join(s, ", "))
		} else {
			line("  # %s đã giải thể trước năm %d, bỏ khỏi danh sách", id, y.year)
		}
	}
	for _, id := range members {
		if id == leader && newcomer {
			line("  - %s   # Khối trưởng mới, chưa là thành viên năm %d", id, prev)
		} else {
			line("  - %s", id)
		}
	}
	if leader != "" {
		line("leader: %s", leader)
	} else {
		line("# Khối trưởng năm %d: ghi mã đơn vị được bầu tại hội nghị tổng kết năm %d", y.year, prev)
		line("# (tệp %d.yaml không có next_leader; Khối trưởng năm %d là %s).", prev, prev, y.prev.Leader.ID)
		line("# The leader of %d: %d.yaml names no next_leader; write it here.", y.year, prev)
		line("leader:")
	}
	var deputies []string
	for _, d := range y.prev.Deputies {
		deputies = append(deputies, d.ID)
	}
	if len(deputies) > 0 {
		line("# deputies: [%s]   # Khối phó; năm %d là %s", example, prev, strings.Join(deputies, ", "))
	} else {
		line("# deputies: [%s]   # Khối phó", example)
	}
	line("# next_leader: %s   # Khối trưởng năm %d, bầu tại hội nghị tổng kết", example, y.year+1)
	line("# covenant:                  # hội nghị ký kết giao ước thi đua")
	line("#   date: %d-03-25", y.year)
	line("#   goals:")
	line("#     - Nội dung thi đua chính")
	line("# review:                    # hội nghị tổng kết")
	line("#   date: %d-01-08", y.year+1)
	line("# awards:                    # đề nghị và quyết định khen thưởng cho thành tích năm %d", y.year)
	line("#   - award: bang-khen-tinh")
	line("#     unit: %s", example)
	line("#     status: proposed       # proposed: đề nghị; conferred: đã có quyết định")
	line("#     decision: Quyết định số …/QĐ-UBND ngày …")
	line("# models:                    # mô hình, cách làm hay")
	line("#   - unit: %s", example)
	line("#     name: Tên mô hình")
	line("#     summary: Một câu về kết quả")
	line("# figures:                   # số liệu nổi bật")
	line("#   - label: Số hộ được hỗ trợ")
	line("#     value: 355")
	line("#     unit: hộ")
	return []byte(b.String())
}

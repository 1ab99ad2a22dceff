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
// the bloc's latest earlier year: the same members (less the units that
// ceased before year, each merged or split unit in place by its
// successors, once, unless a successor is in another bloc), leader set to
// that year's next_leader, and
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
	y := nextYear{bloc: bloc, name: blocName(fsys, dir, bloc), year: year, prev: prev, ended: endedBefore(fsys, year),
		elsewhere: inOtherBlocs(fsys, bloc, prevYear, year)}
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

// ended is how a unit ceased before a year.
type ended struct {
	last       int      // its last year
	successors []string // units that stand in its place in the year, in order; none when dissolved
	merged     bool     // merged into one unit, not split
}

// endedBefore returns, from data/units.yaml, the units that ceased before
// year, each with the units that stand in its place in year: its
// successors, or theirs when they ceased before year too.
func endedBefore(fsys fs.FS, year int) map[string]ended {
	out := map[string]ended{}
	src, err := fs.ReadFile(fsys, "data/units.yaml")
	if err != nil {
		return out
	}
	units, _ := load.ParseUnits("data/units.yaml", src)
	next := map[string][]string{} // unit → its successors
	last := map[string]int{}
	split := map[string]bool{}
	for _, u := range units.Units {
		switch e := u.Ending; {
		case e != nil:
			last[u.ID.ID] = e.Year - 1
			split[u.ID.ID] = e.Split
			for _, s := range e.Into {
				next[u.ID.ID] = append(next[u.ID.ID], s.ID)
			}
		case u.Dissolved != 0:
			last[u.ID.ID] = u.Dissolved
		}
	}
	for _, u := range units.Units {
		for _, p := range u.Predecessors {
			if !slices.Contains(next[p.ID], u.ID.ID) {
				next[p.ID] = append(next[p.ID], u.ID.ID)
			}
		}
	}
	gone := func(id string) bool { l, ok := last[id]; return ok && l < year }
	for id := range last {
		if !gone(id) {
			continue
		}
		// The successors that exist in year, through the chain of those
		// that ceased too; seen stops a cycle, which check reports.
		var in []string
		seen := map[string]bool{id: true}
		queue := slices.Clone(next[id])
		for len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			switch {
			case seen[s]:
			case gone(s):
				seen[s] = true
				queue = append(queue, next[s]...)
			default:
				seen[s] = true
				in = append(in, s)
			}
		}
		out[id] = ended{last: last[id], successors: in, merged: !split[id]}
	}
	return out
}

// inOtherBlocs returns the units that are members of a bloc other than
// bloc in any of the years, with that bloc's id.
func inOtherBlocs(fsys fs.FS, bloc string, years ...int) map[string]string {
	out := map[string]string{}
	entries, _ := fs.ReadDir(fsys, "data/blocs")
	for _, e := range entries {
		if !e.IsDir() || e.Name() == bloc {
			continue
		}
		for _, y := range years {
			p := path.Join("data/blocs", e.Name(), strconv.Itoa(y)+".yaml")
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				continue
			}
			f, _ := load.ParseBlocYear(p, src)
			for _, m := range f.Members {
				if _, ok := out[m.Unit.ID]; !ok {
					out[m.Unit.ID] = e.Name()
				}
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
	ended      map[string]ended  // units that ceased before year
	elsewhere  map[string]string // units in other blocs the year before or this year: the bloc
}

// member is a unit of the new year's members, with the units it stands
// in for.
type member struct {
	id       string
	replaces []string
}

// members are last year's members less those that ceased, each in place
// by its successors, once; and the comments that say what was done.
func (y nextYear) members() (members []member, notes []string) {
	kept := map[string]bool{}
	for _, m := range y.prev.Members {
		if _, gone := y.ended[m.Unit.ID]; !gone {
			kept[m.Unit.ID] = true
		}
	}
	at := map[string]int{}
	for _, m := range y.prev.Members {
		id := m.Unit.ID
		e, gone := y.ended[id]
		if !gone {
			at[id] = len(members)
			members = append(members, member{id: id})
			continue
		}
		if len(e.successors) == 0 {
			notes = append(notes, fmt.Sprintf("%s đã giải thể sau năm %d, bỏ khỏi danh sách", id, e.last))
			continue
		}
		how := "hợp nhất vào"
		if !e.merged {
			how = "chia tách thành"
		}
		notes = append(notes, fmt.Sprintf("%s đã %s %s từ năm %d, bỏ khỏi danh sách", id, how, strings.Join(e.successors, ", "), e.last+1))
		for _, s := range e.successors {
			switch i, placed := at[s]; {
			case placed && !kept[s]:
				members[i].replaces = append(members[i].replaces, id)
			case placed || kept[s]:
				notes = append(notes, fmt.Sprintf("%s đã có trong danh sách", s))
			case y.elsewhere[s] != "":
				notes = append(notes, fmt.Sprintf("%s thuộc khối %s, không thêm vào đây", s, y.elsewhere[s]))
			default:
				at[s] = len(members)
				members = append(members, member{id: s, replaces: []string{id}})
			}
		}
	}
	return members, notes
}

func (y nextYear) text() []byte {
	var b strings.Builder
	prev := y.prev.Year
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	list, notes := y.members()
	leader := y.prev.NextLeader.ID
	newcomer := leader != "" && !slices.ContainsFunc(list, func(m member) bool { return m.id == leader })
	if newcomer {
		list = append(list, member{id: leader})
	}
	example := leader
	for _, m := range list {
		if m.id != leader {
			example = m.id
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
	for _, n := range notes {
		line("  # %s", n)
	}
	for _, m := range list {
		switch {
		case len(m.replaces) > 0:
			line("  - %s   # thay cho %s", m.id, strings.Join(m.replaces, ", "))
		case m.id == leader && newcomer:
			line("  - %s   # Khối trưởng mới, chưa là thành viên năm %d", m.id, prev)
		default:
			line("  - %s", m.id)
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
	line("#     status: proposed       # proposed, submitted, consultation, conferred, not_conferred")
	line("#     history: {proposed: %d-01-08}   # ngày của từng bước đã qua", y.year+1)
	line("#     # khi có quyết định: status: conferred, decision: <mã trong data/decisions.yaml>")
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

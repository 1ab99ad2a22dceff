package opendata

import (
	"strings"
	"time"

	"github.com/thidua/thidua/internal/model"
)

// Column is a column of a table of the XLSX and per-page CSV downloads.
type Column struct {
	Name        string  // the field's name in datapackage.json: "unit"
	Title       string  // the Vietnamese heading: "Mã đơn vị"
	Type        string  // its Table Schema type: string, integer, number or date
	Description string  // in Vietnamese, for the data dictionary
	Width       float64 // of the column in a workbook, in characters
}

// Table is one sheet of a workbook, or one CSV file: a kind of fact, one
// row each. A cell is a string, an int, a float64, a time.Time (a date)
// or nil (empty).
type Table struct {
	Name    string // the sheet's name: "Thành viên"
	Slug    string // in the names of files: "thanh-vien"
	Columns []Column
	Rows    [][]any
}

// The kinds of table.
const (
	MembersSheet = "Thành viên"
	AwardsSheet  = "Khen thưởng"
	YearsSheet   = "Khối trưởng"
)

var (
	colBloc     = Column{"bloc", "Mã khối", "string", "mã định danh của khối thi đua, không đổi theo thời gian", 14}
	colBlocName = Column{"bloc_name", "Khối", "string", "tên khối thi đua", 30}
	colYear     = Column{"year", "Năm", "integer", "năm thi đua", 7}
	colUnit     = Column{"unit", "Mã đơn vị", "string", "mã định danh của đơn vị, không đổi theo thời gian", 22}
	colUnitName = Column{"unit_name", "Tên đơn vị", "string", "tên đơn vị mang trong năm thi đua đó (tên cũ nếu sau này đổi tên); với khen thưởng, tên tập thể ngoài danh sách đơn vị khi không có mã", 40}
)

// memberColumns are the columns of a table of members.
func memberColumns() []Column {
	return []Column{colBloc, colBlocName, colYear, colUnit, colUnitName,
		{"rank", "Xếp hạng", "integer", "thứ hạng trong khối, 1 là cao nhất; trống khi không xếp hạng", 10},
		{"score", "Điểm", "number", "tổng điểm thi đua; trống khi không có", 9},
		{"rating", "Xếp loại", "string", "Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ hoặc Không hoàn thành nhiệm vụ; trống khi không có", 30},
		{"role", "Vai trò", "string", "Khối trưởng, Khối phó hoặc Thành viên", 13},
	}
}

// awardTableColumns are the columns of a table of awards.
func awardTableColumns() []Column {
	return []Column{colBloc, colBlocName, colYear,
		{"award", "Mã hình thức", "string", "mã định danh của hình thức khen thưởng", 24},
		{"award_name", "Hình thức khen thưởng", "string", "tên hình thức khen thưởng", 40},
		colUnit, colUnitName,
		{"count", "Số lượng", "integer", "số tập thể được khen; 1 khi có tên đơn vị", 9},
		{"status", "Tình trạng", "string", "Đề nghị, Đã trình cấp trên, Đang lấy ý kiến (chưa có quyết định), Đã tặng hoặc Đã công nhận (đã có quyết định), Không được tặng hoặc Không được công nhận", 11},
		{"decision", "Số quyết định", "string", "số và ngày của quyết định khen thưởng, nếu có", 40},
	}
}

// yearColumns are the columns of a table of bloc years.
func yearColumns() []Column {
	return []Column{colBloc, colBlocName, colYear,
		{"leader", "Mã khối trưởng", "string", "mã đơn vị khối trưởng", 22},
		{"leader_name", "Khối trưởng", "string", "tên đơn vị khối trưởng", 40},
		{"deputies", "Mã khối phó", "string", "mã các đơn vị khối phó, cách nhau bằng dấu chấm phẩy", 22},
		{"deputy_names", "Khối phó", "string", "tên các đơn vị khối phó, cách nhau bằng dấu chấm phẩy", 40},
		{"next_leader", "Mã khối trưởng năm sau", "string", "mã đơn vị được bầu làm khối trưởng năm sau", 22},
		{"next_leader_name", "Khối trưởng năm sau", "string", "tên đơn vị được bầu làm khối trưởng năm sau", 40},
		{"covenant", "Ngày ký giao ước", "date", "ngày hội nghị ký kết giao ước thi đua", 14},
		{"review", "Ngày tổng kết", "date", "ngày hội nghị tổng kết", 14},
		{"members", "Số thành viên", "integer", "số đơn vị thành viên của khối trong năm", 10},
	}
}

// MembersTable is the memberships ms, in their order.
func MembersTable(ms []*model.Membership) Table {
	t := Table{Name: MembersSheet, Slug: "thanh-vien", Columns: memberColumns(), Rows: [][]any{}}
	for _, m := range ms {
		y := m.BlocYear
		var rank, score any
		if m.Rank > 0 {
			rank = m.Rank
		}
		if m.Score != nil {
			score = *m.Score
		}
		t.Rows = append(t.Rows, []any{y.Bloc.ID, y.Bloc.Name, y.Year, m.Unit.ID, m.Unit.NameIn(y.Year),
			rank, score, orNil(RatingLabel(m.Rating)), RoleLabel(m.Role)})
	}
	return t
}

// AwardsTable is the awards as, in their order.
func AwardsTable(as []*model.Award) Table {
	t := Table{Name: AwardsSheet, Slug: "khen-thuong", Columns: awardTableColumns(), Rows: [][]any{}}
	for _, a := range as {
		y := a.BlocYear
		var unit, name any
		switch {
		case a.Unit != nil:
			unit, name = a.Unit.ID, a.Unit.NameIn(y.Year)
		case a.Recipient != "":
			name = a.Recipient
		}
		t.Rows = append(t.Rows, []any{y.Bloc.ID, y.Bloc.Name, y.Year, a.Kind.ID, a.Kind.Name,
			unit, name, a.Count, StageLabel(a), orNil(a.DecisionText())})
	}
	return t
}

// YearsTable is the leaders, deputies and meetings of the bloc years ys.
func YearsTable(ys []*model.BlocYear) Table {
	t := Table{Name: YearsSheet, Slug: "khoi-truong", Columns: yearColumns(), Rows: [][]any{}}
	for _, y := range ys {
		var ids, names []string
		for _, u := range y.Deputies {
			ids, names = append(ids, u.ID), append(names, u.NameIn(y.Year))
		}
		row := []any{y.Bloc.ID, y.Bloc.Name, y.Year, unitCell(y.Leader, false, y.Year), unitCell(y.Leader, true, y.Year),
			orNil(strings.Join(ids, ListSeparator)), orNil(strings.Join(names, ListSeparator+" ")),
			unitCell(y.NextLeader, false, y.Year), unitCell(y.NextLeader, true, y.Year), eventDate(y.Covenant), eventDate(y.Review), len(y.Members)}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// unitCell is the id of u, or with name its name in year; nil for no unit.
func unitCell(u *model.Unit, name bool, year int) any {
	switch {
	case u == nil:
		return nil
	case name:
		return u.NameIn(year)
	}
	return u.ID
}

func eventDate(e *model.Event) any {
	if e == nil {
		return nil
	}
	return time.Date(e.Date.Year(), e.Date.Month(), e.Date.Day(), 0, 0, 0, 0, time.UTC)
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

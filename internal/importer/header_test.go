package importer

import (
	"maps"
	"testing"
)

func TestMatchHeadings(t *testing.T) {
	for _, c := range []struct {
		what  string
		cells []string
		want  columns
	}{
		{Members, []string{"STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại"}, columns{fUnit: 1, fScore: 2, fRank: 3, fRating: 4}},
		{Members, []string{"TT", "Cơ quan, đơn vị", "Điểm đạt", "Tổng điểm", "Thứ hạng"}, columns{fUnit: 1, fScore: 3, fRank: 4}},
		{Members, []string{"Mã đơn vị", "Tên đơn vị", "Hạng", "Điểm", "Vai trò"}, columns{fUnitID: 0, fUnit: 1, fRank: 2, fScore: 3, fRole: 4}},
		{Members, []string{"Đơn vị", "Kết quả Điểm", "Kết quả Xếp hạng"}, columns{fUnit: 0, fScore: 1, fRank: 2}},
		{Members, []string{"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA CÁC ĐƠN VỊ NĂM 2024"}, columns{}},
		{Awards, []string{"STT", "Tên tập thể", "Hình thức khen thưởng", "Số, ngày quyết định", "Tình trạng", "Số lượng"},
			columns{fUnit: 1, fAward: 2, fDecision: 3, fStatus: 4, fCount: 5}},
	} {
		if got := match(c.cells, c.what); !maps.Equal(got, c.want) {
			t.Errorf("match(%q) = %v, want %v", c.cells, got, c.want)
		}
	}
}

func TestFindHeader(t *testing.T) {
	tb := &table{rows: [][]string{
		{"UBND TỈNH MẪU"},
		{"BẢNG ĐIỂM THI ĐUA CÁC ĐƠN VỊ", "BẢNG ĐIỂM THI ĐUA CÁC ĐƠN VỊ", "BẢNG ĐIỂM THI ĐUA CÁC ĐƠN VỊ"},
		{"Đơn vị", "Kết quả", "Kết quả", "Ghi chú"},
		{"Đơn vị", "Điểm", "Hạng", "Ghi chú"},
		{"Hội A", "90", "1"},
	}}
	h := findHeader(tb, Members)
	if h.row != 3 || !maps.Equal(h.cols, columns{fUnit: 0, fScore: 1, fRank: 2}) {
		t.Errorf("header %+v", h)
	}
	tb.rows = tb.rows[:2]
	if h := findHeader(tb, Members); h.row != -1 {
		t.Errorf("a title is a header: %+v", h)
	}
}

func TestParseMap(t *testing.T) {
	got, ok := parseMap("unit=B, score=E,rank=AA", Members)
	if !ok || !maps.Equal(got, columns{fUnit: 1, fScore: 4, fRank: 26}) {
		t.Errorf("parseMap = %v %v", got, ok)
	}
	for _, bad := range []string{"unit", "unit=", "unit=1", "points=B", "award=C", ""} {
		if _, ok := parseMap(bad, Members); ok {
			t.Errorf("parseMap(%q) is good", bad)
		}
	}
}

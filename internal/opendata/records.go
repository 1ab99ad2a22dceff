package opendata

import (
	"strconv"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// decisionID is the id of the decision record an award names, "" when none.
func decisionID(a *model.Award) string {
	if a.Decision == nil {
		return ""
	}
	return a.Decision.ID
}

// DecisionRows are the rows of decisions.csv: one per decision, newest
// first, with how many awards name it and the addresses of its page and file.
func DecisionRows(site *model.Site) [][]string {
	base := site.Config.BaseURL.String()
	var rows [][]string
	for _, d := range site.Decisions {
		var file string
		if d.File != "" {
			file = base + d.File
		}
		rows = append(rows, []string{d.ID, d.Number, d.Date.Format(time.DateOnly), d.Issuer, string(d.Level), d.Signer, d.Title,
			file, strconv.Itoa(len(d.Awards)), base + pages.DecisionPath(d)})
	}
	return rows
}

// NoticeRows are the rows of consultations.csv: one per candidate of each
// notice, open notices first. Of an individual only the name, position and
// unit are written, as the notice publishes them.
func NoticeRows(site *model.Site) [][]string {
	base := site.Config.BaseURL.String()
	var rows [][]string
	for _, n := range site.Notices {
		var kind, kindName, year string
		if n.Kind != nil {
			kind, kindName = n.Kind.ID, n.Kind.Name
		}
		if n.Year != 0 {
			year = strconv.Itoa(n.Year)
		}
		for _, c := range n.Candidates {
			ck, unit, unitName := "collective", "", c.UnitName
			if c.Person {
				ck = "person"
			}
			if c.Unit != nil {
				unit, unitName = c.Unit.ID, c.Unit.Name
			}
			rows = append(rows, []string{n.ID, n.Title, kind, kindName, year, n.From.Format(time.DateOnly), n.To.Format(time.DateOnly),
				strconv.FormatBool(n.Closed), c.Name, ck, c.Position, unit, unitName, n.Contact, n.Basis, base + pages.NoticePath(n)})
		}
	}
	return rows
}

// recordColumns are the columns of decisions.csv and consultations.csv, and
// the decision_id of awards.csv, that the tables of the pages do not have.
func recordColumns() []Column {
	return []Column{
		{"decision_id", "Mã quyết định", "string", "mã của quyết định trong decisions.csv; trống khi quyết định chỉ ghi bằng chữ hoặc chưa có", 22},
		{"id", "Mã quyết định", "string", "mã định danh của quyết định, không đổi theo thời gian", 22},
		{"number", "Số, ký hiệu", "string", "số, ký hiệu của quyết định: 45/QĐ-UBND", 16},
		{"date", "Ngày ban hành", "date", "ngày ký quyết định", 14},
		{"issuer", "Cơ quan ban hành", "string", "cơ quan ban hành quyết định", 36},
		{"level", "Cấp", "string", "trung-uong, tinh, huyen hoặc xa", 12},
		{"signer", "Người ký", "string", "người ký quyết định; trống khi không ghi", 30},
		{"title", "Trích yếu", "string", "trích yếu của quyết định, hoặc tiêu đề của thông báo lấy ý kiến", 60},
		{"file", "Văn bản", "string", "địa chỉ bản PDF của quyết định; trống khi không có", 40},
		{"awards", "Số mục khen thưởng", "integer", "số mục khen thưởng ghi theo quyết định này", 10},
		{"url", "Trang", "string", "địa chỉ trang của quyết định hoặc thông báo trên trang này", 40},
		{"notice", "Mã thông báo", "string", "mã định danh của thông báo lấy ý kiến", 22},
		{"from", "Từ ngày", "date", "ngày bắt đầu nhận ý kiến", 14},
		{"to", "Đến ngày", "date", "ngày cuối nhận ý kiến", 14},
		{"closed", "Đã hết hạn", "string", "true khi đã hết hạn nhận ý kiến vào ngày trang được dựng, false khi còn nhận", 10},
		{"candidate", "Tập thể, cá nhân", "string", "tên tập thể hoặc họ tên cá nhân được lấy ý kiến", 40},
		{"candidate_kind", "Loại", "string", "collective (tập thể) hoặc person (cá nhân)", 12},
		{"position", "Chức vụ", "string", "chức vụ của cá nhân; trống với tập thể", 24},
		{"contact", "Nơi gửi ý kiến", "string", "nơi nhận ý kiến của nhân dân", 40},
		{"basis", "Căn cứ", "string", "căn cứ pháp lý của việc lấy ý kiến", 40},
	}
}

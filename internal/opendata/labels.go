package opendata

import "github.com/thidua/thidua/internal/model"

// RatingLabel is a rating as the XLSX and per-page CSV downloads write it:
// "Hoàn thành xuất sắc nhiệm vụ"; "" for none.
func RatingLabel(r model.Rating) string {
	switch r {
	case model.RatingExcellent:
		return "Hoàn thành xuất sắc nhiệm vụ"
	case model.RatingGood:
		return "Hoàn thành tốt nhiệm vụ"
	case model.RatingCompleted:
		return "Hoàn thành nhiệm vụ"
	case model.RatingNotCompleted:
		return "Không hoàn thành nhiệm vụ"
	}
	return ""
}

// RoleLabel is a role as those downloads write it: "Khối trưởng",
// "Khối phó" or "Thành viên".
func RoleLabel(r model.Role) string {
	switch r {
	case model.RoleLeader:
		return "Khối trưởng"
	case model.RoleDeputy:
		return "Khối phó"
	}
	return "Thành viên"
}

// StatusLabel is an award's status as those downloads write it: "Đề
// nghị", "Đã trình cấp trên", "Đang lấy ý kiến", "Đã tặng" or "Không được
// tặng".
func StatusLabel(s model.AwardStatus) string {
	switch s {
	case model.Proposed:
		return "Đề nghị"
	case model.Submitted:
		return "Đã trình cấp trên"
	case model.Consultation:
		return "Đang lấy ý kiến"
	case model.NotConferred:
		return "Không được tặng"
	}
	return "Đã tặng"
}

// StageLabel is StatusLabel with the verb of the award's kind: an
// emulation title is recognised ("Đã công nhận", "Không được công nhận").
func StageLabel(a *model.Award) string {
	if a.Kind != nil && a.Kind.IsTitle() {
		switch a.Status {
		case model.Conferred:
			return "Đã công nhận"
		case model.NotConferred:
			return "Không được công nhận"
		}
	}
	return StatusLabel(a.Status)
}

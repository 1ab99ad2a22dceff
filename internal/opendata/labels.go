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

// StatusLabel is an award's status as those downloads write it: "Đã tặng"
// or "Đề nghị".
func StatusLabel(s model.AwardStatus) string {
	if s == model.Proposed {
		return "Đề nghị"
	}
	return "Đã tặng"
}

package importer

import (
	"os"
	"testing"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
)

func TestFindUnit(t *testing.T) {
	site, diags := load.Site(os.DirFS("../build/testdata/site"), load.Options{})
	if diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	u := newUnits(site)
	for cell, want := range map[string]string{
		"hoi-chu-thap-do":           "hoi-chu-thap-do",    // id
		"Hội Chữ thập đỏ tỉnh":      "hoi-chu-thap-do",    // name
		"HỘI CHỮ THẬP ĐỎ TỈNH":      "hoi-chu-thap-do",    // folded
		"Hoi chu thap do tinh":      "hoi-chu-thap-do",    // without marks
		"Hội CTĐ":                   "hoi-chu-thap-do",    // short
		"Hội Khuyến học tỉnh Mẫu":   "hoi-khuyen-hoc",     // former name
		"Chữ thập đỏ":               "hoi-chu-thap-do",    // without its prefix and "tỉnh"
		"Hội Người cao tuổi":        "hoi-nguoi-cao-tuoi", // without "tỉnh"
		"Hội Đông y tỉnh Mẫu":       "hoi-dong-y",         // with the province
		"Tài chính":                 "so-tai-chinh",       // without "Sở"
		"  Sở   Kế hoạch và Đầu tư": "so-ke-hoach",        // spaces
		"Kế hoạch và Đầu tư":        "so-ke-hoach",
		"UBND Hội Y học cổ truyền":  "", // one prefix only
		"Hội Nông dân":              "",
	} {
		got, several := u.find(cell)
		if got == nil && want != "" || got != nil && got.ID != want || len(several) > 0 {
			t.Errorf("find(%q) = %v %v, want %s", cell, got, several, want)
		}
	}
}

func TestValues(t *testing.T) {
	for cell, want := range map[string]model.Rating{
		"Hoàn thành xuất sắc nhiệm vụ": model.RatingExcellent, "HTXSNV": model.RatingExcellent, "xuất sắc": model.RatingExcellent,
		"xuat-sac": model.RatingExcellent, "Hoàn thành tốt nhiệm vụ": model.RatingGood, "Tốt": model.RatingGood, "httnv": model.RatingGood,
		"Hoàn thành nhiệm vụ": model.RatingCompleted, "Hoàn thành": model.RatingCompleted, "HTNV": model.RatingCompleted,
		"Không hoàn thành nhiệm vụ": model.RatingNotCompleted, "KHTNV": model.RatingNotCompleted,
	} {
		if got, ok := ratingOf(cell); !ok || got != want {
			t.Errorf("ratingOf(%q) = %q, want %q", cell, got, want)
		}
	}
	if _, ok := ratingOf("Giỏi"); ok {
		t.Error("Giỏi is a rating")
	}
	for cell, want := range map[string]float64{"98.5": 98.5, "98,5": 98.5, "1.234,5": 1234.5, "90": 90, " 7 ": 7} {
		if got, ok := number(cell); !ok || got != want {
			t.Errorf("number(%q) = %v %v, want %v", cell, got, ok, want)
		}
	}
	for _, cell := range []string{"NaN", "Inf", "1e3", "chín", ""} {
		if _, ok := number(cell); ok {
			t.Errorf("number(%q) is a number", cell)
		}
	}
	for cell, want := range map[string]model.Role{"Khối trưởng": model.RoleLeader, "khoi pho": model.RoleDeputy, "Thành viên": model.RoleMember, "leader": model.RoleLeader} {
		if got, ok := roleOf(cell); !ok || got != want {
			t.Errorf("roleOf(%q) = %q", cell, got)
		}
	}
	for cell, want := range map[string]model.AwardStatus{"Đã tặng": model.Conferred, "Đề nghị": model.Proposed, "proposed": model.Proposed, "Đã khen thưởng": model.Conferred} {
		if got, ok := statusOf(cell); !ok || got != want {
			t.Errorf("statusOf(%q) = %q", cell, got)
		}
	}
}

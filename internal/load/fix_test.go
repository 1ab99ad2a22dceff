package load

import (
	"testing"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/msg"
)

// members is the start of a year file of khoi-8 whose second member is m,
// on line 3.
func members(m string) string {
	return "members:\n  - hoi-khuyen-hoc\n" + m + "leader: hoi-khuyen-hoc\n"
}

// award is a year file of khoi-8 whose one award, on line 4, has status s.
func award(s string) string {
	return "members: [hoi-khuyen-hoc]\nleader: hoi-khuyen-hoc\nawards:\n  - {award: bang-khen-tinh, unit: hoi-khuyen-hoc, status: " + s + "}\n"
}

// TestFixFromWhatWasTyped checks, for each mistake an editor makes, the
// message built from the value typed: its code, place, severity, fix, and
// text in both languages; and, for the Vietnamese words of a rating or a
// status, the value read.
func TestFixFromWhatWasTyped(t *testing.T) {
	for _, tc := range []struct {
		name      string
		year      string // data/blocs/khoi-8/2024.yaml
		line, col int
		code, fix string
		guess     bool
		severity  diag.Severity
		vi, en    string
	}{
		{"an id with diacritics", members("  - hội-khuyến-học\n"), 3, 5, "bad-id", "hoi-khuyen-hoc", false, diag.Error,
			`"hội-khuyến-học" ở mục "members" không phải là mã hợp lệ; mã chỉ gồm chữ thường không dấu a-z, chữ số và dấu gạch nối, như "khoi-8"; hãy viết "hoi-khuyen-hoc"`,
			`"hội-khuyến-học" in field "members" is not a valid identifier; use lower-case letters a-z, digits and single hyphens, like "khoi-8"; write "hoi-khuyen-hoc"`},
		{"a rating in Vietnamese words", members("  - {unit: hoi-nguoi-cao-tuoi, rating: xuất sắc}\n"), 3, 40, "value-synonym", "", false, diag.Warning,
			`mục "rating" ghi "xuất sắc", được hiểu là "xuat-sac"; nên ghi đúng giá trị này như quy định`,
			`field "rating" is "xuất sắc", read as "xuat-sac"; write that value, as the format has it`},
		{"a rating as its label", members("  - {unit: hoi-nguoi-cao-tuoi, rating: Hoàn thành tốt nhiệm vụ}\n"), 3, 40, "value-synonym", "", false, diag.Warning,
			`mục "rating" ghi "Hoàn thành tốt nhiệm vụ", được hiểu là "tot"; nên ghi đúng giá trị này như quy định`,
			`field "rating" is "Hoàn thành tốt nhiệm vụ", read as "tot"; write that value, as the format has it`},
		{"a status without diacritics", award("de nghi"), 4, 59, "value-synonym", "", false, diag.Warning,
			`mục "status" ghi "de nghi", được hiểu là "proposed"; nên ghi đúng giá trị này như quy định`,
			`field "status" is "de nghi", read as "proposed"; write that value, as the format has it`},
		{"a status in Vietnamese", award("đã tặng"), 4, 59, "value-synonym", "", false, diag.Warning,
			`mục "status" ghi "đã tặng", được hiểu là "conferred"; nên ghi đúng giá trị này như quy định`,
			`field "status" is "đã tặng", read as "conferred"; write that value, as the format has it`},
		{"a status that is neither", award("chờ xét"), 4, 59, "bad-value", "", true, diag.Error,
			`mục "status" ghi "chờ xét"; hãy dùng một trong các giá trị: proposed, submitted, consultation, conferred, not_conferred`,
			`field "status" is "chờ xét"; use one of proposed, submitted, consultation, conferred, not_conferred`},
		{"a date day first with slashes", "members: [hoi-khuyen-hoc]\nleader: hoi-khuyen-hoc\nreview: {date: 25/03/2026}\n", 3, 16, "bad-date", "2026-03-25", false, diag.Error,
			`mục "date" ghi "25/03/2026", không phải là ngày; hãy ghi theo thứ tự năm-tháng-ngày, như 2025-01-08, hoặc 2025-01-08T09:00:00+07:00 nếu có giờ; hãy viết "2026-03-25"`,
			`field "date" is "25/03/2026", which is not a date; write it as 2025-01-08, or 2025-01-08T09:00:00+07:00 with a time; write "2026-03-25"`},
		{"a date day first with hyphens", "members: [hoi-khuyen-hoc]\nleader: hoi-khuyen-hoc\nreview:\n  date: 8-1-2025\n", 4, 9, "bad-date", "2025-01-08", false, diag.Error,
			`mục "date" ghi "8-1-2025", không phải là ngày; hãy ghi theo thứ tự năm-tháng-ngày, như 2025-01-08, hoặc 2025-01-08T09:00:00+07:00 nếu có giờ; hãy viết "2025-01-08"`,
			`field "date" is "8-1-2025", which is not a date; write it as 2025-01-08, or 2025-01-08T09:00:00+07:00 with a time; write "2025-01-08"`},
		{"a decimal comma in block style", members("  - unit: hoi-nguoi-cao-tuoi\n    score: 98,5\n"), 4, 12, "decimal-comma", "98.5", false, diag.Error,
			`mục "score" ghi 98,5: trong tệp, số thập phân viết bằng dấu chấm, không viết bằng dấu phẩy; hãy viết "98.5"`,
			`field "score" is 98,5: in the files a decimal number is written with a point, not a comma; write "98.5"`},
		{"a decimal comma in flow style", members("  - {unit: hoi-nguoi-cao-tuoi, rank: 1, score: 98,5}\n"), 3, 48, "decimal-comma", "98.5", false, diag.Error,
			`mục "score" ghi 98,5: trong tệp, số thập phân viết bằng dấu chấm, không viết bằng dấu phẩy; hãy viết "98.5"`,
			`field "score" is 98,5: in the files a decimal number is written with a point, not a comma; write "98.5"`},
		{"the nearest known id", members("  - hoi-khuyen-hocc\n"), 3, 5, "unknown-unit", "hoi-khuyen-hoc", true, diag.Error,
			`không có đơn vị mã "hoi-khuyen-hocc"; hãy thêm đơn vị vào data/units.yaml hoặc sửa lại mã (có phải là "hoi-khuyen-hoc"?)`,
			`unknown unit "hoi-khuyen-hocc"; add it to data/units.yaml or fix the id (did you mean "hoi-khuyen-hoc"?)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Site(apply(t, map[string]string{year8: tc.year}), Options{})
			var found []diag.Diagnostic
			for _, d := range diags.Items() {
				if d.Path == year8 && d.Code != "next-leader" {
					found = append(found, d)
				}
			}
			if len(found) != 1 {
				t.Fatalf("want one message about %s, got %v", year8, found)
			}
			d := found[0]
			if d.Line != tc.line || d.Column != tc.col || d.Code != tc.code || d.Fix != tc.fix || d.Guess != tc.guess || d.Severity != tc.severity {
				t.Errorf("got %d:%d %s %s fix %q guess %v, want %d:%d %s %s fix %q guess %v",
					d.Line, d.Column, d.Severity, d.Code, d.Fix, d.Guess, tc.line, tc.col, tc.severity, tc.code, tc.fix, tc.guess)
			}
			if got := d.Text(msg.Vietnamese); got != tc.vi {
				t.Errorf("vi:\n%s\nwant\n%s", got, tc.vi)
			}
			if got := d.Text(msg.English); got != tc.en {
				t.Errorf("en:\n%s\nwant\n%s", got, tc.en)
			}
		})
	}
}

// TestSynonymsAreRead checks that a rating and a status written in
// Vietnamese words are read as their values.
func TestSynonymsAreRead(t *testing.T) {
	year := "members:\n  - {unit: hoi-khuyen-hoc, rating: Xuất sắc}\nleader: hoi-khuyen-hoc\nawards:\n  - {award: bang-khen-tinh, unit: hoi-khuyen-hoc, status: Đề nghị}\n"
	s, diags := Site(apply(t, map[string]string{year8: year}), Options{})
	if diags.HasErrors(false) {
		t.Fatal(diags.Items())
	}
	y := s.Bloc("khoi-8").Year(2024)
	if got := y.Members[0].Rating; got != "xuat-sac" {
		t.Errorf("rating = %q", got)
	}
	if got := y.Awards[0].Status; got != "proposed" {
		t.Errorf("status = %q", got)
	}
}

package load

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/vn"
)

// notice is a valid consultation of the test site, with a window of 11
// working days (17 February to 3 March 2025).
const notice = `title: Lấy ý kiến về các tập thể đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2024
award: co-thi-dua-tinh
year: 2024
from: 2025-02-17
to: 2025-03-03
contact: Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh; thư điện tử bantdkt@example.gov.vn
basis: Điều 46 Nghị định số 98/2023/NĐ-CP
candidates:
  - unit: hoi-nguoi-cao-tuoi
  - name: Công ty cổ phần Cấp thoát nước tỉnh
  - {person: Nguyễn Văn An, position: Chủ tịch Hội, unit: hoi-khuyen-hoc}
`

const noticePath = "data/consultations/co-thi-dua-tinh-2024.yaml"

// recordChecks are the checks of decisions, of the course of an award and
// of consultations, with their exact messages.
var recordChecks = []check{
	{"decision by an unknown id", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nawards:\n  - {award: co-thi-dua-tinh, unit: hoi-nguoi-cao-tuoi, decision: qd-46-2025}\n",
	}, []string{
		`data/blocs/khoi-8/2024.yaml:4:66: error: unknown decision "qd-46-2025"; add it to data/decisions.yaml or fix the id (did you mean "qd-45-2025"?)`,
	}},
	{"decision as free text, and on a proposal", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nawards:\n  - award: co-thi-dua-tinh\n    unit: hoi-nguoi-cao-tuoi\n    status: proposed\n    decision: Quyết định số 45/QĐ-UBND ngày 20/01/2025\n",
	}, []string{
		`data/blocs/khoi-8/2024.yaml:7:15: warning: the decision is free text; record it in data/decisions.yaml instead: - {id: 45-qd-ubnd-2025, number: "45/QĐ-UBND", date: 2025-01-20, issuer: {body: …, level: tinh}, signer: …, title: …}; then write decision: 45-qd-ubnd-2025`,
		`data/blocs/khoi-8/2024.yaml:7:15: warning: a decision is given but status is "proposed"; once decided, write status: conferred or not_conferred`,
	}},
	{"a history past the status, and out of order", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nawards:\n  - award: co-thi-dua-tinh\n    unit: hoi-nguoi-cao-tuoi\n    status: submitted\n    history: {proposed: 2025-01-08, submitted: 2025-01-02, consultation: 2025-02-01, conferred: 2025-03-01}\n",
	}, []string{
		`data/blocs/khoi-8/2024.yaml:7:37: warning: the date of stage "submitted" is before that of the earlier stage "proposed"; check the dates`,
		`data/blocs/khoi-8/2024.yaml:7:60: error: stage "consultation" comes after the award's status "submitted"; correct status to the stage reached, or remove this stage`,
		`data/blocs/khoi-8/2024.yaml:7:86: error: stage "conferred" comes after the award's status "submitted"; correct status to the stage reached, or remove this stage`,
	}},
	{"not conferred after conferred", map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nawards:\n  - {award: co-thi-dua-tinh, unit: hoi-nguoi-cao-tuoi, status: not_conferred, history: {conferred: 2025-03-01}}\n",
	}, []string{
		`data/blocs/khoi-8/2024.yaml:4:89: error: stage "conferred" comes after the award's status "not_conferred"; correct status to the stage reached, or remove this stage`,
	}},
	{"decisions: a missing file, not a PDF, a repeated id, a wrong level", map[string]string{
		"data/decisions.yaml": "- {id: qd-1, number: 1/QĐ-UBND, date: 2025-01-02, issuer: {body: UBND tỉnh, level: tinh}, file: /van-ban/qd-1.pdf}\n" +
			"- {id: qd-2, number: 2/QĐ-UBND, date: 2025-01-02, issuer: {body: UBND tỉnh, level: tinh}, file: /images/khoi-8.jpg}\n" +
			"- {id: qd-1, number: 3/QĐ-UBND, date: 2025-01-02, issuer: {body: UBND tỉnh, level: province}}\n" +
			"- {id: qd-4, number: 4/QĐ-UBND, date: 2025-01-02}\n",
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\n",
	}, []string{
		`data/decisions.yaml:1:97: error: there is no file "/van-ban/qd-1.pdf" under static/; copy the decision there or correct the path`,
		`data/decisions.yaml:2:97: error: file "/images/khoi-8.jpg" is not a PDF; put the decision as a PDF under static/ and give its path, like /van-ban/qd-45-2025.pdf`,
		`data/decisions.yaml:3:8: error: duplicate decision id "qd-1", also at data/decisions.yaml:1:8; give each decision its own id`,
		`data/decisions.yaml:3:84: error: field "level" is "province"; use one of trung-uong, tinh, huyen, xa`,
		`data/decisions.yaml:4:3: error: missing required field "issuer"`,
	}},
	{"a notice's window shorter than 10 working days", map[string]string{
		noticePath: strings.Replace(notice, "to: 2025-03-03", "to: 2025-02-27", 1),
	}, []string{
		`data/consultations/co-thi-dua-tinh-2024.yaml:5:5: warning: the comment window holds 9 working days, fewer than the 10 the rules require (Decree 98/2023/ND-CP, article 46); move the end date later`,
	}},
	{"a notice's window over Tết", map[string]string{
		noticePath: strings.Replace(strings.Replace(notice, "from: 2025-02-17", "from: 2025-01-20", 1), "to: 2025-03-03", "to: 2025-02-05", 1),
	}, []string{
		`data/consultations/co-thi-dua-tinh-2024.yaml:5:5: warning: the comment window holds 8 working days, fewer than the 10 the rules require (Decree 98/2023/ND-CP, article 46); move the end date later`,
	}},
	{"a notice past the table of holidays", map[string]string{
		noticePath: strings.Replace(strings.Replace(notice, "from: 2025-02-17", "from: 2027-02-01", 1), "to: 2025-03-03", "to: 2027-03-01", 1),
	}, []string{
		`data/consultations/co-thi-dua-tinh-2024.yaml:5:5: warning: thidua's table of public holidays covers 2021–2026 only, so the working days of the comment window cannot be counted; check yourself that it holds 10`,
	}},
	{"a notice's window reversed", map[string]string{
		noticePath: strings.Replace(notice, "to: 2025-03-03", "to: 2025-02-03", 1),
	}, []string{
		`data/consultations/co-thi-dua-tinh-2024.yaml:5:5: error: the comment window ends on 2025-02-03, before it starts on 2025-02-17; correct from and to`,
	}},
	{"a notice with personal data and broken candidates", map[string]string{
		noticePath: strings.Replace(notice, "  - {person: Nguyễn Văn An, position: Chủ tịch Hội, unit: hoi-khuyen-hoc}\n",
			"  - {person: Nguyễn Văn An, position: Chủ tịch Hội, unit: hoi-khuyen-hoc, ngay_sinh: 1960-05-01, Address: Phan Thiết}\n"+
				"  - {person: Trần Thị Bình}\n  - {unit: hoi-khuyen-hoc, name: Hội Khuyến học}\n  - {name: Hợp tác xã Bình Minh, position: Chủ nhiệm}\n  - {}\n  - {unit: hoi-khuyen-hocc}\n", 1),
	}, []string{
		`data/consultations/co-thi-dua-tinh-2024.yaml:11:75: error: field "ngay_sinh" is personal data, which a consultation must not publish (Decree 47/2020/ND-CP); of a person give only person (the name), position and unit or unit_name`,
		`data/consultations/co-thi-dua-tinh-2024.yaml:11:98: error: field "Address" is personal data, which a consultation must not publish (Decree 47/2020/ND-CP); of a person give only person (the name), position and unit or unit_name`,
		`data/consultations/co-thi-dua-tinh-2024.yaml:12:5: error: person "Trần Thị Bình" needs position and unit (a unit id) or unit_name (the unit's name)`,
		`data/consultations/co-thi-dua-tinh-2024.yaml:13:5: error: both unit and name are given; give unit for a unit of the site, name for another collective`,
		`data/consultations/co-thi-dua-tinh-2024.yaml:14:5: error: position and unit_name are for a person only; remove them from this collective`,
		`data/consultations/co-thi-dua-tinh-2024.yaml:15:5: error: the candidate names no one; give unit (a unit id), name (a collective outside the blocs) or person (an individual's name)`,
		`data/consultations/co-thi-dua-tinh-2024.yaml:16:12: error: unknown unit "hoi-khuyen-hocc"; add it to data/units.yaml or fix the id (did you mean "hoi-khuyen-hoc"?)`,
	}},
	{"a notice of an unknown award, named badly", map[string]string{
		"data/consultations/Lay_y_kien.yaml": strings.Replace(notice, "award: co-thi-dua-tinh", "award: co-thi-dua-tnh", 1),
	}, []string{
		`data/consultations/Lay_y_kien.yaml: error: file name "Lay_y_kien.yaml" is not a valid identifier; name the notice with lower-case letters a-z, digits and single hyphens, like "co-thi-dua-chinh-phu-2024.yaml"`,
	}},
	{"a notice of an unknown award", map[string]string{
		noticePath: strings.Replace(notice, "award: co-thi-dua-tinh", "award: co-thi-dua-tnh", 1),
	}, []string{
		`data/consultations/co-thi-dua-tinh-2024.yaml:2:8: error: unknown award "co-thi-dua-tnh"; use an award kind of the catalogue or add it to data/awards.yaml (did you mean "co-thi-dua-tinh"?)`,
	}},
}

func TestRecordChecks(t *testing.T) {
	runChecks(t, recordChecks, Options{Now: time.Date(2025, 3, 1, 0, 0, 0, 0, vn.TimeZone())})
}

// TestNoticeClosesAfterItsWindow checks that a notice is open on the last
// day of its window and closed the day after, by the build's date, and that
// its candidates are resolved.
func TestNoticeClosesAfterItsWindow(t *testing.T) {
	fsys := apply(t, map[string]string{noticePath: notice,
		"data/consultations/bang-khen-2023.yaml": strings.Replace(strings.Replace(notice, "from: 2025-02-17", "from: 2024-02-19", 1), "to: 2025-03-03", "to: 2024-03-04", 1)})
	for _, c := range []struct {
		now    string
		closed bool
	}{{"2025-03-03", false}, {"2025-03-04", true}} {
		now, _ := time.ParseInLocation("2006-01-02", c.now, vn.TimeZone())
		site, diags := Site(fsys, Options{Now: now})
		if diags.HasErrors(true) {
			t.Fatal(lines(diags))
		}
		if len(site.Notices) != 2 {
			t.Fatalf("notices: %+v", site.Notices)
		}
		n := site.Notices[0] // open ones first, then the newest
		if n.ID != "co-thi-dua-tinh-2024" || n.Closed != c.closed || n.WorkingDays != 11 || n.Kind != site.Award("co-thi-dua-tinh") {
			t.Errorf("on %s: %+v", c.now, n)
		}
		if other := site.Notices[1]; other.ID != "bang-khen-2023" || !other.Closed {
			t.Errorf("on %s the second notice is %+v", c.now, other)
		}
		want := []model.Candidate{
			{Unit: site.Unit("hoi-nguoi-cao-tuoi"), Name: site.Unit("hoi-nguoi-cao-tuoi").Name},
			{Name: "Công ty cổ phần Cấp thoát nước tỉnh"},
			{Unit: site.Unit("hoi-khuyen-hoc"), Name: "Nguyễn Văn An", Person: true, Position: "Chủ tịch Hội"},
		}
		if !slices.Equal(n.Candidates, want) {
			t.Errorf("candidates = %+v", n.Candidates)
		}
		var linked []string
		for _, aw := range site.Unit("hoi-nguoi-cao-tuoi").Awards {
			if aw.Notice != nil {
				linked = append(linked, aw.Kind.ID+" "+aw.Notice.ID)
			}
		}
		if !slices.Equal(linked, []string{"co-thi-dua-tinh co-thi-dua-tinh-2024"}) {
			t.Errorf("the awards the notice lists link to it: %v", linked)
		}
	}
}

// TestAwardCourse checks the history of an award: its stages in order, the
// last its status.
func TestAwardCourse(t *testing.T) {
	site, diags := Site(apply(t, map[string]string{
		year8: "members: [hoi-nguoi-cao-tuoi]\nleader: hoi-nguoi-cao-tuoi\nawards:\n  - award: co-thi-dua-tinh\n    unit: hoi-nguoi-cao-tuoi\n    status: not_conferred\n    history: {submitted: 2025-01-20, proposed: 2025-01-08}\n",
	}), Options{})
	if diags.HasErrors(true) {
		t.Fatal(lines(diags))
	}
	h := site.Unit("hoi-nguoi-cao-tuoi").Awards
	var got []string
	for _, s := range h[len(h)-1].History {
		got = append(got, string(s.Status)+" "+s.Date.Format("2006-01-02"))
	}
	want := []string{"proposed 2025-01-08", "submitted 2025-01-20", "not_conferred 0001-01-01"}
	if !slices.Equal(got, want) {
		t.Errorf("history = %v, want %v", got, want)
	}
	if a := h[len(h)-1]; a.IsConferred() || !a.Decided() || a.StageKey() != "stage-not_conferred-title" {
		t.Errorf("award %+v: conferred %v, decided %v, %s", a, a.IsConferred(), a.Decided(), a.StageKey())
	}
}

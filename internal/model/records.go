package model

import (
	"time"
)

// AwardClass says whether an award kind is an emulation title (danh hiệu thi
// đua), which is recognised ("công nhận"), or a form of commendation (hình
// thức khen thưởng), which is given ("tặng"), as the Law on Emulation and
// Commendation (06/2022/QH15) tells them apart.
type AwardClass string

// The classes of award kinds.
const (
	ClassTitle AwardClass = "danh-hieu" // danh hiệu thi đua: Cờ thi đua, Tập thể lao động xuất sắc
	ClassForm  AwardClass = "hinh-thuc" // hình thức khen thưởng: Huân chương, Bằng khen, Giấy khen
)

// The stages of an award's course, after Proposed and before Conferred.
const (
	Submitted    AwardStatus = "submitted"     // the council forwarded it to a higher level
	Consultation AwardStatus = "consultation"  // published for public comment
	NotConferred AwardStatus = "not_conferred" // the deciding body did not approve it
)

// Stages are the statuses of an award in the order of its course;
// Conferred and NotConferred are both last.
var Stages = []AwardStatus{Proposed, Submitted, Consultation, Conferred, NotConferred}

// Step is a stage an award reached, and when, when that is known.
type Step struct {
	Status AwardStatus
	Date   time.Time // zero when not known
}

// Decided reports whether the award's course has ended: conferred or not.
func (a *Award) Decided() bool { return a.Status == Conferred || a.Status == NotConferred }

// IsConferred reports whether the award was conferred: only such awards
// count as awards in totals; the others are proposals, shown as such.
func (a *Award) IsConferred() bool { return a.Status == Conferred }

// StageKey is the interface string key of the award's stage in words for
// its kind: "stage-conferred-title" ("Đã công nhận") for an emulation
// title, "stage-conferred-form" ("Đã tặng") for a form of commendation.
func (a *Award) StageKey() string { return StageKey(a.Status, a.Kind) }

// StageKey is the interface string key of status s for an award of kind k.
func StageKey(s AwardStatus, k *AwardKind) string {
	switch s {
	case Conferred, NotConferred:
		if k != nil && k.Class == ClassTitle {
			return "stage-" + string(s) + "-title"
		}
		return "stage-" + string(s) + "-form"
	}
	return "stage-" + string(s)
}

// DecisionText is the decision as a record's number, or as the free text of
// the year file when it names no record; "" when none is given.
func (a *Award) DecisionText() string {
	if a.Decision != nil {
		return a.Decision.Number
	}
	return a.DecisionNote
}

// IsTitle reports whether the kind is an emulation title (danh hiệu thi đua).
func (k *AwardKind) IsTitle() bool { return k.Class == ClassTitle }

// Decision is a decision (quyết định) of data/decisions.yaml, with the
// awards that name it.
type Decision struct {
	ID     string
	Number string    // as written: "45/QĐ-UBND"
	Date   time.Time // midnight, Asia/Ho_Chi_Minh
	Issuer string    // the body: "Ủy ban nhân dân tỉnh Bình Thuận"
	Level  Level
	Signer string // who signed it: "Phó Chủ tịch Hà Lan Anh"
	Title  string // trích yếu
	File   string // site-relative path of its PDF under static/, "" when none
	Awards []*Award
}

// Year is the calendar year of the decision's date.
func (d *Decision) Year() int { return d.Date.Year() }

// Level is the level of the body that issued a decision.
type Level string

// The levels of an issuing body.
const (
	LevelCentral  Level = "trung-uong" // Chủ tịch nước, Chính phủ, Thủ tướng, ministries
	LevelProvince Level = "tinh"       // the province's People's Committee and its departments
	LevelDistrict Level = "huyen"      // a district, town or city of the province
	LevelCommune  Level = "xa"         // a commune, ward or township
)

// Levels are the levels of an issuing body, highest first.
var Levels = []Level{LevelCentral, LevelProvince, LevelDistrict, LevelCommune}

// Notice is a public consultation (lấy ý kiến nhân dân) on the candidates
// for an honour, from data/consultations/<id>.yaml.
type Notice struct {
	ID         string
	Path       string // source file, relative to the site folder
	Title      string
	Kind       *AwardKind
	Year       int       // the emulation year of the results; 0 when not given
	Published  time.Time // the date of the notice; zero when not given
	From, To   time.Time // the comment window, both days included, midnight Asia/Ho_Chi_Minh
	Contact    string    // where to send comments
	Basis      string    // the legal basis
	Candidates []Candidate
	// Closed is whether the window had ended on the build's date.
	Closed bool
	// WorkingDays is how many working days the window holds; 0 when the
	// holiday table does not cover its years.
	WorkingDays int
}

// Candidate is one candidate of a notice: a collective (a unit of the site,
// or one named only here) or an individual, of whom only name, position and
// unit are published.
type Candidate struct {
	Unit     *Unit  // a unit of the site; nil when named only
	Name     string // the collective's or the person's name; the unit's name when Unit is set and Person is false
	Person   bool   // an individual
	Position string // of an individual
	UnitName string // an individual's unit when it is not a unit of the site
}

// Results says which results a list of memberships gives, so that a table
// shows only the columns that have values.
type Results struct {
	Rank, Score, Rating bool
}

// ResultsOf returns the results given by ms.
func ResultsOf(ms []*Membership) Results {
	var r Results
	for _, m := range ms {
		r.Rank = r.Rank || m.Rank > 0
		r.Score = r.Score || m.Score != nil
		r.Rating = r.Rating || m.Rating != RatingNone
	}
	return r
}

// Tally counts the collectives of some awards by where their course
// stands: a proposal is never counted as an award.
type Tally struct {
	Conferred    int // conferred by a decision
	Pending      int // proposed, submitted or under consultation
	NotConferred int // not approved
}

// TallyOf counts the collectives of as.
func TallyOf(as []*Award) Tally {
	var t Tally
	for _, a := range as {
		switch {
		case a.Status == Conferred:
			t.Conferred += a.Count
		case a.Status == NotConferred:
			t.NotConferred += a.Count
		default:
			t.Pending += a.Count
		}
	}
	return t
}

// Pending reports whether the award's course has not ended: proposed,
// submitted or under consultation.
func (a *Award) Pending() bool { return !a.Decided() }

// DecisionYear is the decisions of one calendar year.
type DecisionYear struct {
	Year      int
	Decisions []*Decision
}

// DecisionsByYear groups s.Decisions by year, newest first.
func (s *Site) DecisionsByYear() []DecisionYear {
	var out []DecisionYear
	for _, d := range s.Decisions {
		if n := len(out); n == 0 || out[n-1].Year != d.Year() {
			out = append(out, DecisionYear{Year: d.Year()})
		}
		out[len(out)-1].Decisions = append(out[len(out)-1].Decisions, d)
	}
	return out
}

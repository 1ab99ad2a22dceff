package load

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/vn"
)

// DecisionsFile is data/decisions.yaml as written.
type DecisionsFile struct {
	Path      string
	Decisions []DecisionEntry // in the order of the file, without repeated ids
}

// DecisionEntry is one decision of data/decisions.yaml.
type DecisionEntry struct {
	At       Pos
	Decision model.Decision // Awards empty; File as written until assembled
	FileAt   Pos
}

// levels are the values of a decision's issuer level, highest first.
func levels() []string {
	out := make([]string, len(model.Levels))
	for i, l := range model.Levels {
		out[i] = string(l)
	}
	return out
}

// ParseDecisions reads data/decisions.yaml: the decisions (quyết định) that
// awards name by id. The result is never nil.
func ParseDecisions(file string, src []byte) (*DecisionsFile, *diag.List) {
	d := newDecoder(file, 0)
	df := &DecisionsFile{Path: file}
	root := d.parse(clean(src))
	if root == nil || isNull(root) {
		return df, d.diags
	}
	seen := map[string]Pos{}
	for _, n := range d.list(root, "data/decisions.yaml", msg.P("what-decisions")) {
		f, ok := d.mapping(n, msg.P("what-decision"), []string{"id", "number", "date", "issuer", "signer", "title", "file"}, []string{"id", "number", "date", "issuer"})
		if !ok {
			continue
		}
		id := d.ident(f, "id")
		e := DecisionEntry{At: f.at, Decision: model.Decision{ID: id.ID, Number: d.str(f, "number"), Date: d.date(f, "date"),
			Signer: d.str(f, "signer"), Title: d.str(f, "title"), File: d.str(f, "file")}}
		if v := f.vals["issuer"]; v != nil && !isNull(v) {
			if inf, ok := d.mapping(v, msg.P("what-field", "issuer"), []string{"body", "level"}, []string{"body", "level"}); ok {
				e.Decision.Issuer = d.str(inf, "body")
				e.Decision.Level = model.Level(d.oneOf(inf, "level", levels()))
			}
		}
		if e.Decision.File != "" {
			e.FileAt = d.pos(f.vals["file"])
			if !strings.EqualFold(path.Ext(e.Decision.File), ".pdf") {
				d.error(e.FileAt, "decision-file-not-pdf", e.Decision.File)
			}
		}
		if id.ID == "" {
			continue
		}
		if first, dup := seen[id.ID]; dup {
			d.error(id.Pos, "duplicate-decision", id.ID, d.at(first))
			continue
		}
		seen[id.ID] = id.Pos
		df.Decisions = append(df.Decisions, e)
	}
	return df, d.diags
}

// stageNames are the statuses of an award in the order of its course.
func stageNames() []string {
	out := make([]string, len(model.Stages))
	for i, s := range model.Stages {
		out[i] = string(s)
	}
	return out
}

// stageOrder is the place of a status in the course; conferred and
// not_conferred share the last.
func stageOrder(s model.AwardStatus) int {
	switch s {
	case model.Proposed:
		return 0
	case model.Submitted:
		return 1
	case model.Consultation:
		return 2
	}
	return 3
}

// awardCourse reads the status, history and decision of an award into a
// and checks that they tell one course: no stage after the status, dates
// that do not go back, a decision only once the course has ended.
func (d *decoder) awardCourse(af fields, a *AwardEntry) {
	if s := d.oneOfSaid(af, "status", stageNames(), statusWords); s != "" {
		a.Status = model.AwardStatus(s)
	}
	dates := map[model.AwardStatus]time.Time{}
	if v := af.vals["history"]; v != nil && !isNull(v) {
		if hf, ok := d.mapping(v, msg.P("what-field", "history"), stageNames(), nil); ok {
			var last time.Time
			var lastStage string
			for _, s := range model.Stages {
				key := string(s)
				if !hf.has(key) {
					continue
				}
				at := d.pos(hf.keys[key])
				t := d.date(hf, key)
				final := s == model.Conferred || s == model.NotConferred
				switch {
				case stageOrder(s) > stageOrder(a.Status) || final && s != a.Status:
					d.error(at, "award-history-after-status", key, string(a.Status))
					continue
				case !t.IsZero() && !last.IsZero() && t.Before(last):
					d.warn(at, "award-history-order", key, lastStage)
				}
				if !t.IsZero() {
					last, lastStage = t, key
				}
				dates[s] = t
			}
		}
	}
	for _, s := range model.Stages {
		if t, ok := dates[s]; ok || s == a.Status {
			a.History = append(a.History, model.Step{Status: s, Date: t})
		}
	}
	text := d.str(af, "decision")
	if text == "" {
		return
	}
	at := d.pos(af.vals["decision"])
	if !a.decided() {
		d.warn(at, "award-decision-undecided", string(a.Status))
	}
	if validID(text) {
		a.DecisionID = Ident{ID: text, Pos: at}
		return
	}
	a.DecisionNote = text
	d.warn(at, "award-decision-text", suggestDecision(text))
}

// decided reports whether the entry's course has ended.
func (a *AwardEntry) decided() bool {
	return a.Status == model.Conferred || a.Status == model.NotConferred
}

var (
	decisionNumberRe = regexp.MustCompile(`\d+[^\s,;]*/[^\s,;]+`)
	decisionDateRe   = regexp.MustCompile(`(\d{1,2})/(\d{1,2})/(\d{4})`)
)

// suggestDecision is the record of data/decisions.yaml, in YAML on one
// line, that a decision written as free text ("Quyết định số 45/QĐ-UBND
// ngày 20/01/2025") would be: its number and date found in the text.
func suggestDecision(text string) string {
	number, date, year := "…", "…", ""
	if m := decisionNumberRe.FindString(text); m != "" && !decisionDateRe.MatchString(m) {
		number = m
	}
	if m := decisionDateRe.FindStringSubmatch(text); m != nil {
		dd, _ := strconv.Atoi(m[1])
		mm, _ := strconv.Atoi(m[2])
		date = m[3] + "-" + twoDigits(mm) + "-" + twoDigits(dd)
		year = m[3]
	}
	id := "qd"
	if number != "…" {
		id = vn.Slug(number)
	}
	if year != "" {
		id += "-" + year
	}
	return "- {id: " + id + ", number: " + strconv.Quote(number) + ", date: " + date +
		", issuer: {body: …, level: tinh}, signer: …, title: …}; then write decision: " + id
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// NoticeFile is data/consultations/<id>.yaml as written: a public
// consultation on the candidates for an honour.
type NoticeFile struct {
	Path       string
	ID         string // the file name without .yaml; "" when it is not an identifier
	At         Pos
	Title      string
	Award      Ident
	Year       int
	Published  time.Time
	From, To   time.Time
	ToAt       Pos
	Contact    string
	Basis      string
	Candidates []CandidateEntry
}

// CandidateEntry is one candidate of a notice.
type CandidateEntry struct {
	At       Pos
	Unit     Ident // a unit of the site: a collective, or an individual's unit
	Name     string
	Person   bool
	Position string
	UnitName string
}

// personalData are fields an editor might add to a candidate that the
// notice must not publish (Nghị định 47/2020/NĐ-CP, on sharing and opening
// data): they are refused by name, with the reason.
var personalData = []string{"birth", "born", "birthday", "birth_date", "date_of_birth", "dob", "ngay_sinh", "nam_sinh",
	"address", "dia_chi", "phone", "dien_thoai", "email", "id_number", "cccd", "cmnd", "gender", "gioi_tinh", "hometown", "que_quan", "ethnicity", "dan_toc"}

// ParseNotice reads data/consultations/<id>.yaml. The result is never nil.
func ParseNotice(file string, src []byte) (*NoticeFile, *diag.List) {
	d := newDecoder(file, 0)
	nf := &NoticeFile{Path: file}
	if id := strings.TrimSuffix(path.Base(file), path.Ext(file)); validID(id) {
		nf.ID = id
	} else {
		d.error(Pos{}, "bad-notice-name", path.Base(file))
	}
	root := d.parse(clean(src))
	if root == nil {
		if d.diags.Len() == 0 {
			d.error(Pos{Line: 1, Column: 1}, "empty-notice")
		}
		return nf, d.diags
	}
	f, ok := d.mapping(root, msg.P("what-notice"), []string{"title", "award", "year", "published", "from", "to", "contact", "basis", "candidates"},
		[]string{"title", "award", "from", "to", "contact", "basis", "candidates"})
	if !ok {
		return nf, d.diags
	}
	nf.At = f.at
	nf.Title, nf.Award, nf.Year = d.str(f, "title"), d.ident(f, "award"), d.year(f, "year")
	nf.Published, nf.From, nf.To = d.date(f, "published"), d.date(f, "from"), d.date(f, "to")
	nf.Contact, nf.Basis = d.str(f, "contact"), d.str(f, "basis")
	if v := f.vals["to"]; v != nil {
		nf.ToAt = d.pos(v)
	}
	if !nf.From.IsZero() && !nf.To.IsZero() && nf.To.Before(nf.From) {
		d.error(nf.ToAt, "notice-window-reversed", nf.To.Format("2006-01-02"), nf.From.Format("2006-01-02"))
	}
	for _, n := range d.seq(f, "candidates") {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind == yaml.ScalarNode && containsFold(personalData, k.Value) {
					d.error(d.pos(k), "notice-personal-data", k.Value)
					n.Content = append(n.Content[:i:i], n.Content[i+2:]...)
					i -= 2
				}
			}
		}
		cf, ok := d.mapping(n, msg.P("what-candidate"), []string{"unit", "name", "person", "position", "unit_name"}, nil)
		if !ok {
			continue
		}
		c := CandidateEntry{At: cf.at, Unit: d.ident(cf, "unit"), Position: d.str(cf, "position"), UnitName: d.str(cf, "unit_name")}
		switch {
		case cf.has("person"):
			c.Person, c.Name = true, d.str(cf, "person")
			if cf.has("name") {
				d.error(cf.at, "candidate-person-and-name")
			}
			if c.Position == "" || (!cf.has("unit") && c.UnitName == "") {
				d.error(cf.at, "candidate-person-incomplete", c.Name)
			}
		case cf.has("unit") && cf.has("name"):
			d.error(cf.at, "candidate-unit-and-name")
		case cf.has("name"):
			c.Name = d.str(cf, "name")
		case !cf.has("unit"):
			d.error(cf.at, "candidate-empty")
			continue
		}
		if !c.Person && (c.Position != "" || c.UnitName != "") {
			d.error(cf.at, "candidate-collective-position")
		}
		nf.Candidates = append(nf.Candidates, c)
	}
	return nf, d.diags
}

// containsFold reports whether s holds v, ignoring case and the difference
// of "-" and "_".
func containsFold(s []string, v string) bool {
	v = strings.ReplaceAll(strings.ToLower(v), "-", "_")
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

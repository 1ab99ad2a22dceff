package opendata

import (
	"strings"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
)

// Dataset is thidua.json: the whole site with every reference as an id.
// Its fields are written in the order declared, so keys never move.
type Dataset struct {
	Site      SiteInfo    `json:"site"`
	Awards    []AwardKind `json:"award_kinds"`
	Units     []Unit      `json:"units"`
	Blocs     []Bloc      `json:"blocs"`
	Decisions []Decision  `json:"decisions"`
	Notices   []Notice    `json:"consultations"`
	Articles  []Article   `json:"articles"`
}

// Decision is a decision on awards.
type Decision struct {
	ID     string `json:"id"`
	Number string `json:"number"`
	Date   string `json:"date"` // 2006-01-02
	Issuer string `json:"issuer"`
	Level  string `json:"level"`
	Signer string `json:"signer,omitempty"`
	Title  string `json:"title,omitempty"`
	File   string `json:"file,omitempty"` // absolute URL
}

// Notice is a public consultation; of an individual it holds only the
// name, position and unit.
type Notice struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Award      string      `json:"award,omitempty"`
	Year       int         `json:"year,omitempty"`
	Published  string      `json:"published,omitempty"`
	From       string      `json:"from"`
	To         string      `json:"to"`
	Closed     bool        `json:"closed"`
	Contact    string      `json:"contact"`
	Basis      string      `json:"basis"`
	Candidates []Candidate `json:"candidates"`
}

// Candidate is one candidate of a notice.
type Candidate struct {
	Name     string `json:"name"`
	Person   bool   `json:"person,omitempty"`
	Position string `json:"position,omitempty"`
	Unit     string `json:"unit,omitempty"`      // a unit of the site
	UnitName string `json:"unit_name,omitempty"` // an individual's unit outside the site
}

// SiteInfo is the part of site.yaml a reader of the data needs.
type SiteInfo struct {
	Title    string `json:"title"`
	URL      string `json:"url"`
	Province string `json:"province,omitempty"`
	Language string `json:"language"`
}

// AwardKind is an award kind of the catalogue.
type AwardKind struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
	Rank  int    `json:"rank"`
}

// Unit is an organisation.
type Unit struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Short        string       `json:"short,omitempty"`
	Kind         string       `json:"kind,omitempty"`
	Website      string       `json:"website,omitempty"`
	Formerly     []FormerName `json:"formerly,omitempty"`
	Established  int          `json:"established,omitempty"`
	Predecessors []string     `json:"predecessors,omitempty"`
	MergedInto   *MergedInto  `json:"merged_into,omitempty"`
	SplitInto    *SplitInto   `json:"split_into,omitempty"`
	Dissolved    int          `json:"dissolved,omitempty"`
}

// FormerName is a name a unit had until the end of a year.
type FormerName struct {
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
	Until int    `json:"until"`
}

// MergedInto is the unit a unit was merged into, from a year.
type MergedInto struct {
	Unit string `json:"unit"`
	Year int    `json:"year"`
}

// SplitInto is the units a unit was split into, from a year.
type SplitInto struct {
	Units []string `json:"units"`
	Year  int      `json:"year"`
}

// Flag is who held a bloc's rotating flag in a year.
type Flag struct {
	Holder string `json:"holder"`
	From   string `json:"from,omitempty"`
	Date   string `json:"date,omitempty"` // 2006-01-02
}

// Bloc is an emulation bloc with its years.
type Bloc struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Short       string     `json:"short,omitempty"`
	Description string     `json:"description,omitempty"`
	Order       int        `json:"order"`
	Years       []BlocYear `json:"years"`
}

// BlocYear is a bloc in one year.
type BlocYear struct {
	Year       int          `json:"year"`
	Members    []Membership `json:"members"`
	Leader     string       `json:"leader,omitempty"`
	Deputies   []string     `json:"deputies,omitempty"`
	NextLeader string       `json:"next_leader,omitempty"`
	Covenant   *Event       `json:"covenant,omitempty"`
	Review     *Event       `json:"review,omitempty"`
	Awards     []Award      `json:"awards,omitempty"`
	Flag       *Flag        `json:"flag,omitempty"`
	Models     []Model      `json:"models,omitempty"`
	Figures    []Figure     `json:"figures,omitempty"`
}

// Membership is a unit in a bloc's year, with its results.
type Membership struct {
	Unit   string   `json:"unit"`
	Name   string   `json:"name,omitempty"` // the unit's name that year, when it is not its current name
	Rank   int      `json:"rank,omitempty"`
	Score  *float64 `json:"score,omitempty"`
	Rating string   `json:"rating,omitempty"`
	Role   string   `json:"role"`
}

// Event is a dated meeting.
type Event struct {
	Date  string   `json:"date"` // 2006-01-02
	Goals []string `json:"goals,omitempty"`
}

// Award is an award or a proposal.
type Award struct {
	Award      string `json:"award"`
	Unit       string `json:"unit,omitempty"`
	Name       string `json:"name,omitempty"` // the unit's name that year when it is not its current name, or a recipient's not in units
	Count      int    `json:"count"`
	Status     string `json:"status"`
	Decision   string `json:"decision,omitempty"`
	DecisionID string `json:"decision_id,omitempty"`
	History    []Step `json:"history,omitempty"`
}

// Step is a stage an award reached, with its date when known.
type Step struct {
	Status string `json:"status"`
	Date   string `json:"date,omitempty"` // 2006-01-02
}

// Model is a good practice of a unit.
type Model struct {
	Unit    string `json:"unit"`
	Name    string `json:"name"`
	Summary string `json:"summary,omitempty"`
}

// Figure is a headline number.
type Figure struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

// Article is a news article, without its body and without its author: no
// download holds a person's name.
type Article struct {
	Slug    string   `json:"slug"`
	Title   string   `json:"title"`
	Date    string   `json:"date"` // RFC 3339
	URL     string   `json:"url"`
	Summary string   `json:"summary,omitempty"`
	Image   string   `json:"image,omitempty"` // absolute URL
	Year    int      `json:"year,omitempty"`
	Blocs   []string `json:"blocs,omitempty"`
	Units   []string `json:"units,omitempty"`
}

// NewDataset normalises the site: lists in the order of the model, every
// reference as an id.
func NewDataset(site *model.Site) Dataset {
	base := site.Config.BaseURL.String()
	d := Dataset{
		Site:      SiteInfo{Title: site.Config.Title, URL: base, Province: site.Config.Province, Language: site.Config.Language},
		Awards:    []AwardKind{},
		Units:     []Unit{},
		Blocs:     []Bloc{},
		Decisions: []Decision{},
		Notices:   []Notice{},
		Articles:  []Article{},
	}
	for _, dc := range site.Decisions {
		j := Decision{ID: dc.ID, Number: dc.Number, Date: dc.Date.Format(time.DateOnly), Issuer: dc.Issuer, Level: string(dc.Level), Signer: dc.Signer, Title: dc.Title}
		if dc.File != "" {
			j.File = base + dc.File
		}
		d.Decisions = append(d.Decisions, j)
	}
	for _, n := range site.Notices {
		d.Notices = append(d.Notices, notice(n))
	}
	for _, k := range site.Awards {
		d.Awards = append(d.Awards, AwardKind{ID: k.ID, Name: k.Name, Short: k.Short, Rank: k.Rank})
	}
	for _, u := range site.Units {
		j := Unit{ID: u.ID, Name: u.Name, Short: u.Short, Kind: u.Kind, Website: u.Website, Established: u.Established,
			Predecessors: unitIDs(u.Predecessors), Dissolved: u.Dissolved}
		for _, f := range u.Formerly {
			j.Formerly = append(j.Formerly, FormerName{Name: f.Name, Short: f.Short, Until: f.Until})
		}
		switch e := u.Ending; {
		case e != nil && e.Split:
			j.SplitInto = &SplitInto{Units: unitIDs(e.Into), Year: e.Year}
		case e != nil:
			j.MergedInto = &MergedInto{Unit: e.Into[0].ID, Year: e.Year}
		}
		d.Units = append(d.Units, j)
	}
	for _, b := range site.Blocs {
		j := Bloc{ID: b.ID, Name: b.Name, Short: b.Short, Description: b.Description, Order: b.Order, Years: []BlocYear{}}
		for _, y := range b.Years {
			j.Years = append(j.Years, blocYear(y))
		}
		d.Blocs = append(d.Blocs, j)
	}
	for _, a := range site.Articles {
		j := Article{Slug: a.Slug, Title: a.Title, Date: a.Date.Format(time.RFC3339), URL: base + pages.ArticlePath(a),
			Summary: a.Summary, Year: a.Year, Units: unitIDs(a.Units)}
		if a.Image != "" {
			j.Image = base + strings.TrimPrefix(a.Image, "/")
		}
		for _, b := range a.Blocs {
			j.Blocs = append(j.Blocs, b.ID)
		}
		d.Articles = append(d.Articles, j)
	}
	return d
}

func blocYear(y *model.BlocYear) BlocYear {
	j := BlocYear{Year: y.Year, Members: []Membership{}, Leader: unitID(y.Leader), Deputies: unitIDs(y.Deputies),
		NextLeader: unitID(y.NextLeader), Covenant: event(y.Covenant), Review: event(y.Review)}
	for _, m := range y.Members {
		j.Members = append(j.Members, Membership{Unit: m.Unit.ID, Name: nameThen(m.Unit, y.Year), Rank: m.Rank, Score: m.Score, Rating: string(m.Rating), Role: RoleName(m.Role)})
	}
	for _, a := range y.Awards {
		name := a.Recipient
		if a.Unit != nil {
			name = nameThen(a.Unit, y.Year)
		}
		ja := Award{Award: a.Kind.ID, Unit: unitID(a.Unit), Name: name, Count: a.Count, Status: string(a.Status), Decision: a.DecisionText(), DecisionID: decisionID(a)}
		for _, s := range a.History {
			st := Step{Status: string(s.Status)}
			if !s.Date.IsZero() {
				st.Date = s.Date.Format(time.DateOnly)
			}
			ja.History = append(ja.History, st)
		}
		j.Awards = append(j.Awards, ja)
	}
	if f := y.Flag; f != nil {
		j.Flag = &Flag{Holder: f.Holder.ID, From: unitID(f.From)}
		if !f.Date.IsZero() {
			j.Flag.Date = f.Date.Format(time.DateOnly)
		}
	}
	for _, m := range y.Models {
		j.Models = append(j.Models, Model{Unit: unitID(m.Unit), Name: m.Name, Summary: m.Summary})
	}
	for _, f := range y.Figures {
		j.Figures = append(j.Figures, Figure{Label: f.Label, Value: f.Value, Unit: f.Unit})
	}
	return j
}

func notice(n *model.Notice) Notice {
	j := Notice{ID: n.ID, Title: n.Title, Year: n.Year, From: n.From.Format(time.DateOnly), To: n.To.Format(time.DateOnly),
		Closed: n.Closed, Contact: n.Contact, Basis: n.Basis, Candidates: []Candidate{}}
	if n.Kind != nil {
		j.Award = n.Kind.ID
	}
	if !n.Published.IsZero() {
		j.Published = n.Published.Format(time.DateOnly)
	}
	for _, c := range n.Candidates {
		j.Candidates = append(j.Candidates, Candidate{Name: c.Name, Person: c.Person, Position: c.Position, Unit: unitID(c.Unit), UnitName: c.UnitName})
	}
	return j
}

// nameThen is the name u bore in year when it is not its current name, or
// "": a row names a unit by its id, and by its name only when the name of
// the units list is not the one of the year (thidua.json of a large site
// stays the size it was).
func nameThen(u *model.Unit, year int) string {
	if u.Renamed(year) {
		return u.NameIn(year)
	}
	return ""
}

func event(e *model.Event) *Event {
	if e == nil {
		return nil
	}
	return &Event{Date: e.Date.Format(time.DateOnly), Goals: e.Goals}
}

func unitID(u *model.Unit) string {
	if u == nil {
		return ""
	}
	return u.ID
}

func unitIDs(us []*model.Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.ID)
	}
	return out
}

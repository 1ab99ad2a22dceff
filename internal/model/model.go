// Package model is the validated, indexed site: units, blocs and their years,
// award kinds, articles and pages, cross-linked so that every page can be
// rendered by reading it. A Site is built once by Build and is read-only
// afterwards, so any number of goroutines may read it.
package model

import (
	"html/template"
	"net/url"
	"time"
)

// Site is everything a build knows about a site folder.
type Site struct {
	Config Config

	Units      []*Unit      // in Vietnamese alphabetical order of Name
	Blocs      []*Bloc      // by Order, then Name
	Awards     []*AwardKind // by Rank, then Name
	Years      []*Year      // ascending
	Articles   []*Article   // newest first, drafts included only when asked for
	Pages      []*Page      // standalone pages, by Slug
	Decisions  []*Decision  // of data/decisions.yaml, newest first, then by ID
	Notices    []*Notice    // public consultations: open ones first, each part newest first
	Static     []string     // site-relative paths of files under static/, slash-separated, sorted
	unitByID   map[string]*Unit
	blocByID   map[string]*Bloc
	awardByID  map[string]*AwardKind
	yearByNum  map[int]*Year
	articleBy  map[string]*Article
	decisionBy map[string]*Decision
}

// Config is site.yaml.
type Config struct {
	Title          string
	BaseURL        *url.URL // always ends in "/"
	Language       string   // "vi" or "en"
	Description    string
	Province       string
	Paginate       int // articles per news list page, > 0
	MarkdownUnsafe bool
	DataLicenseID  string // of DataLicenses; "" means DefaultDataLicense
	// Precompress asks for a .gz and a .br twin of each text file of the
	// output, for web servers that send those (see output.Dir.Precompress).
	Precompress bool
	// ArticlePictures: each article without a raster image of its own gets
	// a share picture drawn for it (see internal/ogimage).
	ArticlePictures bool
}

// BasePath is the path part of BaseURL, "/" or e.g. "/thidua/".
func (c Config) BasePath() string { return c.BaseURL.Path }

// Unit is an organisation (đơn vị) that belonged to a bloc in some year.
type Unit struct {
	ID           string
	Name         string
	Short        string // "" when none
	Kind         string
	Website      string
	Formerly     []FormerName // newest first
	Established  int          // the first year it existed; 0 when not known
	Predecessors []*Unit      // units merged into this one, or split from it into this one
	Successors   []*Unit      // units this one was merged or split into
	Dissolved    int          // the last year of a unit dissolved with no successor; 0 otherwise
	Ending       *Ending      // how it was merged into another unit or split; nil when it was not

	Memberships []*Membership // by year, then bloc
	Results     Results       // which results its memberships give
	HasRole     bool          // it was leader or deputy in some year
	Awards      []*Award      // by year, then rank of the award kind
	Models      []*Model      // by year
	Articles    []*Article    // newest first
	// Updated is when the unit's records last changed: the newest commit
	// of data/units.yaml and of the year files it is a member in, in
	// Vietnam's time; zero when the site folder is not a git repository.
	Updated time.Time
}

// FormerName is a name a unit had until the end of a year.
type FormerName struct {
	Name  string
	Short string // "" when none was given
	Until int
}

// Ending is how a unit ceased to exist on its own: merged into one unit
// (hợp nhất vào) or split into several (chia tách thành).
type Ending struct {
	Year  int     // the first year its successors stand in its place
	Into  []*Unit // one unit for a merger, several for a split, in the order written
	Split bool
}

// ShortName is Short when set, else Name.
func (u *Unit) ShortName() string {
	if u.Short != "" {
		return u.Short
	}
	return u.Name
}

// former is the earlier name the unit bore in year, or nil when it bore
// its current name then or year is 0.
func (u *Unit) former(year int) *FormerName {
	if year == 0 {
		return nil
	}
	var in *FormerName
	for i := range u.Formerly {
		f := &u.Formerly[i]
		if year <= f.Until && (in == nil || f.Until < in.Until) {
			in = f
		}
	}
	return in
}

// NameIn is the name the unit bore in year: the earlier name of Formerly
// whose until is the first at or after year, else Name. Every page, chart
// and download scoped to a year names a unit by it; year 0 gives Name.
func (u *Unit) NameIn(year int) string {
	if f := u.former(year); f != nil {
		return f.Name
	}
	return u.Name
}

// ShortIn is the short name the unit bore in year: the earlier name's
// short, or that name itself when it had none; ShortName when the unit
// bore its current name.
func (u *Unit) ShortIn(year int) string {
	if f := u.former(year); f != nil {
		if f.Short != "" {
			return f.Short
		}
		return f.Name
	}
	return u.ShortName()
}

// Renamed reports whether the unit bore in year a name other than its
// current one.
func (u *Unit) Renamed(year int) bool { return u.former(year) != nil }

// NameSpan is one name of a unit with the years it was borne.
type NameSpan struct {
	Name     string
	From, To int // From 0 when not known; To 0 for the current name
}

// Names are the unit's names, oldest first, each with its years; the
// current name last. A year is known from the until of the name before,
// and Established for the oldest.
func (u *Unit) Names() []NameSpan {
	out := make([]NameSpan, 0, len(u.Formerly)+1)
	from := u.Established
	for i := len(u.Formerly) - 1; i >= 0; i-- {
		f := u.Formerly[i]
		out = append(out, NameSpan{Name: f.Name, From: from, To: f.Until})
		from = f.Until + 1
	}
	return append(out, NameSpan{Name: u.Name, From: from, To: u.LastYear()})
}

// LastYear is the last year the unit existed on its own: Dissolved, or the
// year before its merger or split; 0 when it still exists.
func (u *Unit) LastYear() int {
	if u.Ending != nil {
		return u.Ending.Year - 1
	}
	return u.Dissolved
}

// ExistsIn reports whether the unit existed in year, as far as the records
// tell: not before Established nor after LastYear.
func (u *Unit) ExistsIn(year int) bool {
	return (u.Established == 0 || year >= u.Established) && (u.LastYear() == 0 || year <= u.LastYear())
}

// MergedFrom are the predecessors that were merged into the unit, or that
// ceased with no Ending and name it as their successor.
func (u *Unit) MergedFrom() []*Unit {
	var out []*Unit
	for _, p := range u.Predecessors {
		if p.Ending == nil || !p.Ending.Split {
			out = append(out, p)
		}
	}
	return out
}

// SplitFrom are the predecessors that were split into the unit and others.
func (u *Unit) SplitFrom() []*Unit {
	var out []*Unit
	for _, p := range u.Predecessors {
		if p.Ending != nil && p.Ending.Split {
			out = append(out, p)
		}
	}
	return out
}

// Bloc is an emulation bloc (khối thi đua).
type Bloc struct {
	ID              string
	Name            string
	Short           string
	Description     string        // Markdown source
	DescriptionHTML template.HTML // rendered Description
	Summary         string        // plain text of Description's first paragraph
	Order           int
	Years           []*BlocYear // ascending
	Articles        []*Article  // newest first
	HasAwards       bool        // some year records an award or a proposal
	HasFlag         bool        // some year records who holds the rotating flag
	Awards          []*Award    // the awards of its years, by year
}

// ShortName is Short when set, else Name.
func (b *Bloc) ShortName() string {
	if b.Short != "" {
		return b.Short
	}
	return b.Name
}

// Latest is the bloc's most recent year, or nil when it has none.
func (b *Bloc) Latest() *BlocYear {
	if len(b.Years) == 0 {
		return nil
	}
	return b.Years[len(b.Years)-1]
}

// Role is what a member was in its bloc in one year.
type Role string

// The roles of a member.
const (
	RoleMember Role = ""
	RoleLeader Role = "leader" // khối trưởng
	RoleDeputy Role = "deputy" // khối phó
)

// Rating is a member's classification for a year.
type Rating string

// The ratings of docs/format.md, "members".
const (
	RatingNone         Rating = ""
	RatingExcellent    Rating = "xuat-sac"
	RatingGood         Rating = "tot"
	RatingCompleted    Rating = "hoan-thanh"
	RatingNotCompleted Rating = "khong-hoan-thanh"
)

// BlocYear is one bloc in one emulation year: data/blocs/<bloc>/<year>.yaml.
type BlocYear struct {
	Bloc       *Bloc
	Year       int
	Path       string        // source file, relative to the site folder
	Members    []*Membership // by rank (unranked last), then name
	Results    Results       // which results the members give
	Leader     *Unit
	Deputies   []*Unit
	NextLeader *Unit // nil when not given
	Covenant   *Event
	Review     *Event
	Awards     []*Award // by rank of the award kind, then unit name
	Flag       *Flag    // the rotating flag; nil when the year records none
	Models     []*Model
	Figures    []Figure
	Articles   []*Article // newest first
	// Updated is when Path was last committed, in Vietnam's time; zero
	// when the site folder is not a git repository.
	Updated time.Time
}

// Flag is who held a bloc's rotating flag (cờ luân lưu) in a year, and who
// handed it over at the review conference.
type Flag struct {
	Holder *Unit
	From   *Unit     // nil when not recorded
	Date   time.Time // of the handover, midnight in Vietnam; zero when not recorded
}

// Membership is a unit's place in a bloc in one year, with its results.
type Membership struct {
	Unit     *Unit
	BlocYear *BlocYear
	Rank     int      // 1 = best; 0 when not ranked
	Score    *float64 // nil when not given
	Rating   Rating
	Role     Role
}

// Event is a dated meeting: the covenant signing or the year's review.
type Event struct {
	Date  time.Time // midnight, Asia/Ho_Chi_Minh
	Goals []string
}

// AwardStatus is the stage an award has reached in its course, from the
// bloc's proposal to the decision (records.go holds the other stages).
type AwardStatus string

// The first and the usual last stage of an award.
const (
	Conferred AwardStatus = "conferred" // đã tặng
	Proposed  AwardStatus = "proposed"  // đề nghị
)

// AwardKind is a kind of award in the catalogue.
type AwardKind struct {
	ID     string
	Name   string
	Short  string
	Rank   int        // 1 = highest precedence
	Class  AwardClass // an emulation title or a form of commendation
	Awards []*Award   // every award of this kind, by year, then bloc, then unit
	Tally  Tally      // the collectives of Awards by the end of their course
	// FirstYear and LastYear are the years of the first and last of
	// Awards; 0 when there is none.
	FirstYear, LastYear int
	BuiltIn             bool // from the built-in catalogue, not data/awards.yaml
}

// ShortName is Short when set, else Name.
func (k *AwardKind) ShortName() string {
	if k.Short != "" {
		return k.Short
	}
	return k.Name
}

// Award is one award, or proposal, for one year's results.
type Award struct {
	Kind      *AwardKind
	BlocYear  *BlocYear
	Unit      *Unit  // nil when only Count or Recipient is known
	Recipient string // the name of a recipient that data/units.yaml does not hold; "" otherwise
	Count     int    // 1 when Unit or Recipient is set
	Status    AwardStatus
	// History is the stages the award reached, in the order of its
	// course, each with its date when known; the last is Status.
	History  []Step
	Decision *Decision // the record of data/decisions.yaml; nil when none is named
	// Notice is the public consultation that lists the award's unit for
	// its kind and year; nil when there is none.
	Notice       *Notice
	DecisionNote string // the decision as free text, when it names no record
}

// Model is a good practice (mô hình, cách làm hay) of a unit in one year.
type Model struct {
	Unit     *Unit
	BlocYear *BlocYear
	Name     string
	Summary  string
}

// Figure is a headline number of a bloc's year.
type Figure struct {
	Label string
	Value float64
	Unit  string
}

// Year is one emulation year across all blocs.
type Year struct {
	Year      int
	Blocs     []*BlocYear // in bloc order
	Articles  []*Article  // newest first
	HasAwards bool        // some bloc records an award or a proposal this year
}

// Article is a news article from content/news.
type Article struct {
	Slug     string
	Path     string // source file, relative to the site folder
	Title    string
	Date     time.Time // in Asia/Ho_Chi_Minh unless the file gave a zone
	Summary  string    // plain text
	Author   string
	Image    string // site-relative path under static/, "" when none
	Blocs    []*Bloc
	Year     int // 0 when not given
	Units    []*Unit
	Draft    bool
	Body     template.HTML // the body, rendered from Markdown
	BodyLine int           // line of the file where the body starts, 1-based
	Terms    string        // the distinct search terms of the body's text (vn.Terms), one space between
	Refs     []Ref         // site-relative and relative links and images of the body
}

// Ref is a site-relative link or image in Markdown ("/images/x.jpg"), or
// one relative to its page ("anh.jpg"), with its place in the source file,
// so that one pointing at nothing can be reported there.
type Ref struct {
	Dest   string // as written: starting with "/", or relative to the page
	Line   int    // in the source file, 1-based
	Column int
	Image  bool
}

// Page is a standalone page from content/pages.
type Page struct {
	Slug     string
	Path     string
	Title    string
	Summary  string
	Body     template.HTML // rendered from Markdown
	BodyLine int
	Refs     []Ref
}

// Parts says which parts of a site a writer of files reads, so that a
// rebuild can tell whether the files it wrote may have changed.
type Parts uint8

// The parts of a site.
const (
	// PartFrame is what every page shows: the settings, the standalone
	// pages' titles, the years, the blocs and the award kinds.
	PartFrame Parts = 1 << iota
	// PartRecords is the units, the blocs' years with their members and
	// awards, the decisions and consultation notices, and what a list of
	// articles shows of each article.
	PartRecords
	// PartArticles is the whole of every article, its body included.
	PartArticles
)

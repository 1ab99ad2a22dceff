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

	Units     []*Unit      // in Vietnamese alphabetical order of Name
	Blocs     []*Bloc      // by Order, then Name
	Awards    []*AwardKind // by Rank, then Name
	Years     []*Year      // ascending
	Articles  []*Article   // newest first, drafts included only when asked for
	Pages     []*Page      // standalone pages, by Slug
	Static    []string     // site-relative paths of files under static/, slash-separated, sorted
	unitByID  map[string]*Unit
	blocByID  map[string]*Bloc
	awardByID map[string]*AwardKind
	yearByNum map[int]*Year
	articleBy map[string]*Article
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
	Formerly     []FormerName
	Predecessors []*Unit // units merged into this one
	Successors   []*Unit // units this one was merged into
	Dissolved    int     // last year it existed; 0 when it still exists

	Memberships []*Membership // by year, then bloc
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
	Until int
}

// ShortName is Short when set, else Name.
func (u *Unit) ShortName() string {
	if u.Short != "" {
		return u.Short
	}
	return u.Name
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
	Leader     *Unit
	Deputies   []*Unit
	NextLeader *Unit // nil when not given
	Covenant   *Event
	Review     *Event
	Awards     []*Award // by rank of the award kind, then unit name
	Models     []*Model
	Figures    []Figure
	Articles   []*Article // newest first
	// Updated is when Path was last committed, in Vietnam's time; zero
	// when the site folder is not a git repository.
	Updated time.Time
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

// AwardStatus says whether an award was proposed or conferred.
type AwardStatus string

// The statuses of an award.
const (
	Conferred AwardStatus = "conferred" // đã tặng
	Proposed  AwardStatus = "proposed"  // đề nghị
)

// AwardKind is a kind of award in the catalogue.
type AwardKind struct {
	ID      string
	Name    string
	Short   string
	Rank    int      // 1 = highest precedence
	Awards  []*Award // every award of this kind, by year, then bloc, then unit
	BuiltIn bool     // from the built-in catalogue, not data/awards.yaml
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
	Kind     *AwardKind
	BlocYear *BlocYear
	Unit     *Unit // nil when only Count is known
	Count    int   // 1 when Unit is set
	Status   AwardStatus
	Decision string
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
	Year     int
	Blocs    []*BlocYear // in bloc order
	Articles []*Article  // newest first
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

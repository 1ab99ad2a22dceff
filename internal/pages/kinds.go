package pages

// Kind names a kind of page, and the layout that renders its pages:
// layouts/<kind>.html.
type Kind string

// The kinds of page of a site.
const (
	KindHome      Kind = "home"
	KindBlocs     Kind = "blocs"
	KindBloc      Kind = "bloc"
	KindBlocYear  Kind = "blocyear"
	KindUnits     Kind = "units"
	KindUnit      Kind = "unit"
	KindYears     Kind = "years"
	KindYear      Kind = "year"
	KindAwards    Kind = "awards"
	KindAward     Kind = "award"
	KindNews      Kind = "news"
	KindArticle   Kind = "article"
	KindSearch    Kind = "search"
	KindData      Kind = "data"
	KindDecisions Kind = "decisions"
	KindDecision  Kind = "decision"
	KindNotices   Kind = "notices"
	KindNotice    Kind = "notice"
	KindPage      Kind = "page"
	KindNotFound  Kind = "404"
)

package schema

import (
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// Named is an identifier of a site with its name, which an editor shows
// beside it when it offers the identifier.
type Named struct{ ID, Name string }

// Site is what the schemas of one site folder know of it: its units, blocs
// and award kinds (the built-in ones among them), so that an editor
// completes their identifiers and underlines an unknown one, and the
// language of the messages the schemas carry.
type Site struct {
	Units, Blocs, Awards []Named
	Lang                 msg.Lang
}

// SiteOf returns what the schemas need of a loaded site, whose messages
// are in lang.
func SiteOf(s *model.Site, lang msg.Lang) *Site {
	out := &Site{Lang: lang}
	for _, u := range s.Units {
		out.Units = append(out.Units, Named{u.ID, u.Name})
	}
	for _, b := range s.Blocs {
		out.Blocs = append(out.Blocs, Named{b.ID, b.Name})
	}
	for _, k := range s.Awards {
		out.Awards = append(out.Awards, Named{k.ID, k.Name})
	}
	return out
}

// The kinds of identifier a field refers to, as refKey marks them.
const (
	refKey   = "x-thidua-ref" // removed before a schema is encoded
	refUnit  = "unit"
	refBloc  = "bloc"
	refAward = "award"
)

// ref returns an identifier field that names a unit, bloc or award kind of
// the site, of which ref is which.
func ref(kind, vi, en string) node { return ident(vi, en).with(refKey, kind) }

// localize fills n, a schema tree, for site s (nil for a schema of no
// site, in Vietnamese): each field that refers to an identifier of the
// site takes the site's identifiers as its only values, with their names;
// each pattern and list of values gets a message in plain words, in place
// of the regular expression or list an editor would show. It changes n in
// place and returns it.
func localize(n node, s *Site) node {
	lang := msg.Vietnamese
	if s != nil && s.Lang != "" {
		lang = s.Lang
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case node:
			fill(v, s, lang)
			for _, c := range v {
				walk(c)
			}
		case []node:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(n)
	return n
}

// fill gives the one schema object n its site's values and its messages.
func fill(n node, s *Site, lang msg.Lang) {
	kind, _ := n[refKey].(string)
	delete(n, refKey)
	if kind != "" && s != nil {
		var known []Named
		switch kind {
		case refUnit:
			known = s.Units
		case refBloc:
			known = s.Blocs
		case refAward:
			known = s.Awards
		}
		if len(known) > 0 {
			enum := make([]any, len(known))
			names := make([]string, len(known))
			for i, k := range known {
				enum[i], names[i] = k.ID, k.Name
			}
			delete(n, "pattern")
			n["enum"] = enum
			n["enumDescriptions"] = names
			n["markdownEnumDescriptions"] = names
			// codes: schema-unknown-unit, schema-unknown-bloc, schema-unknown-award
			n["errorMessage"] = msg.Sprintf(lang, "schema-unknown-"+kind)
			return
		}
	}
	switch n["pattern"] {
	case idPattern:
		n["patternErrorMessage"] = msg.Sprintf(lang, "schema-bad-id")
	case datePattern:
		n["patternErrorMessage"] = msg.Sprintf(lang, "schema-bad-date")
	case urlPattern:
		n["patternErrorMessage"] = msg.Sprintf(lang, "schema-bad-url")
	}
	if code, ok := n[enumKey].(string); ok {
		delete(n, enumKey)
		// codes: schema-bad-status, schema-bad-rating, schema-bad-language, schema-bad-license, schema-bad-class, schema-bad-level
		n["errorMessage"] = msg.Sprintf(lang, code)
	}
}

// enumKey marks a list of values with the code of its message; it is
// removed before a schema is encoded.
const enumKey = "x-thidua-enum"

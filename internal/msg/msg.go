// Package msg is the catalogue of what thidua says to the people who use it:
// every diagnostic, summary line, prompt and command-line error, each under a
// stable code, in Vietnamese and in English.
//
// The texts live in tables, one file per area of the tool (diagnostics of the
// data, YAML syntax, the command line, …); Catalogue joins them. A call site
// names a code and passes the values the text formats; it never writes a
// sentence of its own.
package msg

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Lang is a language thidua speaks.
type Lang string

// The languages of the catalogue.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// ParseLang returns the Lang of a site's `language` or of --lang ("vi",
// "vi-VN", "en", "en-GB", …), and false for a language thidua does not speak.
func ParseLang(s string) (Lang, bool) {
	switch {
	case s == "vi" || len(s) > 3 && s[:3] == "vi-":
		return Vietnamese, true
	case s == "en" || len(s) > 3 && s[:3] == "en-":
		return English, true
	}
	return "", false
}

// Text is one message in each language, as formats for fmt.Sprintf that
// take the same values in the same order.
type Text struct{ VI, EN string }

// In returns the format of t in l, English for a language thidua does not speak.
func (t Text) In(l Lang) string {
	if l == Vietnamese {
		return t.VI
	}
	return t.EN
}

// tables are the parts of the catalogue, one per area of the tool. Add a
// table here when an area gets one.
func tables() []map[string]Text {
	return []map[string]Text{
		common(),
		yaml(),
		schema(),
		recordsAwards(),
		recordsUnits(),
		light(),
		ogimage(),
		data(),
		site(),
		importer(),
		cli(),
	}
}

// catalogue joins the tables once; it is never written after that.
var catalogue = sync.OnceValues(func() (map[string]Text, error) {
	all := map[string]Text{}
	for _, t := range tables() {
		for code := range t {
			if _, dup := all[code]; dup {
				return nil, fmt.Errorf("msg: the code %q is in two tables", code)
			}
		}
		maps.Copy(all, t)
	}
	return all, nil
})

// Catalogue returns a copy of every message, by code, or an error when two
// tables hold the same code.
func Catalogue() (map[string]Text, error) {
	all, err := catalogue()
	return maps.Clone(all), err
}

// Lookup returns the message of code.
func Lookup(code string) (Text, bool) {
	all, _ := catalogue()
	t, ok := all[code]
	return t, ok
}

// Sprintf formats the message of code in l with args. An arg that is
// Localized (a Phrase, a diagnostic quoted in another) is put in l first. A
// code that is not in the catalogue, a fault of thidua rather than of the
// site, is printed with its values so that nothing is lost.
func Sprintf(l Lang, code string, args ...any) string {
	if slices.ContainsFunc(args, func(a any) bool { _, ok := a.(Localized); return ok }) {
		args = slices.Clone(args)
		for i, a := range args {
			if p, ok := a.(Localized); ok {
				args[i] = p.Localize(l)
			}
		}
	}
	t, ok := Lookup(code)
	if !ok {
		return fmt.Sprintf("[%s] %v", code, args)
	}
	return fmt.Sprintf(t.In(l), args...)
}

// Localized is a value a message formats in the message's own language.
type Localized interface{ Localize(Lang) string }

// Phrase is a message of the catalogue used as a value of another: "a
// list", "the leader", a hint that depends on the file.
type Phrase struct {
	Code string
	Args []any
}

// P returns the Phrase of code with args.
func P(code string, args ...any) Phrase { return Phrase{Code: code, Args: args} }

// Localize returns p in l.
func (p Phrase) Localize(l Lang) string { return Sprintf(l, p.Code, p.Args...) }

// Error is an error whose text is a message of the catalogue, put in the
// language of the message that prints it (it is Localized); Err is what it
// wraps, for errors.Is, or nil.
type Error struct {
	Phrase
	Err error
}

// E returns the Error of code with args.
func E(code string, args ...any) *Error { return &Error{Phrase: P(code, args...)} }

// Wrapping returns e wrapping err.
func (e *Error) Wrapping(err error) *Error { e.Err = err; return e }

// Error returns the message in English.
func (e *Error) Error() string { return e.Localize(English) }

// Unwrap returns what e wraps.
func (e *Error) Unwrap() error { return e.Err }

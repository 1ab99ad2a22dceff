// Package diag holds the positioned messages that checking a site produces:
// errors that stop a build and warnings that do not.
package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/msg"
)

// Severity says whether a message stops the build.
type Severity int

const (
	// Warning does not stop a build unless it is strict.
	Warning Severity = iota
	// Error stops the build.
	Error
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one message about one place in the site folder.
type Diagnostic struct {
	Path     string // slash-separated, relative to the site folder
	Line     int    // 1-based; 0 when the message is about the whole file
	Column   int    // 1-based; 0 when unknown
	Severity Severity
	Code     string // stable, machine-readable kind, e.g. "unknown-field"; its text is in the catalogue of package msg
	Args     []any  // the values the code's text formats
	// Fix is what to type instead, made from what was typed ("hoi-luat-gia"
	// for "hội-luật-gia", "2026-03-25" for "25/03/2026"), or "". When Guess
	// is set it is only the closest of what is known, a likely typo.
	Fix   string
	Guess bool
	// About names the declared thing the message is about ("unit:hoi-a"),
	// or "". A Consequence is a use of it that fails because of it: Items
	// folds the consequences of one thing into its declaration's message,
	// or into the first of them, whose Folded says how many it stands for.
	About       string
	Consequence bool
	Folded      int
}

// Text returns the message of d in lang: the catalogue's text for its code
// filled with its values, then the fix when there is one.
func (d Diagnostic) Text(lang msg.Lang) string {
	t := msg.Sprintf(lang, d.Code, d.Args...)
	switch {
	case d.Fix != "" && d.Guess:
		t += msg.Sprintf(lang, "did-you-mean", d.Fix)
	case d.Fix != "":
		t += msg.Sprintf(lang, "write-instead", d.Fix)
	}
	switch {
	case d.Folded > 0 && d.Consequence:
		t += msg.Sprintf(lang, "folded-others", d.Folded)
	case d.Folded > 0:
		t += msg.Sprintf(lang, "folded-uses", d.Folded)
	}
	return t
}

// Localize returns d formatted in lang, for a message that quotes it.
func (d Diagnostic) Localize(lang msg.Lang) string { return d.Format(lang) }

// Format formats d in lang as "path:line:col: lỗi [code]: message".
func (d Diagnostic) Format(lang msg.Lang) string {
	var b strings.Builder
	d.writePlace(&b)
	fmt.Fprintf(&b, ": %s [%s]: %s", msg.Sprintf(lang, "severity-"+d.Severity.String()), d.Code, d.Text(lang))
	return b.String()
}

// writePlace writes "path:line:col", without the line or column when
// they are not known.
func (d Diagnostic) writePlace(b *strings.Builder) {
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(b, ":%d", d.Line)
		if d.Column > 0 {
			fmt.Fprintf(b, ":%d", d.Column)
		}
	}
}

// String formats d as "path:line:col: error: message", in English.
func (d Diagnostic) String() string {
	var b strings.Builder
	d.writePlace(&b)
	fmt.Fprintf(&b, ": %s: %s", d.Severity, d.Text(msg.English))
	return b.String()
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	items []Diagnostic
}

// Add appends d.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Error adds an error at path:line:col whose text is the catalogue's
// message of code, filled with args.
func (l *List) Error(path string, line, col int, code string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Column: col, Severity: Error, Code: code, Args: args})
}

// Warn adds a warning at path:line:col whose text is the catalogue's
// message of code, filled with args.
func (l *List) Warn(path string, line, col int, code string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Column: col, Severity: Warning, Code: code, Args: args})
}

// ErrorFix is Error with the fix to suggest, what was typed rewritten
// ("" for none).
func (l *List) ErrorFix(path string, line, col int, code, fix string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Column: col, Severity: Error, Code: code, Args: args, Fix: fix})
}

// ErrorGuess is Error with the closest known value to suggest, as Suggest
// gives it ("" for none).
func (l *List) ErrorGuess(path string, line, col int, code, guess string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Column: col, Severity: Error, Code: code, Args: args, Fix: guess, Guess: true})
}

// WarnGuess is Warn with the closest known value to suggest.
func (l *List) WarnGuess(path string, line, col int, code, guess string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Column: col, Severity: Warning, Code: code, Args: args, Fix: guess, Guess: true})
}

// Consequence adds an error like ErrorGuess that is a consequence of the
// thing about ("unit:hoi-a"), and is folded with the others (see Items).
func (l *List) Consequence(about, path string, line, col int, code, guess string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Column: col, Severity: Error, Code: code, Args: args, Fix: guess, Guess: guess != "", About: about, Consequence: true})
}

// Merge appends every diagnostic of other.
func (l *List) Merge(other *List) {
	if other != nil {
		l.items = append(l.items, other.items...)
	}
}

// Len reports how many diagnostics l holds.
func (l *List) Len() int { return len(l.items) }

// Items returns the diagnostics in the order of Compare, causes first,
// with exact repeats removed and the consequences of one declared thing
// folded: into the message about its declaration when there is one, else
// into the first of them.
func (l *List) Items() []Diagnostic {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, Compare)
	out = slices.CompactFunc(out, func(a, b Diagnostic) bool { return Compare(a, b) == 0 })
	return fold(out)
}

// fold folds the consequences of ds, sorted, as Items says.
func fold(ds []Diagnostic) []Diagnostic {
	into := map[string]int{} // About → the index in out of the message that stands for it
	for i, d := range ds {
		if d.About != "" && !d.Consequence {
			if _, ok := into[d.About]; !ok {
				into[d.About] = i
			}
		}
	}
	if len(into) == 0 && !slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Consequence }) {
		return ds
	}
	out := make([]Diagnostic, 0, len(ds))
	kept := map[int]int{} // index in ds → index in out
	for i, d := range ds {
		if d.Consequence && d.About != "" {
			if j, ok := into[d.About]; ok {
				if k, ok := kept[j]; ok {
					out[k].Folded++
					continue
				}
			}
			into[d.About] = i
		}
		kept[i] = len(out)
		out = append(out, d)
	}
	return out
}

// Compare orders diagnostics causes first: site.yaml, then the
// declarations of units, award kinds and blocs (data/units.yaml,
// data/awards.yaml, the bloc folders and their bloc.yaml), then the other
// files; then by path, line, column, severity (errors first), code and
// message.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(declarationRank(a.Path), declarationRank(b.Path)),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Text(msg.English), b.Text(msg.English)),
	)
}

// declarationRank is the place in Compare of the file at path: the files
// that declare what the others use come first.
func declarationRank(path string) int {
	switch {
	case path == "site.yaml":
		return 0
	case path == "data/units.yaml":
		return 1
	case path == "data/awards.yaml":
		return 2
	case strings.HasPrefix(path, "data/blocs/") && (strings.Count(path, "/") == 2 || strings.HasSuffix(path, "/bloc.yaml")):
		return 3
	}
	return 4
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error, or, when strict,
// whether there is any diagnostic at all.
func (l *List) HasErrors(strict bool) bool {
	e, w := l.Count()
	return e > 0 || (strict && w > 0)
}

// Suggest returns the candidate closest to name when it is close enough to be
// a likely typo and no other candidate is as close, or "" otherwise: a tie
// would be a guess.
func Suggest(name string, candidates []string) string {
	best, bestDist, tied := "", -1, false
	limit := max(2, len([]rune(name))/3)
	for _, c := range candidates {
		d := distance(name, c)
		switch {
		case d > limit || c == best:
		case bestDist < 0 || d < bestDist:
			best, bestDist, tied = c, d, false
		case d == bestDist:
			tied = true
		}
	}
	if tied {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Quote returns line line of src, the file a diagnostic is about, with a
// caret under column col, as rustc and Zola show the place of a mistake:
//
//	12 |   - id: hội-luật-gia
//	   |         ^
//
// Columns count characters; a tab of the line is kept under it so that the
// caret stays in place. It returns "" when src has no such line or column.
func Quote(src []byte, line, col int) string {
	if line < 1 || col < 1 {
		return ""
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return ""
		}
		src = src[i+1:]
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	text := norm.NFC.String(strings.TrimSuffix(string(src), "\r"))
	if !utf8.ValidString(text) || utf8.RuneCountInString(text)+1 < col {
		return ""
	}
	var under strings.Builder
	k := 0
	for _, r := range text {
		if k++; k >= col {
			break
		}
		if r == '\t' {
			under.WriteByte('\t')
		} else {
			under.WriteByte(' ')
		}
	}
	num := strconv.Itoa(line)
	pad := strings.Repeat(" ", len(num))
	return fmt.Sprintf("  %s | %s\n  %s | %s^\n", num, text, pad, under.String())
}

// Package importer reads an office's score sheet or award list, an Excel
// workbook or a CSV file, and writes it into a bloc's year file: the
// header row and columns are found by their Vietnamese headings, each row's
// unit by its id, name, short or former name, and the year file is edited
// in place, every line it does not change kept as it was.
package importer

import (
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// Options say what to import and where.
type Options struct {
	File  string // the sheet's name, for messages and its extension: "bang-diem.xlsx"
	Bloc  string // the bloc's id
	Year  int
	What  string // Members or Awards
	Sheet string // the sheet of a workbook to read; "" for the first with a header
	Map   string // columns by letter, "unit=B,score=E"; "" to find them by their headings
	Award string // the award kind of every row without one, for Awards
}

// Result is what an import would do.
type Result struct {
	Path     string     // the year file, relative to the site folder
	Old, New []byte     // the year file before (nil when it is new) and after
	Rows     int        // rows read
	Changed  int        // entries of the file changed or added
	Summary  msg.Phrase // one sentence saying so
	Lang     msg.Lang   // the site's language
	Diags    []diag.Diagnostic
}

// OK reports whether the import understood every row and may be written.
func (r *Result) OK() bool {
	return !slices.ContainsFunc(r.Diags, func(d diag.Diagnostic) bool { return d.Severity == diag.Error })
}

// Diff is the change to the year file as a unified diff.
func (r *Result) Diff() string {
	from := "a/" + r.Path
	if r.Old == nil {
		from = "/dev/null"
	}
	d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(r.Old)), B: difflib.SplitLines(string(r.New)),
		FromFile: from, ToFile: "b/" + r.Path, Context: 3,
	})
	return d
}

// Import reads the sheet src as opts say and computes the year file of
// the site folder site with it. Nothing is written: Result.New is the
// file to write when Result.OK.
func Import(site fs.FS, src []byte, opts Options) *Result {
	res := &Result{}
	s, diags := load.Site(site, load.Options{})
	if diags.HasErrors(false) {
		res.Diags = diags.Items()
		return res
	}
	lang, _ := msg.ParseLang(s.Config.Language)
	res.Lang = lang
	list := &report{}
	fail := func(path, code string, args ...any) *Result {
		// codes: import-unknown-bloc, import-kind, import-read, import-unknown-award, import-bad-map, import-no-sheet, import-no-header, import-no-rows, import-no-year-file, import-year-errors
		list.Add(diag.Diagnostic{Path: path, Severity: diag.Error, Code: code, Args: args})
		res.Diags = list.items
		return res
	}
	bloc := s.Bloc(opts.Bloc)
	if bloc == nil {
		var ids []string
		for _, b := range s.Blocs {
			ids = append(ids, b.ID)
		}
		return fail("data/blocs", "import-unknown-bloc", opts.Bloc, didYouMean(quoted(diag.Suggest(opts.Bloc, ids))), strings.Join(ids, ", "))
	}
	res.Path = path.Join("data/blocs", bloc.ID, strconv.Itoa(opts.Year)+".yaml")
	if by := bloc.Year(opts.Year); by != nil {
		res.Path = by.Path // 2024.yml, when the year is written so
	}
	tables, err := readTables(opts.File, src)
	switch {
	case err == errKind:
		return fail(opts.File, "import-kind", opts.File)
	case err != nil:
		return fail(opts.File, "import-read", err.Error())
	}
	rd := &reader{site: s, units: newUnits(s), diags: list}
	if opts.Award != "" {
		if rd.award = s.Award(opts.Award); rd.award == nil {
			var ids []string
			for _, k := range s.Awards {
				ids = append(ids, k.ID)
			}
			return fail(opts.File, "import-unknown-award", opts.Award, didYouMean(quoted(diag.Suggest(opts.Award, ids))))
		}
	}
	var mapped columns
	if opts.Map != "" {
		var ok bool
		if mapped, ok = parseMap(opts.Map, opts.What); !ok {
			return fail(opts.File, "import-bad-map", opts.Map, fieldNames(opts.What))
		}
	}
	t, h, ok := chooseTable(tables, opts, mapped)
	if !ok {
		if opts.Sheet != "" && t == nil {
			var names []string
			for _, t := range tables {
				names = append(names, t.sheet)
			}
			return fail(opts.File, "import-no-sheet", opts.Sheet, strings.Join(names, ", "))
		}
		return fail(opts.File, "import-no-header", "\"Tên đơn vị\"")
	}
	rd.t, rd.cols, rd.first = t, h.cols, h.row+1
	old, err := fs.ReadFile(site, res.Path)
	if err == nil {
		res.Old = old
	}
	y := &year{res: res, lang: lang, site: s, bloc: bloc, year: opts.Year, file: opts.File, diags: list}
	var write func()
	if opts.What == Awards {
		rows := rd.awards()
		res.Rows, write = len(rows), func() { y.awards(rows) }
	} else {
		rows := rd.members()
		res.Rows, write = len(rows), func() { y.members(rows) }
	}
	if res.Rows == 0 && len(list.items) == 0 {
		return fail(opts.File, "import-no-rows", h.row+1)
	}
	if !list.hasErrors() {
		write()
	}
	if !list.hasErrors() && res.New != nil {
		y.check(site)
	}
	res.Diags = list.items
	if res.OK() {
		if res.Changed == 0 {
			res.Summary = msg.P("import-unchanged", res.Path)
		} else {
			res.Summary = msg.P("import-summary", res.Path, res.Rows, opts.File, res.Changed)
		}
	}
	return res
}

// chooseTable picks the table to read and its header: the sheet named,
// or the first whose header has a column of what beyond the unit (an
// award kind, a score…), else the first with a unit column. It returns
// false when there is none, with the sheet named when that is there.
func chooseTable(tables []*table, opts Options, mapped columns) (*table, header, bool) {
	var named, first *table
	var firstHeader header
	for _, t := range tables {
		if opts.Sheet != "" && t.sheet != opts.Sheet {
			continue
		}
		named = t
		h := findHeader(t, opts.What)
		if len(mapped) > 0 {
			if h.row < 0 {
				h.cols = columns{}
			}
			for f, c := range mapped {
				for g, d := range h.cols {
					if d == c {
						delete(h.cols, g)
					}
				}
				h.cols[f] = c
			}
			if !h.cols.has(fUnit) && !h.cols.has(fUnitID) {
				continue
			}
		} else if h.row < 0 {
			continue
		}
		for f := range h.cols {
			if f != fUnit && f != fUnitID {
				return t, h, true
			}
		}
		if first == nil {
			first, firstHeader = t, h
		}
	}
	if first != nil {
		return first, firstHeader, true
	}
	return named, header{}, false
}

// didYouMean is " (did you mean …?)" with s, already quoted, or "" when
// s is "".
func didYouMean(s string) any {
	if s == "" {
		return ""
	}
	return msg.P("import-did-you-mean", s)
}

// year is the year file being written.
type year struct {
	res   *Result
	lang  msg.Lang // the site's, of the comment that starts a new file
	site  *model.Site
	bloc  *model.Bloc
	year  int
	file  string // the sheet, for messages
	diags *report
}

func (y *year) errorAt(ref, code string, args ...any) {
	// codes: import-not-member, import-two-leaders, import-no-leader, import-leader-absent, import-unit-and-count, import-duplicate
	y.diags.Add(diag.Diagnostic{Path: ref, Severity: diag.Error, Code: code, Args: args})
}

// memberID is the unit of an item of members: the item, or its unit.
func memberID(item *yaml.Node) string {
	if item.Kind == yaml.ScalarNode {
		return item.Value
	}
	if u := lookup(item, "unit"); u != nil {
		return u.Value
	}
	return ""
}

// results sets the rank, score and rating of row in the mapping m,
// reporting whether any changed.
func results(m *yaml.Node, row memberRow) bool {
	changed := false
	if row.rank > 0 {
		changed = set(m, "rank", scalar(strconv.Itoa(row.rank)), func(old string) bool { n, ok := whole(old); return ok && n == row.rank }) || changed
	}
	if row.score != nil {
		s := *row.score
		changed = set(m, "score", scalar(strconv.FormatFloat(s, 'f', -1, 64)), func(old string) bool { f, ok := number(old); return ok && f == s }) || changed
	}
	if row.rating != "" {
		changed = set(m, "rating", text(string(row.rating)), func(old string) bool { return old == string(row.rating) }) || changed
	}
	return changed
}

func (row memberRow) hasResults() bool { return row.rank > 0 || row.score != nil || row.rating != "" }

// memberItem is a new item of members for row: its id, or a mapping in
// the style given.
func memberItem(row memberRow, style yaml.Style) *yaml.Node {
	if !row.hasResults() {
		return text(row.unit.ID)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Style: style, Content: []*yaml.Node{scalar("unit"), text(row.unit.ID)}}
	results(m, row)
	return m
}

// roles are the leader and deputies the rows give, when they give roles.
func (y *year) roles(rows []memberRow) (leader *model.Unit, deputies []string, given bool) {
	var leaderRef string
	for _, r := range rows {
		given = given || r.roled
		switch r.role {
		case model.RoleLeader:
			if leader != nil {
				y.errorAt(r.ref, "import-two-leaders", r.unit.Name, leader.Name, leaderRef)
				continue
			}
			leader, leaderRef = r.unit, r.ref
		case model.RoleDeputy:
			deputies = append(deputies, r.unit.ID)
		}
	}
	return leader, deputies, given
}

// members writes the rows of a score sheet into the year file.
func (y *year) members(rows []memberRow) {
	leader, deputies, roled := y.roles(rows)
	if y.diags.hasErrors() {
		return
	}
	if y.res.Old == nil {
		y.newMembers(rows, leader, deputies)
		return
	}
	f := y.parse()
	if f == nil {
		return
	}
	e, _ := f.get("members")
	seq := e.value
	style := yaml.FlowStyle // of a new item: that of the last mapping
	index := map[string]int{}
	for i, item := range seq.Content {
		index[memberID(item)] = i
		if item.Kind == yaml.MappingNode {
			style = item.Style & yaml.FlowStyle
		}
	}
	var changed []int
	var added []*yaml.Node
	inSheet := map[string]bool{}
	for _, row := range rows {
		inSheet[row.unit.ID] = true
		i, ok := index[row.unit.ID]
		if !ok {
			added = append(added, memberItem(row, style))
			continue
		}
		item := seq.Content[i]
		if item.Kind == yaml.ScalarNode {
			if row.hasResults() {
				n := memberItem(row, yaml.FlowStyle)
				n.Line, n.Column, n.LineComment = item.Line, item.Column, item.LineComment
				seq.Content[i] = n
				changed = append(changed, i)
			}
		} else if results(item, row) {
			changed = append(changed, i)
		}
	}
	for _, item := range seq.Content {
		if id := memberID(item); !inSheet[id] {
			y.diags.Add(diag.Diagnostic{Path: y.res.Path, Line: item.Line, Column: item.Column, Severity: diag.Warning,
				Code: "import-kept", Args: []any{id}})
		}
	}
	y.res.Changed = len(changed) + len(added)
	seq.Content = append(seq.Content, added...)
	if isFlow(seq) {
		if y.res.Changed > 0 {
			seq.Style = 0
			f.replaceEntry(e)
		}
	} else {
		for _, i := range changed {
			f.replaceItem(e, i)
		}
		if len(added) > 0 {
			f.appendItems(e, added)
		}
	}
	if roled {
		y.setRoles(f, leader, deputies)
	}
	y.res.New = f.bytes()
}

// setRoles writes the leader and deputies a sheet gives into f.
func (y *year) setRoles(f *yamlFile, leader *model.Unit, deputies []string) {
	if leader != nil {
		if e, ok := f.get("leader"); !ok {
			f.addEntry("leader", text(leader.ID), "members")
			y.res.Changed++
		} else if e.value.Value != leader.ID {
			e.value = text(leader.ID)
			f.replaceEntry(e)
			y.res.Changed++
		}
	}
	e, ok := f.get("deputies")
	var old []string
	if ok {
		for _, d := range e.value.Content {
			old = append(old, d.Value)
		}
	}
	if sameSet(old, deputies) {
		return
	}
	y.res.Changed++
	switch {
	case len(deputies) == 0:
		f.removeEntry(e)
	case ok:
		e.value.Content = nil
		for _, d := range deputies {
			e.value.Content = append(e.value.Content, text(d))
		}
		f.replaceEntry(e)
	default:
		f.addEntry("deputies", idSeq(deputies), "leader")
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// idSeq is [a, b] of the ids.
func idSeq(ids []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, id := range ids {
		n.Content = append(n.Content, text(id))
	}
	return n
}

// newMembers writes a new year file of the rows: members, the leader the
// sheet names or, without roles, the year before's next_leader, and the
// deputies.
func (y *year) newMembers(rows []memberRow, leader *model.Unit, deputies []string) {
	if leader == nil {
		var prev *model.BlocYear
		for _, by := range y.bloc.Years {
			if by.Year < y.year {
				prev = by
			}
		}
		if prev == nil || prev.NextLeader == nil {
			y.errorAt(y.file, "import-no-leader")
			return
		}
		if !slices.ContainsFunc(rows, func(r memberRow) bool { return r.unit == prev.NextLeader }) {
			y.errorAt(y.file, "import-leader-absent", prev.NextLeader.ID, prev.Year)
			return
		}
		leader = prev.NextLeader
	}
	seq := seqOf()
	for _, row := range rows {
		seq.Content = append(seq.Content, memberItem(row, yaml.FlowStyle))
	}
	root := mapOf(scalar("members"), seq, scalar("leader"), text(leader.ID))
	if len(deputies) > 0 {
		root.Content = append(root.Content, scalar("deputies"), idSeq(deputies))
	}
	f := &yamlFile{eol: "\n"}
	y.res.New = []byte(msg.Sprintf(y.lang, "import-new-file", y.bloc.Name, y.year, path.Base(y.file)) + "\n" + f.encode(root, ""))
	y.res.Changed = len(rows)
}

// parse reads the existing year file, which must have no errors.
func (y *year) parse() *yamlFile {
	if _, diags := load.ParseBlocYear(y.res.Path, y.res.Old); diags.HasErrors(false) {
		y.errorAt(y.res.Path, "import-year-errors")
		return nil
	}
	f, err := parseYAML(y.res.Old)
	if err != nil {
		y.errorAt(y.res.Path, "import-year-errors")
		return nil
	}
	return f
}

// awardKey is an award of the year file: its kind and unit, "" for a count.
type awardKey struct{ kind, unit string }

// awards writes the rows of an award list into the year file.
func (y *year) awards(rows []awardRow) {
	if y.res.Old == nil {
		y.errorAt(y.file, "import-no-year-file", y.res.Path)
		return
	}
	f := y.parse()
	if f == nil {
		return
	}
	members := map[string]bool{}
	me, _ := f.get("members")
	for _, item := range me.value.Content {
		members[memberID(item)] = true
	}
	for _, r := range rows {
		if r.unit != nil && !members[r.unit.ID] {
			y.errorAt(r.ref, "import-not-member", r.unit.Name, y.year)
		}
	}
	if y.diags.hasErrors() {
		return
	}
	e, ok := f.get("awards")
	if !ok {
		e.value = seqOf()
	}
	seq := e.value
	index := map[awardKey]int{}
	style := yaml.Style(0)
	for i, item := range seq.Content {
		k := awardKey{kind: valueOf(item, "award")}
		if u := lookup(item, "unit"); u != nil {
			k.unit = u.Value
		}
		index[k] = i
		if isFlow(item) {
			style = yaml.FlowStyle
		}
	}
	var changed []int
	var added []*yaml.Node
	for _, r := range rows {
		k := awardKey{kind: r.kind.ID}
		if r.unit != nil {
			k.unit = r.unit.ID
		}
		i, ok := index[k]
		if !ok {
			added = append(added, awardItem(r, style))
			continue
		}
		if awardFields(seq.Content[i], r) {
			changed = append(changed, i)
		}
	}
	y.res.Changed = len(changed) + len(added)
	if y.res.Changed == 0 {
		y.res.New = y.res.Old
		return
	}
	seq.Content = append(seq.Content, added...)
	switch {
	case !ok:
		f.addEntry("awards", seq, "")
	case isFlow(seq) || len(seq.Content) == len(added):
		seq.Style = 0
		f.replaceEntry(e)
	default:
		for _, i := range changed {
			f.replaceItem(e, i)
		}
		if len(added) > 0 {
			f.appendItems(e, added)
		}
	}
	y.res.New = f.bytes()
}

// valueOf is the value of key in the mapping m, "" when absent.
func valueOf(m *yaml.Node, key string) string {
	if v := lookup(m, key); v != nil {
		return v.Value
	}
	return ""
}

// awardItem is a new item of awards for row.
func awardItem(r awardRow, style yaml.Style) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: style, Content: []*yaml.Node{scalar("award"), text(r.kind.ID)}}
	if r.unit != nil {
		m.Content = append(m.Content, scalar("unit"), text(r.unit.ID))
	} else {
		m.Content = append(m.Content, scalar("count"), scalar(strconv.Itoa(r.count)))
	}
	if r.status == model.Proposed {
		m.Content = append(m.Content, scalar("status"), text(string(r.status)))
	}
	if r.decision != "" {
		m.Content = append(m.Content, scalar("decision"), text(r.decision))
	}
	return m
}

// awardFields sets the count, status and decision of row in the award m,
// reporting whether any changed. A status of conferred is the default, so
// an award without one is conferred already.
func awardFields(m *yaml.Node, r awardRow) bool {
	changed := false
	if r.unit == nil {
		changed = set(m, "count", scalar(strconv.Itoa(r.count)), func(old string) bool { n, ok := whole(old); return ok && n == r.count })
	}
	if r.status != "" && model.AwardStatus(cmpOr(valueOf(m, "status"), string(model.Conferred))) != r.status {
		set(m, "status", text(string(r.status)), func(string) bool { return false })
		changed = true
	}
	if r.decision != "" {
		changed = set(m, "decision", text(r.decision), func(old string) bool { return old == r.decision }) || changed
	}
	return changed
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// check loads the site with the new year file and reports its errors,
// and the warnings of the year file, at the sheet.
func (y *year) check(site fs.FS) {
	_, diags := load.Site(overlay{FS: site, name: y.res.Path, data: y.res.New}, load.Options{})
	for _, d := range diags.Items() {
		if d.Severity == diag.Error || d.Path == y.res.Path {
			d.Code, d.Args, d.Fix, d.Guess = "import-result", []any{d}, "", false
			d.Path, d.Line, d.Column = y.file, 0, 0
			y.diags.Add(d)
		}
	}
}

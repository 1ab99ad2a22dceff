// Package opendata writes the site's data as downloads for spreadsheets and
// programs: awards.csv, memberships.csv and leaders.csv (UTF-8 with a byte
// order mark, RFC 4180, one row per fact, ids and names both) and
// thidua.json, everything normalised, in a stable order of rows and keys.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
)

// File is one download: where it goes and, for a CSV file, its columns,
// for a workbook, its sheets.
type File struct {
	Name    string   // "awards.csv"
	Path    string   // site-relative: "du-lieu/awards.csv"
	Columns []string // the header of a CSV file; nil for the others
	Sheets  []Table  // the sheets of a workbook, without rows; nil for the others
}

// The downloads, site-relative.
const (
	AwardsCSV       = pages.DataPath + "awards.csv"
	MembershipsCSV  = pages.DataPath + "memberships.csv"
	LeadersCSV      = pages.DataPath + "leaders.csv"
	DatasetJSON     = pages.DataPath + "thidua.json"
	AwardsXLSX      = pages.DataPath + "awards.xlsx"
	MembershipsXLSX = pages.DataPath + "memberships.xlsx"
	LeadersXLSX     = pages.DataPath + "leaders.xlsx"
	PackageJSON     = pages.DataPath + "datapackage.json"
	DecisionsCSV    = pages.DataPath + "decisions.csv"
	NoticesCSV      = pages.DataPath + "consultations.csv"
)

var (
	awardColumns      = []string{"bloc", "bloc_name", "year", "award", "award_name", "unit", "unit_name", "count", "status", "decision", "decision_id"}
	decisionColumns   = []string{"id", "number", "date", "issuer", "level", "signer", "title", "file", "awards", "url"}
	noticeColumns     = []string{"notice", "title", "award", "award_name", "year", "from", "to", "closed", "candidate", "candidate_kind", "position", "unit", "unit_name", "contact", "basis", "url"}
	membershipColumns = []string{"bloc", "bloc_name", "year", "unit", "unit_name", "rank", "score", "rating", "role"}
	leaderColumns     = []string{"bloc", "bloc_name", "year", "leader", "leader_name", "deputies", "deputy_names", "next_leader", "next_leader_name"}
)

// Files describes every download, in the order the data page lists them.
func Files() []File {
	return []File{
		{Name: "awards.csv", Path: AwardsCSV, Columns: awardColumns},
		{Name: "memberships.csv", Path: MembershipsCSV, Columns: membershipColumns},
		{Name: "leaders.csv", Path: LeadersCSV, Columns: leaderColumns},
		{Name: "decisions.csv", Path: DecisionsCSV, Columns: decisionColumns},
		{Name: "consultations.csv", Path: NoticesCSV, Columns: noticeColumns},
		{Name: "awards.xlsx", Path: AwardsXLSX, Sheets: []Table{{Name: AwardsSheet, Slug: "khen-thuong", Columns: awardTableColumns()}}},
		{Name: "memberships.xlsx", Path: MembershipsXLSX, Sheets: []Table{{Name: MembersSheet, Slug: "thanh-vien", Columns: memberColumns()}}},
		{Name: "leaders.xlsx", Path: LeadersXLSX, Sheets: []Table{{Name: YearsSheet, Slug: "khoi-truong", Columns: yearColumns()}}},
		{Name: "thidua.json", Path: DatasetJSON},
		{Name: "datapackage.json", Path: PackageJSON},
	}
}

// ListSeparator joins the ids, and ListSeparator plus a space the names, of
// the deputies in one cell of leaders.csv.
const ListSeparator = ";"

// Extra writes the downloads; it is a build.Extra. With Workbooks, it
// makes again only the workbooks whose tables changed since it last ran.
type Extra struct {
	Workbooks *Workbooks
}

// Paths lists the downloads: the site's and those of each page.
func (Extra) Paths(site *model.Site) []string {
	var out []string
	for _, f := range Files() {
		out = append(out, f.Path)
	}
	for _, t := range sharedSchemas() {
		out = append(out, SchemaPath(t.Slug))
	}
	for _, s := range sets(site) {
		for _, d := range s.downloads() {
			out = append(out, d.Path)
		}
	}
	return out
}

// Reads says that the open data holds every record, and of the articles
// what a list shows.
func (Extra) Reads() model.Parts { return model.PartFrame | model.PartRecords }

// Write writes every download. It calls create from several goroutines
// at once, as a build's extras may.
func (x Extra) Write(site *model.Site, _ []*pages.Page, create func(string) (io.WriteCloser, error)) error {
	tables := []struct {
		path string
		head []string
		rows [][]string
	}{
		{AwardsCSV, awardColumns, AwardRows(site)},
		{MembershipsCSV, membershipColumns, MembershipRows(site)},
		{LeadersCSV, leaderColumns, LeaderRows(site)},
		{DecisionsCSV, decisionColumns, DecisionRows(site)},
		{NoticesCSV, noticeColumns, NoticeRows(site)},
	}
	for _, t := range tables {
		if err := output.WriteFile(create, t.path, func(w io.Writer) error { return WriteCSV(w, t.head, t.rows) }); err != nil {
			return err
		}
	}
	if err := output.WriteFile(create, DatasetJSON, func(w io.Writer) error { return encodeDataset(w, NewDataset(site)) }); err != nil {
		return err
	}
	for _, t := range sharedSchemas() {
		if err := output.WriteFile(create, SchemaPath(t.Slug), func(w io.Writer) error { return encodeJSON(w, schema(t.Columns, true), "") }); err != nil {
			return err
		}
	}
	k := &kit{}
	// The site's workbooks, a table each as the CSV files beside them,
	// one after the other: a site's table of members has tens of
	// thousands of rows.
	for _, f := range Files() {
		if f.Sheets == nil {
			continue
		}
		if err := x.writeXLSX(create, k, f.Path, site.Config.Title, []Table{siteTable(site, f.Sheets[0].Name)}); err != nil {
			return err
		}
	}
	// A workbook takes milliseconds and a site has one for each of its
	// pages of blocs, years, units and award kinds: they are written on
	// every processor, a few by each goroutine, whose stack, grown by the
	// first, serves the others.
	all := sets(site)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for batch := range slices.Chunk(all, setsPerTask) {
		g.Go(func() error {
			for _, s := range batch {
				if err := x.writeSet(s, create, k); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if x.Workbooks != nil {
		x.Workbooks.done()
	}
	return output.WriteFile(create, PackageJSON, func(w io.Writer) error { return encodeJSON(w, NewPackage(site, all), "") })
}

// setsPerTask is how many sets a goroutine of Extra.Write writes.
const setsPerTask = 4

// siteTable is the table of the site's workbook of that sheet: every
// membership, award or bloc year.
func siteTable(site *model.Site, sheet string) Table {
	var ms []*model.Membership
	var as []*model.Award
	var ys []*model.BlocYear
	eachYear(site, func(y *model.BlocYear) {
		ms, as, ys = append(ms, y.Members...), append(as, y.Awards...), append(ys, y)
	})
	switch sheet {
	case MembersSheet:
		return MembersTable(ms)
	case AwardsSheet:
		return AwardsTable(as)
	}
	return YearsTable(ys)
}

// writeXLSX writes the workbook of tables to path.
func (x Extra) writeXLSX(create func(string) (io.WriteCloser, error), k *kit, path, title string, tables []Table) error {
	if x.Workbooks == nil {
		return output.WriteFile(create, path, func(w io.Writer) error { return writeWorkbook(w, title, tables, k) })
	}
	data, err := x.Workbooks.get(path, title, tables, k)
	if err != nil {
		return err
	}
	return output.WriteFile(create, path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// writeSet writes the workbook and the CSV files of s.
func (x Extra) writeSet(s set, create func(string) (io.WriteCloser, error), k *kit) error {
	tables := s.tables()
	d := s.downloads()
	if err := x.writeXLSX(create, k, d[0].Path, s.title, tables); err != nil {
		return err
	}
	for i, t := range tables {
		if err := output.WriteFile(create, d[i+1].Path, func(w io.Writer) error { return writeTableCSV(w, t) }); err != nil {
			return err
		}
	}
	return nil
}

// encodeJSON writes v as JSON indented by one space a level, each line
// after the first starting with prefix, without escaping <, > and &, and a
// newline.
func encodeJSON(w io.Writer, v any, prefix string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, " ")
	return enc.Encode(v)
}

// encodeDataset writes d as encodeJSON does, each element of its lists one
// at a time, so that the encoding of a large site's dataset (tens of
// megabytes: every member of every bloc year, every article) is never held
// whole, nor indented in a second copy.
func encodeDataset(w io.Writer, d Dataset) error {
	var buf bytes.Buffer
	fields := []struct {
		name  string
		write func() error
	}{
		{"site", func() error { return writeIndented(w, &buf, d.Site, " ") }},
		{"award_kinds", func() error { return writeList(w, &buf, d.Awards) }},
		{"units", func() error { return writeList(w, &buf, d.Units) }},
		{"blocs", func() error { return writeList(w, &buf, d.Blocs) }},
		{"decisions", func() error { return writeList(w, &buf, d.Decisions) }},
		{"consultations", func() error { return writeList(w, &buf, d.Notices) }},
		{"articles", func() error { return writeList(w, &buf, d.Articles) }},
	}
	sep := "{\n"
	for _, f := range fields {
		if _, err := io.WriteString(w, sep+` "`+f.name+`": `); err != nil {
			return err
		}
		if err := f.write(); err != nil {
			return err
		}
		sep = ",\n"
	}
	_, err := io.WriteString(w, "\n}\n")
	return err
}

// writeIndented writes v as encodeJSON does with prefix, without its final
// newline, encoding it in buf.
func writeIndented(w io.Writer, buf *bytes.Buffer, v any, prefix string) error {
	buf.Reset()
	if err := encodeJSON(buf, v, prefix); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}

// writeList writes items as the value of a field of the dataset, as
// encodeJSON writes it, an element at a time.
func writeList[T any](w io.Writer, buf *bytes.Buffer, items []T) error {
	switch {
	case items == nil:
		_, err := io.WriteString(w, "null")
		return err
	case len(items) == 0:
		_, err := io.WriteString(w, "[]")
		return err
	}
	sep := "[\n  "
	for _, item := range items {
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if err := writeIndented(w, buf, item, "  "); err != nil {
			return err
		}
		sep = ",\n  "
	}
	_, err := io.WriteString(w, "\n ]")
	return err
}

// WriteCSV writes a byte order mark, the header and the rows, with CRLF
// line ends and RFC 4180 quoting. A cell that a spreadsheet would take for a
// formula (starting with = + - @, a tab or a carriage return) gets a leading
// apostrophe.
func WriteCSV(w io.Writer, head []string, rows [][]string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = Defuse(c)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Defuse prefixes with an apostrophe a cell that starts like a formula.
func Defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// AwardRows are the rows of awards.csv: by bloc, year, then as the bloc's
// year lists them.
func AwardRows(site *model.Site) [][]string {
	var rows [][]string
	eachYear(site, func(y *model.BlocYear) {
		for _, a := range y.Awards {
			var unit, name string
			switch {
			case a.Unit != nil:
				unit, name = a.Unit.ID, a.Unit.NameIn(y.Year)
			case a.Recipient != "":
				name = a.Recipient
			}
			rows = append(rows, []string{y.Bloc.ID, y.Bloc.Name, strconv.Itoa(y.Year), a.Kind.ID, a.Kind.Name,
				unit, name, strconv.Itoa(a.Count), string(a.Status), a.DecisionText(), decisionID(a)})
		}
	})
	return rows
}

// MembershipRows are the rows of memberships.csv: by bloc, year, then in
// the order of the bloc's year. Rank and score are empty when not given.
func MembershipRows(site *model.Site) [][]string {
	var rows [][]string
	eachYear(site, func(y *model.BlocYear) {
		for _, m := range y.Members {
			var rank, score string
			if m.Rank > 0 {
				rank = strconv.Itoa(m.Rank)
			}
			if m.Score != nil {
				score = strconv.FormatFloat(*m.Score, 'f', -1, 64)
			}
			rows = append(rows, []string{y.Bloc.ID, y.Bloc.Name, strconv.Itoa(y.Year), m.Unit.ID, m.Unit.NameIn(y.Year),
				rank, score, string(m.Rating), RoleName(m.Role)})
		}
	})
	return rows
}

// RoleName is the role as the downloads write it: "leader", "deputy" or
// "member".
func RoleName(r model.Role) string {
	if r == model.RoleMember {
		return "member"
	}
	return string(r)
}

// LeaderRows are the rows of leaders.csv: one per bloc and year.
func LeaderRows(site *model.Site) [][]string {
	var rows [][]string
	eachYear(site, func(y *model.BlocYear) {
		var ids, names []string
		for _, u := range y.Deputies {
			ids, names = append(ids, u.ID), append(names, u.NameIn(y.Year))
		}
		var next, nextName, leader, leaderName string
		if y.Leader != nil {
			leader, leaderName = y.Leader.ID, y.Leader.NameIn(y.Year)
		}
		if y.NextLeader != nil {
			next, nextName = y.NextLeader.ID, y.NextLeader.NameIn(y.Year)
		}
		rows = append(rows, []string{y.Bloc.ID, y.Bloc.Name, strconv.Itoa(y.Year), leader, leaderName,
			strings.Join(ids, ListSeparator), strings.Join(names, ListSeparator+" "), next, nextName})
	})
	return rows
}

func eachYear(site *model.Site, f func(*model.BlocYear)) {
	for _, b := range site.Blocs {
		for _, y := range b.Years {
			f(y)
		}
	}
}

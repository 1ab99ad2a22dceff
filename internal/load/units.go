package load

import (
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// UnitsFile is data/units.yaml as written.
type UnitsFile struct {
	Path  string
	Units []UnitEntry // in the order of the file, without repeated ids
	Whole bool        // the file parsed as a list: a unit not in it does not exist
}

// UnitEntry is one unit of data/units.yaml.
type UnitEntry struct {
	At            Pos // the unit's map
	ID            Ident
	Name          string
	Short         string
	Kind          string
	Website       string
	Formerly      []model.FormerName
	Established   int
	EstablishedAt Pos // of the value of established, when it is given
	Predecessors  []Ident
	Dissolved     int
	DissolvedAt   Pos          // of the value of dissolved, when it is given
	Ending        *EndingEntry // merged_into or split_into; nil when neither is given
}

// EndingEntry is merged_into or split_into of a unit as written.
type EndingEntry struct {
	At    Pos     // the field's value
	Into  []Ident // one unit for merged_into
	Year  int
	Split bool
}

// unitFields are the fields of a unit of data/units.yaml.
var unitFields = []string{"id", "name", "short", "kind", "website", "formerly", "established", "predecessors", "merged_into", "split_into", "dissolved"}

// ParseUnits reads data/units.yaml: a list of units. The result is never nil.
func ParseUnits(file string, src []byte) (*UnitsFile, *diag.List) {
	d := newDecoder(file, 0)
	d.declares = "unit"
	uf := &UnitsFile{Path: file}
	root := d.parse(clean(src))
	if root == nil || isNull(root) {
		uf.Whole = d.diags.Len() == 0
		return uf, d.diags
	}
	uf.Whole = root.Kind == yaml.SequenceNode
	seen := map[string]Pos{}
	for _, n := range d.list(root, "data/units.yaml", msg.P("what-units")) {
		f, ok := d.mapping(n, msg.P("what-unit"), unitFields, []string{"id", "name"})
		if !ok {
			continue
		}
		u := UnitEntry{
			At:      f.at,
			ID:      d.ident(f, "id"),
			Name:    d.str(f, "name"),
			Short:   d.str(f, "short"),
			Kind:    d.str(f, "kind"),
			Website: d.website(f, "website"),
		}
		for _, fn := range d.seq(f, "formerly") {
			ff, ok := d.mapping(fn, msg.P("what-earlier-name"), []string{"name", "short", "until"}, []string{"name", "until"})
			if !ok {
				continue
			}
			u.Formerly = append(u.Formerly, model.FormerName{Name: d.str(ff, "name"), Short: d.str(ff, "short"), Until: d.year(ff, "until")})
		}
		u.Established = d.year(f, "established")
		if v := f.vals["established"]; v != nil {
			u.EstablishedAt = d.pos(v)
		}
		u.Predecessors = d.idents(f, "predecessors")
		u.Dissolved = d.year(f, "dissolved")
		if v := f.vals["dissolved"]; v != nil {
			u.DissolvedAt = d.pos(v)
		}
		u.Ending = d.ending(f)
		switch {
		case u.Ending != nil && u.Dissolved != 0:
			d.error(u.DissolvedAt, "unit-ended-twice")
		case u.Ending != nil && u.Established != 0 && u.Ending.Year <= u.Established:
			d.error(u.Ending.At, "unit-ended-early", u.Ending.Year, u.Established)
		case u.Dissolved != 0 && u.Established > u.Dissolved:
			d.error(u.DissolvedAt, "unit-dissolved-early", u.Dissolved, u.Established)
		}
		if u.ID.ID == "" {
			continue
		}
		if first, dup := seen[u.ID.ID]; dup {
			d.error(u.ID.Pos, "duplicate-unit-id", u.ID.ID, d.at(first))
			continue
		}
		seen[u.ID.ID] = u.ID.Pos
		uf.Units = append(uf.Units, u)
	}
	return uf, d.diags
}

// ending reads merged_into ({unit, year}) or split_into ({units, year})
// of a unit; nil when neither is given or the one given is wrong, which is
// reported.
func (d *decoder) ending(f fields) *EndingEntry {
	if f.has("merged_into") && f.has("split_into") {
		d.error(d.pos(f.keys["split_into"]), "unit-merged-and-split")
		return nil
	}
	var e *EndingEntry
	if v := f.vals["merged_into"]; v != nil && !isNull(v) {
		mf, ok := d.mapping(v, msg.P("what-field", "merged_into"), []string{"unit", "year"}, []string{"unit", "year"})
		if !ok {
			return nil
		}
		e = &EndingEntry{At: d.pos(v), Year: d.year(mf, "year")}
		if id := d.ident(mf, "unit"); id.ID != "" {
			e.Into = []Ident{id}
		}
	}
	if v := f.vals["split_into"]; v != nil && !isNull(v) {
		sf, ok := d.mapping(v, msg.P("what-field", "split_into"), []string{"units", "year"}, []string{"units", "year"})
		if !ok {
			return nil
		}
		e = &EndingEntry{At: d.pos(v), Year: d.year(sf, "year"), Split: true}
		for _, id := range d.idents(sf, "units") {
			if slices.ContainsFunc(e.Into, func(o Ident) bool { return o.ID == id.ID }) {
				d.error(id.Pos, "unit-split-twice", id.ID)
				continue
			}
			e.Into = append(e.Into, id)
		}
		if len(e.Into) == 1 {
			d.error(e.At, "unit-split-one", e.Into[0].ID)
			return nil
		}
	}
	if e == nil || e.Year == 0 || len(e.Into) == 0 {
		return nil
	}
	return e
}

// website returns the web address in the field key, or "" when it is
// absent or is not an http or https address with a host, which is
// reported: a page links to it, and a javascript: or data: address would
// run or show whatever it holds.
func (d *decoder) website(f fields, key string) string {
	raw := d.str(f, key)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Opaque == "" && u.User == nil {
		return raw
	}
	example := "https://hoi-a.example.gov.vn/"
	if err == nil && u.Scheme == "" && !strings.HasPrefix(raw, "/") {
		example = "https://" + raw // www.hoi-a.gov.vn: the scheme is missing
	}
	d.error(d.pos(f.vals[key]), "bad-web-address", key, quote(raw), key, example)
	return ""
}

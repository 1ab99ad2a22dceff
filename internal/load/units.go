package load

import (
	"net/url"
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
	At           Pos // the unit's map
	ID           Ident
	Name         string
	Short        string
	Kind         string
	Website      string
	Formerly     []model.FormerName
	Predecessors []Ident
	Dissolved    int
	DissolvedAt  Pos // of the value of dissolved, when it is given
}

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
		f, ok := d.mapping(n, msg.P("what-unit"), []string{"id", "name", "short", "kind", "website", "formerly", "predecessors", "dissolved"}, []string{"id", "name"})
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
			ff, ok := d.mapping(fn, msg.P("what-earlier-name"), []string{"name", "until"}, []string{"name", "until"})
			if !ok {
				continue
			}
			u.Formerly = append(u.Formerly, model.FormerName{Name: d.str(ff, "name"), Until: d.year(ff, "until")})
		}
		u.Predecessors = d.idents(f, "predecessors")
		u.Dissolved = d.year(f, "dissolved")
		if v := f.vals["dissolved"]; v != nil {
			u.DissolvedAt = d.pos(v)
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

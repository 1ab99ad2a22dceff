package opendata

import (
	"slices"
	"strings"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// Package is datapackage.json: a Frictionless Data Package describing
// every download, each table by a Table Schema of its columns with their
// types and Vietnamese titles and descriptions.
type Package struct {
	Profile     string           `json:"profile"`
	Name        string           `json:"name"`
	Title       string           `json:"title"`
	Description string           `json:"description,omitempty"`
	Homepage    string           `json:"homepage"`
	Created     string           `json:"created,omitempty"` // when the records last changed, RFC 3339
	Licenses    []PackageLicense `json:"licenses"`
	Resources   []Resource       `json:"resources"`
}

// PackageLicense is the licence of the data.
type PackageLicense struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

// Resource is one file, or one sheet of a workbook.
type Resource struct {
	Name      string   `json:"name"`
	Path      string   `json:"path"` // relative to datapackage.json
	Title     string   `json:"title"`
	Profile   string   `json:"profile"`
	Format    string   `json:"format"`
	Mediatype string   `json:"mediatype"`
	Encoding  string   `json:"encoding,omitempty"`
	Dialect   *Dialect `json:"dialect,omitempty"`
	// Schema is the Table Schema of a table: a *Schema, or the path of
	// the file of one, relative to datapackage.json, for the tables every
	// page shares.
	Schema      any    `json:"schema,omitempty"`
	Description string `json:"description,omitempty"`
}

// Dialect says how a table is written: a CSV file's delimiter, or the
// sheet of a workbook.
type Dialect struct {
	Header    bool   `json:"header"`
	Delimiter string `json:"delimiter,omitempty"`
	SheetName string `json:"sheetName,omitempty"`
}

// Schema is a Table Schema.
type Schema struct {
	Fields        []Field  `json:"fields"`
	MissingValues []string `json:"missingValues"`
}

// Field is a column of a Table Schema.
type Field struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

const (
	csvType  = "text/csv"
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// DataDate is when the records last changed: the newest date of a bloc
// year or unit; zero when the site folder is not in git.
func DataDate(site *model.Site) time.Time {
	var t time.Time
	eachYear(site, func(y *model.BlocYear) {
		if y.Updated.After(t) {
			t = y.Updated
		}
	})
	for _, u := range site.Units {
		if u.Updated.After(t) {
			t = u.Updated
		}
	}
	return t
}

// NewPackage describes the downloads of site, those of its pages given
// by all.
func NewPackage(site *model.Site, all []set) Package {
	l := site.Config.DataLicense()
	p := Package{
		Profile: "data-package", Name: vn.Slug(site.Config.Title), Title: site.Config.Title,
		Description: site.Config.Description, Homepage: site.Config.BaseURL.String(),
		Licenses: []PackageLicense{{Name: l.ID, Path: l.URL, Title: l.Title}},
	}
	if d := DataDate(site); !d.IsZero() {
		p.Created = d.Format(time.RFC3339)
	}
	for _, f := range Files() {
		switch {
		case f.Columns != nil:
			p.Resources = append(p.Resources, csvResource(strings.TrimSuffix(f.Name, ".csv"), f.Path, f.Name, siteColumns(f.Columns), false))
		case f.Sheets != nil:
			p.Resources = append(p.Resources, xlsxResources(strings.TrimSuffix(f.Name, ".xlsx"), f.Path, site.Config.Title, f.Sheets)...)
		case f.Path == DatasetJSON:
			p.Resources = append(p.Resources, Resource{Name: "thidua-json", Path: rel(f.Path), Title: "Toàn bộ dữ liệu (JSON)",
				Profile: "data-resource", Format: "json", Mediatype: "application/json", Encoding: "utf-8",
				Description: "Đơn vị, khối, hình thức khen thưởng, hồ sơ từng năm của từng khối và tin bài, liên kết bằng mã định danh."})
		}
	}
	for _, s := range all {
		d := s.downloads()
		name := s.kind + "-" + s.base
		for i, sheet := range s.sheets {
			ref := rel(SchemaPath(s.slugs[i]))
			p.Resources = append(p.Resources,
				Resource{Name: name + "-" + s.slugs[i] + "-xlsx", Path: rel(d[0].Path), Title: sheet + " – " + s.title,
					Profile: "tabular-data-resource", Format: "xlsx", Mediatype: xlsxType, Dialect: &Dialect{Header: true, SheetName: sheet}, Schema: ref},
				Resource{Name: name + "-" + s.slugs[i], Path: rel(d[i+1].Path), Title: sheet + " – " + s.title,
					Profile: "tabular-data-resource", Format: "csv", Mediatype: csvType, Encoding: "utf-8", Dialect: &Dialect{Header: true, Delimiter: ","}, Schema: ref})
		}
	}
	return p
}

// SchemaPath is the site-relative path of the Table Schema of the tables
// of a slug ("thanh-vien") that every page's downloads share.
func SchemaPath(slug string) string { return pages.DataPath + "schema/" + slug + ".json" }

// sharedSchemas are the tables whose schemas are files of their own, by
// slug.
func sharedSchemas() []Table {
	return []Table{
		{Name: MembersSheet, Slug: "thanh-vien", Columns: memberColumns()},
		{Name: AwardsSheet, Slug: "khen-thuong", Columns: awardTableColumns()},
		{Name: YearsSheet, Slug: "khoi-truong", Columns: yearColumns()},
	}
}

// columnsOf are the columns of the table named name.
func columnsOf(name string) []Column {
	switch name {
	case MembersSheet:
		return memberColumns()
	case AwardsSheet:
		return awardTableColumns()
	}
	return yearColumns()
}

// rel is the path of a download relative to datapackage.json.
func rel(path string) string { return strings.TrimPrefix(path, pages.DataPath) }

// csvResource describes a CSV file; byTitle says its header is the
// columns' Vietnamese titles, not their names.
func csvResource(name, path, title string, cols []Column, byTitle bool) Resource {
	return Resource{Name: name, Path: rel(path), Title: title, Profile: "tabular-data-resource", Format: "csv",
		Mediatype: csvType, Encoding: "utf-8", Dialect: &Dialect{Header: true, Delimiter: ","}, Schema: schema(cols, byTitle)}
}

// xlsxResources describe the sheets of a workbook, one resource each.
func xlsxResources(name, path, title string, tables []Table) []Resource {
	var out []Resource
	for _, t := range tables {
		out = append(out, Resource{Name: name + "-" + vn.Slug(t.Name) + "-xlsx", Path: rel(path), Title: t.Name + " – " + title,
			Profile: "tabular-data-resource", Format: "xlsx", Mediatype: xlsxType,
			Dialect: &Dialect{Header: true, SheetName: t.Name}, Schema: schema(t.Columns, true)})
	}
	return out
}

func schema(cols []Column, byTitle bool) *Schema {
	s := &Schema{MissingValues: []string{""}}
	for _, c := range cols {
		name := c.Name
		if byTitle {
			name = c.Title
		}
		s.Fields = append(s.Fields, Field{Name: name, Type: c.Type, Title: c.Title, Description: c.Description})
	}
	return s
}

// siteColumns are the columns of a site-wide CSV file, by their names:
// those of the tables, their values ids where the tables have labels.
func siteColumns(names []string) []Column {
	var out []Column
	for _, n := range names {
		for _, c := range slices.Concat(memberColumns(), awardTableColumns(), yearColumns(), recordColumns()) {
			if c.Name != n {
				continue
			}
			switch n {
			case "rating":
				c.Description = "xuat-sac (hoàn thành xuất sắc nhiệm vụ), tot (hoàn thành tốt), hoan-thanh (hoàn thành) hoặc khong-hoan-thanh (không hoàn thành nhiệm vụ); trống khi không có"
			case "role":
				c.Description = "leader (khối trưởng), deputy (khối phó) hoặc member (thành viên)"
			case "status":
				c.Description = "proposed (đề nghị), submitted (đã trình cấp trên), consultation (đang lấy ý kiến), conferred (đã tặng, công nhận) hoặc not_conferred (không được tặng, công nhận); chỉ conferred là đã được khen thưởng"
			}
			out = append(out, c)
			break
		}
	}
	return out
}

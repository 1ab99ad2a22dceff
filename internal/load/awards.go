package load

import (
	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

// builtinAwards is the built-in catalogue of award kinds for collectives
// (docs/format.md, "award kinds"), highest first; a kind's rank is its
// place in the list.
var builtinAwards = [...]struct {
	id, name string
	class    model.AwardClass
}{
	{"huan-chuong-lao-dong-hang-nhat", "Huân chương Lao động hạng Nhất", model.ClassForm},
	{"huan-chuong-lao-dong-hang-nhi", "Huân chương Lao động hạng Nhì", model.ClassForm},
	{"huan-chuong-lao-dong-hang-ba", "Huân chương Lao động hạng Ba", model.ClassForm},
	{"co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", model.ClassTitle},
	{"bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", model.ClassForm},
	{"co-thi-dua-tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", model.ClassTitle},
	{"bang-khen-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", model.ClassForm},
	{"tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", model.ClassTitle},
	{"tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", model.ClassTitle},
	{"giay-khen", "Giấy khen", model.ClassForm},
}

// BuiltinAwards returns a fresh copy of the built-in catalogue, ranks 1..10.
func BuiltinAwards() []*model.AwardKind {
	out := make([]*model.AwardKind, len(builtinAwards))
	for i, a := range builtinAwards {
		out[i] = &model.AwardKind{ID: a.id, Name: a.name, Rank: i + 1, Class: a.class, BuiltIn: true}
	}
	return out
}

// AwardsFile is data/awards.yaml as written.
type AwardsFile struct {
	Path   string
	Awards []AwardKindEntry // in the order of the file, without repeated ids
}

// AwardKindEntry is one award kind of data/awards.yaml. Fields left out are
// empty: Rank is 0 when not given.
type AwardKindEntry struct {
	At    Pos
	ID    Ident
	Name  string
	Short string
	Rank  int
	Class model.AwardClass // "" when not given
}

// ParseAwards reads data/awards.yaml: a list of award kinds that add to or
// override the built-in catalogue. The result is never nil.
func ParseAwards(file string, src []byte) (*AwardsFile, *diag.List) {
	d := newDecoder(file, 0)
	d.declares = "award"
	af := &AwardsFile{Path: file}
	root := d.parse(clean(src))
	if root == nil || isNull(root) {
		return af, d.diags
	}
	seen := map[string]Pos{}
	for _, n := range d.list(root, "data/awards.yaml", msg.P("what-award-kinds")) {
		f, ok := d.mapping(n, msg.P("what-award-kind"), []string{"id", "name", "short", "rank", "class"}, []string{"id"})
		if !ok {
			continue
		}
		a := AwardKindEntry{At: f.at, ID: d.ident(f, "id"), Name: d.str(f, "name"), Short: d.str(f, "short"),
			Class: model.AwardClass(d.oneOf(f, "class", []string{string(model.ClassTitle), string(model.ClassForm)}))}
		if r, p, ok := d.integer(f, "rank"); ok {
			if r < 1 {
				d.error(p, "bad-award-rank", r)
			} else {
				a.Rank = r
			}
		}
		if a.ID.ID == "" {
			continue
		}
		if first, dup := seen[a.ID.ID]; dup {
			d.error(a.ID.Pos, "duplicate-award-id", a.ID.ID, d.at(first))
			continue
		}
		seen[a.ID.ID] = a.ID.Pos
		af.Awards = append(af.Awards, a)
	}
	return af, d.diags
}

package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/model"
)

// trickySite has values that a CSV writer can get wrong: commas, quotes,
// line breaks, Vietnamese text and cells that look like formulas.
func trickySite() *model.Site {
	base, _ := url.Parse("https://portal.example.gov.vn/thidua/")
	s := &model.Site{Config: model.Config{Title: "Thi đua", BaseURL: base, Language: "vi", Province: "Mẫu"}}
	a := &model.Unit{ID: "hoi-a", Name: `Hội "Người cao tuổi", tỉnh`, Short: "Hội NCT"}
	b := &model.Unit{ID: "hoi-b", Name: "=HYPERLINK(\"http://x\")", Formerly: []model.FormerName{{Name: "Hội B cũ", Until: 2020}}}
	c := &model.Unit{ID: "hoi-c", Name: "Hội C\nhai dòng", Predecessors: []*model.Unit{b}, Dissolved: 2030}
	s.Units = []*model.Unit{a, b, c}
	co := &model.AwardKind{ID: "co-thi-dua-tinh", Name: "Cờ thi đua của Ủy ban nhân dân tỉnh", Rank: 6}
	gk := &model.AwardKind{ID: "giay-khen", Name: "Giấy khen", Rank: 10}
	s.Awards = []*model.AwardKind{co, gk}
	bloc := &model.Bloc{ID: "khoi-8", Name: "Khối thi đua 8", Short: "Khối 8", Description: "Các hội", Order: 8}
	score := 98.5
	low := 80.0
	date := time.Date(2024, 3, 27, 0, 0, 0, 0, time.UTC)
	y23 := &model.BlocYear{Bloc: bloc, Year: 2023, Leader: b}
	y23.Members = []*model.Membership{{Unit: b, BlocYear: y23, Role: model.RoleLeader}, {Unit: a, BlocYear: y23}}
	y24 := &model.BlocYear{Bloc: bloc, Year: 2024, Leader: a, Deputies: []*model.Unit{b, c}, NextLeader: c,
		Covenant: &model.Event{Date: date, Goals: []string{"Mục tiêu 1"}}, Review: &model.Event{Date: date.AddDate(0, 9, 0)},
		Figures: []model.Figure{{Label: "Quỹ", Value: 25300000000, Unit: "đồng"}}}
	y24.Members = []*model.Membership{
		{Unit: a, BlocYear: y24, Rank: 1, Score: &score, Rating: model.RatingExcellent, Role: model.RoleLeader},
		{Unit: b, BlocYear: y24, Rank: 2, Score: &low, Rating: model.RatingGood, Role: model.RoleDeputy},
		{Unit: c, BlocYear: y24, Role: model.RoleDeputy},
	}
	y24.Awards = []*model.Award{
		{Kind: co, BlocYear: y24, Unit: a, Count: 1, Status: model.Proposed, DecisionNote: "-45/QĐ-UBND, ngày \"20/01\""},
		{Kind: gk, BlocYear: y24, Count: 2, Status: model.Conferred, DecisionNote: "@quyết định"},
	}
	y24.Models = []*model.Model{{Unit: a, BlocYear: y24, Name: "Câu lạc bộ", Summary: "+355 thành viên"}}
	bloc.Years = []*model.BlocYear{y23, y24}
	s.Blocs = []*model.Bloc{bloc}
	s.Years = []*model.Year{{Year: 2023, Blocs: []*model.BlocYear{y23}}, {Year: 2024, Blocs: []*model.BlocYear{y24}}}
	s.Articles = []*model.Article{{Slug: "tong-ket", Title: "Tổng kết", Date: time.Date(2025, 1, 8, 9, 0, 0, 0, time.FixedZone("+07", 7*3600)),
		Summary: "Tóm tắt", Image: "images/a.jpg", Blocs: []*model.Bloc{bloc}, Units: []*model.Unit{a}, Year: 2024}}
	s.Index()
	return s
}

// loadedSite is internal/build's test site, as the loader reads it.
func loadedSite(t *testing.T) *model.Site {
	t.Helper()
	site, diags := load.Site(os.DirFS("../build/testdata/site"), load.Options{})
	if diags.HasErrors(false) {
		t.Fatalf("the test site does not load: %v", diags.Items())
	}
	return site
}

// writeAll runs the extra and returns the files it wrote.
func writeAll(t *testing.T, site *model.Site) map[string][]byte {
	t.Helper()
	return writeWith(t, Extra{}, site)
}

// writeWith runs the extra x and returns the files it wrote.
func writeWith(t *testing.T, x Extra, site *model.Site) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var mu sync.Mutex
	err := x.Write(site, nil, func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, files: files, mu: &mu}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(files), len(Extra{}.Paths(site)); got != want {
		t.Errorf("wrote %d files, Paths lists %d", got, want)
	}
	return files
}

type memFile struct {
	bytes.Buffer
	name  string
	files map[string][]byte
	mu    *sync.Mutex
}

func (f *memFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files[f.name] = f.Bytes()
	return nil
}

// readCSV checks the byte order mark and the line ends, parses the file as
// RFC 4180 and returns the rows by column name, formulas undone.
func readCSV(t *testing.T, b []byte, columns []string) []map[string]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatalf("no UTF-8 byte order mark: % x", b[:min(3, len(b))])
	}
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Error("a line does not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.FieldsPerRecord = len(columns)
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(records[0], columns) {
		t.Fatalf("header %q, want %q", records[0], columns)
	}
	var out []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, c := range rec {
			if strings.HasPrefix(c, "'") && len(c) > 1 && strings.ContainsRune("=+-@", rune(c[1])) {
				c = c[1:]
			} else if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("cell %q of column %s would run as a formula", c, columns[i])
			}
			row[columns[i]] = c
		}
		out = append(out, row)
	}
	return out
}

func each(t *testing.T, name string, f func(t *testing.T, site *model.Site)) {
	t.Run(name+"/tricky", func(t *testing.T) { f(t, trickySite()) })
	t.Run(name+"/loaded", func(t *testing.T) { f(t, loadedSite(t)) })
}

func TestMembershipsCSV(t *testing.T) {
	each(t, "memberships", func(t *testing.T, site *model.Site) {
		rows := readCSV(t, writeAll(t, site)[MembershipsCSV], membershipColumns)
		i := 0
		for _, b := range site.Blocs {
			for _, y := range b.Years {
				for _, m := range y.Members {
					if i >= len(rows) {
						t.Fatalf("only %d rows", len(rows))
					}
					r := rows[i]
					i++
					want := map[string]string{"bloc": b.ID, "bloc_name": b.Name, "year": strconv.Itoa(y.Year),
						"unit": m.Unit.ID, "unit_name": m.Unit.NameIn(y.Year), "rating": string(m.Rating), "role": RoleName(m.Role)}
					for k, v := range want {
						if r[k] != v {
							t.Errorf("row %d: %s = %q, want %q", i, k, r[k], v)
						}
					}
					if rank, _ := strconv.Atoi(r["rank"]); rank != m.Rank || (m.Rank == 0) != (r["rank"] == "") {
						t.Errorf("row %d: rank %q, want %d", i, r["rank"], m.Rank)
					}
					if m.Score == nil && r["score"] != "" {
						t.Errorf("row %d: score %q, want none", i, r["score"])
					} else if score, err := strconv.ParseFloat(r["score"], 64); m.Score != nil && (err != nil || score != *m.Score) {
						t.Errorf("row %d: score %q, want %v", i, r["score"], *m.Score)
					}
				}
			}
		}
		if i != len(rows) || i == 0 {
			t.Errorf("%d rows, %d memberships", len(rows), i)
		}
	})
}

func TestAwardsCSV(t *testing.T) {
	each(t, "awards", func(t *testing.T, site *model.Site) {
		rows := readCSV(t, writeAll(t, site)[AwardsCSV], awardColumns)
		i := 0
		for _, b := range site.Blocs {
			for _, y := range b.Years {
				for _, a := range y.Awards {
					r := rows[i]
					i++
					unit, name := "", a.Recipient
					if a.Unit != nil {
						unit, name = a.Unit.ID, a.Unit.NameIn(y.Year)
					}
					want := map[string]string{"bloc": b.ID, "bloc_name": b.Name, "year": strconv.Itoa(y.Year),
						"award": a.Kind.ID, "award_name": a.Kind.Name, "unit": unit, "unit_name": name,
						"count": strconv.Itoa(a.Count), "status": string(a.Status), "decision": a.DecisionText()}
					for k, v := range want {
						if r[k] != v {
							t.Errorf("row %d: %s = %q, want %q", i, k, r[k], v)
						}
					}
				}
			}
		}
		if i != len(rows) || i == 0 {
			t.Errorf("%d rows, %d awards", len(rows), i)
		}
	})
}

func TestLeadersCSV(t *testing.T) {
	each(t, "leaders", func(t *testing.T, site *model.Site) {
		rows := readCSV(t, writeAll(t, site)[LeadersCSV], leaderColumns)
		i := 0
		for _, b := range site.Blocs {
			for _, y := range b.Years {
				r := rows[i]
				i++
				var deputies []string
				if r["deputies"] != "" {
					deputies = strings.Split(r["deputies"], ListSeparator)
				}
				if r["bloc"] != b.ID || r["year"] != strconv.Itoa(y.Year) || r["leader"] != y.Leader.ID || r["leader_name"] != y.Leader.Name {
					t.Errorf("row %d: %v", i, r)
				}
				if len(deputies) != len(y.Deputies) {
					t.Fatalf("row %d: deputies %q, want %d", i, r["deputies"], len(y.Deputies))
				}
				for j, d := range y.Deputies {
					if deputies[j] != d.ID {
						t.Errorf("row %d: deputy %d = %q, want %q", i, j, deputies[j], d.ID)
					}
				}
				if next := y.NextLeader; (next == nil && r["next_leader"] != "") || (next != nil && (r["next_leader"] != next.ID || r["next_leader_name"] != next.Name)) {
					t.Errorf("row %d: next leader %q %q", i, r["next_leader"], r["next_leader_name"])
				}
			}
		}
		if i != len(rows) {
			t.Errorf("%d rows, %d bloc years", len(rows), i)
		}
	})
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"=1+2": "'=1+2", "+84": "'+84", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx",
		"Hội": "Hội", "": "", "98.5": "98.5", "a=b": "a=b",
	} {
		if got := Defuse(in); got != want {
			t.Errorf("Defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDatasetJSON(t *testing.T) {
	each(t, "json", func(t *testing.T, site *model.Site) {
		raw := writeAll(t, site)[DatasetJSON]
		if again := writeAll(t, site)[DatasetJSON]; !bytes.Equal(raw, again) {
			t.Error("two writes of thidua.json differ")
		}
		var d Dataset
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			t.Fatal(err)
		}
		if d.Site.Title != site.Config.Title || d.Site.URL != site.Config.BaseURL.String() {
			t.Errorf("site %+v", d.Site)
		}
		if len(d.Units) != len(site.Units) || len(d.Blocs) != len(site.Blocs) || len(d.Awards) != len(site.Awards) || len(d.Articles) != len(site.Articles) {
			t.Fatalf("%d units, %d blocs, %d award kinds, %d articles", len(d.Units), len(d.Blocs), len(d.Awards), len(d.Articles))
		}
		for i, u := range site.Units {
			j := d.Units[i]
			if j.ID != u.ID || j.Name != u.Name || j.Short != u.Short || len(j.Formerly) != len(u.Formerly) || len(j.Predecessors) != len(u.Predecessors) || j.Dissolved != u.Dissolved {
				t.Errorf("unit %d: %+v, want %+v", i, j, *u)
			}
		}
		for i, b := range site.Blocs {
			jb := d.Blocs[i]
			if jb.ID != b.ID || jb.Name != b.Name || len(jb.Years) != len(b.Years) {
				t.Fatalf("bloc %d: %+v", i, jb)
			}
			for k, y := range b.Years {
				jy := jb.Years[k]
				if jy.Year != y.Year || jy.Leader != y.Leader.ID || len(jy.Members) != len(y.Members) || len(jy.Awards) != len(y.Awards) ||
					len(jy.Deputies) != len(y.Deputies) || len(jy.Models) != len(y.Models) || len(jy.Figures) != len(y.Figures) {
					t.Errorf("%s %d: %+v", b.ID, y.Year, jy)
					continue
				}
				for n, m := range y.Members {
					jm := jy.Members[n]
					if jm.Unit != m.Unit.ID || jm.Rank != m.Rank || jm.Rating != string(m.Rating) || jm.Role != RoleName(m.Role) ||
						(m.Score == nil) != (jm.Score == nil) || (m.Score != nil && *m.Score != *jm.Score) {
						t.Errorf("%s %d member %d: %+v", b.ID, y.Year, n, jm)
					}
				}
				for n, a := range y.Awards {
					ja := jy.Awards[n]
					if ja.Award != a.Kind.ID || ja.Count != a.Count || ja.Status != string(a.Status) || ja.Decision != a.DecisionText() || (a.Unit != nil && ja.Unit != a.Unit.ID) {
						t.Errorf("%s %d award %d: %+v", b.ID, y.Year, n, ja)
					}
				}
				if y.Covenant != nil && (jy.Covenant == nil || jy.Covenant.Date != y.Covenant.Date.Format(time.DateOnly)) {
					t.Errorf("%s %d covenant %+v", b.ID, y.Year, jy.Covenant)
				}
			}
		}
		for i, a := range site.Articles {
			ja := d.Articles[i]
			date, err := time.Parse(time.RFC3339, ja.Date)
			if ja.Slug != a.Slug || ja.Title != a.Title || err != nil || !date.Equal(a.Date) || !strings.HasSuffix(ja.URL, "/tin-tuc/"+a.Slug+"/") {
				t.Errorf("article %d: %+v", i, ja)
			}
		}
	})
}

// TestDatasetKeyOrder: keys come in the declared order, the same in every build.
func TestDatasetKeyOrder(t *testing.T) {
	raw := string(writeAll(t, trickySite())[DatasetJSON])
	last := -1
	for _, key := range []string{`"site"`, `"award_kinds"`, `"units"`, `"blocs"`, `"articles"`} {
		i := strings.Index(raw, "\n "+key+":")
		if i <= last {
			t.Fatalf("top-level key %s at %d, after %d", key, i, last)
		}
		last = i
	}
	member := `{"unit":"hoi-a","rank":1,"score":98.5,"rating":"xuat-sac","role":"leader"}`
	if !strings.Contains(strings.Join(strings.Fields(raw), ""), member) {
		t.Errorf("no member written as %s in\n%s", member, raw)
	}
	if strings.Contains(raw, `\u003c`) || !strings.Contains(raw, "Cờ thi đua") {
		t.Error("text is escaped, not written as UTF-8")
	}
}

// encodeDataset writes an element at a time what encoding the whole
// dataset at once writes: with lists of one, of several, empty and nil.
func TestEncodeDatasetIsEncodeJSON(t *testing.T) {
	full := NewDataset(trickySite())
	if len(full.Articles) == 0 {
		t.Fatal("the tricky site has no articles")
	}
	full.Articles = append(full.Articles, full.Articles...) // two at least
	one := full
	one.Articles = full.Articles[:1]
	none := full
	none.Articles = []Article{}
	null := full
	null.Articles = nil
	bare := Dataset{Site: full.Site}
	for _, d := range []Dataset{full, one, none, null, bare} {
		var whole, parts bytes.Buffer
		if err := encodeJSON(&whole, d, ""); err != nil {
			t.Fatal(err)
		}
		if err := encodeDataset(&parts, d); err != nil {
			t.Fatal(err)
		}
		if whole.String() != parts.String() {
			t.Errorf("encodeDataset gives\n%s\nencodeJSON gives\n%s", parts.String(), whole.String())
		}
	}
}

// TestDatasetNamesInForce: a row of thidua.json names a unit by the name it
// bore that year when that is not its current name, and a recipient with
// no id by its name.
func TestDatasetNamesInForce(t *testing.T) {
	d := NewDataset(loadedSite(t))
	names := map[string]string{}
	for _, b := range d.Blocs {
		for _, y := range b.Years {
			for _, m := range y.Members {
				names[fmt.Sprint(y.Year, " ", m.Unit)] = m.Name
			}
			for _, a := range y.Awards {
				if a.Unit == "" && a.Count == 1 {
					names[fmt.Sprint(y.Year, " recipient")] = a.Name
				}
			}
		}
	}
	for key, want := range map[string]string{
		"2023 hoi-khuyen-hoc": "Hội Khuyến học tỉnh Mẫu",
		"2024 hoi-khuyen-hoc": "",
		"2024 recipient":      "Nhân dân và cán bộ huyện Phú Quý",
	} {
		if got := names[key]; got != want {
			t.Errorf("%s: name %q, want %q", key, got, want)
		}
	}
}

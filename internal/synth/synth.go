// Package synth writes generated site folders of any size, for benchmarks
// and tests at scale. The same Options give the same files, byte for byte.
//
// A generated site has Blocs blocs of Members units each, over Years years
// ending in 2025, and Articles news articles spread over those years. It
// passes every check: each unit is in one bloc every year, ranks run from 1,
// each year's leader is the previous year's next_leader, and every link
// points at a page of the site.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options say how large a site to write. Zero values take the defaults.
type Options struct {
	Articles int   // news articles; default 100
	Blocs    int   // blocs; default 8
	Years    int   // years of records, ending in 2025; default 5
	Members  int   // units per bloc; default 12
	Seed     int64 // seed of the choices; the same seed gives the same site
}

// lastYear is the last year of records of a generated site.
const lastYear = 2025

func (o Options) withDefaults() Options {
	if o.Articles <= 0 {
		o.Articles = 100
	}
	if o.Blocs <= 0 {
		o.Blocs = 8
	}
	if o.Years <= 0 {
		o.Years = 5
	}
	if o.Members <= 0 {
		o.Members = 12
	}
	return o
}

// Write writes a site folder into dir, creating it if needed. Files of the
// same names are replaced; other files in dir are left alone.
func Write(dir string, opts Options) error {
	o := opts.withDefaults()
	g := &generator{o: o, rnd: rand.New(rand.NewPCG(uint64(o.Seed), 0x7468696475610a)), dir: dir}
	g.site()
	g.units()
	for b := range o.Blocs {
		g.bloc(b)
	}
	for i := range o.Articles {
		g.article(i)
	}
	return g.err
}

// generator writes one site; the first error stops the writing.
type generator struct {
	o   Options
	rnd *rand.Rand
	dir string
	err error
}

func (g *generator) write(rel, content string) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, []byte(content), 0o644)
}

func (g *generator) site() {
	g.write("site.yaml", "title: Thi đua – Khen thưởng tỉnh Tổng hợp\n"+
		"baseURL: https://thidua.example.gov.vn/\n"+
		"language: vi\n"+
		"description: Một trang thi đua sinh ra để đo tốc độ dựng trang.\n"+
		"province: Tổng hợp\n"+
		"paginate: 20\n")
}

func blocID(b int) string     { return fmt.Sprintf("khoi-%d", b+1) }
func unitID(b, m int) string  { return fmt.Sprintf("don-vi-%d-%d", b+1, m+1) }
func firstYear(o Options) int { return lastYear - o.Years + 1 }
func unitName(b, m int) string {
	return fmt.Sprintf("%s %d của khối %d", nouns[(b*7+m)%len(nouns)], m+1, b+1)
}
func leaderOf(year, n int) int          { return year % n }
func articleSlug(i int) string          { return fmt.Sprintf("tin-%05d", i+1) }
func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

var nouns = []string{"Hội Người cao tuổi", "Hội Chữ thập đỏ", "Sở Tài chính", "Hội Nông dân", "Tỉnh Đoàn",
	"Hội Khuyến học", "Sở Y tế", "Liên đoàn Lao động", "Hội Cựu chiến binh", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân huyện"}

func (g *generator) units() {
	var b strings.Builder
	for bl := range g.o.Blocs {
		for m := range g.o.Members {
			fmt.Fprintf(&b, "- id: %s\n  name: %s\n  kind: hội\n", unitID(bl, m), unitName(bl, m))
		}
	}
	g.write("data/units.yaml", b.String())
}

func (g *generator) bloc(bl int) {
	id := blocID(bl)
	g.write("data/blocs/"+id+"/bloc.yaml", fmt.Sprintf("name: Khối thi đua số %d\nshort: Khối %d\norder: %d\ndescription: Các đơn vị của khối %d.\n", bl+1, bl+1, bl+1, bl+1))
	n := g.o.Members
	for year := firstYear(g.o); year <= lastYear; year++ {
		var b strings.Builder
		order := g.rnd.Perm(n) // order[rank-1] is the member of that rank
		b.WriteString("members:\n")
		for rank, m := range order {
			rating := "tot"
			if rank < n/3 {
				rating = "xuat-sac"
			}
			fmt.Fprintf(&b, "  - unit: %s\n    rank: %d\n    score: %.1f\n    rating: %s\n", unitID(bl, m), rank+1, 99-float64(rank)*0.5, rating)
		}
		fmt.Fprintf(&b, "leader: %s\n", unitID(bl, leaderOf(year, n)))
		if n > 1 {
			fmt.Fprintf(&b, "deputies: [%s]\n", unitID(bl, leaderOf(year+1, n)))
		}
		if year < lastYear {
			fmt.Fprintf(&b, "next_leader: %s\n", unitID(bl, leaderOf(year+1, n)))
		}
		fmt.Fprintf(&b, "covenant: {date: %d-03-%02d}\nreview: {date: %d-01-%02d}\n", year, 1+g.rnd.IntN(28), year+1, 1+g.rnd.IntN(28))
		fmt.Fprintf(&b, "awards:\n  - award: co-thi-dua-tinh\n    unit: %s\n  - award: bang-khen-tinh\n    unit: %s\n    status: proposed\n",
			unitID(bl, order[0]), unitID(bl, order[min(1, n-1)]))
		fmt.Fprintf(&b, "models:\n  - unit: %s\n    name: Mô hình %s năm %d\n", unitID(bl, order[0]), pick(g.rnd, words), year)
		fmt.Fprintf(&b, "figures:\n  - {label: Quỹ vận động được, value: %d, unit: đồng}\n", (1+g.rnd.IntN(900))*10_000_000)
		g.write(fmt.Sprintf("data/blocs/%s/%d.yaml", id, year), b.String())
	}
}

var words = []string{"thi đua", "khen thưởng", "giao ước", "tổng kết", "phong trào", "an sinh", "khuyến học",
	"chuyển đổi số", "nông thôn mới", "giảm nghèo", "đoàn kết", "sáng tạo", "hội viên", "cơ sở", "mô hình"}

func (g *generator) sentence() string {
	n := 6 + g.rnd.IntN(10)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = pick(g.rnd, words)
	}
	s := strings.Join(ws, " ")
	return capitalize(s) + "."
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *generator) article(i int) {
	o := g.o
	bl := g.rnd.IntN(o.Blocs)
	year := firstYear(o) + g.rnd.IntN(o.Years)
	m1, m2 := g.rnd.IntN(o.Members), g.rnd.IntN(o.Members)
	units := unitID(bl, m1)
	if m2 != m1 {
		units += ", " + unitID(bl, m2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s khối %d năm %d (bài %d)\n", capitalize(pick(g.rnd, words)), bl+1, year, i+1)
	fmt.Fprintf(&b, "date: %d-%02d-%02dT%02d:%02d:00+07:00\n", year, 1+g.rnd.IntN(12), 1+g.rnd.IntN(28), 7+g.rnd.IntN(10), g.rnd.IntN(60))
	fmt.Fprintf(&b, "blocs: [%s]\nyear: %d\nunits: [%s]\nauthor: Phóng viên %d\n---\n\n", blocID(bl), year, units, 1+i%7)
	fmt.Fprintf(&b, "%s Tin từ [khối %d](/khoi/%s/).\n\n", g.sentence(), bl+1, blocID(bl))
	fmt.Fprintf(&b, "## Kết quả năm %d\n\n", year)
	for range 2 + g.rnd.IntN(3) {
		fmt.Fprintf(&b, "%s %s %s\n\n", g.sentence(), g.sentence(), g.sentence())
	}
	fmt.Fprintf(&b, "- %s\n- %s của [đơn vị](/don-vi/%s/)\n\n", g.sentence(), g.sentence(), unitID(bl, m1))
	fmt.Fprintf(&b, "%s\n", g.sentence())
	g.write(fmt.Sprintf("content/news/%d/%s.md", year, articleSlug(i)), b.String())
}

// Package synth writes generated site folders of any size, for benchmarks
// and tests at scale. The same Options give the same files, byte for byte.
//
// A generated site has Blocs blocs of Members units each, over Years years
// ending in 2025, and Articles news articles spread over those years. It
// passes every check: each unit is in one bloc every year, ranks run from 1,
// each year's leader is the previous year's next_leader, and every link
// points at a page of the site. Articles read like the news of a province's
// emulation blocs: Vietnamese sentences with numbers, headings, bulleted
// and numbered lists, a table of results and links to blocs, units and
// years, about 3 KB of Markdown each.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/thidua/thidua/internal/vn"
)

// Options say how large a site to write. Zero values take the defaults.
type Options struct {
	Articles int   // news articles; default 100
	Blocs    int   // blocs; default 8
	Years    int   // years of records, ending in 2025; default 5
	Members  int   // units per bloc; default 12
	Seed     int64 // seed of the choices; the same seed gives the same site
}

// LastYear is the last year of records of a generated site.
const LastYear = 2025

// Paginate is the number of articles per news list page of a generated site.
const Paginate = 20

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
	g := &generator{o: o, rnd: rand.New(rand.NewPCG(uint64(o.Seed), 0x7468696475610a)), dir: dir, made: map[string]bool{}}
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

// ArticlePath is the slash path, in the site folder, of the article of
// index i (from 0) of a site written with opts.
func ArticlePath(opts Options, i int) string {
	o := opts.withDefaults()
	return fmt.Sprintf("content/news/%d/%s.md", articleYear(o, i), ArticleSlug(i))
}

// generator writes one site; the first error stops the writing.
type generator struct {
	o    Options
	rnd  *rand.Rand
	dir  string
	made map[string]bool // folders known to exist
	err  error
}

func (g *generator) write(rel, content string) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if d := filepath.Dir(p); !g.made[d] {
		if err := os.MkdirAll(d, 0o755); err != nil {
			g.err = err
			return
		}
		g.made[d] = true
	}
	g.err = os.WriteFile(p, []byte(content), 0o644)
}

func (g *generator) site() {
	g.write("site.yaml", "title: Thi đua – Khen thưởng tỉnh Tổng hợp\n"+
		"baseURL: https://thidua.example.gov.vn/\n"+
		"language: vi\n"+
		"description: Một trang thi đua sinh ra để đo tốc độ dựng trang.\n"+
		"province: Tổng hợp\n"+
		"paginate: "+strconv.Itoa(Paginate)+"\n")
}

func blocID(b int) string     { return fmt.Sprintf("khoi-%d", b+1) }
func unitID(b, m int) string  { return fmt.Sprintf("don-vi-%d-%d", b+1, m+1) }
func firstYear(o Options) int { return LastYear - o.Years + 1 }
func unitName(b, m int) string {
	return fmt.Sprintf("%s %d của khối %d", nouns[(b*7+m)%len(nouns)], m+1, b+1)
}
func leaderOf(year, n int) int { return year % n }

// ArticleSlug is the slug, and so the last element of the URL, of the
// article of index i (from 0).
func ArticleSlug(i int) string { return fmt.Sprintf("tin-%05d", i+1) }

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// articleYear spreads the articles evenly over the years, so that the year
// of an article is known without generating the ones before it.
func articleYear(o Options, i int) int { return firstYear(o) + i%o.Years }

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
	for year := firstYear(g.o); year <= LastYear; year++ {
		var b strings.Builder
		order := g.rnd.Perm(n) // order[rank-1] is the member of that rank
		b.WriteString("members:\n")
		for rank, m := range order {
			fmt.Fprintf(&b, "  - unit: %s\n    rank: %d\n    score: %.1f\n    rating: %s\n", unitID(bl, m), rank+1, score(rank), rating(rank, n))
		}
		fmt.Fprintf(&b, "leader: %s\n", unitID(bl, leaderOf(year, n)))
		if n > 1 {
			fmt.Fprintf(&b, "deputies: [%s]\n", unitID(bl, leaderOf(year+1, n)))
		}
		if year < LastYear {
			fmt.Fprintf(&b, "next_leader: %s\n", unitID(bl, leaderOf(year+1, n)))
		}
		fmt.Fprintf(&b, "covenant: {date: %d-03-%02d}\nreview: {date: %d-01-%02d}\n", year, 1+g.rnd.IntN(28), year+1, 1+g.rnd.IntN(28))
		fmt.Fprintf(&b, "awards:\n  - award: co-thi-dua-tinh\n    unit: %s\n  - award: bang-khen-tinh\n    unit: %s\n    status: proposed\n",
			unitID(bl, order[0]), unitID(bl, order[min(1, n-1)]))
		fmt.Fprintf(&b, "models:\n  - unit: %s\n    name: Mô hình %s năm %d\n", unitID(bl, order[0]), pick(g.rnd, topics), year)
		fmt.Fprintf(&b, "figures:\n  - {label: Quỹ vận động được, value: %d, unit: đồng}\n", (1+g.rnd.IntN(900))*10_000_000)
		g.write(fmt.Sprintf("data/blocs/%s/%d.yaml", id, year), b.String())
	}
}

func score(rank int) float64 { return 99 - float64(rank)*0.5 }

func rating(rank, n int) string {
	if rank < n/3 {
		return "xuat-sac"
	}
	return "tot"
}

// The words of the articles: a sentence is a subject, a deed and a
// complement, some with numbers.
var (
	topics = []string{"thi đua", "khen thưởng", "giao ước", "tổng kết", "phong trào", "an sinh", "khuyến học",
		"chuyển đổi số", "nông thôn mới", "giảm nghèo", "đoàn kết", "sáng tạo", "hội viên", "cơ sở", "dân vận khéo"}
	subjects = []string{"Ban Thường vụ", "Các chi hội cơ sở", "Đơn vị", "Lãnh đạo khối", "Ban Chấp hành",
		"Đoàn kiểm tra chéo", "Các đơn vị thành viên", "Hội đồng Thi đua – Khen thưởng", "Tổ công tác", "Cán bộ, hội viên"}
	deeds = []string{
		"đã tổ chức %s lớp tập huấn chuyển giao khoa học kỹ thuật",
		"phối hợp triển khai %s mô hình sinh kế cho hộ nghèo",
		"vận động được %s đồng cho quỹ khuyến học",
		"hỗ trợ xây mới và sửa chữa %s căn nhà đại đoàn kết",
		"kết nạp mới %s hội viên",
		"trao %s suất học bổng cho học sinh vượt khó",
		"duy trì hoạt động của %s câu lạc bộ liên thế hệ",
		"tham gia hiến %s đơn vị máu tình nguyện",
		"ra quân dọn vệ sinh %s tuyến đường nông thôn",
		"hoàn thành %s chỉ tiêu thi đua đã đăng ký",
	}
	complements = []string{
		"trên địa bàn tỉnh", "vượt kế hoạch đề ra", "trong quý đầu năm", "góp phần hoàn thành các chỉ tiêu của Nghị quyết",
		"với sự tham gia của đông đảo hội viên", "theo đúng quy chế hoạt động của khối", "nhân dịp kỷ niệm ngày thành lập",
		"được nhân dân đồng tình hưởng ứng", "bảo đảm công khai, minh bạch", "tạo sức lan tỏa trong toàn khối",
	}
	headings = []string{"Kết quả nổi bật", "Những mô hình hay", "Khó khăn, hạn chế", "Phương hướng năm tới",
		"Công tác kiểm tra chéo", "Kiến nghị, đề xuất", "Bài học kinh nghiệm", "Công tác khen thưởng"}
	ratings = map[string]string{"xuat-sac": "Xuất sắc", "tot": "Tốt"}
)

func (g *generator) sentence() string {
	deed := pick(g.rnd, deeds)
	n := 2 + g.rnd.IntN(2000)
	if strings.Contains(deed, "đồng") {
		n *= 1_000_000
	}
	s := pick(g.rnd, subjects) + " " + fmt.Sprintf(deed, vn.FormatInt(int64(n), "vi")) + ", " + pick(g.rnd, complements)
	if g.rnd.IntN(3) == 0 {
		s += ", nâng tổng số lên " + vn.FormatInt(int64(n+g.rnd.IntN(5000)), "vi")
	}
	return s + "."
}

func (g *generator) paragraph(sentences int) string {
	ss := make([]string, sentences)
	for i := range ss {
		ss[i] = g.sentence()
	}
	return strings.Join(ss, " ")
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *generator) article(i int) {
	o := g.o
	bl := g.rnd.IntN(o.Blocs)
	year := articleYear(o, i)
	m1, m2 := g.rnd.IntN(o.Members), g.rnd.IntN(o.Members)
	units := unitID(bl, m1)
	if m2 != m1 {
		units += ", " + unitID(bl, m2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s khối %d năm %d (bài %d)\n", capitalize(pick(g.rnd, topics)), bl+1, year, i+1)
	fmt.Fprintf(&b, "date: %d-%02d-%02dT%02d:%02d:00+07:00\n", year, 1+g.rnd.IntN(12), 1+g.rnd.IntN(28), 7+g.rnd.IntN(10), g.rnd.IntN(60))
	fmt.Fprintf(&b, "blocs: [%s]\nyear: %d\nunits: [%s]\nauthor: Phóng viên %d\n---\n\n", blocID(bl), year, units, 1+i%7)
	fmt.Fprintf(&b, "%s Tin từ [Khối thi đua số %d](/khoi/%s/) năm [%d](/nam/%d/).\n\n", g.sentence(), bl+1, blocID(bl), year, year)
	fmt.Fprintf(&b, "## %s năm %d\n\n%s\n\n", pick(g.rnd, headings), year, g.paragraph(3+g.rnd.IntN(3)))
	fmt.Fprintf(&b, "Trong năm, **%s** đạt được:\n\n", unitName(bl, m1))
	for range 3 + g.rnd.IntN(3) {
		fmt.Fprintf(&b, "- %s\n", g.sentence())
	}
	fmt.Fprintf(&b, "- nhiều kết quả khác của [%s](/don-vi/%s/).\n\n", unitName(bl, m1), unitID(bl, m1))
	fmt.Fprintf(&b, "### Bảng xếp hạng khối %d\n\n| Hạng | Đơn vị | Điểm | Xếp loại |\n|---:|---|---:|---|\n", bl+1)
	for rank := range min(5, o.Members) {
		m := (m1 + rank) % o.Members
		fmt.Fprintf(&b, "| %d | [%s](/don-vi/%s/) | %s | %s |\n", rank+1, unitName(bl, m), unitID(bl, m),
			vn.FormatFloat(score(rank), "vi"), ratings[rating(rank, o.Members)])
	}
	fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", pick(g.rnd, headings), g.paragraph(2+g.rnd.IntN(3)))
	for k := range 3 {
		fmt.Fprintf(&b, "%d. %s\n", k+1, g.sentence())
	}
	fmt.Fprintf(&b, "\n*%s*\n", g.sentence())
	g.write(ArticlePath(o, i), b.String())
}

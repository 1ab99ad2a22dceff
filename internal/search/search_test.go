package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/vn"
)

// vectors are the cases of testdata/fold_vectors.json, which the browser
// test runs through search.js as well.
type vectors struct {
	Fold  [][2]string         `json:"fold"`
	Terms [][]json.RawMessage `json:"terms"` // [input, [terms]]
}

// readVectors reads testdata/fold_vectors.json.
func readVectors(t *testing.T) (fold [][2]string, terms map[string][]string) {
	t.Helper()
	b, err := os.ReadFile("testdata/fold_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	terms = map[string][]string{}
	for _, pair := range v.Terms {
		var in string
		var out []string
		if len(pair) != 2 || json.Unmarshal(pair[0], &in) != nil || json.Unmarshal(pair[1], &out) != nil {
			t.Fatalf("bad terms vector %s", pair)
		}
		terms[in] = out
	}
	if len(v.Fold) < 10 || len(terms) < 5 {
		t.Fatalf("only %d fold and %d terms vectors", len(v.Fold), len(terms))
	}
	return v.Fold, terms
}

func TestFoldVectors(t *testing.T) {
	fold, terms := readVectors(t)
	for _, c := range fold {
		if got := Fold(c[0]); got != c[1] {
			t.Errorf("Fold(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	for in, want := range terms {
		if got := Terms(in); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("Terms(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShardKey(t *testing.T) {
	for in, want := range map[string]string{"nguoi": "n", "2024": "2", "": "_", "αβ": "_"} {
		if got := ShardKey(in); got != want {
			t.Errorf("ShardKey(%q) = %q, want %q", in, got, want)
		}
		if !slices.Contains(ShardKeys(), ShardKey(in)) {
			t.Errorf("ShardKey(%q) is not among ShardKeys", in)
		}
	}
	if keys := ShardKeys(); len(keys) != 37 || !slices.IsSorted(keys) {
		t.Errorf("ShardKeys = %v", keys)
	}
}

// buildIndex indexes site with its plan of pages, its strings their keys.
func buildIndex(site *model.Site) *Built {
	return Build(site, pages.Plan(site, func(key string) string { return key }))
}

// recordsSite is demoSite with the pages of the records: the years of its
// blocs, the years across them, two award kinds and a standalone page.
func recordsSite() *model.Site {
	s := demoSite()
	for i, b := range s.Blocs {
		for _, year := range []int{2023, 2024} {
			y := &model.BlocYear{Bloc: b, Year: year}
			b.Years = append(b.Years, y)
			if i == 0 {
				s.Years = append(s.Years, &model.Year{Year: year})
			}
		}
	}
	s.Awards = []*model.AwardKind{
		{ID: "co-thi-dua-tinh", Name: "Cờ thi đua của Ủy ban nhân dân tỉnh", Short: "Cờ thi đua tỉnh"},
		{ID: "bang-khen-tinh", Name: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"},
	}
	s.Pages = []*model.Page{{Slug: "gioi-thieu", Title: "Giới thiệu", Summary: "Về trang thi đua của tỉnh."}}
	day := func(d int) time.Time { return time.Date(2025, 1, d, 0, 0, 0, 0, vn.TimeZone()) }
	s.Decisions = []*model.Decision{
		{ID: "qd-455-ttg-2025", Number: "455/QĐ-TTg", Date: day(24), Issuer: "Thủ tướng Chính phủ", Title: "Về việc tặng Cờ thi đua của Chính phủ"},
		{ID: "qd-45-ubnd-2025", Number: "45/QĐ-UBND", Date: day(20), Issuer: "Ủy ban nhân dân tỉnh", Title: "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh"},
	}
	s.Notices = []*model.Notice{{ID: "co-thi-dua-tinh-2024", Title: "Lấy ý kiến nhân dân về các tập thể đề nghị tặng Cờ thi đua năm 2024", From: day(6), To: day(20)}}
	s.Index()
	return s
}

// TestSearchFindsADecisionByItsNumber checks that a decision's number,
// typed with or without its marks, in any case, whole or cut after the
// letters of its kind, finds its page first.
func TestSearchFindsADecisionByItsNumber(t *testing.T) {
	b := buildIndex(recordsSite())
	for _, q := range []string{"45/QĐ-UBND", "45/qd-ubnd", "45 qđ", "45 QD UBND"} {
		if got := paths(b, b.Search(q)); len(got) == 0 || got[0] != "quyet-dinh/qd-45-ubnd-2025/" {
			t.Errorf("%q finds %v, want quyet-dinh/qd-45-ubnd-2025/ first", q, got)
		}
	}
	if got := paths(b, b.Search("455/QĐ-TTg")); len(got) == 0 || got[0] != "quyet-dinh/qd-455-ttg-2025/" {
		t.Errorf("455/QĐ-TTg finds %v", got)
	}
	if got := paths(b, b.Search("lay y kien co thi dua")); len(got) == 0 || got[0] != "lay-y-kien/co-thi-dua-tinh-2024/" {
		t.Errorf("a consultation is not found first: %v", got)
	}
}

// TestSearchFindsEveryPageKind is issue 18's: years, award kinds, bloc
// years and standalone pages are found too, and a year typed alone leads to
// that year's page first.
func TestSearchFindsEveryPageKind(t *testing.T) {
	b := buildIndex(recordsSite())
	kinds := map[string]int{}
	for _, d := range b.Index.Docs {
		kinds[d.Kind]++
	}
	if want := map[string]int{KindBloc: 2, KindUnit: 3, KindYear: 2, KindAward: 2, KindBlocYear: 4, KindPage: 1, KindDecision: 2, KindNotice: 1, KindArticle: 3}; !maps.Equal(kinds, want) {
		t.Errorf("docs by kind = %v, want %v", kinds, want)
	}
	for _, c := range []struct{ query, first string }{
		{"2024", "nam/2024/"},
		{"2023", "nam/2023/"},
		{"co thi dua", "khen-thuong/co-thi-dua-tinh/"},
		{"Bằng khen", "khen-thuong/bang-khen-tinh/"},
		{"khoi thi dua 8 2023", "khoi/khoi-8/2023/"},
		{"khoi 8 2024", "khoi/khoi-8/2024/"},
		{"gioi thieu", "gioi-thieu/"},
	} {
		got := paths(b, b.Search(c.query))
		if len(got) == 0 || got[0] != c.first {
			t.Errorf("%q finds %v, want %s first", c.query, got, c.first)
		}
	}
	// "2024" also finds the bloc years and the article of that year, after.
	if got := paths(b, b.Search("2024")); len(got) < 4 || !slices.Contains(got, "khoi/khoi-9/2024/") || !slices.Contains(got, "tin-tuc/tong-ket/") {
		t.Errorf("2024 finds %v, want the year, both blocs' years and the article", got)
	}
}

// TestGrouped: the page lists hits grouped by kind, the group of the best
// hit first, and at most MaxShown.
func TestGrouped(t *testing.T) {
	b := buildIndex(recordsSite())
	hits := b.Search("2024")
	got := paths(b, b.Grouped(hits))
	want := []string{"nam/2024/", "khoi/khoi-8/2024/", "khoi/khoi-9/2024/", "lay-y-kien/co-thi-dua-tinh-2024/", "tin-tuc/tong-ket/", "tin-tuc/khuyen-hoc/", "don-vi/hoi-nguoi-cao-tuoi/"}
	if !slices.Equal(got, want) {
		t.Errorf("grouped = %v, want %v", got, want)
	}
	many := make([]Hit, 2*MaxShown)
	if n := len(b.Grouped(many)); n != MaxShown {
		t.Errorf("Grouped of %d hits gives %d, want %d", len(many), n, MaxShown)
	}
}

// demoSite is a small site: two blocs, three units, three articles.
func demoSite() *model.Site {
	s := &model.Site{Config: model.Config{Title: "T", Paginate: 10}}
	nct := &model.Unit{ID: "hoi-nguoi-cao-tuoi", Name: "Hội Người cao tuổi tỉnh", Short: "Hội NCT", Kind: "hội"}
	ctd := &model.Unit{ID: "hoi-chu-thap-do", Name: "Hội Chữ thập đỏ tỉnh", Short: "Hội CTĐ",
		Formerly: []model.FormerName{{Name: "Hội Hồng thập tự", Until: 1990}}}
	kh := &model.Unit{ID: "hoi-khuyen-hoc", Name: "Hội Khuyến học tỉnh"}
	s.Units = []*model.Unit{ctd, kh, nct}
	s.Blocs = []*model.Bloc{
		{ID: "khoi-8", Name: "Khối thi đua 8", Short: "Khối 8", Description: "Các hội có tính chất **đặc thù** cấp [tỉnh](/khoi/).\n\nĐoạn hai."},
		{ID: "khoi-9", Name: "Khối thi đua các sở"},
	}
	for i, year := range []int{2023, 2024} {
		y := &model.BlocYear{Bloc: s.Blocs[i], Year: year}
		nct.Memberships = append(nct.Memberships, &model.Membership{Unit: nct, BlocYear: y})
	}
	day := func(d int) time.Time { return time.Date(2025, 1, d, 0, 0, 0, 0, time.UTC) }
	s.Articles = []*model.Article{
		{Slug: "tong-ket", Title: "Khối 8 tổng kết năm 2024", Date: day(8), Summary: "Hội nghị tổng kết.",
			Terms: terms("Hội Người cao tuổi dẫn đầu khối với 98,5 điểm. Đồng chí Trần Văn Đức phát biểu.")},
		{Slug: "nguoi-cao-tuoi-lam-kinh-te", Title: "Người cao tuổi làm kinh tế giỏi", Date: day(5),
			Summary: "Câu lạc bộ liên thế hệ.", Terms: terms("Nội dung về vay vốn.")},
		{Slug: "khuyen-hoc", Title: "Khuyến học năm 2024", Date: day(2), Summary: "Trao học bổng.",
			Terms: terms("Quỹ khuyến học của Hội Chữ thập đỏ góp sức.")},
	}
	s.Index()
	return s
}

func paths(b *Built, hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, b.Index.Docs[h.Doc].Path)
	}
	return out
}

func TestBuild(t *testing.T) {
	b := buildIndex(demoSite())
	docs := b.Index.Docs
	if len(docs) != 2+3+3 {
		t.Fatalf("%d docs", len(docs))
	}
	if d := docs[0]; d.Kind != KindBloc || d.Path != "khoi/khoi-8/" || d.Summary != "Các hội có tính chất đặc thù cấp tỉnh." || !slices.Equal(d.Names, []string{"Khối 8"}) {
		t.Errorf("bloc doc = %+v", d)
	}
	if d := docs[4]; d.Summary != "hội · Khối thi đua các sở (2024)" {
		t.Errorf("unit summary = %q", d.Summary)
	}
	if d := docs[2]; d.Kind != KindUnit || !slices.Equal(d.Names, []string{"Hội CTĐ", "Hội Hồng thập tự"}) {
		t.Errorf("unit doc = %+v", d)
	}
	if d := docs[5]; d.Kind != KindArticle || d.Date != "2025-01-08" || d.Path != "tin-tuc/tong-ket/" {
		t.Errorf("article doc = %+v", d)
	}
	// Body terms that are already in the title or summary are not repeated.
	if _, ok := b.Shards["t"]["tong"]; ok {
		t.Error(`"tong" of the title is also indexed as a body term`)
	}
	if got := undelta(b.Shards["d"]["duc"]); !slices.Equal(got, []int{5}) {
		t.Errorf(`body term "duc" in docs %v, want [5]`, got)
	}
	if got := undelta(b.Shards["h"]["hoi"]); !slices.Equal(got, []int{7}) {
		t.Errorf(`body term "hoi" in docs %v, want [7] (doc 5 has it in its summary)`, got)
	}
	if !slices.Equal(b.Index.Shards, sortedKeys(b.Shards)) {
		t.Errorf("shard list %v, shards %v", b.Index.Shards, sortedKeys(b.Shards))
	}
}

func sortedKeys(m map[string]Shard) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestSearchIgnoresDiacriticsAndCase(t *testing.T) {
	b := buildIndex(demoSite())
	want := paths(b, b.Search("Người cao tuổi"))
	if len(want) < 3 {
		t.Fatalf("Người cao tuổi finds %v", want)
	}
	for _, q := range []string{"nguoi cao tuoi", "NGƯỜI CAO TUỔI", "NGUOI CAO TUOI", "Ngu\u031bo\u031b\u0300i cao tuổi"} {
		if got := paths(b, b.Search(q)); !slices.Equal(got, want) {
			t.Errorf("%q finds %v, want %v", q, got, want)
		}
	}
}

func TestSearchRanking(t *testing.T) {
	b := buildIndex(demoSite())
	for _, c := range []struct {
		query string
		want  []string
	}{
		// Title matches first: the unit and the article with the phrase
		// in the title, then the article that has it only in the body.
		{"nguoi cao tuoi", []string{"don-vi/hoi-nguoi-cao-tuoi/", "tin-tuc/nguoi-cao-tuoi-lam-kinh-te/", "tin-tuc/tong-ket/"}},
		{"khuyen hoc", []string{"don-vi/hoi-khuyen-hoc/", "tin-tuc/khuyen-hoc/"}},
		// đ matches d, in names and in bodies.
		{"chu thap do", []string{"don-vi/hoi-chu-thap-do/", "tin-tuc/khuyen-hoc/"}},
		{"duc", []string{"tin-tuc/tong-ket/"}},
		// Short and former names; a prefix of a word as it is typed.
		{"hoi nct", []string{"don-vi/hoi-nguoi-cao-tuoi/"}},
		{"hong thap", []string{"don-vi/hoi-chu-thap-do/"}},
		{"khoi 8", []string{"khoi/khoi-8/", "tin-tuc/tong-ket/"}},
		{"dac thu", []string{"khoi/khoi-8/"}},
		{"vay v", []string{"tin-tuc/nguoi-cao-tuoi-lam-kinh-te/"}},
		{"khong co gi", nil},
		{"  !? ", nil},
	} {
		if got := paths(b, b.Search(c.query)); !slices.Equal(got, c.want) {
			t.Errorf("%q finds %v, want %v", c.query, got, c.want)
		}
	}
}

// syntheticSite has n articles of realistic length, with words drawn by
// Zipf's law from a vocabulary of folded Vietnamese syllables.
func syntheticSite(n int) *model.Site {
	onsets := []string{"", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"}
	rimes := []string{"a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăn", "âm", "ân", "âu", "e", "em", "en", "ê", "ên", "i", "im", "in", "inh", "o", "oi", "om", "on", "ong", "ô", "ôi", "ông", "ơ", "ơi", "ơn", "u", "ui", "un", "ung", "ư", "ưa", "ươi", "ương", "iêu", "iên", "uyên", "ât", "ăt", "ac", "ach", "uc", "ưc", "ôc"}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	var vocab []string
	for _, o := range onsets {
		for _, r := range rimes {
			for _, t := range tones {
				vocab = append(vocab, o+r+t)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(vocab), func(i, j int) { vocab[i], vocab[j] = vocab[j], vocab[i] })
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 2, uint64(len(vocab)-1))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	s := &model.Site{Config: model.Config{Title: "T", Paginate: 20}}
	for i := range n {
		s.Articles = append(s.Articles, &model.Article{
			Slug:    fmt.Sprintf("bai-viet-so-%d", i),
			Title:   words(10),
			Date:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * 24 * time.Hour),
			Summary: words(35),
			Terms:   terms(words(600)),
		})
	}
	s.Index()
	return s
}

func gzipSize(t *testing.T, v any) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Len()
}

// TestIndexSizeOf10000Articles: the whole index of a 10,000-article site,
// main file and every shard, stays under 3 MB gzipped.
func TestIndexSizeOf10000Articles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-article index")
	}
	b := buildIndex(syntheticSite(10000))
	main := gzipSize(t, b.Index)
	total, biggest := main, 0
	for _, key := range b.Index.Shards {
		n := gzipSize(t, b.Shards[key])
		total += n
		biggest = max(biggest, n)
	}
	t.Logf("main %d KB, %d shards, biggest %d KB, total %d KB gzipped", main>>10, len(b.Shards), biggest>>10, total>>10)
	if total >= 3<<20 {
		t.Errorf("index of 10,000 articles is %d bytes gzipped, want < 3 MB", total)
	}
	if main >= 2<<20 {
		t.Errorf("main index is %d bytes gzipped", main)
	}
}

type memFile struct {
	bytes.Buffer
	files map[string][]byte
	name  string
}

func (f *memFile) Close() error { f.files[f.name] = f.Bytes(); return nil }

func TestExtraWritesWhatPathsSays(t *testing.T) {
	site := demoSite()
	files := map[string][]byte{}
	create := func(name string) (io.WriteCloser, error) { return &memFile{files: files, name: name}, nil }
	if err := (Extra{}).Write(site, nil, create); err != nil {
		t.Fatal(err)
	}
	want := (Extra{}).Paths(site)
	if len(want) != 1+26+10+1 {
		t.Errorf("Paths lists %d files, want the index and 37 shards", len(want))
	}
	if string(files[ShardFile("z")]) != "{}\n" {
		t.Errorf("an empty shard is %q", files[ShardFile("z")])
	}
	if len(files) != len(want) {
		t.Errorf("wrote %d files, Paths lists %d", len(files), len(want))
	}
	for _, p := range want {
		if !strings.HasPrefix(p, pages.SearchPath) {
			t.Errorf("%s is outside %s", p, pages.SearchPath)
		}
		if _, ok := files[p]; !ok {
			t.Errorf("%s not written", p)
		}
	}
	var ix Index
	if err := json.Unmarshal(files[IndexFile], &ix); err != nil {
		t.Fatal(err)
	}
	b := buildIndex(site)
	if fmt.Sprint(ix) != fmt.Sprint(b.Index) {
		t.Errorf("index.json reads back as\n%v\nwant\n%v", ix, b.Index)
	}
	var sh Shard
	if err := json.Unmarshal(files[ShardFile("h")], &sh); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sh) != fmt.Sprint(b.Shards["h"]) {
		t.Errorf("body-h.json = %v, want %v", sh, b.Shards["h"])
	}
}

// terms is what loading makes of the text of an article's body.
func terms(text string) string { return strings.Join(Terms(text), " ") }

// encodeIndex writes a document at a time what encoding the whole index
// at once writes.
func TestEncodeIndexIsEncodeJSON(t *testing.T) {
	built := buildIndex(demoSite())
	for _, ix := range []Index{
		built.Index,
		{Version: 1},
		{Version: 1, Shards: []string{}, Docs: []Doc{}},
		{Version: 1, Shards: []string{"a"}, Docs: []Doc{{Kind: KindArticle, Title: `<b>"Tin" & tức</b>`, Path: "tin-tuc/a/", Names: []string{"x"}}}},
	} {
		var whole, parts bytes.Buffer
		if err := encodeJSON(&whole, ix); err != nil {
			t.Fatal(err)
		}
		if err := encodeIndex(&parts, ix); err != nil {
			t.Fatal(err)
		}
		if whole.String() != parts.String() {
			t.Errorf("encodeIndex gives\n%s\nencodeJSON gives\n%s", parts.String(), whole.String())
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	site := syntheticSite(2000)
	for b.Loop() {
		buildIndex(site)
	}
}

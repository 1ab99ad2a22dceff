package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/vn"
)

func site() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"site.yaml":                   file("title: T\nbaseURL: https://x.example/\n"),
		"data/units.yaml":             file("- {id: hoi-a, name: Hội A}\n- {id: hoi-b, name: Hội B}\n- {id: hoi-c, name: Hội C, dissolved: 2024}\n- {id: hoi-d, name: Hội D, predecessors: [hoi-c]}\n- {id: hoi-e, name: Hội E}\n"),
		"data/blocs/khoi-8/bloc.yaml": file("name: Khối thi đua 8\n"),
		"data/blocs/khoi-8/2023.yaml": file("members: [hoi-a, hoi-b, hoi-c]\nleader: hoi-a\nnext_leader: hoi-a\n"),
		"data/blocs/khoi-8/2024.yaml": file("members:\n  - {unit: hoi-a, rank: 1}\n  - {unit: hoi-b, rank: 2}\n  - {unit: hoi-c, rank: 3}\nleader: hoi-a\ndeputies: [hoi-b]\nnext_leader: hoi-e\n"),
		"data/blocs/khoi-9/bloc.yaml": file("name: Khối 9\n"),
		"data/blocs/khoi-9/2024.yaml": file("members: [hoi-d]\nleader: hoi-d\n"),
		"data/blocs/khoi-7/bloc.yaml": file("name: Khối 7\n"),
		"data/blocs/khoi-7/2024.yaml": file("members: [hoi-d]\nleadr: hoi-d\n"),
		"content/news/2024/tin.md":    file("---\ntitle: Tin\ndate: 2024-01-02\nslug: khoi-8-tong-ket-nam-2025\n---\n"),
	}
}

var tuesday = time.Date(2026, 1, 6, 0, 0, 0, 0, vn.TimeZone())

func TestArticle(t *testing.T) {
	rel, src, err := Article(site(), ArticleOptions{Title: "Đoàn  thể: Khối thi đua 8 đề nghị khen thưởng!", Date: tuesday, Blocs: []string{"khoi-8"}, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if rel != "content/news/2026/doan-the-khoi-thi-dua-8-de-nghi-khen-thuong.md" {
		t.Errorf("path %s", rel)
	}
	a, diags := load.ParseArticle(rel, src, nil)
	if diags.Len() != 0 {
		t.Fatalf("the article does not parse: %v\n%s", diags.Items(), src)
	}
	if a.Title != "Đoàn  thể: Khối thi đua 8 đề nghị khen thưởng!" || !a.Date.Equal(tuesday) || a.Year != 2025 || !a.Draft ||
		len(a.Blocs) != 1 || a.Blocs[0].ID != "khoi-8" || a.Slug.ID != "doan-the-khoi-thi-dua-8-de-nghi-khen-thuong" {
		t.Errorf("front matter read back as %+v\n%s", a, src)
	}
	if !strings.Contains(string(src), "\ndate: 2026-01-06\n") {
		t.Errorf("the date is not written as a day:\n%s", src)
	}
}

func TestArticleDateAndSlug(t *testing.T) {
	at := time.Date(2025, 12, 31, 20, 30, 0, 0, time.UTC) // 03:30 on 1 January 2026 in Vietnam
	rel, src, err := Article(site(), ArticleOptions{Title: "Tin đầu năm", Slug: "dau-nam", Date: at})
	if err != nil {
		t.Fatal(err)
	}
	if rel != "content/news/2026/dau-nam.md" || !strings.Contains(string(src), "\ndate: 2026-01-01T03:30:00+07:00\n") {
		t.Errorf("%s:\n%s", rel, src)
	}
	if a, diags := load.ParseArticle(rel, src, nil); diags.Len() != 0 || a.Year != 0 || len(a.Blocs) != 0 {
		t.Errorf("%v %+v", diags.Items(), a)
	}
}

func TestArticleRefusals(t *testing.T) {
	fsys := site()
	fsys["content/news/2026/tin-moi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\ndate: 2026-01-01\n---\n")}
	for _, tc := range []struct {
		o    ArticleOptions
		want string
	}{
		{ArticleOptions{Title: "Tin mới", Date: tuesday}, "already exists"},
		{ArticleOptions{Title: "Khối 8 tổng kết năm 2025", Slug: "khoi-8-tong-ket-nam-2025", Date: tuesday}, "content/news/2024/tin.md already has the slug"},
		{ArticleOptions{Title: "Tin", Date: tuesday, Blocs: []string{"khoi-80"}}, `bloc "khoi-80" is unknown (did you mean "khoi-8"?)`},
		{ArticleOptions{Title: "Tin", Date: tuesday, Blocs: []string{"Khối 8"}}, "not a valid identifier"},
		{ArticleOptions{Title: "Tin", Date: tuesday, Year: 20245}, "year 20245 is not from 1945 to 2100"},
		{ArticleOptions{Title: "“—”", Date: tuesday}, "no letter or digit"},
		{ArticleOptions{Title: "Tin", Slug: "Tin_Moi", Date: tuesday}, "not a valid identifier"},
		{ArticleOptions{Title: "Hai\ndòng", Date: tuesday}, "one line"},
		{ArticleOptions{Title: "  ", Date: tuesday}, "one line"},
	} {
		_, _, err := Article(fsys, tc.o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Article(%+v): %v, want %q", tc.o, err, tc.want)
		}
	}
	if _, _, err := Article(fstest.MapFS{}, ArticleOptions{Title: "Tin", Date: tuesday}); err == nil || !strings.Contains(err.Error(), "no site.yaml") {
		t.Errorf("a folder that is not a site: %v", err)
	}
	if _, _, err := Year(fstest.MapFS{}, "khoi-8", 2025); err == nil || !strings.Contains(err.Error(), "no site.yaml") {
		t.Errorf("a folder that is not a site: %v", err)
	}
	if _, _, err := Article(fsys, ArticleOptions{Title: "Tin mới", Date: tuesday}); !errors.Is(err, ErrExists) {
		t.Errorf("an existing file: %v, want ErrExists", err)
	}
}

func TestYear(t *testing.T) {
	rel, src, err := Year(site(), "khoi-8", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if rel != "data/blocs/khoi-8/2025.yaml" {
		t.Errorf("path %s", rel)
	}
	y, diags := load.ParseBlocYear(rel, src)
	if diags.Len() != 0 {
		t.Fatalf("the new year does not parse: %v\n%s", diags.Items(), src)
	}
	var members []string
	for _, m := range y.Members {
		members = append(members, m.Unit.ID)
		if m.Rank != 0 || m.Score != nil || m.Rating != "" {
			t.Errorf("results carried over: %+v", m)
		}
	}
	if !slices.Equal(members, []string{"hoi-a", "hoi-b", "hoi-e"}) {
		t.Errorf("members %v: want last year's less the dissolved hoi-c, plus the new leader", members)
	}
	if y.Leader.ID != "hoi-e" || y.NextLeader.ID != "" || len(y.Deputies) != 0 || len(y.Awards) != 0 || len(y.Models) != 0 || y.Covenant != nil {
		t.Errorf("leader %q, the rest should be empty: %+v", y.Leader.ID, y)
	}
	for _, want := range []string{
		"# Khối thi đua 8 — năm 2025\n",
		"  # hoi-c đã hợp nhất vào hoi-d từ năm 2025, bỏ khỏi danh sách\n  # hoi-d thuộc khối khoi-7, không thêm vào đây\n",
		"  - hoi-e   # Khối trưởng mới, chưa là thành viên năm 2024\n",
		"# deputies: [hoi-a]   # Khối phó; năm 2024 là hoi-b\n",
		"#   - award: bang-khen-tinh\n#     unit: hoi-a\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the new year lacks %q:\n%s", want, src)
		}
	}
	// Uncommenting the examples gives a file that parses.
	var lines []string
	for _, l := range strings.Split(string(src), "\n") {
		rest, ok := strings.CutPrefix(l, "# ")
		key, _, _ := strings.Cut(rest, ":")
		if ok && (strings.HasPrefix(rest, " ") || slices.Contains([]string{"deputies", "next_leader", "covenant", "review", "awards", "models", "figures"}, key)) {
			l = rest
		}
		lines = append(lines, l)
	}
	uncommented := strings.Join(lines, "\n")
	if y, diags := load.ParseBlocYear(rel, []byte(uncommented)); diags.Len() != 0 || y.Review == nil || len(y.Figures) != 1 || y.NextLeader.ID == "" {
		t.Errorf("the examples, uncommented, do not parse: %v\n%s", diags.Items(), uncommented)
	}
}

// TestYearPutsSuccessors: a new year puts each successor of merged and
// split members in their place, once, with a comment, and not one that is
// in another bloc.
func TestYearPutsSuccessors(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"site.yaml": file("title: T\nbaseURL: https://x.example/\n"),
		"data/units.yaml": file("- {id: so-a, name: A, merged_into: {unit: so-c, year: 2025}}\n- {id: so-b, name: B, merged_into: {unit: so-c, year: 2025}}\n" +
			"- {id: so-c, name: C, established: 2025}\n- {id: so-x, name: X}\n- {id: so-d, name: D, split_into: {units: [so-e, so-f], year: 2025}}\n" +
			"- {id: so-e, name: E}\n- {id: so-f, name: F}\n- {id: so-g, name: G, dissolved: 2023}\n- {id: so-h, name: H, merged_into: {unit: so-i, year: 2024}}\n- {id: so-i, name: I, merged_into: {unit: so-x, year: 2025}}\n"),
		"data/blocs/kinh-te/bloc.yaml": file("name: Khối kinh tế\n"),
		"data/blocs/kinh-te/2023.yaml": file("members: [so-a, so-x, so-b, so-d, so-g, so-h]\nleader: so-x\nnext_leader: so-x\n"),
		"data/blocs/khoi-9/bloc.yaml":  file("name: Khối 9\n"),
		"data/blocs/khoi-9/2025.yaml":  file("members: [so-f]\nleader: so-f\n"),
	}
	_, src, err := Year(fsys, "kinh-te", 2025)
	if err != nil {
		t.Fatal(err)
	}
	y, diags := load.ParseBlocYear("data/blocs/kinh-te/2025.yaml", src)
	if diags.Len() != 0 {
		t.Fatalf("the new year does not parse: %v\n%s", diags.Items(), src)
	}
	var members []string
	for _, m := range y.Members {
		members = append(members, m.Unit.ID)
	}
	if !slices.Equal(members, []string{"so-c", "so-x", "so-e"}) {
		t.Errorf("members %v, want so-c in place of so-a and so-b, so-x, so-e in place of so-d\n%s", members, src)
	}
	for _, want := range []string{
		"  # so-a đã hợp nhất vào so-c từ năm 2025, bỏ khỏi danh sách\n",
		"  # so-d đã chia tách thành so-e, so-f từ năm 2025, bỏ khỏi danh sách\n",
		"  # so-f thuộc khối khoi-9, không thêm vào đây\n",
		"  # so-g đã giải thể sau năm 2023, bỏ khỏi danh sách\n",
		"  # so-h đã hợp nhất vào so-x từ năm 2024, bỏ khỏi danh sách\n  # so-x đã có trong danh sách\n",
		"  - so-c   # thay cho so-a, so-b\n  - so-x\n  - so-e   # thay cho so-d\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the new year lacks %q:\n%s", want, src)
		}
	}
}

func TestYearWithoutNextLeader(t *testing.T) {
	rel, src, err := Year(site(), "khoi-9", 2026)
	if err != nil {
		t.Fatal(err)
	}
	_, diags := load.ParseBlocYear(rel, src)
	items := diags.Items()
	if len(items) != 1 || items[0].Code != "empty-field" || !strings.Contains(items[0].Text(msg.English), `"leader"`) {
		t.Errorf("want only the empty leader reported, got %v\n%s", items, src)
	}
	if !strings.Contains(string(src), "# Khối trưởng năm 2026: ghi mã đơn vị được bầu tại hội nghị tổng kết năm 2024\n") {
		t.Errorf("no comment asks for the leader:\n%s", src)
	}
}

func TestYearRefusals(t *testing.T) {
	for _, tc := range []struct {
		bloc string
		year int
		want string
	}{
		{"khoi-8", 2024, "data/blocs/khoi-8/2024.yaml: the file already exists"},
		{"khoi-8", 2023, "already exists"},
		{"khoi-8", 2022, "no year before 2022"},
		{"khoi-80", 2025, `(did you mean "khoi-8"?)`},
		{"khoi-8", 3000, "not from 1945 to 2100"},
		{"khoi-7", 2025, "data/blocs/khoi-7/2024.yaml has errors"},
	} {
		_, _, err := Year(site(), tc.bloc, tc.year)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Year(%s, %d): %v, want %q", tc.bloc, tc.year, err, tc.want)
		}
	}
}

func TestWriteNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, "content/news/2026/a.md", []byte("first")); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, "content/news/2026/a.md", []byte("second"))
	if !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content/news/2026/a.md")); string(b) != "first" {
		t.Errorf("the file now holds %q", b)
	}
}

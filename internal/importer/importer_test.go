package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/internal/load"
	"github.com/thidua/thidua/internal/msg"
)

// testSite copies internal/build's test site into a temporary folder,
// with the files given written over it, and returns the folder.
func testSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// workbook makes an .xlsx of one sheet, Sheet1, of rows, with the ranges
// merged ("A1:E1").
func workbook(t *testing.T, rows [][]any, merged ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merged {
		from, to, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", from, to); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func run(t *testing.T, dir string, src []byte, opts Options) *Result {
	t.Helper()
	if opts.Bloc == "" {
		opts.Bloc, opts.Year = "khoi-a", 2024
	}
	if opts.What == "" {
		opts.What = Members
	}
	return Import(os.DirFS(dir), src, opts)
}

// mustLoad fails unless the site dir, with the year file of res written,
// loads without errors: thidua check passes.
func mustLoad(t *testing.T, dir string, res *Result) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(res.Path)), res.New, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, diags := load.Site(os.DirFS(dir), load.Options{}); diags.HasErrors(false) {
		t.Fatalf("the site does not load after the import: %v\n%s", diags.Items(), res.New)
	}
}

func diagnostics(res *Result) string {
	var b strings.Builder
	for _, d := range res.Diags {
		// The place and severity as String gives them, the text in the
		// site's language.
		s := d.String()
		b.WriteString(s[:len(s)-len(d.Text(msg.English))] + d.Text(res.Lang) + "\n")
	}
	return b.String()
}

// A year file with comments, blank lines, flow and block styles: an
// import changes the lines of what it changes and no other.
const commented = `# Khối A, năm 2024 — ghi chú của người nhập

members:
  # Khối trưởng
  - unit: hoi-nguoi-cao-tuoi
    rank: 1
    score: 98.5   # điểm hội nghị
    rating: xuat-sac

  - {unit: hoi-chu-thap-do, rank: 2, score: 96, rating: xuat-sac}
  - hoi-khuyen-hoc    # chưa có điểm
  - unit: hoi-dong-y
    rank: 4
    score: 90
    rating: hoan-thanh
leader: hoi-nguoi-cao-tuoi  # bầu năm 2023
deputies: [hoi-chu-thap-do]

# Hội nghị
review: {date: 2025-01-08}
awards:
  - award: co-thi-dua-tinh
    unit: hoi-nguoi-cao-tuoi
    status: proposed
  # Bằng khen
  - award: bang-khen-tinh
    unit: hoi-chu-thap-do
    decision: Quyết định số 45/QĐ-UBND ngày 20/01/2025
`

func TestUpdateKeepsCommentsOrderAndFormatting(t *testing.T) {
	dir := testSite(t, map[string]string{"data/blocs/khoi-a/2024.yaml": commented})
	csv := "\ufeffTên đơn vị,Tổng điểm,Xếp hạng,Xếp loại\n" +
		"Hội Người cao tuổi tỉnh,98.5,1,Hoàn thành xuất sắc nhiệm vụ\n" + // unchanged
		"Hội Chữ thập đỏ,97,2,HTXSNV\n" + // score changes, in flow style
		"Hội Khuyến học,94.25,3,Hoàn thành tốt nhiệm vụ\n" + // a bare id gets results
		"hoi-dong-y,90,4,Hoàn thành\n" // unchanged, by id
	res := run(t, dir, []byte(csv), Options{File: "bang-diem.csv"})
	if !res.OK() {
		t.Fatalf("errors:\n%s", diagnostics(res))
	}
	want := strings.Replace(commented, "  - {unit: hoi-chu-thap-do, rank: 2, score: 96, rating: xuat-sac}\n",
		"  - {unit: hoi-chu-thap-do, rank: 2, score: 97, rating: xuat-sac}\n", 1)
	want = strings.Replace(want, "  - hoi-khuyen-hoc    # chưa có điểm\n",
		"  - {unit: hoi-khuyen-hoc, rank: 3, score: 94.25, rating: tot} # chưa có điểm\n", 1)
	if string(res.New) != want {
		t.Errorf("got\n%s\nwant\n%s", res.New, want)
	}
	if res.Changed != 2 || res.Rows != 4 {
		t.Errorf("changed %d of %d rows, want 2 of 4", res.Changed, res.Rows)
	}
	mustLoad(t, dir, res)
}

func TestUpdateAddsMembersAndRoles(t *testing.T) {
	dir := testSite(t, map[string]string{"data/blocs/khoi-a/2024.yaml": commented})
	csv := "Tên đơn vị,Điểm,Vai trò\n" +
		"Hội Người cao tuổi,98.5,Thành viên\n" +
		"Hội Chữ thập đỏ,96,Khối trưởng\n" +
		"Hội Khuyến học,,Khối phó\n" +
		"Hội Đông y,90,\n" +
		"Sở Kế hoạch và Đầu tư,88,Khối phó\n"
	// Sở Kế hoạch is a member of khoi-b in 2024; the result is checked.
	res := run(t, dir, []byte(csv), Options{File: "a.csv"})
	if res.OK() || !strings.Contains(diagnostics(res), "a.csv: error: ") {
		t.Fatalf("a unit in two blocs gave no error at the sheet:\n%s", diagnostics(res))
	}
	csv = strings.Replace(csv, "Sở Kế hoạch và Đầu tư", "Hội Y học cổ truyền", 1)
	dir = testSite(t, map[string]string{"data/blocs/khoi-a/2024.yaml": commented,
		"data/units.yaml": strings.Replace(mustRead(t, "../build/testdata/site/data/units.yaml"), "  merged_into: {unit: hoi-dong-y, year: 2024}\n", "", 1)})
	res = run(t, dir, []byte(csv), Options{File: "a.csv"})
	if !res.OK() {
		t.Fatalf("errors:\n%s", diagnostics(res))
	}
	got := string(res.New)
	for _, want := range []string{
		"    rating: hoan-thanh\n  - unit: hoi-y-hoc-co-truyen\n    score: 88\nleader: hoi-chu-thap-do\ndeputies: [hoi-khuyen-hoc, hoi-y-hoc-co-truyen]\n\n# Hội nghị\n",
		"    score: 98.5   # điểm hội nghị\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	mustLoad(t, dir, res)
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDryRunDiff(t *testing.T) {
	dir := testSite(t, nil)
	res := run(t, dir, []byte("Đơn vị;Điểm\nHội Khuyến học;95,5\n"), Options{File: "x.csv"})
	if !res.OK() {
		t.Fatal(diagnostics(res))
	}
	want := `--- a/data/blocs/khoi-a/2024.yaml
+++ b/data/blocs/khoi-a/2024.yaml
@@ -9,7 +9,7 @@
     rating: xuat-sac
   - unit: hoi-khuyen-hoc
     rank: 3
-    score: 94.25
+    score: 95.5
     rating: tot
   - unit: hoi-dong-y
     rank: 4
`
	if got := res.Diff(); got != want {
		t.Errorf("diff\n%s\nwant\n%s", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "data/blocs/khoi-a/2024.yaml")); bytes.Contains(b, []byte("95.5")) {
		t.Error("Import wrote the year file")
	}
}

// windows1258 encodes s as Excel on a Vietnamese Windows saves a CSV: a
// letter the code page lacks precomposed is its base and a combining tone mark.
func windows1258(t *testing.T, s string) []byte {
	t.Helper()
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := enc.String(string(r)); err == nil {
			out = append(out, b...)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		written := false
		for i := 1; i < len(d) && !written; i++ {
			base, err1 := enc.String(norm.NFC.String(string(slices.Delete(slices.Clone(d), i, i+1))))
			mark, err2 := enc.String(string(d[i]))
			if err1 == nil && err2 == nil {
				out, written = append(out, base+mark...), true
			}
		}
		if !written {
			t.Fatalf("%q cannot be written in Windows-1258", r)
		}
	}
	return out
}

func TestCSVEncodings(t *testing.T) {
	text := "Tên đơn vị,Xếp loại\r\nHội Người cao tuổi,Hoàn thành tốt nhiệm vụ\r\nHội Y học cổ truyền,Không hoàn thành nhiệm vụ\r\n"
	cp := windows1258(t, text)
	if bytes.Contains(cp, []byte("ổ")) || !bytes.Contains(cp, []byte{0xF2}) {
		t.Fatalf("the Windows-1258 text has no combining mark: % x", cp)
	}
	var results []string
	// Excel's "Unicode Text": UTF-16 little-endian with its byte order mark.
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"utf8": []byte(text), "bom": []byte("\ufeff" + text), "cp1258": cp, "utf16le": []byte(utf16le)} {
		dir := testSite(t, nil)
		res := run(t, dir, src, Options{File: name + ".csv", Year: 2023, Bloc: "khoi-a"})
		if !res.OK() {
			t.Fatalf("%s: %s", name, diagnostics(res))
		}
		if !strings.Contains(string(res.New), "  - unit: hoi-nguoi-cao-tuoi\n    rank: 2\n    score: 95\n    rating: tot\n") ||
			!strings.Contains(string(res.New), "    rating: khong-hoan-thanh\n") {
			t.Errorf("%s:\n%s", name, res.New)
		}
		results = append(results, string(res.New))
	}
	for _, r := range results[1:] {
		if r != results[0] {
			t.Error("the encodings give different files")
		}
	}
}

// A realistic score sheet: the office's title block, a heading merged
// over two rows and one over two columns, a row of column numbers, a
// blank row, and a total row with the signatures below it.
func TestRealisticSheet(t *testing.T) {
	rows := [][]any{
		{"UBND TỈNH MẪU", nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"BAN THI ĐUA - KHEN THƯỞNG", nil, nil, "Độc lập - Tự do - Hạnh phúc"},
		{},
		{"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA CÁC ĐƠN VỊ KHỐI A NĂM 2024"},
		{},
		{"STT", "Tên đơn vị", "Kết quả", nil, "Xếp loại", "Ghi chú"},
		{nil, nil, "Tổng điểm", "Xếp hạng"},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)"},
		{1, "Hội Người cao tuổi", 99.5, 1, "Hoàn thành xuất sắc nhiệm vụ"},
		{2, "Hội CTĐ", 96, 2, "Xuất sắc"},
		{},
		{3, "UBND tỉnh Hội Khuyến học", 94.25, 3, "Tốt"}, // an odd prefix: not tolerated
		{4, "Hội Đông y tỉnh Mẫu", 90, 4, "Hoàn thành"},
		{nil, "Tổng cộng", 379.75},
		{nil, "Người lập biểu", nil, nil, "Trưởng ban"},
	}
	merged := []string{"A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:E7", "F6:F7"}
	dir := testSite(t, nil)
	res := run(t, dir, workbook(t, rows, merged...), Options{File: "bang-diem.xlsx"})
	want := "bang-diem.xlsx:Sheet1!B12: error: không có đơn vị \"UBND tỉnh Hội Khuyến học\" trong data/units.yaml (có phải \"Hội Khuyến học tỉnh\" (hoi-khuyen-hoc)?);"
	if res.OK() || !strings.HasPrefix(diagnostics(res), want) || len(res.Diags) != 1 {
		t.Fatalf("got\n%s\nwant %s…", diagnostics(res), want)
	}
	rows[11][1] = "Hội Khuyến học"
	res = run(t, dir, workbook(t, rows, merged...), Options{File: "bang-diem.xlsx"})
	if !res.OK() {
		t.Fatal(diagnostics(res))
	}
	if res.Rows != 4 || !strings.Contains(string(res.New), "    score: 99.5\n") {
		t.Errorf("%d rows:\n%s", res.Rows, res.New)
	}
	mustLoad(t, dir, res)
}

func TestErrorsAtCells(t *testing.T) {
	dir := testSite(t, nil)
	rows := [][]any{
		{"Đơn vị", "Điểm", "Hạng", "Xếp loại"},
		{"Hội Chữ thập đỏ tỉnh", "chín mươi", 2, "Tốt"},
		{"Hội Người cao tuổi", 95, 1.5, "Giỏi"},
		{"Hội Khuyen hoc tinh", 94, 3},
		{"Hội Người Cao Tuổi", 90, 4},
		{"Hội Ngừoi cao tuổi tỉnh Mẫ", 80, 5},
		{nil, 80, 6},
	}
	res := run(t, dir, workbook(t, rows), Options{File: "d.xlsx"})
	want := `d.xlsx:Sheet1!B2: error: "chín mươi" không phải là số; ghi số điểm như 98,5
d.xlsx:Sheet1!C3: error: "1.5" không phải thứ hạng; ghi 1 cho đơn vị đứng đầu, rồi 2, 3…
d.xlsx:Sheet1!D3: error: "Giỏi" không phải xếp loại; ghi một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ
d.xlsx:Sheet1!A5: error: đơn vị "Hội Người cao tuổi tỉnh" có hai dòng, dòng kia ở d.xlsx:Sheet1!A3; giữ một dòng
d.xlsx:Sheet1!A6: error: không có đơn vị "Hội Ngừoi cao tuổi tỉnh Mẫ" trong data/units.yaml (có phải "Hội Người cao tuổi tỉnh" (hoi-nguoi-cao-tuoi)?); ghi đúng tên hoặc mã đơn vị, hoặc thêm đơn vị vào data/units.yaml
d.xlsx:Sheet1!A7: error: dòng 7 có số liệu nhưng không có đơn vị; ghi tên đơn vị vào ô này hoặc xóa dòng
`
	if got := diagnostics(res); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if res.OK() || res.New != nil {
		t.Error("a sheet with errors gave a year file")
	}
}

func TestMessagesInEnglish(t *testing.T) {
	dir := testSite(t, map[string]string{"site.yaml": strings.Replace(mustRead(t, "../build/testdata/site/site.yaml"), "language: vi", "language: en", 1)})
	res := run(t, dir, []byte("Đơn vị\nHội Nông dân\n"), Options{File: "e.csv"})
	if got := diagnostics(res); !strings.HasPrefix(got, `e.csv:A2: error: no unit "Hội Nông dân" in data/units.yaml; `) {
		t.Errorf("got %s", got)
	}
}

func TestAmbiguousUnit(t *testing.T) {
	units := mustRead(t, "../build/testdata/site/data/units.yaml") + "- id: hoi-tai-chinh\n  name: Hội Tài chính tỉnh\n"
	dir := testSite(t, map[string]string{"data/units.yaml": units})
	res := run(t, dir, []byte("Đơn vị\nTài chính\n"), Options{File: "e.csv"})
	want := `e.csv:A2: error: "Tài chính" có thể là nhiều đơn vị: "Hội Tài chính tỉnh" (hoi-tai-chinh), "Sở Tài chính" (so-tai-chinh); ghi tên đầy đủ hoặc mã đơn vị`
	if got := diagnostics(res); !strings.HasPrefix(got, want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestMapColumns(t *testing.T) {
	dir := testSite(t, nil)
	rows := [][]any{
		{"Bảng điểm"},
		{"1", "Hội Khuyến học", "x", 93},
	}
	res := run(t, dir, workbook(t, rows), Options{File: "m.xlsx", Map: "unit=B,score=D"})
	if !res.OK() || !strings.Contains(string(res.New), "    score: 93\n") {
		t.Fatalf("%s\n%s", diagnostics(res), res.New)
	}
	res = run(t, dir, workbook(t, rows), Options{File: "m.xlsx", Map: "unit=B,points=D"})
	if got := diagnostics(res); !strings.Contains(got, `m.xlsx: error: --map "unit=B,points=D" không đúng`) {
		t.Errorf("got %s", got)
	}
	res = run(t, dir, workbook(t, rows), Options{File: "m.xlsx"})
	if got := diagnostics(res); !strings.HasPrefix(got, "m.xlsx: error: không tìm thấy dòng tiêu đề") {
		t.Errorf("got %s", got)
	}
}

func TestNewYearFile(t *testing.T) {
	dir := testSite(t, nil)
	csv := "Tên đơn vị,Điểm,Xếp hạng\nHội Người cao tuổi,99,1\nHội Chữ thập đỏ,98,2\nHội Khuyến học,97,3\nHội Đông y,96,4\n"
	res := run(t, dir, []byte(csv), Options{File: "n.csv", Bloc: "khoi-a", Year: 2025})
	if got := diagnostics(res); !strings.HasPrefix(got, "n.csv: error: tệp năm mới cần Khối trưởng") {
		t.Fatalf("2024 has no next_leader, got %s", got)
	}
	csv = strings.Replace(csv, "Xếp hạng\n", "Xếp hạng,Vai trò\n", 1)
	csv = strings.Replace(csv, "Hội Khuyến học,97,3\n", "Hội Khuyến học,97,3,Khối trưởng\n", 1)
	res = run(t, dir, []byte(csv), Options{File: "n.csv", Bloc: "khoi-a", Year: 2025})
	if !res.OK() {
		t.Fatal(diagnostics(res))
	}
	want := `# Khối thi đua các hội, năm 2025: nhập từ n.csv bằng thidua import
members:
  - {unit: hoi-nguoi-cao-tuoi, rank: 1, score: 99}
  - {unit: hoi-chu-thap-do, rank: 2, score: 98}
  - {unit: hoi-khuyen-hoc, rank: 3, score: 97}
  - {unit: hoi-dong-y, rank: 4, score: 96}
leader: hoi-khuyen-hoc
`
	if string(res.New) != want || res.Old != nil {
		t.Errorf("got\n%s\nwant\n%s", res.New, want)
	}
	if !strings.HasPrefix(res.Diff(), "--- /dev/null\n+++ b/data/blocs/khoi-a/2025.yaml\n") {
		t.Errorf("diff %s", res.Diff())
	}
	mustLoad(t, dir, res)
}

func TestAwards(t *testing.T) {
	dir := testSite(t, map[string]string{"data/blocs/khoi-a/2024.yaml": commented})
	rows := [][]any{
		{"PHỤ LỤC: DANH SÁCH TẬP THỂ ĐƯỢC KHEN THƯỞNG"},
		{"STT", "Tên tập thể", "Hình thức khen thưởng", "Tình trạng", "Số quyết định"},
		{1, "Hội Người cao tuổi", "Cờ thi đua của UBND tỉnh", "Đã tặng", "Quyết định số 12/QĐ-UBND"},
		{2, "Hội CTĐ", "Bằng khen của Chủ tịch UBND tỉnh", "", "Quyết định số 45/QĐ-UBND ngày 20/01/2025"},
		{3, "Hội Khuyến học", "", "Đề nghị"},
	}
	awards := map[string]string{}
	site, _ := load.Site(os.DirFS(dir), load.Options{})
	for _, k := range site.Awards {
		awards[k.ID] = k.Name
	}
	rows[2][2], rows[3][2] = awards["co-thi-dua-tinh"], awards["bang-khen-tinh"]
	res := run(t, dir, workbook(t, rows), Options{File: "pl.xlsx", What: Awards})
	if got := diagnostics(res); !strings.HasPrefix(got, "pl.xlsx:Sheet1!A5: error: dòng 5 không có hình thức khen thưởng") {
		t.Fatalf("got %s", got)
	}
	res = run(t, dir, workbook(t, rows), Options{File: "pl.xlsx", What: Awards, Award: "giay-khen"})
	if !res.OK() {
		t.Fatal(diagnostics(res))
	}
	want := strings.Replace(commented, "    status: proposed\n  # Bằng khen\n",
		"    status: conferred\n    decision: Quyết định số 12/QĐ-UBND\n  # Bằng khen\n", 1) +
		"  - award: giay-khen\n    unit: hoi-khuyen-hoc\n    status: proposed\n"
	if string(res.New) != want || res.Changed != 2 {
		t.Errorf("%d changed, got\n%s\nwant\n%s", res.Changed, res.New, want)
	}
	mustLoad(t, dir, res)

	rows[4][1] = "Sở Tài chính"
	res = run(t, dir, workbook(t, rows), Options{File: "pl.xlsx", What: Awards, Award: "giay-khen"})
	if got := diagnostics(res); !strings.HasPrefix(got, "pl.xlsx:Sheet1!B5: error: Sở Tài chính không là thành viên của khối năm 2024") {
		t.Errorf("got %s", got)
	}
}

// TestYMLYearFile imports into a year file named 2023.yml: that file is
// edited, not a new 2023.yaml beside it.
func TestYMLYearFile(t *testing.T) {
	dir := testSite(t, nil)
	from, to := filepath.Join(dir, "data/blocs/khoi-a/2023.yaml"), filepath.Join(dir, "data/blocs/khoi-a/2023.yml")
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	src := []byte("Tên đơn vị,Xếp loại\r\nHội Người cao tuổi,Hoàn thành tốt nhiệm vụ\r\n")
	res := run(t, dir, src, Options{File: "bang.csv", Year: 2023, Bloc: "khoi-a"})
	if !res.OK() || res.Path != "data/blocs/khoi-a/2023.yml" || res.Old == nil {
		t.Fatalf("path %s, old %d bytes: %s", res.Path, len(res.Old), diagnostics(res))
	}
	mustLoad(t, dir, res)
}

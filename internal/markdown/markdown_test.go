package markdown

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/parser"
)

func convert(t testing.TB, c *Converter, src string) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := c.Convert([]byte(src), &b); err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return b.String()
}

type convertCase struct {
	name, src, want string
}

func runConvertCases(t *testing.T, c *Converter, cases []convertCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := convert(t, c, tc.src); got != tc.want {
				t.Errorf("Convert(%q)\n got: %q\nwant: %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	runConvertCases(t, New(Options{}), []convertCase{
		{"vietnamese", "## Giới thiệu\n", "<h2 id=\"gioi-thieu\">Giới thiệu</h2>\n"},
		{"duplicates", "# Đơn vị\n\n## Đơn vị\n\n### ĐƠN VỊ\n",
			"<h1 id=\"don-vi\">Đơn vị</h1>\n<h2 id=\"don-vi-1\">Đơn vị</h2>\n<h3 id=\"don-vi-2\">ĐƠN VỊ</h3>\n"},
		{"no foldable letter", "## ???\n\n## —\n\n## Mục\n",
			"<h2 id=\"muc\">???</h2>\n<h2 id=\"muc-1\">—</h2>\n<h2 id=\"muc-2\">Mục</h2>\n"},
		{"markup left out", "## Xem **khối** [số 8](/khoi/khoi-8/)\n",
			"<h2 id=\"xem-khoi-so-8\">Xem <strong>khối</strong> <a href=\"/khoi/khoi-8/\">số 8</a></h2>\n"},
		{"setext", "Kết quả\n===\n", "<h1 id=\"ket-qua\">Kết quả</h1>\n"},
		{"no explicit ids", "## Tiêu đề {#rieng}\n", "<h2 id=\"tieu-de-rieng\">Tiêu đề {#rieng}</h2>\n"},
	})
}

func TestHeadingIDsArePerDocument(t *testing.T) {
	c := New(Options{})
	const src = "## Giới thiệu\n"
	const want = "<h2 id=\"gioi-thieu\">Giới thiệu</h2>\n"
	for i := range 3 {
		if got := convert(t, c, src); got != want {
			t.Fatalf("call %d: got %q, want %q", i, got, want)
		}
		if got := infoOf(t, c, []byte(src)).Headings[0].ID; got != "gioi-thieu" {
			t.Fatalf("Convert call %d: id %q, want gioi-thieu", i, got)
		}
	}
}

func TestRawHTMLEscaped(t *testing.T) {
	runConvertCases(t, New(Options{}), []convertCase{
		{"block script", "<script>alert(1)</script>\n",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"block over lines", "<div onclick=\"x()\">\nkhối\n</div>\n",
			"<p>&lt;div onclick=&quot;x()&quot;&gt;\nkhối\n&lt;/div&gt;</p>\n"},
		{"inline", "Chữ <b>đậm</b> và <img src=x onerror=alert(1)>\n",
			"<p>Chữ &lt;b&gt;đậm&lt;/b&gt; và &lt;img src=x onerror=alert(1)&gt;</p>\n"},
		{"comment", "<!-- ghi chú -->\n", "<p>&lt;!-- ghi chú --&gt;</p>\n"},
	})
}

func TestRawHTMLUnsafe(t *testing.T) {
	runConvertCases(t, New(Options{Unsafe: true}), []convertCase{
		{"block", "<div class=\"x\">khối</div>\n", "<div class=\"x\">khối</div>\n"},
		{"inline", "Chữ <b>đậm</b>\n", "<p>Chữ <b>đậm</b></p>\n"},
	})
}

func TestDangerousURLsAreInert(t *testing.T) {
	runConvertCases(t, New(Options{}), []convertCase{
		{"javascript link", "[x](javascript:alert(1))\n", "<p><a href=\"\">x</a></p>\n"},
		{"upper case", "[x](JavaScript:alert(1))\n", "<p><a href=\"\">x</a></p>\n"},
		{"character reference", "[x](java&#115;cript:alert(1))\n", "<p><a href=\"\">x</a></p>\n"},
		{"vbscript", "[x](vbscript:msgbox)\n", "<p><a href=\"\">x</a></p>\n"},
		{"data html", "[x](data:text/html,hi)\n", "<p><a href=\"\">x</a></p>\n"},
		{"reference definition", "[x]\n\n[x]: javascript:alert(1)\n", "<p><a href=\"\">x</a></p>\n"},
		{"autolink", "<javascript:alert(1)>\n", "<p><a href=\"\">javascript:alert(1)</a></p>\n"},
		{"image", "![a](javascript:alert(1))\n", "<p><img src=\"\" alt=\"a\" loading=\"lazy\"></p>\n"},
		{"image svg", "![a](data:image/svg+xml;base64,PHN2Zz4=)\n", "<p><img src=\"\" alt=\"a\" loading=\"lazy\"></p>\n"},
		{"image png allowed", "![a](data:image/png;base64,iVBO)\n",
			"<p><img src=\"data:image/png;base64,iVBO\" alt=\"a\" loading=\"lazy\"></p>\n"},
		{"image webp allowed", "![a](data:image/webp;base64,UklG)\n",
			"<p><img src=\"data:image/webp;base64,UklG\" alt=\"a\" loading=\"lazy\"></p>\n"},
		{"https kept", "[x](https://example.gov.vn/a?b=1&c=2)\n",
			"<p><a href=\"https://example.gov.vn/a?b=1&amp;c=2\">x</a></p>\n"},
	})
}

func TestBasePath(t *testing.T) {
	runConvertCases(t, New(Options{BasePath: "/thidua/"}), []convertCase{
		{"image", "![Hội nghị](/images/a.jpg)\n",
			"<p><img src=\"/thidua/images/a.jpg\" alt=\"Hội nghị\" loading=\"lazy\"></p>\n"},
		{"link", "[Khối 8](/khoi/khoi-8/)\n", "<p><a href=\"/thidua/khoi/khoi-8/\">Khối 8</a></p>\n"},
		{"link with fragment", "[x](/khoi/#a)\n", "<p><a href=\"/thidua/khoi/#a\">x</a></p>\n"},
		{"reference", "[Khối][k]\n\n[k]: /khoi/ \"Các khối\"\n",
			"<p><a href=\"/thidua/khoi/\" title=\"Các khối\">Khối</a></p>\n"},
		{"protocol-relative", "[x](//cdn.example.com/a.js)\n", "<p><a href=\"//cdn.example.com/a.js\">x</a></p>\n"},
		{"fragment only", "[x](#gioi-thieu)\n", "<p><a href=\"#gioi-thieu\">x</a></p>\n"},
		{"relative", "[x](khoi/khoi-8/)\n", "<p><a href=\"khoi/khoi-8/\">x</a></p>\n"},
		{"absolute", "[x](https://example.gov.vn/khoi/)\n", "<p><a href=\"https://example.gov.vn/khoi/\">x</a></p>\n"},
		{"linkify", "Xem www.example.gov.vn/khoi/\n",
			"<p>Xem <a href=\"http://www.example.gov.vn/khoi/\">www.example.gov.vn/khoi/</a></p>\n"},
		// Each of what mayAutolink looks for is still linked by itself.
		{"linkify https", "Xem https://example.gov.vn/a\n",
			"<p>Xem <a href=\"https://example.gov.vn/a\">https://example.gov.vn/a</a></p>\n"},
		{"linkify ftp", "Xem ftp://example.gov.vn/a\n",
			"<p>Xem <a href=\"ftp://example.gov.vn/a\">ftp://example.gov.vn/a</a></p>\n"},
	})
	for _, base := range []string{"", "/"} {
		t.Run("base "+base, func(t *testing.T) {
			runConvertCases(t, New(Options{BasePath: base}), []convertCase{
				{"root", "[x](/khoi/)\n", "<p><a href=\"/khoi/\">x</a></p>\n"},
			})
		})
	}
	t.Run("base without slashes", func(t *testing.T) {
		runConvertCases(t, New(Options{BasePath: "thidua"}), []convertCase{
			{"root", "[x](/khoi/)\n", "<p><a href=\"/thidua/khoi/\">x</a></p>\n"},
		})
	})
}

func TestFootnotes(t *testing.T) {
	runConvertCases(t, New(Options{}), []convertCase{
		{"footnote", "Số liệu[^1].\n\n[^1]: Theo báo cáo.\n",
			"<p>Số liệu<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
				"<p>Theo báo cáo.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n" +
				"</li>\n</ol>\n</div>\n"},
	})
}

func TestTables(t *testing.T) {
	runConvertCases(t, New(Options{}), []convertCase{
		{"table", "| Hạng | Đơn vị |\n|:---:|---|\n| 1 | Hội Chữ thập đỏ |\n",
			"<div class=\"table-scroll\">\n<table>\n<thead>\n<tr>\n<th style=\"text-align:center\">Hạng</th>\n<th>Đơn vị</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td style=\"text-align:center\">1</td>\n<td>Hội Chữ thập đỏ</td>\n</tr>\n</tbody>\n</table>\n</div>\n"},
	})
}

func TestInlineExtensions(t *testing.T) {
	runConvertCases(t, New(Options{}), []convertCase{
		{"strikethrough", "~~3~~ 4 tập thể\n", "<p><del>3</del> 4 tập thể</p>\n"},
		{"linkify", "https://thidua.example.gov.vn/khoi/\n",
			"<p><a href=\"https://thidua.example.gov.vn/khoi/\">https://thidua.example.gov.vn/khoi/</a></p>\n"},
		{"email", "vanphong@example.gov.vn\n",
			"<p><a href=\"mailto:vanphong@example.gov.vn\">vanphong@example.gov.vn</a></p>\n"},
		{"image alt and title", "![Ảnh *đẹp*](a.jpg \"Hội nghị\")\n",
			"<p><img src=\"a.jpg\" alt=\"Ảnh đẹp\" title=\"Hội nghị\" loading=\"lazy\"></p>\n"},
	})
}

func TestInspect(t *testing.T) {
	c := New(Options{BasePath: "/thidua/"})
	src := "Ngày 08/01/2025, **Đậm** và [liên kết](/x/)\n" + // 1
		"trên hai dòng ![ảnh](/images/a.jpg).\n" + // 2
		"\n" + // 3
		"## Giới thiệu `mã`\n" + // 4
		"\n" + // 5
		"- mục [một](/don-vi/a/)\n" + // 6
		"- hai [ngoài](https://example.com/) [mảnh](#x) [tương đối](a/b) [cdn](//cdn/x)\n" + // 7
		"\n" + // 8
		"| Đơn vị | Ảnh |\n" + // 9
		"|---|---|\n" + // 10
		"| [Hội](/don-vi/hoi/) | ![](/images/b.png) |\n" + // 11
		"\n" + // 12
		"Tham chiếu [khối][k] và A\\*B &amp; C <b>x</b>\n" + // 13
		"\n" + // 14
		"[k]: /khoi/\n" // 15
	var html bytes.Buffer
	info, err := c.Convert([]byte(src), &html)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), `href="/thidua/x/"`) {
		t.Errorf("Convert does not put the base path in front of /x/:\n%s", html.String())
	}

	if want := "Ngày 08/01/2025, Đậm và liên kết trên hai dòng ."; info.Summary != want {
		t.Errorf("Summary = %q, want %q", info.Summary, want)
	}
	wantText := "Ngày 08/01/2025, Đậm và liên kết trên hai dòng .\nGiới thiệu mã\nmục một\nhai ngoài mảnh tương đối cdn\n" +
		"Đơn vị\nẢnh\nHội\nTham chiếu khối và A*B & C x"
	if info.Text != wantText {
		t.Errorf("Text =\n%q\nwant\n%q", info.Text, wantText)
	}
	wantRefs := []Ref{
		{Dest: "/x/", Line: 1, Column: 29},
		{Dest: "/images/a.jpg", Line: 2, Column: 15, Image: true},
		{Dest: "/don-vi/a/", Line: 6, Column: 7},
		{Dest: "a/b", Line: 7, Column: 48},
		{Dest: "/don-vi/hoi/", Line: 11, Column: 3},
		{Dest: "/images/b.png", Line: 11, Column: 25, Image: true},
		{Dest: "/khoi/", Line: 13, Column: 12},
	}
	if !equalRefs(info.Refs, wantRefs) {
		t.Errorf("Refs =\n%+v\nwant\n%+v", info.Refs, wantRefs)
	}
	wantHeadings := []Heading{{Level: 2, ID: "gioi-thieu-ma", Text: "Giới thiệu mã"}}
	if len(info.Headings) != 1 || info.Headings[0] != wantHeadings[0] {
		t.Errorf("Headings = %+v, want %+v", info.Headings, wantHeadings)
	}
}

// TestRelativeRefs wants the links and images relative to their page
// among the refs, as written, and not those with a scheme, a host, or only
// a fragment.
func TestRelativeRefs(t *testing.T) {
	c := New(Options{BasePath: "/thidua/"})
	for dest, want := range map[string]bool{
		"anh.jpg": true, "../khoi-8-tong-ket-2024/": true, "./a/b.pdf": true, "?trang=2": true,
		"t%E1%BB%95ng-k%E1%BA%BFt/": true, "1a:b": true, "a/b:c": true,
		"#ket-qua": false, "mailto:a@b.vn": false, "tel:0123": false, "https://a.vn/x": false,
		"HTTP://a.vn": false, "javascript:alert(1)": false, "//cdn.vn/x": false, `\\cdn.vn\x`: false,
	} {
		info := infoOf(t, c, []byte("Xem [đây]("+dest+") và ![ảnh]("+dest+")."))
		switch {
		case !want && len(info.Refs) != 0:
			t.Errorf("%q: refs %+v, want none", dest, info.Refs)
		case want && !equalRefs(info.Refs, []Ref{{Dest: dest, Line: 1, Column: 5}, {Dest: dest, Line: 1, Column: 16 + len([]rune(dest)), Image: true}}):
			t.Errorf("%q: refs %+v, want the link and the image", dest, info.Refs)
		}
		if want {
			if out := convert(t, c, "[x]("+dest+")"); !strings.Contains(out, `href="`+dest+`"`) {
				t.Errorf("%q is rendered %s, not as written", dest, out)
			}
		}
	}
}

func equalRefs(a, b []Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestInspectSummary(t *testing.T) {
	c := New(Options{})
	for _, tc := range []struct{ src, want string }{
		{"**Đậm** và [liên kết](/x/)\n", "Đậm và liên kết"},
		{"# Tiêu đề\n\n- mục\n\n> trích\n\nĐoạn   *đầu*\ntiên.\n\nĐoạn hai.\n", "Đoạn đầu tiên."},
		{"![chỉ ảnh](/a.jpg)\n\nĐoạn sau ảnh.\n", "Đoạn sau ảnh."},
		{"## Chỉ tiêu đề\n", ""},
	} {
		if got := infoOf(t, c, []byte(tc.src)).Summary; got != tc.want {
			t.Errorf("Convert(%q) summary = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestInspectPositionsAreCharacters(t *testing.T) {
	// "Đơn vị " is 7 characters but 10 bytes; CRLF line ends count as one.
	src := "Mở đầu\r\n\r\nĐơn vị [x](/a/)\r\n"
	refs := infoOf(t, New(Options{}), []byte(src)).Refs
	want := []Ref{{Dest: "/a/", Line: 3, Column: 8}}
	if !equalRefs(refs, want) {
		t.Errorf("Refs = %+v, want %+v", refs, want)
	}
}

func testArticles(t testing.TB) [][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	var articles [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, b)
	}
	return articles
}

func TestConcurrentConvert(t *testing.T) {
	c := New(Options{BasePath: "/thidua/"})
	articles := testArticles(t)
	serial := make([]string, len(articles))
	for i, a := range articles {
		serial[i] = convert(t, c, string(a))
	}
	var wg sync.WaitGroup
	results := make([][]string, 8)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				for _, a := range articles {
					var b bytes.Buffer
					if _, err := c.Convert(a, &b); err != nil {
						t.Error(err)
						return
					}
					results[g] = append(results[g], b.String())
				}
				_, _ = c.Convert(articles[0], io.Discard)
			}
		}()
	}
	wg.Wait()
	for g, res := range results {
		for i, got := range res {
			if want := serial[i%len(articles)]; got != want {
				t.Fatalf("goroutine %d, conversion %d differs from the serial one", g, i)
			}
		}
	}
}

func TestArticle(t *testing.T) {
	c := New(Options{BasePath: "/thidua/"})
	src, err := os.ReadFile(filepath.Join("testdata", "tong-ket-khoi-8.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := convert(t, c, string(src))
	for _, want := range []string{
		`<img src="/thidua/images/khoi-8-2024.jpg" alt="Quang cảnh hội nghị" title="Hội nghị tổng kết Khối thi đua 8" loading="lazy">`,
		`<h2 id="ket-qua-noi-bat-nam-2024">Kết quả nổi bật năm 2024</h2>`,
		`<h3 id="bang-xep-hang">Bảng xếp hạng</h3>`,
		`<div class="table-scroll">` + "\n<table>",
		`<a href="/thidua/khoi/khoi-8/#luan-phien">lịch sử luân phiên</a>`,
		`<a href="https://thidua.binhthuan.gov.vn/khen-thuong/">`,
		`<del>3</del>`,
		`<li id="fn:1">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	info := infoOf(t, c, src)
	if len(info.Headings) != 5 || len(info.Refs) != 5 {
		t.Errorf("Convert: %d headings, %d refs; want 5 and 5: %+v", len(info.Headings), len(info.Refs), info)
	}
}

func FuzzConvert(f *testing.F) {
	for _, a := range testArticles(f) {
		f.Add(a)
	}
	f.Add([]byte("<scr<script>ipt>alert(1)</script>\n\n[x](javascript:alert(1))"))
	safe := New(Options{BasePath: "/thidua/"})
	f.Fuzz(func(t *testing.T, src []byte) {
		var b bytes.Buffer
		info, err := safe.Convert(src, &b)
		var limit *LimitError
		if errors.As(err, &limit) && b.Len() == 0 && limit.Line >= 1 && limit.Column >= 1 {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(b.String()), "<script") {
			t.Fatalf("output of %q contains <script:\n%s", src, b.String())
		}
		for _, r := range info.Refs {
			if !isSiteRelative(r.Dest) && !isRelative(r.Dest) || r.Line < 1 || r.Column < 1 {
				t.Fatalf("%q: a reference that is neither site-relative nor relative, or has no place: %+v", src, r)
			}
			if dangerousURL.MatchString(r.Dest) {
				t.Fatalf("%q: a reference with a scheme: %+v", src, r)
			}
		}
	})
}

func BenchmarkConvert(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "tong-ket-khoi-8.md"))
	if err != nil {
		b.Fatal(err)
	}
	c := New(Options{BasePath: "/thidua/"})
	var out bytes.Buffer
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if _, err := c.Convert(src, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// collapseSpace is strings.Fields joined by single spaces, without the
// slices.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", "  a  b ", "Hội\u00a0viên\t\n đạt\u2003giải ", "\xffa \xfe", "\u3000x\u3000"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := collapseSpace(b), strings.Join(strings.Fields(string(b)), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", b, got, want)
		}
	})
}

// infoOf is what Convert tells of src.
func infoOf(t testing.TB, c *Converter, src []byte) Info {
	t.Helper()
	info, err := c.Convert(src, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// trimBeforeBreaks removes the spaces, tabs and carriage returns before
// each line break and <br> of html.
func trimBeforeBreaks(html string) string {
	return spaceBeforeBreak.ReplaceAllString(html, "$1")
}

var spaceBeforeBreak = regexp.MustCompile(`[ \t\r]+(\n|<br>)`)

// FuzzUnlinkedParsesAlike wants a text in which mayAutolink finds nothing to
// link to render the same with linkify as without it, so that Convert may
// parse it without. The one difference allowed is goldmark's: with
// linkify, which splits text at every space, the white space at the end of
// a line is not always trimmed, as CommonMark says it is.
func FuzzUnlinkedParsesAlike(f *testing.F) {
	for _, s := range []string{
		"Khối thi đua số 5 tổng kết *năm 2024* và _trao cờ_ ~~cũ~~ (đợt 1).",
		"* a *\n* b\n\n| a | b |\n|---|---|\n| (x) | *y* |\n",
		"Xem[^1] tại [đây](/khoi/) hoặc <x@y>.\n\n[^1]: Ghi chú ~chú~.",
		"foo_bar_ (baz) ~qux~ **(*a*)** \\* \\_ &amp; `co de` ww. htt: ft:",
		"mail at example.com, http, www, ftp",
		"www.thidua.vn https://a.b ftp://c.d a@b.cd",
	} {
		f.Add(s)
	}
	c := New(Options{})
	render := func(p parser.Parser, src []byte) string {
		var b strings.Builder
		if err := c.md.Renderer().Render(&b, src, parse(p, src)); err != nil {
			f.Fatal(err)
		}
		return b.String()
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		if mayAutolink(src) {
			return
		}
		linked, unlinked := render(c.md.Parser(), src), render(c.unlinked, src)
		if trimBeforeBreaks(linked) != trimBeforeBreaks(unlinked) {
			t.Fatalf("%q renders\n%s\nwith linkify and\n%s\nwithout", s, linked, unlinked)
		}
	})
}

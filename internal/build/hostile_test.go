package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	stdhtml "html"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/diag"
)

// xss is written into every text field of the hostile site: a script, an
// event handler, an attribute break-out, the end of a script element that
// embeds data, and a script URL.
const xss = `<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)>'</script><script>alert(4)</script>javascript:alert(5)`

// yamlQuote writes s as a single-quoted YAML scalar.
func yamlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// hostileSite writes the site of testdata/site with xss, Markdown that
// tries to run script, and cells that start like spreadsheet formulas in
// every place data reaches a page, a feed, the search index, a chart or a
// download, and returns its folder.
func hostileSite(t *testing.T) string {
	t.Helper()
	src := copySite(t)
	x := yamlQuote(xss)
	files := map[string]string{
		"site.yaml": "title: " + x + "\nbaseURL: https://portal.example.gov.vn/thidua/\nlanguage: vi\ndescription: " + x + "\nprovince: " + x + "\npaginate: 2\n",
		"data/units.yaml": `- id: hoi-nguoi-cao-tuoi
  name: ` + yamlQuote(`=HYPERLINK("http://evil.example/","x")`+xss) + `
  short: ` + yamlQuote("+1"+xss) + `
  kind: ` + yamlQuote("@SUM(A1)"+xss) + `
  website: ` + yamlQuote("https://example.org/?q=<script>alert(6)</script>") + `
- id: hoi-chu-thap-do
  name: ` + yamlQuote("-2+3"+xss) + `
  short: ` + x + `
  website: ` + yamlQuote(`https://example.org/"onmouseover="alert(7)`) + `
- id: hoi-khuyen-hoc
  name: ` + yamlQuote("\t=1+1"+xss) + `
  formerly:
    - {name: ` + yamlQuote("=cmd|' /C calc'!A0"+xss) + `, until: 2023}
- id: hoi-dong-y
  name: ` + x + `
  predecessors: [hoi-y-hoc-co-truyen]
- id: hoi-y-hoc-co-truyen
  name: ` + x + `
  dissolved: 2023
- id: so-tai-chinh
  name: ` + x + `
- id: so-ke-hoach
  name: ` + x + `
`,
		"data/awards.yaml":            "- id: giay-khen-khoi\n  name: " + yamlQuote("=2+5"+xss) + "\n  short: " + x + "\n  rank: 11\n",
		"data/blocs/khoi-a/bloc.yaml": "name: " + x + "\nshort: " + x + "\ndescription: " + yamlQuote(xss+"\n\n[x](javascript:alert(8)) <iframe src=javascript:alert(9)>") + "\norder: 1\n",
		"data/blocs/khoi-a/2024.yaml": `members:
  - {unit: hoi-nguoi-cao-tuoi, rank: 1, score: 98.5, rating: xuat-sac}
  - {unit: hoi-chu-thap-do, rank: 2, score: 96, rating: xuat-sac}
  - {unit: hoi-khuyen-hoc, rank: 3, score: 94.25, rating: tot}
  - {unit: hoi-dong-y, rank: 4, score: 90, rating: hoan-thanh}
leader: hoi-nguoi-cao-tuoi
deputies: [hoi-chu-thap-do]
covenant:
  date: 2024-03-27
  goals: [` + x + `]
review: {date: 2025-01-08}
awards:
  - {award: co-thi-dua-tinh, unit: hoi-nguoi-cao-tuoi, status: proposed, decision: ` + yamlQuote("=1+1"+xss) + `}
  - {award: bang-khen-tinh, unit: hoi-chu-thap-do, decision: ` + yamlQuote("@x"+xss) + `}
  - {award: giay-khen-khoi, count: 3, decision: ` + yamlQuote("-x"+xss) + `}
models:
  - {unit: hoi-nguoi-cao-tuoi, name: ` + x + `, summary: ` + x + `}
figures:
  - {label: ` + x + `, value: 25300000000, unit: ` + x + `}
`,
		"content/news/2024/khoi-a-tong-ket-2024.md": "---\ntitle: " + x + "\ndate: 2025-01-08\nsummary: " + x + "\nblocs: [khoi-a]\nyear: 2024\nunits: [hoi-nguoi-cao-tuoi]\nauthor: " + x + "\nimage: /images/hoi-nghi.svg\n---\n" + hostileMarkdown,
		"content/pages/gioi-thieu.md":               "---\ntitle: " + x + "\nsummary: " + x + "\n---\n" + hostileMarkdown,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// hostileMarkdown is an article body that tries every way Markdown has to
// run script.
const hostileMarkdown = "# " + xss + "\n\n" + xss + "\n\n" +
	"[a](javascript:alert(10)) [b](JAVASCRIPT:alert(11)) [c](javascript&#58;alert(12)) <javascript:alert(13)>\n\n" +
	"![d](javascript:alert(14)) ![e\" onerror=\"alert(15)](/images/hoi-nghi.svg)\n\n" +
	"<a href=\"javascript:alert(16)\">f</a> <img src=x onerror=alert(17)>\n\n" +
	"| h |\n|---|\n| <svg onload=alert(18)> |\n\n" +
	"```\n</pre><script>alert(19)</script>\n```\n\n[g][r]\n\n[r]: javascript:alert(20)\n"

// TestHostileDataIsInert builds the hostile site and checks every file of
// the output: no element, attribute or URL of an HTML page (or of the HTML
// inside the feed) can run script, every embedded and downloaded JSON
// parses, and no CSV cell starts like a formula. It also checks that the
// data did reach each kind of output, escaped, so that it checks something.
func TestHostileDataIsInert(t *testing.T) {
	src := hostileSite(t)
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, src, dst, func(o *Options) { o.Strict = false })
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	out := readTree(t, dst)
	escaped := map[string]int{} // kind of file → files holding the escaped payload
	for name, b := range out {
		text := string(b)
		switch path.Ext(name) {
		case ".html":
			for _, p := range scriptable(text) {
				t.Errorf("%s: %s", name, p)
			}
			if strings.Contains(text, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				escaped["html"]++
			}
		case ".xml":
			for _, p := range scriptableXML(b) {
				t.Errorf("%s: %s", name, p)
			}
			if strings.Contains(text, "&lt;script&gt;alert(1)") {
				escaped["xml"]++
			}
		case ".json":
			if !json.Valid(b) {
				t.Errorf("%s is not JSON", name)
			}
			if strings.Contains(text, "alert(1)") {
				escaped["json"]++
			}
		case ".csv":
			for _, p := range formulas(t, b) {
				t.Errorf("%s: %s", name, p)
			}
			if strings.Contains(text, "alert(1)") {
				escaped["csv"]++
			}
		}
	}
	for kind, least := range map[string]int{"html": 20, "xml": 1, "json": 2, "csv": 3} {
		if escaped[kind] < least {
			t.Errorf("only %d %s files hold the payload, want %d or more: the test no longer reaches them", escaped[kind], kind, least)
		}
	}
	// Places the payload must reach, escaped.
	for name, want := range map[string]string{
		"index.html":                              "<title>&lt;script&gt;alert(1)&lt;/script&gt;",
		"don-vi/hoi-nguoi-cao-tuoi/index.html":    "=HYPERLINK(&#34;http://evil.example/&#34;,&#34;x&#34;)&lt;script&gt;alert(1)",
		"khoi/khoi-a/2024/index.html":             "=1&#43;1&lt;script&gt;alert(1)",
		"tin-tuc/khoi-a-tong-ket-2024/index.html": "&lt;svg onload=alert(18)&gt;",
	} {
		if !strings.Contains(string(out[name]), want) {
			t.Errorf("%s does not hold %q", name, want)
		}
	}
}

// scriptable returns what, in the HTML document doc, could run script: an
// event handler attribute, a script URL in a link, source or style, an
// element that runs or embeds a document, a script element that is neither
// the theme's file nor JSON data that parses (data breaking out of a JSON
// element ends it early, leaving invalid JSON and a second script), a
// style element holding more than CSS.
func scriptable(doc string) []string {
	var problems []string
	for i := 0; i < len(doc); {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest, "-->")
			if end < 0 {
				return append(problems, "a comment that never ends")
			}
			i += end + 3
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return append(problems, "a tag that never ends")
			}
			i += end + 1
			continue
		case len(rest) < 2 || !isLetter(rest[1]):
			i++ // a '<' that starts no tag is text
			continue
		}
		name, attrs, n := parseTag(rest)
		i += n
		for _, a := range attrs {
			value := strings.ToLower(strings.TrimSpace(stdhtml.UnescapeString(a[1])))
			switch {
			case strings.HasPrefix(a[0], "on"):
				problems = append(problems, "<"+name+"> has the event handler "+a[0])
			case urlAttr[a[0]] && dangerousURL.MatchString(value):
				problems = append(problems, "<"+name+" "+a[0]+"> goes to "+value)
			case a[0] == "style" && (strings.Contains(value, "javascript:") || strings.Contains(value, "expression(")):
				problems = append(problems, "<"+name+"> has the style "+value)
			case a[0] == "http-equiv" && value == "refresh":
				problems = append(problems, "<meta http-equiv=refresh>")
			}
		}
		switch name {
		case "iframe", "object", "embed", "frame", "base", "math":
			problems = append(problems, "the element <"+name+">")
		case "script", "style":
			end := strings.Index(strings.ToLower(doc[i:]), "</"+name)
			if end < 0 {
				return append(problems, "a <"+name+"> that never ends")
			}
			body := doc[i : i+end]
			i += end
			if p := rawTextProblem(name, attrs, body); p != "" {
				problems = append(problems, p)
			}
		}
	}
	return problems
}

// rawTextProblem says what is wrong with the body of a script or style
// element, or "".
func rawTextProblem(name string, attrs [][2]string, body string) string {
	if name == "style" {
		if strings.Contains(body, "<") || strings.Contains(body, "javascript:") || strings.Contains(body, "expression(") {
			return "a <style> holding " + body
		}
		return ""
	}
	var src, typ string
	for _, a := range attrs {
		switch a[0] {
		case "src":
			src = a[1]
		case "type":
			typ = a[1]
		}
	}
	switch {
	case src != "":
		if strings.TrimSpace(body) != "" {
			return "a <script src> with a body"
		}
		if !strings.HasPrefix(src, "/thidua/assets/") {
			return "a script from " + src
		}
	case typ == "application/json" || typ == "application/ld+json":
		if !json.Valid([]byte(body)) {
			return "a JSON <script> that does not parse: " + body
		}
		if strings.Contains(body, "<") {
			return "a JSON <script> holding '<': " + body
		}
	default:
		return "an inline <script>: " + body
	}
	return ""
}

// parseTag reads the start tag at the beginning of s and returns its name,
// its attributes (name and raw value) and its length.
func parseTag(s string) (name string, attrs [][2]string, n int) {
	i := 1
	for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	name = strings.ToLower(s[1:i])
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) || s[i] == '>' {
			break
		}
		start := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '=' && s[i] != '/' {
			i++
		}
		attr := [2]string{strings.ToLower(s[start:i]), ""}
		if i < len(s) && s[i] == '=' {
			i++
			switch {
			case i < len(s) && (s[i] == '"' || s[i] == '\''):
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					end = len(s) - i - 1
				}
				attr[1] = s[i+1 : i+1+end]
				i += end + 2
			default:
				start := i
				for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
					i++
				}
				attr[1] = s[start:i]
			}
		}
		attrs = append(attrs, attr)
	}
	return name, attrs, min(i+1, len(s))
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// urlAttr are the attributes whose value a browser follows or loads.
var urlAttr = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "data": true, "xlink:href": true, "srcset": true}

// dangerousURL matches a URL that runs script or embeds a document.
var dangerousURL = regexp.MustCompile(`^[\s\x00-\x1f]*(javascript|vbscript|data|file):`)

// scriptableXML returns what, in a feed or sitemap, could run script: the
// text of every element is checked as HTML when the element says it holds
// HTML, and must not hold a tag otherwise.
func scriptableXML(b []byte) []string {
	var problems []string
	dec := xml.NewDecoder(bytes.NewReader(b))
	var htmlText bool
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return append(problems, "not XML: "+err.Error())
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			htmlText = false
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
					htmlText = true
				}
				if a.Name.Local == "href" && dangerousURL.MatchString(strings.ToLower(a.Value)) {
					problems = append(problems, "a link to "+a.Value)
				}
			}
		case xml.CharData:
			// Text that is not HTML is shown as it is, tags and all.
			if htmlText {
				problems = append(problems, scriptable(string(tok))...)
			}
		}
	}
	return problems
}

// formulas returns the cells of the CSV b that a spreadsheet would run as
// a formula.
func formulas(t *testing.T, b []byte) []string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return []string{"not CSV: " + err.Error()}
	}
	var problems []string
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				problems = append(problems, "the cell "+cell+" starts like a formula")
			}
		}
	}
	return problems
}

// TestScriptableFindsScript checks that scriptable sees what it looks for.
func TestScriptableFindsScript(t *testing.T) {
	for _, doc := range []string{
		`<p><script>alert(1)</script></p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href=" JavaScript:alert(1)">x</a>`,
		`<img src=x onerror=alert(1)>`,
		`<div title="x" onmouseover="alert(1)">`,
		`<svg><a xlink:href="javascript:alert(1)">`,
		`<iframe src="/x">`,
		`<script type="application/json">{"a":"</script><script>alert(1)</script>"}</script>`,
		`<script type="application/json">{"a":"<!--"}</script>`,
		`<script src="https://cdn.example/x.js"></script>`,
		`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	} {
		if len(scriptable(doc)) == 0 {
			t.Errorf("scriptable(%q) sees nothing", doc)
		}
	}
	for _, doc := range []string{
		`<p title="&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt; a < b</p>`,
		`<script type="application/json">{"a":"\u003cscript\u003e"}</script>`,
		`<script defer src="/thidua/assets/js/charts.js"></script>`,
		`<a href="#ZgotmplZ">x</a><!-- <script>alert(1)</script> -->`,
	} {
		if p := scriptable(doc); len(p) != 0 {
			t.Errorf("scriptable(%q) = %q", doc, p)
		}
	}
	if p := formulas(t, []byte("\uFEFFa,b\r\n'=1+1,x\r\n")); len(p) != 0 {
		t.Errorf("formulas of a defused cell: %q", p)
	}
	if p := formulas(t, []byte("a,b\r\n=1+1,-2\r\n")); len(p) != 2 {
		t.Errorf("formulas = %q, want two", p)
	}
}

// TestNoPathLeavesTheDestination builds sites whose ids, slugs, image paths
// and links try to name a file outside the destination: each is an error
// of the site, and nothing is written anywhere.
func TestNoPathLeavesTheDestination(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"slug":       {"content/news/2024/evil.md": "---\ntitle: x\ndate: 2024-01-01\nslug: ../../../../x\n---\n"},
		"page slug":  {"content/pages/evil.md": "---\ntitle: x\nslug: ..\n---\n"},
		"unit id":    {"data/units.yaml": "- {id: ../x, name: X}\n- {id: so-tai-chinh, name: A}\n- {id: so-ke-hoach, name: B}\n"},
		"bloc":       {"data/blocs/.../bloc.yaml": "name: x\n", "data/blocs/%2e%2e/bloc.yaml": "name: x\n"},
		"image":      {"content/news/2024/anh.md": "---\ntitle: x\ndate: 2024-01-01\nimage: /../../../../etc/passwd\n---\n"},
		"image link": {"content/news/2024/anh.md": "---\ntitle: x\ndate: 2024-01-01\n---\n![x](/../../../etc/passwd) [y](/%2e%2e/%2e%2e/etc/passwd)\n"},
		"award":      {"data/awards.yaml": "- {id: ../../x, name: X}\n"},
	} {
		t.Run(name, func(t *testing.T) {
			src := copySite(t)
			for p, content := range files {
				full := filepath.Join(src, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			parent := t.TempDir()
			res, err := buildSite(t, src, filepath.Join(parent, "out", "public"))
			if !errors.Is(err, ErrSite) {
				t.Fatalf("err = %v, want ErrSite; %v", err, res.Diagnostics)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("something was written: %v", entries)
			}
			for _, d := range res.Diagnostics {
				if _, ok := files[d.Path]; ok || strings.HasPrefix(d.Path, "data/blocs/") {
					return
				}
			}
			t.Errorf("no message about the hostile file: %v", res.Diagnostics)
		})
	}
}

// TestFileNamesWithSpacesAndDiacritics builds a site with a static file
// whose name has spaces and Vietnamese letters, linked from an article.
func TestFileNamesWithSpacesAndDiacritics(t *testing.T) {
	src := copySite(t)
	name := "ảnh hội nghị (1).svg"
	if err := os.WriteFile(filepath.Join(src, "static", "images", name), []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: Ảnh\ndate: 2024-05-01\nsummary: Ảnh hội nghị tổng kết.\nimage: /images/" + name + "\n---\n![Ảnh](</images/" + name + ">)\n"
	if err := os.WriteFile(filepath.Join(src, "content", "news", "2024", "tin ảnh.md"), []byte("---\nslug: tin-anh\n"+article[4:]), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, src, dst)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(dst, "images", name)); err != nil {
		t.Error(err)
	}
	page, err := os.ReadFile(filepath.Join(dst, "tin-tuc", "tin-anh", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	escapedName := "/thidua/images/%e1%ba%a3nh%20h%e1%bb%99i%20ngh%e1%bb%8b%20%281%29.svg"
	if !strings.Contains(strings.ToLower(string(page)), escapedName) {
		t.Errorf("the article does not link %s", escapedName)
	}
}

// TestSymlinksOutsideAreWarnings builds a site whose static folder, an
// article and a year file are links out of the site folder: each is left
// out with a warning, and the build goes on.
func TestSymlinksOutsideAreWarnings(t *testing.T) {
	src := copySite(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: Bí mật\ndate: 2024-01-01\n---\nBÍ MẬT\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "secret.svg"), []byte("<svg>BÍ MẬT</svg>"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(src, "content", "news", "2024", "bi-mat.md"))
	os.Symlink(filepath.Join(outside, "secret.svg"), filepath.Join(src, "static", "bi-mat.svg"))
	os.Symlink(outside, filepath.Join(src, "data", "blocs", "khoi-c"))
	dst := filepath.Join(t.TempDir(), "public")
	res, err := buildSite(t, src, dst, func(o *Options) { o.Strict = false })
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	var warned []string
	for _, d := range res.Diagnostics {
		if d.Code == "symlink" {
			warned = append(warned, d.Path)
		}
	}
	slices.Sort(warned)
	if want := []string{"content/news/2024/bi-mat.md", "data/blocs/khoi-c", "static/bi-mat.svg"}; !slices.Equal(warned, want) {
		t.Errorf("warnings about %q, want %q; %v", warned, want, res.Diagnostics)
	}
	for name, b := range readTree(t, dst) {
		if bytes.Contains(b, []byte("BÍ MẬT")) || strings.Contains(name, "bi-mat") {
			t.Errorf("%s holds what a link outside points at", name)
		}
	}
	if _, err := buildSite(t, src, dst); !errors.Is(err, ErrSite) {
		t.Errorf("a strict build with the warnings: err = %v, want ErrSite", err)
	}

	// The static folder itself a link outside: a warning, and the build
	// goes on without it (the site's one image is its only use).
	os.RemoveAll(filepath.Join(src, "static"))
	os.Symlink(outside, filepath.Join(src, "static"))
	for _, f := range []string{"content/news/2024/khoi-a-tong-ket-2024.md", "content/news/2024/bi-mat.md"} {
		os.Remove(filepath.Join(src, filepath.FromSlash(f)))
	}
	res, err = buildSite(t, src, dst, func(o *Options) { o.Strict = false })
	if err != nil {
		t.Fatalf("build with static/ a link outside: %v\n%v", err, res.Diagnostics)
	}
	if !slices.ContainsFunc(res.Diagnostics, func(d diag.Diagnostic) bool { return d.Path == "static" && d.Code == "symlink-root" }) {
		t.Errorf("no warning about static/: %v", res.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(dst, "secret.svg")); err == nil {
		t.Error("a file under a static/ that links outside was copied")
	}
}

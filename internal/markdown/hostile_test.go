package markdown

import (
	"bytes"
	"errors"
	stdhtml "html"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tagRe matches one start or end tag as goldmark writes it: attribute values
// always in double quotes.
var tagRe = regexp.MustCompile(`^<(/?)([a-z][a-z0-9]*)((?: [a-z-]+(?:="[^"<>]*")?)*) ?/?>`)

// safeTags are the elements the Converter writes when raw HTML is escaped,
// with the attributes each may carry.
var safeTags = map[string][]string{
	"p": nil, "em": nil, "strong": nil, "del": nil, "code": {"class"}, "pre": nil, "blockquote": nil,
	"ul": nil, "ol": {"start"}, "li": {"id"}, "hr": nil, "br": nil,
	"h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
	"a": {"href", "title", "id", "class", "role"}, "img": {"src", "alt", "title", "loading"},
	"div": {"class", "role"}, "table": nil, "thead": nil, "tbody": nil, "tr": nil,
	"th": {"style"}, "td": {"style"}, "sup": {"id", "class"}, "section": {"class"},
	"input": {"checked", "disabled", "type"},
}

var attrRe = regexp.MustCompile(` ([a-z-]+)(?:="([^"]*)")?`)

// dangerousURL matches a URL, entities decoded, that runs script or embeds
// a document.
var dangerousURL = regexp.MustCompile(`(?i)^[\s\x00-\x1f]*(javascript|vbscript|data|file):`)

// inert returns why the HTML that Convert wrote for src (with raw HTML
// escaped) could run script, or "": every '<' opens a known tag with known
// attributes, no link or image goes to a script URL, no style is more than
// a text alignment.
func inert(out string) string {
	for i := 0; i < len(out); {
		j := strings.IndexByte(out[i:], '<')
		if j < 0 {
			break
		}
		i += j
		m := tagRe.FindStringSubmatch(out[i:])
		if m == nil {
			return "a '<' that opens no known tag at " + quoteAround(out, i)
		}
		allowed, ok := safeTags[m[2]]
		if !ok {
			return "the element <" + m[2] + ">"
		}
		for _, a := range attrRe.FindAllStringSubmatch(m[3], -1) {
			name, value := a[1], stdhtml.UnescapeString(a[2])
			switch {
			case !slices.Contains(allowed, name):
				return "the attribute " + name + " on <" + m[2] + ">"
			case (name == "href" || name == "src") && dangerousURL.MatchString(value):
				return "the URL " + value
			case name == "style" && !regexp.MustCompile(`^text-align:(left|right|center)$`).MatchString(value):
				return "the style " + value
			}
		}
		i += len(m[0])
	}
	return ""
}

func quoteAround(s string, i int) string {
	return `"` + s[max(0, i-20):min(len(s), i+40)] + `"`
}

func TestHostileMarkdownIsInert(t *testing.T) {
	c := New(Options{BasePath: "/thidua/"})
	for _, src := range []string{
		"<script>alert(1)</script>",
		"a <script>alert(1)</script> b",
		"<img src=x onerror=alert(1)>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](javascript&#58;alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](\x01javascript:alert(1))",
		"[x]( javascript:alert(1) )",
		"[x](<javascript:alert(1)>)",
		"<javascript:alert(1)>",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"![x](javascript:alert(1))",
		"![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
		"[x](vbscript:msgbox(1))",
		"[x](file:///etc/passwd)",
		"[x](\"onmouseover=alert(1))",
		"[x](/a \"title\" onmouseover=\"alert(1)\")",
		"![a\" onerror=\"alert(1)](/x.png)",
		"| a |\n|:-:|\n| <svg onload=alert(1)> |",
		"# <iframe src=javascript:alert(1)>",
		"> <style>*{}</style>",
		"`<script>`\n\n```\n</pre><script>alert(1)</script>\n```",
		"```go\nx := 1\n```",
		"```\"><script>alert(1)</script>\nx\n```",
		"www.example.com/<script>alert(1)</script>",
		"x[^1]\n\n[^1]: <script>alert(1)</script>",
		"<!-- --><script>alert(1)</script>",
		"<![CDATA[<script>alert(1)</script>]]>",
	} {
		var b bytes.Buffer
		if _, err := c.Convert([]byte(src), &b); err != nil {
			t.Fatal(err)
		}
		if why := inert(b.String()); why != "" {
			t.Errorf("%q gives %s:\n%s", src, why, b.String())
		}
	}
}

// TestInertCatchesScript checks that inert does see what it looks for.
func TestInertCatchesScript(t *testing.T) {
	for _, out := range []string{
		"<p><script>alert(1)</script></p>",
		`<p><a href="javascript:alert(1)">x</a></p>`,
		`<p><a href="&#106;avascript:alert(1)">x</a></p>`,
		`<p><img src="x" onerror="alert(1)"></p>`,
		`<p><img src=x onerror=alert(1)></p>`,
		`<td style="background:url(javascript:alert(1))">`,
	} {
		if inert(out) == "" {
			t.Errorf("inert(%q) sees nothing", out)
		}
	}
}

// FuzzConvertInert checks that nothing written in Markdown comes out of the
// Converter (raw HTML escaped, as by default) as an element, attribute or
// URL that could run script.
func FuzzConvertInert(f *testing.F) {
	for _, a := range testArticles(f) {
		f.Add(a)
	}
	f.Add([]byte("[x](javascript:alert(1)) <img src=x onerror=alert(1)> ![a](/b.png \"t\")\n\n| a |\n|--:|\n| b |\n"))
	f.Add([]byte("- [ ] task\n- [x] done\n\n1. one\n\n***\n\n~~del~~ x[^n]\n\n[^n]: note\n"))
	c := New(Options{BasePath: "/thidua/"})
	f.Fuzz(func(t *testing.T, src []byte) {
		var b bytes.Buffer
		var limit *LimitError
		if _, err := c.Convert(src, &b); err != nil && !errors.As(err, &limit) {
			t.Fatal(err)
		}
		if why := inert(b.String()); why != "" {
			t.Fatalf("%q gives %s:\n%s", src, why, b.String())
		}
	})
}

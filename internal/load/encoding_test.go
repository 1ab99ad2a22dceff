package load

import (
	"os"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/msg"
)

// TestEncodings reads units.yaml saved in each encoding of
// testdata/encoding and expects one message, at 1:1, that names the
// encoding and says how to save the file as UTF-8, in both languages.
func TestEncodings(t *testing.T) {
	for file, c := range map[string]struct{ code, name string }{
		"utf16le-bom.yaml":  {CodeUTF16LE, "UTF-16 LE"},
		"utf16le.yaml":      {CodeUTF16LE, "UTF-16 LE"},
		"utf16be-bom.yaml":  {CodeUTF16BE, "UTF-16 BE"},
		"utf16be.yaml":      {CodeUTF16BE, "UTF-16 BE"},
		"windows-1258.yaml": {CodeWindows1258, "Windows-1258"},
		"tcvn3.yaml":        {CodeTCVN3, "TCVN3"},
		"vni.yaml":          {CodeVNI, "VNI"},
	} {
		t.Run(file, func(t *testing.T) {
			testEncoding(t, file, c.code, c.name)
		})
	}
}

// testEncoding reads testdata/encoding/file as units.yaml and expects one
// message of code, naming the encoding name.
func testEncoding(t *testing.T, file, code, name string) {
	t.Helper()
	src, err := os.ReadFile("testdata/encoding/" + file)
	if err != nil {
		t.Fatal(err)
	}
	_, diags := ParseUnits("data/units.yaml", src)
	items := diags.Items()
	if len(items) != 1 {
		t.Fatalf("%s: %d messages, want 1: %v", file, len(items), lines(diags))
	}
	d := items[0]
	if d.Code != code || d.Line != 1 || d.Column != 1 {
		t.Errorf("%s: %s, want %s at 1:1", file, d.Format(msg.English), code)
	}
	vi, en := d.Text(msg.Vietnamese), d.Text(msg.English)
	for _, want := range []string{name, "UTF-8", "VS Code", "Notepad", "Word", "Excel"} {
		if !strings.Contains(vi, want) || !strings.Contains(en, want) {
			t.Errorf("%s: %q missing from\n%s\n%s", file, want, vi, en)
		}
	}
	if !strings.Contains(vi, "bảng mã") {
		t.Errorf("%s: the Vietnamese is not Vietnamese: %s", file, vi)
	}
}

// TestEncodingOfFrontMatter reads an article saved by Notepad in UTF-16
// ("Unicode"): one message naming the encoding, not one about front matter.
func TestEncodingOfFrontMatter(t *testing.T) {
	src := []byte{0xFF, 0xFE}
	for _, r := range "---\r\ntitle: Tin mới\r\ndate: 2025-01-08\r\n---\r\n\r\nNội dung.\r\n" {
		src = append(src, byte(r), byte(r>>8))
	}
	_, diags := ParseArticle("content/news/tin.md", src, nil)
	if items := diags.Items(); len(items) != 1 || items[0].Code != CodeUTF16LE {
		t.Errorf("got %v", lines(diags))
	}
}

// TestUnknownBytesKeepTheirPlace: a stray byte that is in no encoding's
// pattern is reported at its place, as a byte that is not UTF-8.
func TestUnknownBytesKeepTheirPlace(t *testing.T) {
	_, diags := ParseUnits("data/units.yaml", []byte("- id: a\n  name: A\x80B\n"))
	if items := diags.Items(); len(items) != 1 || items[0].Line != 2 || items[0].Column != 10 || strings.HasPrefix(items[0].Code, "encoding-") {
		t.Errorf("got %v", lines(diags))
	}
}

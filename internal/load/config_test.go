package load

import (
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
)

func TestDataLicense(t *testing.T) {
	const base = "title: T\nbaseURL: https://example.gov.vn/\n"
	c, diags := ParseConfig("site.yaml", []byte(base))
	if diags.Len() != 0 || c.DataLicenseID != model.DefaultDataLicense || c.DataLicense().ID != "CC-BY-4.0" {
		t.Errorf("default: %q %v", c.DataLicenseID, diags.Items())
	}
	c, diags = ParseConfig("site.yaml", []byte(base+"data_license: ODbL-1.0\n"))
	if diags.Len() != 0 || c.DataLicense().URL != "https://opendatacommons.org/licenses/odbl/1-0/" {
		t.Errorf("ODbL: %+v %v", c.DataLicense(), diags.Items())
	}
	_, diags = ParseConfig("site.yaml", []byte(base+"data_license: CC-BY-4\n"))
	if items := diags.Items(); len(items) != 1 || !strings.Contains(items[0].Text(msg.English), `field "data_license" is "CC-BY-4"; use one of CC-BY-4.0, `) {
		t.Errorf("a wrong licence: %v", items)
	}
}

func TestPrecompress(t *testing.T) {
	const base = "title: T\nbaseURL: https://example.gov.vn/\n"
	for src, want := range map[string]bool{base: false, base + "precompress: true\n": true, base + "precompress: false\n": false} {
		if c, diags := ParseConfig("site.yaml", []byte(src)); diags.Len() != 0 || c.Precompress != want {
			t.Errorf("%q: precompress %v, %v; want %v", src, c.Precompress, diags.Items(), want)
		}
	}
	if _, diags := ParseConfig("site.yaml", []byte(base+"precompress: gzip\n")); diags.Len() != 1 {
		t.Errorf("precompress: gzip: %v, want an error", diags.Items())
	}
}

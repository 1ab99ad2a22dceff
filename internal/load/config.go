package load

import (
	"net/url"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
)

// ConfigFile is site.yaml as written.
type ConfigFile struct {
	Path string
	model.Config
}

// defaultPaginate is the number of articles per news list page when
// site.yaml does not say.
const defaultPaginate = 20

// ParseConfig reads site.yaml. The result is never nil; its fields are
// empty where the file is wrong.
func ParseConfig(file string, src []byte) (*ConfigFile, *diag.List) {
	d := newDecoder(file, 0)
	c := &ConfigFile{Path: file, Config: model.Config{Language: "vi", Paginate: defaultPaginate}}
	root := d.parse(clean(src))
	if root == nil && d.diags.Len() > 0 {
		return c, d.diags
	}
	if root == nil {
		d.errorf(Pos{Line: 1, Column: 1}, "missing-field", "site.yaml is empty; give at least title and baseURL")
		return c, d.diags
	}
	f, ok := d.mapping(root, "site.yaml", []string{"title", "baseURL", "language", "description", "province", "paginate", "markdown", "data_license", "precompress", "article_pictures"}, []string{"title", "baseURL"})
	if !ok {
		return c, d.diags
	}
	c.Title = d.str(f, "title")
	if raw := d.str(f, "baseURL"); raw != "" {
		u, msg := parseBaseURL(raw)
		if msg != "" {
			d.errorf(d.pos(f.vals["baseURL"]), "bad-url", "field \"baseURL\" %s", msg)
		}
		c.BaseURL = u
	}
	if lang := d.oneOf(f, "language", []string{"vi", "en"}); lang != "" {
		c.Language = lang
	}
	c.Description = d.str(f, "description")
	c.Province = d.str(f, "province")
	if n, p, ok := d.integer(f, "paginate"); ok {
		if n < 1 {
			d.errorf(p, "bad-value", "field \"paginate\" is %d; give how many articles a news page lists, 1 or more", n)
		} else {
			c.Paginate = n
		}
	}
	var licenses []string
	for _, l := range model.DataLicenses() {
		licenses = append(licenses, l.ID)
	}
	c.DataLicenseID = model.DefaultDataLicense
	if id := d.oneOf(f, "data_license", licenses); id != "" {
		c.DataLicenseID = id
	}
	c.Precompress = d.boolean(f, "precompress")
	c.ArticlePictures = d.boolean(f, "article_pictures")
	if v := f.vals["markdown"]; v != nil && !isNull(v) {
		if m, ok := d.mapping(v, "field \"markdown\"", []string{"unsafe"}, nil); ok {
			c.MarkdownUnsafe = d.boolean(m, "unsafe")
		}
	}
	return c, d.diags
}

// parseBaseURL checks that raw is an absolute http or https URL and returns
// it ending in "/"; msg completes the sentence "field "baseURL" …" when it
// is not.
func parseBaseURL(raw string) (u *url.URL, msg string) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return nil, "is " + quote(raw) + "; give an absolute http or https address, like https://thidua.example.gov.vn/"
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, "is " + quote(raw) + "; give the address without a query, fragment or user name"
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u, ""
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

package load

import (
	"net/url"
	"strings"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/msg"
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
		d.error(Pos{Line: 1, Column: 1}, "empty-site-yaml")
		return c, d.diags
	}
	f, ok := d.mapping(root, msg.P("what-file", "site.yaml"), []string{"title", "baseURL", "language", "description", "province", "paginate", "markdown", "data_license", "precompress", "article_pictures"}, []string{"title", "baseURL"})
	if !ok {
		return c, d.diags
	}
	c.Title = d.str(f, "title")
	if raw := d.str(f, "baseURL"); raw != "" {
		u, problem := parseBaseURL(raw)
		switch problem {
		case urlNotAbsolute:
			d.error(d.pos(f.vals["baseURL"]), "base-url-not-absolute", quote(raw))
		case urlExtraParts:
			d.error(d.pos(f.vals["baseURL"]), "base-url-extra-parts", quote(raw))
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
			d.error(p, "bad-paginate", n)
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
		if m, ok := d.mapping(v, msg.P("what-field", "markdown"), []string{"unsafe"}, nil); ok {
			c.MarkdownUnsafe = d.boolean(m, "unsafe")
		}
	}
	return c, d.diags
}

// parseBaseURL checks that raw is an absolute http or https URL and returns
// it ending in "/"; msg completes the sentence "field "baseURL" …" when it
// is not.
func parseBaseURL(raw string) (u *url.URL, problem urlProblem) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return nil, urlNotAbsolute
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, urlExtraParts
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u, urlOK
}

// urlProblem is what is wrong with a base URL.
type urlProblem int

const (
	urlOK          urlProblem = iota
	urlNotAbsolute            // not an absolute http or https address
	urlExtraParts             // with a query, fragment or user name
)

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

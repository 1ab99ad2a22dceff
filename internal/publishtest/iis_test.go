package publishtest

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/internal/feeds"
)

// webServer is the part of IIS's system.webServer section that
// docs/publishing/web.config sets.
type webServer struct {
	StaticContent struct {
		Removes     []mimeMap `xml:"remove"`
		MimeMaps    []mimeMap `xml:"mimeMap"`
		ClientCache struct {
			Mode   string `xml:"cacheControlMode,attr"`
			MaxAge string `xml:"cacheControlMaxAge,attr"`
		} `xml:"clientCache"`
	} `xml:"staticContent"`
	DefaultDocument []struct {
		Value string `xml:"value,attr"`
	} `xml:"defaultDocument>files>add"`
	HTTPErrors struct {
		Mode     string `xml:"errorMode,attr"`
		Existing string `xml:"existingResponse,attr"`
		Errors   []struct {
			Status string `xml:"statusCode,attr"`
			Path   string `xml:"path,attr"`
			Mode   string `xml:"responseMode,attr"`
		} `xml:"error"`
	} `xml:"httpErrors"`
	URLCompression struct {
		Static string `xml:"doStaticCompression,attr"`
	} `xml:"urlCompression"`
}

// mimeMap is a mimeMap or remove element of staticContent.
type mimeMap struct {
	Ext  string `xml:"fileExtension,attr"`
	Type string `xml:"mimeType,attr"`
}

// mimeType is the type that ws maps the extension ext to, if it removes
// the inherited mapping first (IIS refuses a second mapping of one
// extension).
func (ws webServer) mimeType(ext string) (string, bool) {
	removed := slices.ContainsFunc(ws.StaticContent.Removes, func(r mimeMap) bool { return r.Ext == ext })
	for _, m := range ws.StaticContent.MimeMaps {
		if m.Ext == ext {
			return m.Type, removed
		}
	}
	return "", false
}

// TestWebConfig reads docs/publishing/web.config, which no IIS runs here:
// it must map every extension of the built demo to its Content-Type, the
// feed to Atom, send 404 to thidua's page, compress, and cache as the
// nginx and Apache files do.
func TestWebConfig(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(root, "docs", "publishing", "web.config"))
	if err != nil {
		t.Fatal(err)
	}
	var conf struct {
		WebServer webServer `xml:"system.webServer"`
		Locations []struct {
			Path      string    `xml:"path,attr"`
			WebServer webServer `xml:"system.webServer"`
		} `xml:"location"`
	}
	if err := xml.Unmarshal(src, &conf); err != nil {
		t.Fatalf("web.config does not parse: %v", err)
	}
	ws := conf.WebServer
	location := map[string]webServer{}
	for _, l := range conf.Locations {
		location[l.Path] = l.WebServer
	}

	exts := map[string]bool{}
	err = filepath.WalkDir(buildDemo(t, "https://portal.example.gov.vn/thidua/"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) != "" {
			exts[filepath.Ext(p)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for ext := range contentTypes {
		exts[ext] = true
	}
	for ext := range exts {
		mt, ok := ws.mimeType(ext)
		if !ok {
			t.Errorf("web.config does not remove then map %s", ext)
			continue
		}
		checkType(t, "web.config", "/a"+ext, mt)
	}
	if mt, ok := location[feeds.AtomFile].mimeType(".xml"); !ok {
		t.Errorf("web.config does not remove then map .xml for %s", feeds.AtomFile)
	} else {
		checkType(t, "web.config", "/"+feeds.AtomFile, mt)
	}

	if len(ws.DefaultDocument) != 1 || ws.DefaultDocument[0].Value != "index.html" {
		t.Errorf("default documents %v, want index.html", ws.DefaultDocument)
	}
	e := ws.HTTPErrors
	if e.Mode != "Custom" || e.Existing != "Replace" || len(e.Errors) != 1 ||
		e.Errors[0].Status != "404" || e.Errors[0].Path != sitePath+"404.html" || e.Errors[0].Mode != "ExecuteURL" {
		t.Errorf("httpErrors %+v, want 404 to execute %s404.html", e, sitePath)
	}
	if ws.URLCompression.Static != "true" {
		t.Error("web.config does not compress static files")
	}
	for _, c := range []struct{ name, got, want string }{
		{"pages", ws.StaticContent.ClientCache.MaxAge, "00:05:00"},
		{"assets", location["assets"].StaticContent.ClientCache.MaxAge, "7.00:00:00"},
	} {
		if c.got != c.want {
			t.Errorf("the %s are cached for %q, want %q as with nginx", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(string(src), "static/web.config") {
		t.Error("web.config does not say to put it in static/")
	}
}

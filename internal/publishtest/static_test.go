package publishtest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/build"
)

// TestStaticFilesReachTheOutput builds a copy of the demo with the files
// docs/publishing.md tells a portal to put in static/: web.config, a
// .well-known/ file and CNAME each land at the root of the output, as
// they are, at every build; a file put into the output by hand is gone
// after the next build, as the guide warns.
func TestStaticFilesReachTheOutput(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	for _, dir := range []string{"data", "content", "static"} {
		if err := os.CopyFS(filepath.Join(site, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	webConfig, err := os.ReadFile(filepath.Join(root, "docs", "publishing", "web.config"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"web.config":               webConfig,
		".well-known/security.txt": []byte("Contact: mailto:cntt@example.gov.vn\n"),
		"CNAME":                    []byte("thidua.example.gov.vn\n"),
	}
	for name, b := range files {
		p := filepath.Join(site, "static", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml, err := os.ReadFile(filepath.Join(root, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "site.yaml"), yaml, 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Source: site, Destination: dst, BaseURL: "https://portal.example.gov.vn/thidua/", Theme: thidua.Theme()}
	byHand := filepath.Join(dst, "google1234.html")
	for i := range 2 {
		if res, err := build.Run(context.Background(), opts); err != nil {
			t.Fatalf("build: %v\n%v", err, res.Diagnostics)
		}
		for name, want := range files {
			if got, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name))); err != nil || !bytes.Equal(got, want) {
				t.Errorf("static/%s is not at the root of the output as it is: %v", name, err)
			}
		}
		if _, err := os.Stat(byHand); i == 1 && err == nil {
			t.Error("a file put into the output by hand is still there after a build")
		}
		if err := os.WriteFile(byHand, []byte("google-site-verification: google1234.html"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

package main

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/msg"
)

// TestSampleCIFiles checks that the CI samples of docs/ci parse, check the
// site strictly, build it, install this module's command at this release
// and keep the whole git history for the last-update dates.
func TestSampleCIFiles(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	module := regexp.MustCompile(`(?m)^module (\S+)$`).FindSubmatch(mod)[1]
	install := "go install " + string(module) + "/cmd/thidua@" + version + "\n"
	for file, history := range map[string]string{
		"../../docs/ci/github-actions.yml": "fetch-depth: 0",
		"../../docs/ci/gitlab-ci.yml":      `GIT_DEPTH: "0"`,
	} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(src, &doc); err != nil || len(doc) == 0 {
			t.Errorf("%s does not parse: %v", file, err)
		}
		for _, want := range []string{install, "thidua check --strict", "thidua build --strict --quiet -d public", history} {
			if !strings.Contains(string(src), want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
}

// The editors' guide installs this release: go install at its version, and
// the archive of make dist for Windows.
func TestEditingGuideInstallsThisRelease(t *testing.T) {
	src, err := os.ReadFile("../../docs/editing.md")
	if err != nil {
		t.Fatal(err)
	}
	installs := regexp.MustCompile("go install [^`\n]*").FindAllString(string(src), -1)
	if len(installs) == 0 {
		t.Fatal("docs/editing.md says nothing of go install")
	}
	for _, line := range installs {
		if line != "go install github.com/thidua/thidua/cmd/thidua@"+version {
			t.Errorf("docs/editing.md: %q, want the release %s", line, version)
		}
	}
	archive := "thidua_" + strings.TrimPrefix(version, "v") + "_windows_amd64.zip"
	if !strings.Contains(string(src), archive) {
		t.Errorf("docs/editing.md does not name the Windows archive %s", archive)
	}
}

// TestEditingGuideLinks checks that the files the editors' guide links to exist.
func TestEditingGuideLinks(t *testing.T) {
	src, err := os.ReadFile("../../docs/editing.md")
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`\]\(([^)#:]+)(#[^)]*)?\)`).FindAllStringSubmatch(string(src), -1)
	if len(links) < 5 {
		t.Fatalf("only %d links", len(links))
	}
	for _, l := range links {
		if _, err := os.Stat("../../docs/" + l[1]); err != nil {
			t.Errorf("docs/editing.md links to %s: %v", l[1], err)
		}
	}
}

// TestPublishingGuidesShowTheRobotsNote checks that both publishing guides
// show the lines build prints for the portal's robots.txt as it prints
// them.
func TestPublishingGuidesShowTheRobotsNote(t *testing.T) {
	p := rootRobotsNote(&url.URL{Scheme: "https", Host: "portal.example.gov.vn", Path: "/thidua/"})
	for name, lang := range map[string]msg.Lang{"publishing.md": msg.Vietnamese, "publishing.en.md": msg.English} {
		src, err := os.ReadFile("../../docs/" + name)
		if err != nil {
			t.Fatal(err)
		}
		note := ""
		if p != nil {
			note = p.Localize(lang)
		}
		if note == "" || !strings.Contains(string(src), note) {
			t.Errorf("docs/%s does not show what build prints for robots.txt:\n%s", name, note)
		}
	}
}

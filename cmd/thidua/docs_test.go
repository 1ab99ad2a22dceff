package main

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestSampleCIFiles checks that the CI samples of docs/ci parse, check the
// site strictly, build it, install this module's command and keep the
// whole git history for the last-update dates.
func TestSampleCIFiles(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	module := regexp.MustCompile(`(?m)^module (\S+)$`).FindSubmatch(mod)[1]
	install := "go install " + string(module) + "/cmd/thidua@"
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
	note := rootRobotsNote(&url.URL{Scheme: "https", Host: "portal.example.gov.vn", Path: "/thidua/"})
	for _, name := range []string{"publishing.md", "publishing.en.md"} {
		src, err := os.ReadFile("../../docs/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if note == "" || !strings.Contains(string(src), note) {
			t.Errorf("docs/%s does not show what build prints for robots.txt:\n%s", name, note)
		}
	}
}

package main

import (
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	stamped := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "6d2df86c0123456789abcdef0123456789abcdef"},
		{Key: "vcs.modified", Value: "true"},
	}}
	for _, tc := range []struct {
		name             string
		info             *debug.BuildInfo
		commit, modified string
		want             string
	}{
		{"no build info", nil, "", "", "thidua " + version},
		{"go build without VCS", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "", "", "thidua " + version},
		{"go install @version", &debug.BuildInfo{Main: debug.Module{Version: version}}, "", "", "thidua " + version},
		{"go build in a clone", stamped, "", "", "thidua " + version + " (commit 6d2df86c0123, modified)"},
		{"make dist", &debug.BuildInfo{}, "6d2df86c0123456789abcdef0123456789abcdef", "", "thidua " + version + " (commit 6d2df86c0123)"},
		{"make dist overrides the stamp", stamped, "0123456789ab", "", "thidua " + version + " (commit 0123456789ab)"},
		{"go install of a pseudo-version", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.1-0.20261202080000-6d2df86c0123"}}, "", "",
			"thidua " + version + " (module v0.2.1-0.20261202080000-6d2df86c0123)"},
	} {
		if got := versionLine(tc.info, tc.commit, tc.modified); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// thidua version and thidua --version print the same line: the version,
// Go's and the platform.
func TestVersionCommand(t *testing.T) {
	want := regexp.MustCompile(`^thidua ` + regexp.QuoteMeta(version) + `( \([^)]*\))* go\S+ \w+/\w+\n$`)
	code, out, errOut := runCmd("version")
	if code != exitOK || !want.MatchString(out) || errOut != "" {
		t.Errorf("thidua version: exit %d, %q, stderr %q", code, out, errOut)
	}
	code, out2, _ := runCmd("--version")
	if code != exitOK || out2 != out {
		t.Errorf("thidua --version: exit %d, %q, want %q", code, out2, out)
	}
}

// The version is a semantic version, and the latest release of
// CHANGELOG.md, under its Unreleased section.
func TestVersionIsTheChangelogs(t *testing.T) {
	if !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(version) {
		t.Fatalf("version %q is not a semantic version vX.Y.Z", version)
	}
	b, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	heads := regexp.MustCompile(`(?m)^## \[([^\]]+)\]`).FindAllStringSubmatch(string(b), 2)
	if len(heads) < 2 || heads[0][1] != "Unreleased" || heads[1][1] != strings.TrimPrefix(version, "v") {
		t.Errorf("CHANGELOG.md's first sections are %v, want [Unreleased] then [%s]", heads, strings.TrimPrefix(version, "v"))
	}
}

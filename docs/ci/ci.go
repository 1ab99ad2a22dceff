// Package ci holds the CI samples of this folder, which docs/editing.md
// shows and thidua new site --ci copies into a new site folder.
package ci

import (
	_ "embed"
	"slices"
)

var (
	//go:embed github-actions.yml
	githubActions []byte
	//go:embed gitlab-ci.yml
	gitlabCI []byte
)

// Sample is one CI sample: the service it is for, its text and where it
// goes in a site's repository.
type Sample struct {
	Name string // the value of thidua new site --ci: "github", "gitlab"
	Path string // slash-separated, in the site folder
	Data []byte
}

// Samples returns every CI sample, GitHub's first.
func Samples() []Sample {
	return []Sample{
		{Name: "github", Path: ".github/workflows/thidua.yml", Data: slices.Clone(githubActions)},
		{Name: "gitlab", Path: ".gitlab-ci.yml", Data: slices.Clone(gitlabCI)},
	}
}

// Lookup returns the sample called name.
func Lookup(name string) (Sample, bool) {
	for _, s := range Samples() {
		if s.Name == name {
			return s, true
		}
	}
	return Sample{}, false
}

package thidua

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// themeStrings reads one language's interface strings of the built-in theme.
func themeStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(Theme(), "i18n/"+lang+".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("i18n/%s.yaml: %v", lang, err)
	}
	return m
}

// usedKeys are the keys the layouts ask for with t "key", the charts with
// b.t("key"), and those the Go side builds: page titles (internal/pages) and the labels of ratings,
// roles and statuses (internal/render).
func usedKeys(t *testing.T) []string {
	t.Helper()
	keys := []string{
		"home", "blocs", "units", "years", "year", "awards", "news", "page", "not-found",
		"search", "open_data", "units_count", "role-leader", "role-deputy", "role-member",
		"rating-xuat-sac", "rating-tot", "rating-hoan-thanh", "rating-khong-hoan-thanh",
		"status-proposed", "status-conferred",
	}
	call := regexp.MustCompile(`\bt "([a-z0-9_-]+)"`)
	err := fs.WalkDir(Theme(), "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Theme(), p)
		for _, m := range call.FindAllSubmatch(b, -1) {
			keys = append(keys, string(m[1]))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The charts ask for their titles and axis names with b.t("key").
	src, err := fs.Glob(os.DirFS("internal/charts"), "*.go")
	if err != nil || len(src) == 0 {
		t.Fatalf("no chart sources: %v", err)
	}
	chartCall := regexp.MustCompile(`\bb\.t\("([a-z0-9_-]+)"\)`)
	for _, name := range src {
		b, err := os.ReadFile("internal/charts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range chartCall.FindAllSubmatch(b, -1) {
			keys = append(keys, string(m[1]))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func TestInterfaceStringsInBothLanguages(t *testing.T) {
	vi, en := themeStrings(t, "vi"), themeStrings(t, "en")
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is in vi.yaml, not in en.yaml", k)
		}
	}
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("key %q is in en.yaml, not in vi.yaml", k)
		}
	}
	used := usedKeys(t)
	if len(used) < 60 {
		t.Fatalf("only %d keys found in the layouts", len(used))
	}
	for _, k := range used {
		if strings.TrimSpace(vi[k]) == "" {
			t.Errorf("key %q is used but has no Vietnamese string", k)
		}
		if strings.TrimSpace(en[k]) == "" {
			t.Errorf("key %q is used but has no English string", k)
		}
	}
}

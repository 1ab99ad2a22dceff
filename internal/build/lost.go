package build

import (
	"path"
	"slices"
	"strings"

	"github.com/thidua/thidua/internal/diag"
)

// CodeIgnoredLosesPages is the code of the error about a file under data/
// that loading ignores while a page of the last build is gone without it.
const CodeIgnoredLosesPages = "ignored-loses-pages"

// losingPages returns, when the pages of the last build (its keys, by page
// file) are not all in next, an error at each file under data/ that
// loading ignored and that changed: a year file renamed to 2024.yml.bak or
// moved out of its bloc's folder would otherwise unpublish the pages it
// made with no more than a warning. It returns nil when nothing is lost or
// no such file is ignored. changed and all are those of Build.
func losingPages(items []diag.Diagnostic, last, next map[string]uint64, changed []string, all bool, base string) *diag.List {
	var lost []string
	for f := range last {
		if _, ok := next[f]; !ok {
			lost = append(lost, f)
		}
	}
	if len(lost) == 0 {
		return nil
	}
	slices.Sort(lost)
	first := base + strings.TrimSuffix(lost[0], "index.html")
	var out diag.List
	for _, d := range items {
		if strings.HasPrefix(d.Code, "ignored-") && strings.HasPrefix(d.Path, "data/") && (all || touched(d.Path, changed)) {
			out.Error(d.Path, 0, 0, CodeIgnoredLosesPages, len(lost), first)
		}
	}
	if out.Len() == 0 {
		return nil
	}
	return &out
}

// touched reports whether the file p is one of changed or in a folder of it.
func touched(p string, changed []string) bool {
	for _, c := range changed {
		c = path.Clean(c)
		if p == c || strings.HasPrefix(p, c+"/") {
			return true
		}
	}
	return false
}

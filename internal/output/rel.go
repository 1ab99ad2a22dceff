package output

import (
	"fmt"
	"path/filepath"
	"strings"
)

// CheckRel reports whether rel is a path that may be written into an output
// folder: slash-separated, relative, and naming a file inside the folder.
// It rejects an empty path, an absolute one, a "." or ".." element, an empty
// element (as in "a//b" or "a/"), a backslash, a NUL, and anything the
// operating system would not treat as local (a volume name, a reserved device
// name on Windows).
func CheckRel(rel string) error {
	problem := relProblem(rel)
	if problem == "" {
		return nil
	}
	return fmt.Errorf("output: path %q: %s", rel, problem)
}

// relProblem says what is wrong with rel, or "" when nothing is.
func relProblem(rel string) string {
	switch {
	case rel == "":
		return "empty path"
	case strings.IndexByte(rel, 0) >= 0:
		return "contains a NUL byte"
	case strings.IndexByte(rel, '\\') >= 0:
		return "contains a backslash"
	case strings.HasPrefix(rel, "/"):
		return "absolute path"
	}
	for elem := range strings.SplitSeq(rel, "/") {
		switch elem {
		case "":
			return "empty path element"
		case ".", "..":
			return fmt.Sprintf("%q element", elem)
		}
	}
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "leaves the output folder"
	}
	return ""
}

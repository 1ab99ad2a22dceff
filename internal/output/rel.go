package output

import (
	"fmt"
	"path"
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

// foldersOf maps each folder that holds the files of m, "" for the top
// one, to the names of the folders in it that do.
func foldersOf(m manifest) map[string][]string {
	folders := map[string][]string{"": nil}
	for rel := range m {
		for dir := parentOf(rel); ; dir = parentOf(dir) {
			if _, ok := folders[dir]; ok {
				break
			}
			folders[dir] = nil
		}
	}
	for dir := range folders {
		if dir != "" {
			parent := parentOf(dir) // a key already: only values change
			folders[parent] = append(folders[parent], path.Base(dir))
		}
	}
	return folders
}

// parentOf is the folder of the slash path rel, "" for the top one.
func parentOf(rel string) string {
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}

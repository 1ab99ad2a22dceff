package watch

import (
	"strconv"
	"strings"
)

// IsWatched reports whether the slash-separated path rel, relative to the
// site folder, lies in what a Watcher watches: site.yaml and the folders
// content/, data/, layouts/, static/ and i18n/. Everything else in the site
// folder, such as the destination public/ or .git/, is not watched.
func IsWatched(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "content", "data", "layouts", "static", "i18n":
		return true
	}
	return rel == "site.yaml"
}

// watchedFolders are the folders of the site folder that are watched with
// all they hold.
func watchedFolders() []string { return []string{"content", "data", "layouts", "static", "i18n"} }

// Ignored reports whether a file named name is one that editors and
// systems write beside the files they edit, not part of the site: vim's
// swap files (.x.swp, .x.swo, .x.swx, .x.swpx) and its write test files
// (4913, 5036, …), backups ending in ~, JetBrains' x___jb_tmp___ and
// x___jb_old___, Emacs' #x# and .#x, Kate's .x.kate-swp, and macOS's
// .DS_Store.
func Ignored(name string) bool {
	switch {
	case name == "" || name == ".DS_Store":
		return true
	case strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swpx"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		strings.HasSuffix(name, ".kate-swp"),
		strings.HasPrefix(name, ".#"),
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	return isVimWriteTest(name)
}

// isVimWriteTest reports whether name is one of the files vim creates to
// test that it may write into a folder: 4913, then 4913+123, 4913+246, …
// until a name is free.
func isVimWriteTest(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && strconv.Itoa(n) == name && n >= 4913 && (n-4913)%123 == 0
}

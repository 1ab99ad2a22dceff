// Package scaffold writes the files an editor starts from: a news article
// with its front matter filled in, and a bloc's next year from its last
// one. Article and Year only compose the file; Write puts it in the site
// folder and never replaces a file that is there.
package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
	"github.com/thidua/thidua/internal/msg"
)

// ErrExists means the file to write is already there.
var ErrExists = errors.New("the file already exists")

// errNotASite returns the error of a command given a folder without site.yaml.
func errNotASite() error { return msg.E("new-not-a-site") }

// idPattern is the identifier pattern of docs/format.md, "General rules".
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// The years a site file may speak of, as thidua check allows them.
const (
	minYear = 1945
	maxYear = 2100
)

// Write creates the file rel (slash-separated, relative to the site folder
// dir) with src, making its folders. It fails with ErrExists, writing
// nothing, when the file is already there.
func Write(dir, rel string, src []byte) error {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return msg.E("new-file-exists", rel).Wrapping(ErrExists)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(src); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}

// exists reports whether the site file rel is there.
func exists(fsys fs.FS, rel string) bool {
	_, err := fs.Stat(fsys, rel)
	return err == nil
}

// checkBloc returns an error when the site has no bloc id.
func checkBloc(fsys fs.FS, id string) error {
	if !idPattern.MatchString(id) {
		return msg.E("new-bad-bloc", id)
	}
	if exists(fsys, path.Join("data/blocs", id, "bloc.yaml")) {
		return nil
	}
	var known []string
	entries, _ := fs.ReadDir(fsys, "data/blocs")
	for _, e := range entries {
		if e.IsDir() && exists(fsys, path.Join("data/blocs", e.Name(), "bloc.yaml")) {
			known = append(known, e.Name())
		}
	}
	if len(known) == 0 {
		return msg.E("new-no-blocs", id)
	}
	if s := diag.Suggest(id, known); s != "" {
		return msg.E("new-unknown-bloc-guess", id, s, strings.Join(known, ", "))
	}
	return msg.E("new-unknown-bloc", id, strings.Join(known, ", "))
}

// checkYear returns an error when y is not a year a site file may hold.
func checkYear(y int) error {
	if y < minYear || y > maxYear {
		return msg.E("new-year-out-of-range", y, minYear, maxYear)
	}
	return nil
}

// scalar writes s as one YAML value, quoted only when it must be.
func scalar(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(b), "\n")
}

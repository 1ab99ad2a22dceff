package charts

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/thidua/thidua/internal/model"
	"github.com/thidua/thidua/internal/output"
	"github.com/thidua/thidua/internal/pages"
)

// lib holds the chart library, committed in lib/ as make charts bundles it
// from the npm packages pinned in package-lock.json, so that a build from
// the module's files has it without Node.
//
//go:embed lib
var lib embed.FS

// LibraryDir is the site-relative folder the chart library is written to.
const LibraryDir = "assets/vendor/echarts/"

// Script is the site-relative path of the chart library.
const Script = LibraryDir + "echarts.min.js"

// libraryFiles are the files of the chart library: the script and, beside
// it, the licences and notice it comes with.
var libraryFiles = []string{"echarts.min.js", "LICENSE", "NOTICE", "LICENSE-d3", "LICENSE-zrender"}

// ErrNoLibrary means the program was built without the chart library.
var ErrNoLibrary = errors.New("this thidua was built without the chart library (internal/charts/lib/echarts.min.js): " +
	"restore it with git checkout, or run make charts in the thidua repository, then build thidua again")

// Library is the build extra that writes the chart library, with its
// licences, into assets/vendor/echarts/ of a site that has a chart.
type Library struct {
	// FS holds lib/ with the library's files; nil means the one built into
	// the program.
	FS fs.FS
}

func (l Library) fsys() fs.FS {
	if l.FS != nil {
		return l.FS
	}
	return lib
}

// Paths lists the files of the library when some page has a chart, none
// otherwise.
func (l Library) Paths(site *model.Site) []string {
	if !HasDrawn(site) {
		return nil
	}
	out := make([]string, len(libraryFiles))
	for i, f := range libraryFiles {
		out[i] = LibraryDir + f
	}
	return out
}

// Reads says that the library is written when some page draws a chart,
// which the records decide.
func (Library) Reads() model.Parts { return model.PartFrame | model.PartRecords }

// Write copies the library's files. It fails with ErrNoLibrary when a page
// has a chart and the library is missing, rather than write pages whose
// charts cannot be drawn.
func (l Library) Write(site *model.Site, _ []*pages.Page, create func(path string) (io.WriteCloser, error)) error {
	if !HasDrawn(site) {
		return nil
	}
	for _, f := range libraryFiles {
		b, err := fs.ReadFile(l.fsys(), "lib/"+f)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w (missing %s)", ErrNoLibrary, f)
		}
		if err != nil {
			return err
		}
		err = output.WriteFile(create, LibraryDir+f, func(w io.Writer) error {
			_, err := w.Write(b)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

package importer

import (
	"slices"

	"github.com/thidua/thidua/internal/diag"
)

// report collects the messages of an import in the order they are found:
// row by row, and in a row column by column, as a sheet is read.
type report struct{ items []diag.Diagnostic }

func (r *report) Add(d diag.Diagnostic) { r.items = append(r.items, d) }

func (r *report) hasErrors() bool {
	return slices.ContainsFunc(r.items, func(d diag.Diagnostic) bool { return d.Severity == diag.Error })
}

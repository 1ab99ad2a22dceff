package load

import (
	"strings"

	"github.com/thidua/thidua/internal/diag"
)

// The codes of the messages about a file whose contents are missing from
// the model: it is not there, could not be read, or did not parse. The
// codes of a file that did not parse also start with "yaml-", and those of
// a file not in UTF-8 with "encoding-".
const (
	CodeMissingFile = "missing-file"
	CodeRead        = "read"
	CodeYAML        = "yaml"
)

// Complete reports whether the diagnostics of Site or Cache.Site leave every
// file of the folder read and parsed, so that the model knows every id the
// files give even when it has other errors: checks that look ids up (links
// to pages) can then run without reporting what is only missing.
func Complete(diags *diag.List) bool {
	for _, d := range diags.Items() {
		switch d.Code {
		case CodeMissingFile, CodeRead, CodeYAML:
			return false
		}
		if strings.HasPrefix(d.Code, "yaml-") || strings.HasPrefix(d.Code, "encoding-") {
			return false
		}
	}
	return true
}

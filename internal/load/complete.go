package load

import (
	"strings"

	"github.com/thidua/thidua/internal/diag"
)

// The codes of the messages about a file whose contents are missing from
// the model: it is not there, could not be read, or did not parse. Each
// names a family: every code that starts with one of them, and the codes
// of text that is not text (textProblem), are such messages too.
// The codes of a file that did not parse start with "yaml", and those of a
// file not in UTF-8 with "encoding-".
const (
	CodeMissingFile = "missing-file"
	CodeRead        = "read"
	CodeYAML        = "yaml"
)

// unread reports whether code is that of a message about a file whose
// contents are missing from the model.
func unread(code string) bool {
	for _, family := range []string{CodeMissingFile, CodeRead, CodeYAML} {
		if code == family || strings.HasPrefix(code, family+"-") {
			return true
		}
	}
	switch code {
	case "not-utf8", "nul-byte", "control-char":
		return true
	}
	return false
}

// Complete reports whether the diagnostics of Site or Cache.Site leave every
// file of the folder read and parsed, so that the model knows every id the
// files give even when it has other errors: checks that look ids up (links
// to pages) can then run without reporting what is only missing.
func Complete(diags *diag.List) bool {
	for _, d := range diags.Items() {
		if unread(d.Code) {
			return false
		}
		if strings.HasPrefix(d.Code, "yaml-") || strings.HasPrefix(d.Code, "encoding-") {
			return false
		}
	}
	return true
}

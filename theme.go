// Package thidua holds the built-in theme of the thidua site generator: the
// layouts, static assets and interface strings that a site folder's own files
// override by name. The generator itself lives in cmd/thidua and internal/.
package thidua

import (
	"embed"
	"io/fs"
)

//go:embed layouts static/assets i18n
var theme embed.FS

// Theme returns the built-in theme as a file system holding layouts/,
// static/assets/ and i18n/.
func Theme() fs.FS { return theme }

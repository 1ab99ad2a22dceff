package render

import (
	"io/fs"
	"path"

	"go.yaml.in/yaml/v3"

	"github.com/thidua/thidua/internal/diag"
)

// loadStrings reads i18n/<lang>.yaml of the theme, then of the site, whose
// keys replace the theme's.
func loadStrings(lang string, opts Options, diags *diag.List) map[string]string {
	if lang == "" {
		lang = "vi"
	}
	out := map[string]string{}
	for _, src := range []struct {
		fsys   fs.FS
		prefix string
	}{{opts.Theme, "(built-in) "}, {opts.Site, ""}} {
		if src.fsys == nil {
			continue
		}
		name := path.Join("i18n", lang+".yaml")
		b, err := fs.ReadFile(src.fsys, name)
		if err != nil {
			continue
		}
		var m map[string]string
		if err := yaml.Unmarshal(b, &m); err != nil {
			diags.Error(src.prefix+name, 1, 1, "i18n", err.Error())
			continue
		}
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

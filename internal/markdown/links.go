package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// resolveLinks puts prefix ("/thidua", or "" for a site at the root) in
// front of the site-relative link and image destinations of doc, and makes
// images load lazily.
func resolveLinks(doc ast.Node, prefix string) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = resolve(n.Destination, prefix)
		case *ast.Image:
			n.Destination = resolve(n.Destination, prefix)
			n.SetAttributeString("loading", []byte("lazy"))
		}
		return ast.WalkContinue, nil
	})
}

// resolve returns dest with the prefix in front when it is site-relative.
func resolve(dest []byte, prefix string) []byte {
	if prefix == "" || !isSiteRelative(destination(dest)) {
		return dest
	}
	out := make([]byte, 0, len(prefix)+len(dest))
	out = append(out, prefix...)
	return append(out, dest...)
}

// destination returns a link destination as the browser gets it, with
// Markdown's backslash escapes and character references resolved.
func destination(raw []byte) string {
	v := util.UnescapePunctuations(raw)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// isSiteRelative reports whether dest is a path from the root of the site:
// "/khoi/" is; "//host/x" (and "/\host/x", which browsers read alike),
// "#x", "x/y" and "https://…" are not.
func isSiteRelative(dest string) bool {
	return strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") && !strings.HasPrefix(dest, `/\`)
}

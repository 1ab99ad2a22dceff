package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkTransformer puts the base path in front of site-relative link and
// image destinations, and makes images load lazily.
type linkTransformer struct {
	prefix string // "/thidua", or "" for a site at the root
}

func (t linkTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = t.resolve(n.Destination)
		case *ast.Image:
			n.Destination = t.resolve(n.Destination)
			n.SetAttributeString("loading", []byte("lazy"))
		}
		return ast.WalkContinue, nil
	})
}

// resolve returns dest with the prefix in front when it is site-relative.
func (t linkTransformer) resolve(dest []byte) []byte {
	if t.prefix == "" || !isSiteRelative(destination(dest)) {
		return dest
	}
	out := make([]byte, 0, len(t.prefix)+len(dest))
	out = append(out, t.prefix...)
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

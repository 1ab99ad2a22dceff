package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// resolveLink puts prefix ("/thidua", or "" for a site at the root) in
// front of the destination of link or image n when it is site-relative,
// and makes an image load lazily.
func resolveLink(n ast.Node, prefix string) {
	switch n := n.(type) {
	case *ast.Link:
		n.Destination = resolve(n.Destination, prefix)
	case *ast.Image:
		n.Destination = resolve(n.Destination, prefix)
		n.SetAttributeString("loading", []byte("lazy"))
	}
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

// isRelative reports whether dest is a path relative to the page it is on,
// which the browser resolves against the page's address: "anh.jpg" and
// "../khoi-8/" are; "", "#x" (a place on the page), "/x", "//host/x", and
// anything with a scheme ("https:", "mailto:") are not.
func isRelative(dest string) bool {
	if dest == "" || dest[0] == '#' || dest[0] == '/' || dest[0] == '\\' {
		return false
	}
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case c == ':':
			return i == 0 // a scheme ends here
		case c == '/' || c == '?' || c == '#':
			return true
		case i > 0 && (c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9'),
			'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		default:
			return true // not a scheme's character
		}
	}
	return true
}

// isSiteRelative reports whether dest is a path from the root of the site:
// "/khoi/" is; "//host/x" (and "/\host/x", which browsers read alike),
// "#x", "x/y" and "https://…" are not.
func isSiteRelative(dest string) bool {
	return strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") && !strings.HasPrefix(dest, `/\`)
}

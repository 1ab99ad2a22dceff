package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/thidua/thidua/internal/vn"
)

// fallbackID is the id of a heading with no letter or digit that folds to
// ASCII ("mục", section).
const fallbackID = "muc"

// headingIDs is a parser.IDs that makes readable ids of Vietnamese text with
// vn.Slug: "Giới thiệu" gives "gioi-thieu", a second one "gioi-thieu-1". One
// serves one document.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate returns an id for value not given out before in the document.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := vn.Slug(string(value))
	if base == "" {
		base = fallbackID
	}
	id := base
	for n := 1; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return []byte(id)
}

// Put records id as given out.
func (s *headingIDs) Put(id []byte) { s.used[string(id)] = true }

// headingIDTransformer gives every heading an id made from its plain text
// (not its Markdown source, so that link destinations and markup stay out
// of it) by the parse context's IDs.
type headingIDTransformer struct{}

func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			if first := n.FirstChild(); first != nil && first.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil // no heading among inlines
			}
			return ast.WalkContinue, nil
		}
		h.SetAttributeString("id", pc.IDs().Generate([]byte(plainText(h, source)), ast.KindHeading))
		return ast.WalkSkipChildren, nil
	})
}

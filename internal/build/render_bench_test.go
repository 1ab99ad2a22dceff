package build

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/internal/pages"
	"github.com/thidua/thidua/internal/synth"
)

// BenchmarkRenderPages renders the pages of each kind of a generated site
// of 2,000 articles (8 blocs over 6 years of 10 members: a bloc's page
// lists about 250 of them), one page an iteration, in a buffer: the cost
// of the templates alone, without writing.
func BenchmarkRenderPages(b *testing.B) {
	src := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(src, synth.Options{Articles: 2000, Blocs: 8, Years: 6, Members: 10, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	p, diags, err := Prepare(Options{Source: src, Theme: thidua.Theme()})
	if err != nil {
		b.Fatal(err, diags)
	}
	defer p.Close()
	byKind := map[pages.Kind][]*pages.Page{}
	for _, page := range p.Plan {
		byKind[page.Kind] = append(byKind[page.Kind], page)
	}
	for _, kind := range []pages.Kind{pages.KindArticle, pages.KindNews, pages.KindBloc, pages.KindBlocYear, pages.KindUnit, pages.KindYear} {
		list := byKind[kind]
		if len(list) == 0 {
			b.Fatalf("no %s pages", kind)
		}
		b.Run(string(kind), func(b *testing.B) {
			var buf bytes.Buffer
			n := 0
			for b.Loop() {
				buf.Reset()
				if err := p.Renderer.Page(&buf, list[n%len(list)]); err != nil {
					b.Fatal(err)
				}
				n++
			}
		})
	}
}

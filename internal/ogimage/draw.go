package ogimage

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The fonts, Noto Sans (SIL Open Font License 1.1: fonts/LICENSE; where
// they come from: fonts/README.md).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	regularTTF []byte
	//go:embed fonts/NotoSans-Bold.ttf
	boldTTF []byte
)

// The size of a picture, in pixels: what Facebook, Zalo and X show large.
const (
	Width  = 1200
	Height = 630
)

// The layout, in pixels.
const (
	margin     = 64 // left and right
	textWidth  = Width - 2*margin
	bandHeight = 88          // the coloured band at the top, with the site's name
	barTop     = Height - 10 // the thin bar at the bottom
	labelBase  = 156         // the baseline of the label
	titleTop   = 176         // the top of the title's first line
	factsEnd   = 548         // the facts end above it
	footerBase = 592         // the baseline of the address
)

// The colours, those of the theme (static/assets/css/site.css).
var (
	white  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	fg     = color.RGBA{0x1b, 0x1f, 0x24, 0xff}
	muted  = color.RGBA{0x4f, 0x5b, 0x66, 0xff}
	brand  = color.RGBA{0x9d, 0x1c, 0x20, 0xff}
	yellow = color.RGBA{0xff, 0xd4, 0x00, 0xff}
)

// A ramp is a run of levels palette entries blending from the colour under
// a text to the text's colour; a pixel of text covered by alpha a takes
// the entry of level a*(levels-1)/255.
type ramp uint8

const levels = 16

const (
	titleInk ramp = iota // fg on white
	factInk              // muted on white
	labelInk             // brand on white
	bandInk              // white on brand
	starInk              // yellow on brand
	rampCount
)

var rampColours = [rampCount][2]color.RGBA{
	titleInk: {white, fg},
	factInk:  {white, muted},
	labelInk: {white, brand},
	bandInk:  {brand, white},
	starInk:  {brand, yellow},
}

// palette blends each ramp's two colours in levels steps.
func palette() color.Palette {
	p := make(color.Palette, 0, int(rampCount)*levels)
	for _, c := range rampColours {
		for l := range levels {
			mix := func(a, b uint8) uint8 { return uint8((int(a)*(levels-1-l) + int(b)*l + (levels-1)/2) / (levels - 1)) }
			p = append(p, color.RGBA{mix(c[0].R, c[1].R), mix(c[0].G, c[1].G), mix(c[0].B, c[1].B), 0xff})
		}
	}
	return p
}

// The indices of the flat colours.
const (
	whiteIndex  = uint8(titleInk) * levels
	brandIndex  = uint8(bandInk) * levels
	yellowIndex = uint8(starInk)*levels + levels - 1
)

// drawing is the version of how a card is drawn, part of each picture's
// Key: a change to the drawing that changes the bytes of a picture must
// change it, so that a build does not keep pictures drawn the old way
// (TestDrawingVersion says when).
const drawing = "2"

// Painter draws the pictures of one site: the same band with the site's
// name on each. It is safe for concurrent use.
type Painter struct {
	site          string
	regular, bold *opentype.Font
	background    *image.Paletted // the band, the star and the bar, drawn once
	band          *encodedRows    // the encoding of the band's rows, the same in every picture
	canvases      sync.Pool       // of *canvas
}

// NewPainter returns a Painter of pictures bearing the site name site.
func NewPainter(site string) (*Painter, error) {
	regular, err := opentype.Parse(regularTTF)
	if err != nil {
		return nil, fmt.Errorf("ogimage: the regular font: %w", err)
	}
	bold, err := opentype.Parse(boldTTF)
	if err != nil {
		return nil, fmt.Errorf("ogimage: the bold font: %w", err)
	}
	p := &Painter{site: site, regular: regular, bold: bold}
	c := p.newCanvas()
	img := c.img
	for i := range img.Pix {
		img.Pix[i] = whiteIndex
	}
	fill(img, image.Rect(0, 0, Width, bandHeight), brandIndex)
	fill(img, image.Rect(0, barTop, Width, Height), yellowIndex)
	c.star(margin, 20, 48)
	face := c.face(p.bold, 30)
	name := clipToWidth(face, site, textWidth-64)
	c.text(face, name, margin+64, 56, bandInk)
	p.background = img
	p.band = encodeRows(img, bandHeight)
	return p, nil
}

func fill(img *image.Paletted, r image.Rectangle, index uint8) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = index
		}
	}
}

// Key is a digest of all that the picture of card c shows and of the way
// it is drawn: two cards of one Key have the same picture. Draw writes it
// into the PNG, where SameKey finds it.
func (p *Painter) Key(c Card) string {
	h := sha256.New()
	for _, s := range append([]string{drawing, p.site, c.Label, c.Title, c.Address}, c.Facts...) {
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// HeadSize is how many bytes of a picture hold its Key.
const HeadSize = 8 + 25 + 8 + len(keyWord) + 1 + 32 // signature, IHDR, tEXt to the end of the Key

// keyWord is the keyword of the PNG text chunk that holds the Key.
const keyWord = "thidua-card"

// SameKey reports whether head, the beginning of a picture, is that of a
// picture of the Key key.
func SameKey(head []byte, key string) bool {
	return len(head) >= HeadSize && string(head[HeadSize-len(key):HeadSize]) == key &&
		string(head[8+25+8:8+25+8+len(keyWord)]) == keyWord
}

// Draw returns the PNG of card c. The same card gives the same bytes.
func (p *Painter) Draw(c Card) ([]byte, error) {
	cv, _ := p.canvases.Get().(*canvas)
	if cv == nil {
		cv = p.newCanvas()
	}
	defer p.canvases.Put(cv)
	copy(cv.img.Pix, p.background.Pix)
	cv.layout(p, c)
	cv.out = encodePNG(cv.out[:0], cv.img, keyWord+"\x00"+p.Key(c), p.band)
	return bytes.Clone(cv.out), nil
}

// canvas is one goroutine's picture being drawn, with its faces and the
// glyphs it has drawn.
type canvas struct {
	img    *image.Paletted
	faces  map[faceKey]*face
	glyphs map[glyphKey]*glyph
	out    []byte // the last PNG
}

type faceKey struct {
	f    *opentype.Font
	size int
}

// face is a font at a size, with its key in the canvas's glyphs and the
// advances and kerning it has looked up.
type face struct {
	font.Face
	key      faceKey
	advances map[rune]fixed.Int26_6
	kerns    map[[2]rune]fixed.Int26_6
}

func (f *face) advance(r rune) fixed.Int26_6 {
	a, ok := f.advances[r]
	if !ok {
		a, _ = f.GlyphAdvance(r)
		f.advances[r] = a
	}
	return a
}

func (f *face) kern(r0, r1 rune) fixed.Int26_6 {
	k, ok := f.kerns[[2]rune{r0, r1}]
	if !ok {
		k = f.Kern(r0, r1)
		f.kerns[[2]rune{r0, r1}] = k
	}
	return k
}

// width is the advance of s, in whole pixels.
func (f *face) width(s string) int {
	var w fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += f.kern(prev, r)
		}
		w += f.advance(r)
		prev = r
	}
	return w.Ceil()
}

// glyphKey is a glyph of a face at a quarter of a pixel's offset.
type glyphKey struct {
	face faceKey
	r    rune
	subX fixed.Int26_6
}

// glyph is the coverage of one glyph, placed relative to the dot, as the
// levels of a ramp (toLevels).
type glyph struct {
	at   image.Point // the top left of mask, from the dot
	mask *image.Alpha
}

func (p *Painter) newCanvas() *canvas {
	return &canvas{
		img:    image.NewPaletted(image.Rect(0, 0, Width, Height), palette()),
		faces:  map[faceKey]*face{},
		glyphs: map[glyphKey]*glyph{},
	}
}

func (c *canvas) face(f *opentype.Font, size int) *face {
	k := faceKey{f, size}
	if fc, ok := c.faces[k]; ok {
		return fc
	}
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// The options are valid and the fonts embedded: it cannot fail.
		panic(err)
	}
	fc := &face{Face: ff, key: k, advances: map[rune]fixed.Int26_6{}, kerns: map[[2]rune]fixed.Int26_6{}}
	c.faces[k] = fc
	return fc
}

// text draws s with face, starting at x on the baseline y, in ink.
func (c *canvas) text(face *face, s string, x, y int, ink ramp) {
	dot := fixed.I(x)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot += face.kern(prev, r)
		}
		prev = r
		sub := dot & 63 &^ 15 // a quarter of a pixel
		gk := glyphKey{face.key, r, sub}
		g, ok := c.glyphs[gk]
		if !ok {
			g = newGlyph(face, r, sub)
			c.glyphs[gk] = g
		}
		if g.mask != nil {
			c.blend(g.mask, image.Pt(dot.Floor()+g.at.X, y+g.at.Y), ink)
		}
		dot += face.advance(r)
	}
}

func newGlyph(face font.Face, r rune, sub fixed.Int26_6) *glyph {
	dr, mask, mp, _, ok := face.Glyph(fixed.Point26_6{X: sub}, r)
	if !ok || dr.Empty() {
		return &glyph{}
	}
	a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
	src := mask.(*image.Alpha)
	for y := range dr.Dy() {
		copy(a.Pix[y*a.Stride:(y+1)*a.Stride], src.Pix[src.PixOffset(mp.X, mp.Y+y):])
	}
	toLevels(a)
	return &glyph{at: dr.Min, mask: a}
}

// toLevels turns each coverage of mask, 0 to 255, into the level of a ramp
// it takes, 0 to levels-1, once for all the times a glyph is drawn.
func toLevels(mask *image.Alpha) {
	for i, a := range mask.Pix {
		mask.Pix[i] = uint8((int(a)*(levels-1) + 127) / 255)
	}
}

// blend puts mask, of levels (toLevels), at the point at of the picture in
// ink: each covered pixel takes its level, or keeps a higher level of the
// same ink where two glyphs touch.
func (c *canvas) blend(mask *image.Alpha, at image.Point, ink ramp) {
	base := uint8(ink) * levels
	r := mask.Rect.Add(at).Intersect(c.img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		src := mask.Pix[(y-at.Y)*mask.Stride+(r.Min.X-at.X):]
		dst := c.img.Pix[c.img.PixOffset(r.Min.X, y):c.img.PixOffset(r.Max.X, y)]
		for i, level := range src[:len(dst)] {
			if level == 0 {
				continue
			}
			if e := dst[i]; e >= base && e < base+levels && e-base >= level {
				continue
			}
			dst[i] = base + level
		}
	}
}

// star draws the theme's star (that of favicon.svg) in a square of side
// size at x, y.
func (c *canvas) star(x, y, size int) {
	pts := [][2]float32{{16, 5}, {19.1, 12.3}, {27, 12.9}, {21, 18.1}, {22.9, 25.8}, {16, 21.6}, {9.1, 25.8}, {11, 18.1}, {5, 12.9}, {12.9, 12.3}}
	s := float32(size) / 32
	var z vector.Rasterizer
	z.Reset(size, size)
	for i, pt := range pts {
		if i == 0 {
			z.MoveTo(pt[0]*s, pt[1]*s)
		} else {
			z.LineTo(pt[0]*s, pt[1]*s)
		}
	}
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	toLevels(mask)
	c.blend(mask, image.Pt(x, y), starInk)
}

// clipToWidth is s, or its longest beginning of whole words that, with
// "…", fits in w.
func clipToWidth(face *face, s string, w int) string {
	if face.width(s) <= w {
		return s
	}
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		t := strings.TrimRight(strings.Join(words[:n], " "), ",;:–-") + "…"
		if face.width(t) <= w {
			return t
		}
	}
	return "…"
}

package ogimage

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// paletted is a picture of w×h pixels of a palette of 16 greys, with
// rows made from seed: runs, rows like the one above with a few pixels
// changed, and noise.
func paletted(w, h int, seed uint64) *image.Paletted {
	pal := make(color.Palette, 16)
	for i := range pal {
		pal[i] = color.Gray{uint8(i * 17)}
	}
	img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	r := rand.New(rand.NewPCG(seed, 1))
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		switch kind := r.IntN(4); {
		case kind == 0 && y > 0:
			copy(row, img.Pix[(y-1)*img.Stride:])
			for range r.IntN(4) {
				row[r.IntN(w)] = uint8(r.IntN(16))
			}
		case kind == 1:
			for x := 0; x < w; {
				n, v := 1+r.IntN(300), uint8(r.IntN(16))
				for ; n > 0 && x < w; n-- {
					row[x] = v
					x++
				}
			}
		case kind == 2:
			for x := range row {
				row[x] = uint8(r.IntN(16))
			}
		}
	}
	return img
}

// checkRoundTrip wants image/png to read back from encodePNG the pixels
// and palette of img, with the Adler-32 and CRCs it checks.
func checkRoundTrip(t *testing.T, img *image.Paletted) {
	t.Helper()
	b := encodePNG(nil, img, "k\x00v")
	got, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%v: %v", img.Rect, err)
	}
	p, ok := got.(*image.Paletted)
	if !ok || p.Rect != img.Rect || !bytes.Equal(p.Pix, img.Pix) || len(p.Palette) != len(img.Palette) {
		t.Fatalf("%v: the picture read back differs", img.Rect)
	}
}

// TestEncodeRoundTrip encodes pictures of many shapes: one pixel, one
// row, rows as long as the window of deflate and longer, runs across
// rows and longer than a copy, rows equal to the one above.
func TestEncodeRoundTrip(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {1, 40}, {3, 3}, {7, 1}, {258, 5}, {259, 9}, {600, 60}, {1200, 63}, {32767, 3}, {32768, 3}, {40000, 2}} {
		for seed := range uint64(4) {
			checkRoundTrip(t, paletted(size[0], size[1], seed))
		}
	}
	blank := paletted(1200, 630, 0)
	for i := range blank.Pix {
		blank.Pix[i] = 3
	}
	checkRoundTrip(t, blank)
}

func FuzzEncodePNG(f *testing.F) {
	f.Add(uint16(1200), uint8(30), uint64(1))
	f.Add(uint16(1), uint8(1), uint64(2))
	f.Fuzz(func(t *testing.T, w uint16, h uint8, seed uint64) {
		if w == 0 || h == 0 {
			return
		}
		checkRoundTrip(t, paletted(int(w), int(h), seed))
	})
}

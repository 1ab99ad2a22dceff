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
	b := encodePNG(nil, img, "k\x00v", nil)
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

// TestEncodeFromRows: a picture that begins with the rows of an
// encodedRows is encoded from them into the bytes it has encoded alone,
// and one that does not begin with them is encoded alone.
func TestEncodeFromRows(t *testing.T) {
	for _, size := range [][2]int{{1, 2}, {40, 9}, {1200, 63}, {40000, 2}} {
		for seed := range uint64(4) {
			img := paletted(size[0], size[1], seed)
			for _, n := range []int{0, 1, size[1] / 2, size[1]} {
				start := encodeRows(img, n)
				if got, want := encodePNG(nil, img, "k\x00v", start), encodePNG(nil, img, "k\x00v", nil); !bytes.Equal(got, want) {
					t.Fatalf("%v from %d rows: %d bytes, alone %d", img.Rect, n, len(got), len(want))
				}
				other := paletted(size[0], size[1], seed+100)
				if n > 0 && start.begins(other) {
					continue // the same first rows by chance
				}
				checkRoundTripFrom(t, other, start)
			}
		}
	}
}

// checkRoundTripFrom is checkRoundTrip of the encoding of img from start.
func checkRoundTripFrom(t *testing.T, img *image.Paletted, start *encodedRows) {
	t.Helper()
	got, err := png.Decode(bytes.NewReader(encodePNG(nil, img, "k\x00v", start)))
	if err != nil {
		t.Fatalf("%v: %v", img.Rect, err)
	}
	if p, ok := got.(*image.Paletted); !ok || !bytes.Equal(p.Pix, img.Pix) {
		t.Fatalf("%v: the picture read back differs", img.Rect)
	}
}

// TestDistanceCodes checks distance against the table of RFC 1951, 3.2.5:
// each code's first distance and number of extra bits.
func TestDistanceCodes(t *testing.T) {
	first := [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	extra := [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	for c := range 30 {
		last := maxDistance
		if c < 29 {
			last = first[c+1] - 1
		}
		for _, d := range []int{first[c], (first[c] + last) / 2, last} {
			want := bitString{bits: uint64(reverse(uint(c), 5)) | uint64(d-first[c])<<5, n: 5 + extra[c]}
			if got := distance(d); got != want {
				t.Errorf("distance(%d) = %+v, want %+v (code %d)", d, got, want, c)
			}
		}
	}
	for _, d := range []int{0, maxDistance + 1} {
		if got := distance(d); got != (bitString{}) {
			t.Errorf("distance(%d) = %+v, want none", d, got)
		}
	}
}

// TestEncodeFromRowsOfAnotherWidth: the rows of an encodedRows are rows of
// its picture's width; a picture of another width whose first bytes are
// the same does not begin with them.
func TestEncodeFromRowsOfAnotherWidth(t *testing.T) {
	img := paletted(40, 9, 1)
	narrow := image.NewPaletted(image.Rect(0, 0, 20, 18), img.Palette)
	copy(narrow.Pix, img.Pix)
	start := encodeRows(img, 4)
	if start.begins(narrow) {
		t.Error("a picture 20 wide begins with rows 40 wide")
	}
	checkRoundTripFrom(t, narrow, start)
}

package ogimage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"runtime"
	"strings"
	"testing"
)

var sample = Card{
	Label:   "Khối thi đua",
	Title:   "Khối thi đua các Hội đặc thù và Mặt trận Tổ quốc – 2024",
	Facts:   []string{"Khối trưởng: Hội Nạn nhân chất độc da cam/dioxin tỉnh", "Dẫn đầu: 1. Hội Người cao tuổi tỉnh · 2. Hội Chữ thập đỏ tỉnh · 3. Hội Khuyến học tỉnh", "Khen thưởng: Cờ thi đua 1 · Bằng khen 3 · Giấy khen 5"},
	Address: "thidua.binhthuan.gov.vn/khoi/khoi-8/2024/",
}

// TestDrawIsDeterministic: the same card gives the same bytes, from one
// painter and from another, and they decode as a PNG of 1200×630.
func TestDrawIsDeterministic(t *testing.T) {
	var got [][]byte
	for range 2 {
		p, err := NewPainter("Thi đua – Khen thưởng tỉnh Bình Thuận")
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			b, err := p.Draw(sample)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, b)
		}
	}
	for i, b := range got[1:] {
		if !bytes.Equal(b, got[0]) {
			t.Errorf("picture %d differs from the first", i+1)
		}
	}
	img, err := png.Decode(bytes.NewReader(got[0]))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, Width, Height) {
		t.Errorf("bounds %v", img.Bounds())
	}
}

func BenchmarkDraw(b *testing.B) {
	p, err := NewPainter("Thi đua – Khen thưởng tỉnh Bình Thuận")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := p.Draw(sample); err != nil {
			b.Fatal(err)
		}
	}
}

func TestEncodeMatchesPixels(t *testing.T) {
	p, err := NewPainter("Thi đua – Khen thưởng tỉnh Bình Thuận")
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Draw(sample)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	cv := p.newCanvas()
	copy(cv.img.Pix, p.background.Pix)
	cv.layout(p, sample)
	got := img.(*image.Paletted)
	if !bytes.Equal(got.Pix, cv.img.Pix) {
		t.Fatal("pixels differ")
	}
}

// TestTitleIsDrawn: the title box holds the title's ink, many pixels of
// it, and nothing without a title; the facts are in their own ink.
func TestTitleIsDrawn(t *testing.T) {
	p, err := NewPainter("Thi đua")
	if err != nil {
		t.Fatal(err)
	}
	count := func(c Card, box image.Rectangle, ink ramp) int {
		b, err := p.Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		pal := img.(*image.Paletted)
		n := 0
		for y := box.Min.Y; y < box.Max.Y; y++ {
			for x := box.Min.X; x < box.Max.X; x++ {
				if i := pal.ColorIndexAt(x, y); i > uint8(ink)*levels+levels/2 && i < uint8(ink+1)*levels {
					n++
				}
			}
		}
		return n
	}
	titleBox := image.Rect(margin, titleTop, Width-margin, titleTop+100)
	if n := count(sample, titleBox, titleInk); n < 3000 {
		t.Errorf("%d pixels of the title's ink in its first line", n)
	}
	empty := sample
	empty.Title = ""
	if n := count(empty, image.Rect(0, bandHeight, Width, barTop), titleInk); n != 0 {
		t.Errorf("%d pixels of the title's ink without a title", n)
	}
	if n := count(sample, image.Rect(margin, titleTop+100, Width-margin, factsEnd), factInk); n < 3000 {
		t.Errorf("%d pixels of the facts' ink", n)
	}
}

// TestWrapKeepsWords: lines are whole words of the text, in order, each
// within the width, the last ending in "…" when the text does not fit.
func TestWrapKeepsWords(t *testing.T) {
	p, err := NewPainter("Thi đua")
	if err != nil {
		t.Fatal(err)
	}
	cv := p.newCanvas()
	f := cv.face(p.bold, 64)
	text := "Khối thi đua các Hội đặc thù và Mặt trận Tổ quốc, đoàn thể chính trị – xã hội tỉnh tổng kết phong trào thi đua yêu nước năm 2024"
	words := strings.Fields(text)
	for _, max := range []int{1, 2, 3, 5} {
		lines := clipLines(f, text, textWidth, max)
		if len(lines) > max {
			t.Fatalf("%d lines of at most %d", len(lines), max)
		}
		var got []string
		for i, l := range lines {
			if f.width(l) > textWidth {
				t.Errorf("line %q is %d wide", l, f.width(l))
			}
			if i < len(lines)-1 && strings.HasSuffix(l, "…") {
				t.Errorf("line %d of %d ends in …", i, len(lines))
			}
			got = append(got, strings.Fields(strings.TrimSuffix(l, "…"))...)
		}
		for i, w := range got {
			if w != words[i] && !(i == len(got)-1 && strings.HasPrefix(words[i], w)) {
				t.Fatalf("max %d: word %d is %q, not %q: %q", max, i, w, words[i], lines)
			}
		}
		if last := got[len(got)-1]; last != words[len(got)-1] {
			t.Errorf("max %d: the last word %q is cut", max, last)
		}
		if len(got) < len(words) && !strings.HasSuffix(lines[len(lines)-1], "…") {
			t.Errorf("max %d: words left out without …: %q", max, lines)
		}
	}
	if lines := wrap(f, text, textWidth, 3); lines != nil {
		t.Errorf("wrap gave %q for a text of more than three lines", lines)
	}
	if lines := wrap(f, "Khối thi đua 8 – 2024", textWidth, 3); len(lines) != 1 {
		t.Errorf("wrap of a short title: %q", lines)
	}
}

// TestLongAddress: an address too long for its line keeps its beginning,
// cut after a slash.
func TestLongAddress(t *testing.T) {
	p, err := NewPainter("Thi đua")
	if err != nil {
		t.Fatal(err)
	}
	f := p.newCanvas().face(p.regular, footerSize)
	long := "portal.example.gov.vn/thidua/tin-tuc/" + strings.Repeat("uy-ban-nhan-dan-tinh-tang-co-thi-dua-", 3) + "/"
	got := clipAddress(f, long, textWidth)
	if got != "portal.example.gov.vn/thidua/tin-tuc/…" {
		t.Errorf("clipped to %q", got)
	}
	if short := "portal.example.gov.vn/thidua/"; clipAddress(f, short, textWidth) != short {
		t.Errorf("a short address is clipped")
	}
}

// TestSameKey: a picture's beginning holds its card's Key, and no other.
func TestSameKey(t *testing.T) {
	p, err := NewPainter("Thi đua")
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Draw(sample)
	if err != nil {
		t.Fatal(err)
	}
	key := p.Key(sample)
	if !SameKey(b[:HeadSize], key) {
		t.Errorf("the picture's head %q does not hold its key %s", b[:HeadSize], key)
	}
	other := sample
	other.Facts = append([]string{"Khối trưởng: Hội Đông y tỉnh"}, sample.Facts[1:]...)
	if SameKey(b[:HeadSize], p.Key(other)) {
		t.Error("another card has the same key")
	}
	if SameKey(b[:HeadSize-1], key) {
		t.Error("a short head holds the key")
	}
	q, _ := NewPainter("Thi đua tỉnh khác")
	if q.Key(sample) == key {
		t.Error("the key does not depend on the site's name")
	}
}

// TestDrawingVersion pins the bytes of a picture: when a change to the
// drawing changes them, bump drawing (so that builds do not keep pictures
// drawn the old way) and pin the new digest here. The rasteriser's
// floating point may round otherwise on other processors (fused
// multiply-adds), so the digest is that of amd64.
func TestDrawingVersion(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("the digest is pinned on amd64")
	}
	p, err := NewPainter("Thi đua – Khen thưởng tỉnh Bình Thuận")
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Draw(sample)
	if err != nil {
		t.Fatal(err)
	}
	const version, want = "2", "ecb2c6a672c38db809cfd7b52c80b3cb5b8fc10699e5b9c48895860d3c8858e8"
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); drawing != version || got != want {
		t.Errorf("drawing %s gives a picture of SHA-256 %s; pinned: version %s, %s", drawing, got, version, want)
	}
}

package ogimage

import (
	"bytes"
	"image"
	"image/png"
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

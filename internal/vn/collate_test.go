package vn

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// alphabet holds one word for each of the 29 letters, in Vietnamese order.
// The words after the first letter are chosen so that an order that ignored
// diacritics would put each base-letter pair the other way round: "anh"
// before "ăn" only because a < ă, "dữ" before "đá" only because d < đ.
var alphabet = []string{
	"anh", "ăn", "âm", "ba", "ca", "dữ", "đá", "em", "ếch", "ga", "ha", "im",
	"kê", "la", "ma", "na", "ong", "ông", "ơi", "pha", "qua", "ra", "sa", "ta",
	"uống", "ưa", "va", "xa", "yên",
}

// shuffled returns a copy of s in an order fixed by seed.
func shuffled(s []string, seed uint64) []string {
	out := slices.Clone(s)
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func TestSortStringsOrder(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"alphabet", alphabet},
		{"associations", []string{
			"Đoàn Thanh niên Cộng sản Hồ Chí Minh",
			"Hội Chữ thập đỏ",
			"Hội Cựu chiến binh",
			"Hội Cựu thanh niên xung phong",
			"Hội Đông y",
			"Hội Khuyến học",
			"Hội Nạn nhân chất độc da cam/dioxin",
			"Hội Người cao tuổi",
			"Hội Nông dân",
			"Liên đoàn Lao động",
		}},
		{"tones", []string{"ma", "mà", "mả", "mã", "má", "mạ", "man"}},
		{"tones before case", []string{"hoa", "Hoa", "HOA", "hoà", "Hoà"}},
		{"letters before tones", []string{"á", "ắ", "ấ", "bà"}},
		{"numbers", []string{"Khối 2", "Khối 9", "Khối 10", "Khối 21"}},
		{"space sorts first", []string{"Hội Cựu chiến binh", "Hội Cựuchiến binh"}},
	}
	for _, tt := range tests {
		for seed := range uint64(5) {
			got := shuffled(tt.want, seed)
			NewCollator().SortStrings(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s, seed %d: SortStrings gave\n%q\nwant\n%q", tt.name, seed, got, tt.want)
			}
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a", "ă", -1},
		{"az", "ăa", -1},
		{"ăz", "âa", -1},
		{"dz", "đa", -1},
		{"Dz", "đa", -1},
		{"Đa", "dz", 1},
		{"ez", "êa", -1},
		{"oz", "ôa", -1},
		{"ôz", "ơa", -1},
		{"uz", "ưa", -1},
		{"Ưa", "uz", 1},
		{"ơn", "ơn", 0},
		{"ma", "mà", -1},
		{"mạ", "má", 1},
		{"hoa", "Hoa", -1},
		{"Hội Chữ thập đỏ", "Hội Cựu chiến binh", -1},
		{"Hội Đông y", "Hội Cựu thanh niên xung phong", 1},
		{"Hội Đông y", "Hội Khuyến học", -1},
		// NFD against NFC, and marks in a non-canonical order.
		{"Ngu\u031bo\u031b\u0300i cao tuo\u0302\u0309i", "Người cao tuổi", 0},
		{"e\u0302\u0323", "ệ", 0},
	}
	c := NewCollator()
	for _, tt := range tests {
		if got := c.Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := c.Compare(tt.b, tt.a); got != -tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
		if got := c.Less(tt.a, tt.b); got != (tt.want < 0) {
			t.Errorf("Less(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestNFDCollatesLikeNFC compares every pair of words, each in both forms.
func TestNFDCollatesLikeNFC(t *testing.T) {
	words := append(slices.Clone(alphabet), "Hội Cựu chiến binh", "Hội Đông y", "mả", "mã", "Người")
	c := NewCollator()
	for _, a := range words {
		for _, b := range words {
			want := c.Compare(a, b)
			for _, pair := range [][2]string{
				{norm.NFD.String(a), b},
				{a, norm.NFD.String(b)},
				{norm.NFD.String(a), norm.NFD.String(b)},
			} {
				if got := c.Compare(pair[0], pair[1]); got != want {
					t.Errorf("Compare(%+q, %+q) = %d, want %d as for NFC", pair[0], pair[1], got, want)
				}
			}
		}
	}

	nfd := make([]string, len(alphabet))
	for i, w := range alphabet {
		nfd[i] = norm.NFD.String(w)
	}
	got := shuffled(nfd, 7)
	c.SortStrings(got)
	for i := range got {
		got[i] = norm.NFC.String(got[i])
	}
	if !slices.Equal(got, alphabet) {
		t.Errorf("sorted NFD words = %q, want %q", got, alphabet)
	}
}

// TestSortStringsTies checks that strings that compare equal still come out
// in one order, whatever order they went in.
func TestSortStringsTies(t *testing.T) {
	nfc := "Đồng Nai"
	nfd := norm.NFD.String(nfc)
	want := []string{"Đà Nẵng", nfd, nfc, "Đồng Tháp"} // NFD's bytes sort first: 'o' < 0xE1
	for seed := range uint64(6) {
		got := shuffled(want, seed)
		NewCollator().SortStrings(got)
		if !slices.Equal(got, want) {
			t.Errorf("seed %d: SortStrings = %+q, want %+q", seed, got, want)
		}
	}
}

func TestSortStringsAgreesWithCompare(t *testing.T) {
	words := append(slices.Clone(alphabet), "a", "A", "á", "Ă", "â", "đ", "Đ", "d", "D", "ab", "a b", "a-b", "10", "9", "")
	c := NewCollator()
	got := shuffled(words, 3)
	c.SortStrings(got)
	for i := 1; i < len(got); i++ {
		if c.Compare(got[i-1], got[i]) > 0 {
			t.Errorf("SortStrings put %q before %q, but Compare says after", got[i-1], got[i])
		}
	}
}

func TestCollatorPerGoroutine(t *testing.T) {
	var wg sync.WaitGroup
	errs := make([]string, 2)
	for g := range errs {
		wg.Go(func() {
			c := NewCollator()
			for i := range 50 {
				got := shuffled(alphabet, uint64(g*100+i))
				c.SortStrings(got)
				if !slices.Equal(got, alphabet) {
					errs[g] = strings.Join(got, " ")
					return
				}
				if !c.Less(got[0], got[len(got)-1]) {
					errs[g] = "Less(first, last) = false"
					return
				}
			}
		})
	}
	wg.Wait()
	for g, e := range errs {
		if e != "" {
			t.Errorf("goroutine %d: %s", g, e)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	names := []string{
		"Hội Chữ thập đỏ", "Hội Cựu chiến binh", "Hội Cựu thanh niên xung phong",
		"Hội Đông y", "Hội Khuyến học", "Hội Người cao tuổi", "Hội Nông dân",
	}
	c := NewCollator()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Compare(names[i%len(names)], names[(i+1)%len(names)])
		i++
	}
}

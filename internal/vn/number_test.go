package vn

import (
	"math"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestFormatInt(t *testing.T) {
	tests := []struct {
		n    int64
		lang string
		want string
	}{
		{0, "vi", "0"},
		{12, "vi", "12"},
		{123, "vi", "123"},
		{1234, "vi", "1.234"},
		{-1234567, "vi", "-1.234.567"},
		{100000, "vi", "100.000"},
		{-12, "vi", "-12"},
		{math.MaxInt64, "vi", "9.223.372.036.854.775.807"},
		{math.MinInt64, "vi", "-9.223.372.036.854.775.808"},
		{1234, "en", "1,234"},
		{-1234567, "en", "-1,234,567"},
		{1234, "", "1.234"},
	}
	for _, tt := range tests {
		if got := FormatInt(tt.n, tt.lang); got != tt.want {
			t.Errorf("FormatInt(%d, %q) = %q, want %q", tt.n, tt.lang, got, tt.want)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	tests := []struct {
		f    float64
		lang string
		want string
	}{
		{98.5, "vi", "98,5"},
		{1234.25, "vi", "1.234,25"},
		{100, "vi", "100"},
		{100.0001, "vi", "100"},
		{0, "vi", "0"},
		{math.Copysign(0, -1), "vi", "0"},
		{-0.004, "vi", "0"},
		{-0.005, "vi", "-0,01"},
		{0.125, "vi", "0,13"}, // an exact binary half: away from zero, not to even
		{-0.125, "vi", "-0,13"},
		{1.005, "vi", "1,01"}, // rounded as written, though 1.005 is 1.00499… in binary
		{2.675, "vi", "2,68"},
		{9.995, "vi", "10"},
		{999999.999, "vi", "1.000.000"},
		{98.50, "vi", "98,5"},
		{0.1, "vi", "0,1"},
		{1e21, "vi", "1.000.000.000.000.000.000.000"},
		{-1234567.891, "vi", "-1.234.567,89"},
		{98.5, "en", "98.5"},
		{1234.25, "en", "1,234.25"},
		{-1234567.891, "en", "-1,234,567.89"},
		{math.NaN(), "vi", "NaN"},
		{math.Inf(1), "vi", "+Inf"},
		{math.Inf(-1), "en", "-Inf"},
	}
	for _, tt := range tests {
		if got := FormatFloat(tt.f, tt.lang); got != tt.want {
			t.Errorf("FormatFloat(%v, %q) = %q, want %q", tt.f, tt.lang, got, tt.want)
		}
	}
}

func TestFormatQuantity(t *testing.T) {
	tests := []struct {
		v          float64
		unit, lang string
		want       string
	}{
		{25300000000, "đồng", "vi", "25,3 tỷ đồng"},
		{18500000000, "đồng", "vi", "18,5 tỷ đồng"},
		{25350000000, "đồng", "vi", "25,35 tỷ đồng"},
		{25345000000, "đồng", "vi", "25,35 tỷ đồng"},
		{25344999999, "đồng", "vi", "25,34 tỷ đồng"},
		{1e9, "đồng", "vi", "1 tỷ đồng"},
		{2e12, "đồng", "vi", "2.000 tỷ đồng"},
		{999999999, "đồng", "vi", "1 tỷ đồng"}, // rounds up into billions
		{999994999, "đồng", "vi", "999,99 triệu đồng"},
		{995000000, "đồng", "vi", "995 triệu đồng"},
		{1500000, "đồng", "vi", "1,5 triệu đồng"},
		{1234567, "người", "vi", "1,23 triệu người"},
		{1e6, "đồng", "vi", "1 triệu đồng"},
		{999999.999, "đồng", "vi", "1 triệu đồng"}, // rounds up into millions
		{999999.994, "đồng", "vi", "999.999,99 đồng"},
		{999995, "đồng", "vi", "999.995 đồng"},
		{12000, "đồng", "vi", "12.000 đồng"},
		{355, "thành viên", "vi", "355 thành viên"},
		{98.5, "%", "vi", "98,5 %"},
		{-1500000, "đồng", "vi", "-1,5 triệu đồng"},
		{0, "đồng", "vi", "0 đồng"},
		{25300000000, "", "vi", "25,3 tỷ"},
		{12000, "", "vi", "12.000"},
		{25300000000, "đồng", "en", "25.3 billion đồng"},
		{1500000, "đồng", "en", "1.5 million đồng"},
		{2e12, "đồng", "en", "2,000 billion đồng"},
		{355, "thành viên", "en", "355 thành viên"},
		{12000, "đồng", "en", "12,000 đồng"},
		{math.NaN(), "đồng", "vi", "NaN đồng"},
	}
	for _, tt := range tests {
		if got := FormatQuantity(tt.v, tt.unit, tt.lang); got != tt.want {
			t.Errorf("FormatQuantity(%v, %q, %q) = %q, want %q", tt.v, tt.unit, tt.lang, got, tt.want)
		}
	}
}

// TestFormatsAreNFC checks that the words this package writes are in NFC,
// as all text of the site is.
func TestFormatsAreNFC(t *testing.T) {
	for _, s := range []string{
		FormatDate(time.Date(2025, 1, 11, 0, 0, 0, 0, TimeZone()), "vi"),
		FormatDate(time.Date(2025, 1, 12, 0, 0, 0, 0, TimeZone()), "vi"),
		FormatQuantity(2e9, "", "vi"),
		FormatQuantity(2e6, "", "vi"),
	} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%+q is not NFC", s)
		}
	}
}

package vn

import (
	"testing"
	"time"
)

func TestTimeZone(t *testing.T) {
	z := TimeZone()
	if z != TimeZone() {
		t.Error("TimeZone returned two different values")
	}
	if got := z.String(); got != "+07" {
		t.Errorf("TimeZone().String() = %q, want %q", got, "+07")
	}
	for _, month := range []time.Month{time.January, time.July} {
		name, offset := time.Date(2024, month, 1, 0, 0, 0, 0, z).Zone()
		if name != "+07" || offset != 7*60*60 {
			t.Errorf("zone in %v = %q %d, want \"+07\" 25200", month, name, offset)
		}
	}
	if got := time.Date(2023, 12, 13, 6, 30, 0, 0, z).Format(time.RFC3339); got != "2023-12-13T06:30:00+07:00" {
		t.Errorf("RFC 3339 in TimeZone = %q", got)
	}
}

func TestFormatDate(t *testing.T) {
	z := TimeZone()
	tests := []struct {
		t        time.Time
		lang     string
		want     string
		wantDate string
	}{
		{time.Date(2023, 12, 13, 0, 0, 0, 0, z), "vi", "Thứ Tư, 13/12/2023", "13/12/2023"},
		{time.Date(2023, 12, 13, 0, 0, 0, 0, z), "en", "Wednesday, 13/12/2023", "13/12/2023"},
		{time.Date(2023, 12, 13, 0, 0, 0, 0, z), "", "Thứ Tư, 13/12/2023", "13/12/2023"},
		{time.Date(2025, 1, 5, 0, 0, 0, 0, z), "vi", "Chủ nhật, 05/01/2025", "05/01/2025"},
		{time.Date(2025, 1, 6, 0, 0, 0, 0, z), "vi", "Thứ Hai, 06/01/2025", "06/01/2025"},
		{time.Date(2025, 1, 7, 0, 0, 0, 0, z), "vi", "Thứ Ba, 07/01/2025", "07/01/2025"},
		{time.Date(2025, 1, 8, 0, 0, 0, 0, z), "vi", "Thứ Tư, 08/01/2025", "08/01/2025"},
		{time.Date(2025, 1, 9, 0, 0, 0, 0, z), "vi", "Thứ Năm, 09/01/2025", "09/01/2025"},
		{time.Date(2025, 1, 10, 0, 0, 0, 0, z), "vi", "Thứ Sáu, 10/01/2025", "10/01/2025"},
		{time.Date(2025, 1, 11, 0, 0, 0, 0, z), "vi", "Thứ Bảy, 11/01/2025", "11/01/2025"},
		{time.Date(2025, 1, 12, 0, 0, 0, 0, z), "en", "Sunday, 12/01/2025", "12/01/2025"},
		// The date is read in t's own location: 20:00 UTC is already the
		// next day in Vietnam, and stays the same day in UTC.
		{time.Date(2023, 12, 12, 20, 0, 0, 0, time.UTC), "vi", "Thứ Ba, 12/12/2023", "12/12/2023"},
		{time.Date(2023, 12, 12, 20, 0, 0, 0, time.UTC).In(z), "vi", "Thứ Tư, 13/12/2023", "13/12/2023"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.t, tt.lang); got != tt.want {
			t.Errorf("FormatDate(%v, %q) = %q, want %q", tt.t, tt.lang, got, tt.want)
		}
		if got := FormatShortDate(tt.t); got != tt.wantDate {
			t.Errorf("FormatShortDate(%v) = %q, want %q", tt.t, got, tt.wantDate)
		}
	}
}

package vn

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, TimeZone())
	if err != nil {
		panic(err)
	}
	return t
}

// TestHolidayTable checks that every day off of the table is a weekday and
// every day worked a Saturday, and that the table spans HolidayYears.
func TestHolidayTable(t *testing.T) {
	first, last := HolidayYears()
	for y := first; y <= last; y++ {
		h, ok := holidays[y]
		if !ok {
			t.Fatalf("%d is not in the table", y)
		}
		for _, md := range h.off {
			d := day(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006-") + md)
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Errorf("%d-%s is a %s, not a weekday off", y, md, wd)
			}
		}
		for _, md := range h.worked {
			d := day(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006-") + md)
			if d.Weekday() != time.Saturday {
				t.Errorf("%d-%s is a %s, not a Saturday worked", y, md, d.Weekday())
			}
		}
	}
	if _, ok := holidays[last+1]; ok {
		t.Errorf("the table goes past %d", last)
	}
}

func TestWorkingDays(t *testing.T) {
	for _, c := range []struct {
		from, to string
		n        int
		ok       bool
	}{
		{"2025-01-20", "2025-02-07", 10, true}, // Tết Ất Tỵ: 27–31 January off
		{"2024-04-22", "2024-05-06", 9, true},  // 29 April off, Saturday 4 May worked
		{"2025-03-03", "2025-03-14", 10, true}, // two plain weeks
		{"2025-04-05", "2025-04-06", 0, true},  // a weekend
		{"2025-04-07", "2025-04-07", 0, true},  // the Hùng Kings' day
		{"2026-12-28", "2027-01-08", 10, false},
	} {
		n, ok := WorkingDays(day(c.from), day(c.to))
		if n != c.n || ok != c.ok {
			t.Errorf("WorkingDays(%s, %s) = %d, %v; want %d, %v", c.from, c.to, n, ok, c.n, c.ok)
		}
	}
}

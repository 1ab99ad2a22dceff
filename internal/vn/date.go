package vn

import (
	"sync"
	"time"
)

// timeZone holds the one *time.Location that TimeZone returns.
var timeZone = sync.OnceValue(func() *time.Location {
	return time.FixedZone("+07", 7*60*60)
})

// TimeZone returns the time zone of Vietnam (Asia/Ho_Chi_Minh) as the fixed
// zone +07:00 named "+07": Vietnam keeps no daylight saving time, and a fixed
// zone needs no time zone database. Every call returns the same value.
func TimeZone() *time.Location { return timeZone() }

// FormatDate writes the day of t with its weekday: "Thứ Tư, 13/12/2023" in
// Vietnamese, "Wednesday, 13/12/2023" when lang is "en". Any other lang gives
// Vietnamese. The date is the one in t's own location.
func FormatDate(t time.Time, lang string) string {
	day := t.Weekday().String()
	if lang != "en" {
		day = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[t.Weekday()]
	}
	return day + ", " + FormatShortDate(t)
}

// FormatShortDate writes the day of t as dd/mm/yyyy: "13/12/2023",
// "05/01/2025". The date is the one in t's own location.
func FormatShortDate(t time.Time) string { return t.Format("02/01/2006") }

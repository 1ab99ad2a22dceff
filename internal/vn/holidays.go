package vn

import (
	"slices"
	"time"
)

// holidayYear is one year's public holidays as the civil service took them:
// the weekdays off (the holidays of Article 112 of the Labour Code
// 45/2019/QH14, the days off in lieu of those that fell on a weekend, and
// the days swapped with a Saturday), and the Saturdays worked instead.
type holidayYear struct {
	off    []string // "01-02": weekdays off
	worked []string // Saturdays worked in exchange for a weekday off
}

// holidays is the table of official holidays by year. Tết (the Lunar New
// Year) and the Hùng Kings' day (10th day of the 3rd lunar month) move with
// the lunar calendar, so the days are listed, not computed. Source: the
// yearly notices of the Ministry of Labour, Invalids and Social Affairs on
// the holidays of civil servants (Thông báo về việc nghỉ Tết Âm lịch và Quốc
// khánh, 2020–2024) and of the Ministry of Home Affairs from 2025 (which
// took over that work), applying Article 112 of the Labour Code.
var holidays = map[int]holidayYear{
	2021: {off: []string{"01-01", "02-10", "02-11", "02-12", "02-15", "02-16", "04-21", "04-30", "05-03", "09-02", "09-03"}},
	2022: {off: []string{"01-03", "01-31", "02-01", "02-02", "02-03", "02-04", "04-11", "05-02", "05-03", "09-01", "09-02"}},
	2023: {off: []string{"01-02", "01-20", "01-23", "01-24", "01-25", "01-26", "05-01", "05-02", "05-03", "09-01", "09-04"}},
	2024: {off: []string{"01-01", "02-08", "02-09", "02-12", "02-13", "02-14", "04-18", "04-29", "04-30", "05-01", "09-02", "09-03"}, worked: []string{"05-04"}},
	2025: {off: []string{"01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01", "05-02", "09-01", "09-02"}, worked: []string{"04-26"}},
	2026: {off: []string{"01-01", "02-16", "02-17", "02-18", "02-19", "02-20", "04-27", "04-30", "05-01", "09-01", "09-02"}},
}

// HolidayYears are the first and last year of the table of holidays.
func HolidayYears() (first, last int) { return 2021, 2026 }

// WorkingDays counts the working days of the civil service from from to to,
// both days included (dates in any zone, read as calendar days): the days
// from Monday to Friday that are not holidays, and the Saturdays worked in
// exchange. ok is false when a year of the span is not in the table, whose
// holidays are not known; n then counts weekdays only.
func WorkingDays(from, to time.Time) (n int, ok bool) {
	ok = true
	day := time.Date(from.Year(), from.Month(), from.Day(), 12, 0, 0, 0, time.UTC)
	end := time.Date(to.Year(), to.Month(), to.Day(), 12, 0, 0, 0, time.UTC)
	for ; !day.After(end); day = day.AddDate(0, 0, 1) {
		y, known := holidays[day.Year()]
		if !known {
			ok = false
		}
		md := day.Format("01-02")
		switch wd := day.Weekday(); {
		case wd == time.Saturday && slices.Contains(y.worked, md):
			n++
		case wd == time.Saturday || wd == time.Sunday:
		case !slices.Contains(y.off, md):
			n++
		}
	}
	return n, ok
}

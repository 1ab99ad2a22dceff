package vn

import (
	"math"
	"strconv"
	"strings"
)

// separators returns the digit-group and decimal separators of lang:
// "." and "," in Vietnamese, "," and "." when lang is "en".
func separators(lang string) (group, point string) {
	if lang == "en" {
		return ",", "."
	}
	return ".", ","
}

// FormatInt writes n with its digits grouped by three: "1.234",
// "-1.234.567", "12" in Vietnamese, "1,234" when lang is "en". Any other
// lang gives Vietnamese.
func FormatInt(n int64, lang string) string {
	group, _ := separators(lang)
	digits := strconv.FormatInt(n, 10)
	if rest, ok := strings.CutPrefix(digits, "-"); ok {
		return "-" + groupDigits(rest, group)
	}
	return groupDigits(digits, group)
}

// FormatFloat writes f with at most two decimals, rounded half away from
// zero as f reads in its shortest decimal form (1.005 gives "1,01"), with
// trailing zeros trimmed and digits grouped by three: "98,5", "1.234,25",
// "100" in Vietnamese, "98.5", "1,234.25" when lang is "en". Any other
// lang gives Vietnamese. NaN and infinities are written "NaN", "+Inf" and
// "-Inf".
func FormatFloat(f float64, lang string) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return shifted(f, 0).format(lang)
}

// FormatQuantity writes a value with its unit the way Vietnamese news does.
// From a billion (tỷ) up the value is counted in billions, from a million
// (triệu) in millions, below that in full; the count keeps at most two
// decimals, rounded as in FormatFloat, so 25 345 000 000 gives "25,35 tỷ",
// and a count that rounds up to a thousand takes the next scale, so
// 999 999 999 gives "1 tỷ". In Vietnamese:
//
//	(25300000000, "đồng")   "25,3 tỷ đồng"
//	(2e12, "đồng")          "2.000 tỷ đồng"
//	(1500000, "đồng")       "1,5 triệu đồng"
//	(12000, "đồng")         "12.000 đồng"
//	(355, "thành viên")     "355 thành viên"
//
// When lang is "en" the scales are "billion" and "million" and the
// separators English: "25.3 billion đồng"; the unit is written as given.
// An empty unit gives the number alone: "25,3 tỷ".
func FormatQuantity(v float64, unit, lang string) string {
	var s string
	if math.IsNaN(v) || math.IsInf(v, 0) {
		s = FormatFloat(v, lang)
	} else {
		s = scaled(v, lang)
	}
	if unit == "" {
		return s
	}
	return s + " " + unit
}

// scaled writes the finite v in full below a million, counted in millions
// below a billion, and in billions from there up. A count that rounds up to
// a thousand of its scale moves to the next one: 999 999 999 gives "1 tỷ",
// not "1.000 triệu".
func scaled(v float64, lang string) string {
	scales := [...]struct {
		digits int
		vi, en string
	}{
		{0, "", ""},
		{6, "triệu", "million"},
		{9, "tỷ", "billion"},
	}
	i := 0
	for i+1 < len(scales) && math.Abs(v) >= math.Pow10(scales[i+1].digits) {
		i++
	}
	d := shifted(v, scales[i].digits)
	if i+1 < len(scales) && len(d.whole) > scales[i+1].digits-scales[i].digits {
		i++
		d = shifted(v, scales[i].digits)
	}
	s := d.format(lang)
	switch {
	case i == 0:
		return s
	case lang == "en":
		return s + " " + scales[i].en
	default:
		return s + " " + scales[i].vi
	}
}

// rounded is a decimal number rounded to at most two decimals.
type rounded struct {
	negative bool
	whole    string // digits before the point, with no leading zero but for "0"
	fraction string // up to two digits after the point, with no trailing zero
}

// shifted returns the finite f divided by 10^digits and rounded to two
// decimals, half away from zero. It works on the shortest decimal form of
// f, so the division and the rounding are exact in decimal.
func shifted(f float64, digits int) rounded {
	whole, fraction, _ := strings.Cut(strconv.FormatFloat(math.Abs(f), 'f', -1, 64), ".")
	if len(whole) <= digits {
		whole = strings.Repeat("0", digits-len(whole)+1) + whole
	}
	whole, fraction = whole[:len(whole)-digits], whole[len(whole)-digits:]+fraction

	if len(fraction) > 2 {
		up := fraction[2] >= '5'
		fraction = fraction[:2]
		if up {
			all := increment(whole + fraction)
			whole, fraction = all[:len(all)-2], all[len(all)-2:]
		}
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	fraction = strings.TrimRight(fraction, "0")
	return rounded{
		negative: f < 0 && (whole != "0" || fraction != ""),
		whole:    whole,
		fraction: fraction,
	}
}

// format writes r with the separators of lang.
func (r rounded) format(lang string) string {
	group, point := separators(lang)
	s := groupDigits(r.whole, group)
	if r.fraction != "" {
		s += point + r.fraction
	}
	if r.negative {
		s = "-" + s
	}
	return s
}

// increment adds one to a string of decimal digits.
func increment(digits string) string {
	b := []byte(digits)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// groupDigits puts sep between each group of three digits, from the right.
func groupDigits(digits, sep string) string {
	var b strings.Builder
	for i, d := range []byte(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(d)
	}
	return b.String()
}

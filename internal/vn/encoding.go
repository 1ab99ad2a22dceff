package vn

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Encoding names a text encoding that Vietnamese files are found in other
// than UTF-8.
type Encoding string

// The encodings GuessEncoding tells apart.
const (
	UTF16LE     Encoding = "UTF-16 LE"
	UTF16BE     Encoding = "UTF-16 BE"
	Windows1258 Encoding = "Windows-1258"
	TCVN3       Encoding = "TCVN3"
	VNI         Encoding = "VNI"
)

// GuessEncoding returns the encoding the bytes b, which are not UTF-8 text,
// look written in, or "" when they look like none of them (or are UTF-8).
//
// UTF-16 is known by its byte order mark or, without one, by the zero
// bytes of the ASCII letters of its every other byte. The 8-bit encodings
// are known by the bytes their Vietnamese letters take: Windows-1258 writes
// a tone as a combining mark (0xCC, 0xEC, 0xD2, 0xDE, 0xF2) after a vowel;
// VNI writes it as a byte after the ASCII vowel it marks ("Vieät"), the
// mark bytes being letters such as ù, ø, û of the other encodings; TCVN3
// (ABC) writes each letter as one byte, mostly from 0xA1 to 0xBF (đ is
// 0xAE, ư 0xAD), where the others have signs seldom found in text.
func GuessEncoding(b []byte) Encoding {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return UTF16BE
	case utf8.Valid(b) && bytes.IndexByte(b, 0) < 0:
		return ""
	}
	if e := utf16Zeros(b); e != "" {
		return e
	}
	// Only the bytes that are not UTF-8 count: a file of UTF-8 text with a
	// stray byte or two is not in another encoding.
	var cp, vni, tcvn, utf8Letters, stray int
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		c := b[i]
		i += size
		switch {
		case size > 1:
			utf8Letters++
			continue
		case r != utf8.RuneError:
			continue
		}
		stray++
		var prev, next byte
		if i >= 2 {
			prev = b[i-2]
		}
		if i < len(b) {
			next = b[i]
		}
		switch {
		case c >= 0xA1 && c <= 0xBF:
			tcvn++
		case strings.IndexByte("\xCC\xEC\xD2\xDE\xF2", c) >= 0 && isCP1258Vowel(prev):
			cp++
		case strings.IndexByte(vniMarks, c) >= 0 && isASCIIVowel(prev):
			vni++
		case (c == 0xF1 || c == 0xD1) && (isASCIIVowel(next) || strings.IndexByte("\xF4\xF6\xD4\xD6", next) >= 0):
			vni++ // đ, Đ before a vowel
		}
	}
	if utf8Letters >= stray {
		return ""
	}
	switch {
	case tcvn == 0 && cp == 0 && vni == 0:
		return ""
	case tcvn >= cp && tcvn >= vni:
		return TCVN3
	case vni > cp:
		return VNI
	}
	return Windows1258
}

// vniMarks are the bytes VNI writes after a vowel for its tone, or for its
// circumflex or breve and tone: of the lower and the upper case.
const vniMarks = "\xF9\xF8\xFB\xF5\xEF\xE1\xE0\xE5\xE3\xE4\xE2\xE9\xE8\xFA\xFC\xEB\xEA" +
	"\xD9\xD8\xDB\xD5\xCF\xC1\xC0\xC5\xC3\xC4\xC2\xC9\xC8\xDA\xDC\xCB\xCA"

func isASCIIVowel(c byte) bool { return c != 0 && strings.IndexByte("aeiouyAEIOUY", c) >= 0 }

// isCP1258Vowel reports whether c is a vowel of Windows-1258 that a
// combining tone may follow: an ASCII one or â ê ô ơ ư ă, of either case.
func isCP1258Vowel(c byte) bool {
	return isASCIIVowel(c) || strings.IndexByte("\xE2\xEA\xF4\xF5\xFD\xE3\xC2\xCA\xD4\xD5\xDD\xC3", c) >= 0
}

// utf16Zeros returns the UTF-16 encoding of b, without a byte order mark,
// when many of its bytes at even or at odd offsets, and few of the others,
// are zero: the high or low halves of ASCII letters.
func utf16Zeros(b []byte) Encoding {
	b = b[:min(len(b), 4096)&^1]
	if len(b) < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	case odd*4 >= pairs && even*10 < odd:
		return UTF16LE
	case even*4 >= pairs && odd*10 < even:
		return UTF16BE
	}
	return ""
}

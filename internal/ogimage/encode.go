package ogimage

import (
	"encoding/binary"
	"hash/crc32"
	"image"
)

// encodePNG appends to out the PNG of img, a paletted picture of at most
// 256 colours, with the text chunk text (a keyword, a zero byte, a text)
// right after its header.
//
// image/png spends about 5 ms on a picture of 1200×630 at its fastest
// setting, mostly finding matches and summing Adler-32 over every byte.
// A picture here is long runs of one colour with the letters' edges
// between them, so this encoder writes each run as one literal and
// copies of the byte before it (a deflate match at distance 1, in the fixed
// Huffman codes), and sums each run's Adler-32 in one step: a tenth of
// the time, for a file a little larger.
func encodePNG(out []byte, img *image.Paletted, text string) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out = append(out, "\x89PNG\r\n\x1a\n"...)

	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 3 // 8 bits, paletted; compression, filter, interlace 0
	out = chunk(out, "IHDR", ihdr[:])
	out = chunk(out, "tEXt", []byte(text))

	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	out = chunk(out, "PLTE", plte)

	start := len(out)
	out = append(out, 0, 0, 0, 0, 'I', 'D', 'A', 'T')
	z := zwriter{out: out, s1: 1}
	z.out = append(z.out, 0x78, 0x01) // deflate, 32 KiB window, fastest
	z.bits(1, 1)                      // the last block
	z.bits(1, 2)                      // fixed Huffman codes
	filter := []byte{0}               // none
	for y := range h {
		z.runs(filter)
		z.runs(img.Pix[y*img.Stride : y*img.Stride+w])
	}
	z.flushRun()
	z.code(256) // end of block
	z.align()
	out = binary.BigEndian.AppendUint32(z.out, z.adler())
	binary.BigEndian.PutUint32(out[start:], uint32(len(out)-start-8))
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start+4:]))
	return chunk(out, "IEND", nil)
}

// chunk appends a PNG chunk of the type typ holding data.
func chunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// zwriter writes a deflate block of fixed Huffman codes made of runs, and
// keeps the Adler-32 of the bytes it encodes.
type zwriter struct {
	out    []byte
	acc    uint64 // bits not yet written, the first in the lowest bit
	n      uint   // how many
	s1, s2 uint64 // Adler-32
	run    byte   // the byte of the run being counted
	count  int    // its length; 0 before the first byte
}

const adlerMod = 65521

// runs encodes b after what came before. A byte that does not begin a run
// of at least minRun goes out as a literal at once; a longer run is
// counted, and written when it ends (flushRun). The letters' edges are
// mostly such short runs, tens of thousands of them in a picture, and a
// literal costs less than counting a run of one.
func (z *zwriter) runs(b []byte) {
	for i := 0; i < len(b); {
		v := b[i]
		if z.count > 0 && v == z.run {
			// Eight bytes at a time while they are all the run's.
			j := i
			rep := uint64(v) * 0x0101010101010101
			for j+8 <= len(b) && binary.LittleEndian.Uint64(b[j:]) == rep {
				j += 8
			}
			for j < len(b) && b[j] == v {
				j++
			}
			z.count += j - i
			i = j
			continue
		}
		z.flushRun()
		if i+minRun <= len(b) && binary.LittleEndian.Uint32(b[i:]) == uint32(v)*0x01010101 {
			z.run, z.count = v, minRun
			i += minRun
			continue
		}
		// A run that b's end cuts short goes on in the next b.
		if i+minRun > len(b) {
			z.run, z.count = v, 1
			i++
			continue
		}
		z.literalSum(v)
		i++
	}
}

// minRun is the length from which a run is counted rather than written
// as literals: four literals take 32 to 36 bits, a literal and a copy of
// three 20.
const minRun = 4

// literalSum writes the literal v and adds it to the Adler-32.
func (z *zwriter) literalSum(v byte) {
	z.s1 += uint64(v)
	z.s2 += z.s1
	if z.s2 >= 1<<60 {
		z.s1 %= adlerMod
		z.s2 %= adlerMod
	}
	z.literal(v)
}

// flushRun writes the run counted so far: its byte, then copies of it.
func (z *zwriter) flushRun() {
	n := z.count
	if n == 0 {
		return
	}
	z.sum(z.run, n)
	z.literal(z.run)
	n--
	for n >= 3 {
		l := min(n, 258)
		if n-l > 0 && n-l < 3 {
			l = n - 3 // leave a copy of at least three
		}
		z.match(l)
		n -= l
	}
	for ; n > 0; n-- {
		z.literal(z.run)
	}
	z.count = 0
}

// sum adds n bytes v to the Adler-32. A byte alone is added as Adler-32
// adds it, reduced only now and then; a run in one step.
func (z *zwriter) sum(v byte, n int) {
	if n == 1 {
		z.s1 += uint64(v)
		z.s2 += z.s1
		if z.s2 >= 1<<60 {
			z.s1 %= adlerMod
			z.s2 %= adlerMod
		}
		return
	}
	nn := uint64(n)
	z.s1 %= adlerMod
	z.s2 = (z.s2%adlerMod + nn*z.s1 + uint64(v)*(nn*(nn+1)/2)) % adlerMod
	z.s1 = (z.s1 + nn*uint64(v)) % adlerMod
}

func (z *zwriter) adler() uint32 { return uint32(z.s2%adlerMod)<<16 | uint32(z.s1%adlerMod) }

// bits writes the lowest n (at most 32) bits of v.
func (z *zwriter) bits(v uint64, n uint) {
	z.acc |= v << z.n
	z.n += n
	if z.n >= 32 {
		z.out = binary.LittleEndian.AppendUint32(z.out, uint32(z.acc))
		z.acc >>= 32
		z.n -= 32
	}
}

// align writes the last bits, padded to a byte.
func (z *zwriter) align() {
	for z.n > 0 {
		z.out = append(z.out, byte(z.acc))
		z.acc >>= 8
		z.n -= min(z.n, 8)
	}
	z.acc = 0
}

// code writes the fixed Huffman code of the literal or length symbol s.
func (z *zwriter) code(s int) {
	c := fixedCodes[s]
	z.bits(uint64(c.bits), uint(c.n))
}

// fixedCodes are the fixed Huffman codes of deflate's literal and length
// symbols, reversed to go out lowest bit first.
var fixedCodes = func() (t [288]struct {
	bits uint16
	n    uint8
}) {
	for s := range t {
		var c, n uint
		switch {
		case s < 144:
			c, n = 0x30+uint(s), 8
		case s < 256:
			c, n = 0x190+uint(s-144), 9
		case s < 280:
			c, n = uint(s-256), 7
		default:
			c, n = 0xc0+uint(s-280), 8
		}
		t[s].bits, t[s].n = uint16(reverse(c, n)), uint8(n)
	}
	return t
}()

func (z *zwriter) literal(b byte) { z.code(int(b)) }

// match writes a copy of length l (3 to 258) of the byte before.
func (z *zwriter) match(l int) {
	code, extra, base := lengthCode(l)
	z.code(code)
	if extra > 0 {
		z.bits(uint64(l-base), extra)
	}
	z.bits(0, 5) // distance code 0: distance 1
}

// lengthCode returns the symbol of a match length, with its number of
// extra bits and the length the symbol stands for with extra bits 0.
func lengthCode(l int) (code int, extra uint, base int) {
	if l == 258 {
		return 285, 0, 258
	}
	if l < 11 {
		return 254 + l, 0, l
	}
	// Lengths 11 to 257: each group of four symbols doubles the span.
	extra = 1
	base = 11
	code = 265
	for l >= base+4<<extra {
		base += 4 << extra
		code += 4
		extra++
	}
	step := 1 << extra
	k := (l - base) / step
	return code + k, extra, base + k*step
}

// reverse reverses the lowest n bits of c: Huffman codes go out from
// their highest bit.
func reverse(c, n uint) uint {
	var r uint
	for range n {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

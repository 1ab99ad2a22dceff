package ogimage

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"math/bits"
)

// encodePNG appends to out the PNG of img, a paletted picture of at most
// 256 colours, with the text chunk text (a keyword, a zero byte, a text)
// right after its header. When start is not nil and img begins with the
// rows it encoded, their encoding is taken from it.
//
// image/png spends about 5 ms on a picture of 1200×630 at its fastest
// setting, mostly finding matches and summing Adler-32 over every byte.
// A picture here is long runs of one colour with the letters' edges
// between them, so this encoder writes each run as one literal and
// copies of the byte before it (a deflate match at distance 1, in the fixed
// Huffman codes), and sums each run's Adler-32 in one step; what is not a
// run but repeats the row above, as half of a letter's edge does, is a
// copy of that row. A tenth of the time, for a file a little larger.
func encodePNG(out []byte, img *image.Paletted, text string, start *encodedRows) []byte {
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

	idat := len(out)
	out = append(out, 0, 0, 0, 0, 'I', 'D', 'A', 'T')
	var z zwriter
	from := 0
	if start.begins(img) {
		z = start.z
		z.out = append(out, start.z.out...)
		from = start.rows
	} else {
		z = newZwriter(out)
	}
	z.rows(img, from, h)
	z.flushRun()
	z.code(256) // end of block
	z.align()
	out = binary.BigEndian.AppendUint32(z.out, z.adler())
	binary.BigEndian.PutUint32(out[idat:], uint32(len(out)-idat-8))
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[idat+4:]))
	return chunk(out, "IEND", nil)
}

// encodedRows is the deflate stream of the first rows of a picture, from
// which encodePNG goes on for any picture that begins with the same rows.
type encodedRows struct {
	width, rows int     // of the picture, how many
	pix         []byte  // their pixels
	z           zwriter // the writer after them: z.out holds the stream so far
}

// encodeRows returns the encoding of the first n rows of img.
func encodeRows(img *image.Paletted, n int) *encodedRows {
	z := newZwriter(nil)
	z.rows(img, 0, n)
	w := img.Rect.Dx()
	pix := make([]byte, 0, n*w)
	for y := range n {
		pix = append(pix, img.Pix[y*img.Stride:y*img.Stride+w]...)
	}
	return &encodedRows{width: w, rows: n, pix: pix, z: z}
}

// begins reports whether img, as wide as e's picture and at least as
// high, begins with the rows of e; a nil e has none.
func (e *encodedRows) begins(img *image.Paletted) bool {
	if e == nil || img.Rect.Dx() != e.width || img.Rect.Dy() < e.rows {
		return false
	}
	for y := range e.rows {
		if !bytes.Equal(img.Pix[y*img.Stride:y*img.Stride+e.width], e.pix[y*e.width:(y+1)*e.width]) {
			return false
		}
	}
	return true
}

// newZwriter returns a writer of a zlib stream of one deflate block after
// out, with its header written.
func newZwriter(out []byte) zwriter {
	z := zwriter{out: out, s1: 1}
	z.out = append(z.out, 0x78, 0x01) // deflate, 32 KiB window, fastest
	z.bits(1, 1)                      // the last block
	z.bits(1, 2)                      // fixed Huffman codes
	return z
}

// rows encodes rows from to to of img, each after its filter byte: 0, none.
// A row is copied from the one above, where it can be, from the second
// row of the picture on.
func (z *zwriter) rows(img *image.Paletted, from, to int) {
	w := img.Rect.Dx()
	filter := []byte{0}
	up := distance(w + 1)
	for y := from; y < to; y++ {
		z.runs(filter, nil, up)
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		var above []byte
		if y > 0 && w+1 <= maxDistance {
			above = img.Pix[(y-1)*img.Stride : (y-1)*img.Stride+w]
		}
		z.runs(row, above, up)
	}
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
// of at least minRun goes out as a literal at once, unless it begins
// minCopy bytes or more equal to those of above, which are copied from
// there, up: above is the row above b, up bytes back, or nil. A longer run
// is counted, and written when it ends (flushRun). The letters' edges are
// mostly such short runs, tens of thousands of them in a picture, and a
// literal costs less than counting a run of one.
func (z *zwriter) runs(b, above []byte, up bitString) {
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
		if z.count > 0 {
			z.flushRun()
		}
		if i+minRun <= len(b) && binary.LittleEndian.Uint32(b[i:]) == uint32(v)*0x01010101 {
			z.run, z.count = v, minRun
			i += minRun
			continue
		}
		if above != nil && i+minCopy <= len(b) && binary.LittleEndian.Uint32(b[i:]) == binary.LittleEndian.Uint32(above[i:]) {
			i = z.copyUp(b, above, i, up)
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

// minCopy is the length from which bytes equal to those of the row above
// are copied from it: a copy of four bytes takes 21 to 27 bits, four
// literals 32 to 36.
const minCopy = 4

// copyUp writes b[i:j] as copies of above[i:j], up bytes back, and returns
// j: the bytes from i that are equal to above's, to the first that is not
// or the first of eight bytes of one value, which runs writes in one step.
func (z *zwriter) copyUp(b, above []byte, i int, up bitString) int {
	j := i + minCopy
	for j+8 <= len(b) { // eight bytes at a time while they are above's and not a run
		x := binary.LittleEndian.Uint64(b[j:])
		if x != binary.LittleEndian.Uint64(above[j:]) || x == uint64(b[j])*0x0101010101010101 {
			break
		}
		j += 8
	}
	for j < len(b) && b[j] == above[j] {
		if j+8 <= len(b) && binary.LittleEndian.Uint64(b[j:]) == uint64(b[j])*0x0101010101010101 {
			break
		}
		j++
	}
	z.s1 %= adlerMod
	z.s2 %= adlerMod
	for _, v := range b[i:j] {
		z.s1 += uint64(v)
		z.s2 += z.s1
	}
	for n := j - i; n > 0; {
		l := min(n, 258)
		if n-l > 0 && n-l < 3 {
			l = n - 3 // leave a copy of at least three
		}
		c := lengthCodes[l]
		z.bits(c.bits|up.bits<<c.n, c.n+up.n)
		n -= l
	}
	return j
}

// minRun is the length from which a run is counted rather than written
// as literals: four literals take 32 to 36 bits, a literal and a copy of
// three 20.
const minRun = 4

// literalSum writes the literal v and adds it to the Adler-32.
func (z *zwriter) literalSum(v byte) {
	z.s1 += uint64(v)
	z.s2 += z.s1
	if z.s2 >= adlerReduce {
		z.s1 %= adlerMod
		z.s2 %= adlerMod
	}
	z.literal(v)
}

// adlerReduce is the sum from which the Adler-32 sums are reduced: below
// it, a run of fewer than 1<<20 bytes is added without overflow.
const adlerReduce = 1 << 40

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

// sum adds n bytes v to the Adler-32, a run in one step.
func (z *zwriter) sum(v byte, n int) {
	nn := uint64(n)
	if n < 1<<20 {
		z.s2 += nn*z.s1 + uint64(v)*(nn*(nn+1)/2)
		z.s1 += nn * uint64(v)
		if z.s2 >= adlerReduce {
			z.s1 %= adlerMod
			z.s2 %= adlerMod
		}
		return
	}
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

// match writes a copy of length l (3 to 258) of the byte before: its
// length, then distance code 0, distance 1, five zero bits.
func (z *zwriter) match(l int) {
	c := lengthCodes[l]
	z.bits(c.bits, c.n+5)
}

// lengthCodes are how each copy length from 3 to 258 goes out: the fixed
// Huffman code of its symbol, reversed, then its extra bits.
var lengthCodes = func() (t [259]bitString) {
	for l := 3; l <= 258; l++ {
		sym, extra, base := lengthCode(l)
		c := fixedCodes[sym]
		t[l] = bitString{bits: uint64(c.bits) | uint64(l-base)<<c.n, n: uint(c.n) + extra}
	}
	return t
}()

// maxDistance is the farthest back a deflate copy reaches.
const maxDistance = 32768

// bitString is what goes out for a copy's length or distance: the code of
// its symbol in the fixed Huffman codes, reversed, then its extra bits, n
// bits in all, the first in the lowest bit.
type bitString struct {
	bits uint64
	n    uint
}

// distance returns the bitString of the distance d, from 1 to
// maxDistance; any other d gives an empty one.
func distance(d int) bitString {
	if d < 1 || d > maxDistance {
		return bitString{}
	}
	if d <= 4 {
		return bitString{bits: uint64(reverse(uint(d-1), 5)), n: 5}
	}
	// Codes 4 and up: two for each power of two, halving its span.
	x := d - 1
	top := bits.Len(uint(x)) - 1 // x is at least 4: top at least 2
	extra := uint(top - 1)
	half := x >> extra & 1
	sym := 2*top + half
	base := (2+half)<<extra + 1
	return bitString{bits: uint64(reverse(uint(sym), 5)) | uint64(d-base)<<5, n: 5 + extra}
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

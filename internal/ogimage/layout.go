package ogimage

import "strings"

// Card is what one picture shows.
type Card struct {
	Label   string   // above the title, in capitals: the section, such as "Khối thi đua"
	Title   string   // in large letters, on up to three lines
	Facts   []string // the key facts, each on a line or two
	Address string   // at the bottom: "thidua.example.gov.vn/khoi/khoi-8/"
}

// The sizes of the title, in pixels, largest first: the largest on which
// it fits in maxTitleLines lines is used.
var titleSizes = [...]int{64, 56, 48, 42}

const (
	maxTitleLines = 3
	maxFactLines  = 2 // of each fact
	labelSize     = 26
	factSize      = 30
	footerSize    = 24
)

// layout draws c on the canvas, whose background is drawn.
func (cv *canvas) layout(p *Painter, c Card) {
	if c.Label != "" {
		f := cv.face(p.bold, labelSize)
		cv.text(f, clipToWidth(f, strings.ToUpper(c.Label), textWidth), margin, labelBase, labelInk)
	}

	size, lines := titleSizes[0], []string(nil)
	for _, size = range titleSizes {
		if lines = wrap(cv.face(p.bold, size), c.Title, textWidth, maxTitleLines); lines != nil {
			break
		}
	}
	title := cv.face(p.bold, size)
	if lines == nil {
		lines = clipLines(title, c.Title, textWidth, maxTitleLines)
	}
	step := size * 5 / 4
	y := titleTop + title.Metrics().Ascent.Ceil()
	for _, l := range lines {
		cv.text(title, l, margin, y, titleInk)
		y += step
	}

	facts := cv.face(p.regular, factSize)
	factStep := factSize * 4 / 3
	y += -step + title.Metrics().Descent.Ceil() + 28 + facts.Metrics().Ascent.Ceil()
	room := (factsEnd-y)/factStep + 1
	for _, fact := range c.Facts {
		if room <= 0 {
			break
		}
		n := min(maxFactLines, room)
		for _, l := range clipLines(facts, fact, textWidth, n) {
			cv.text(facts, l, margin, y, factInk)
			y += factStep
			room--
		}
	}

	if c.Address != "" {
		f := cv.face(p.regular, footerSize)
		cv.text(f, clipAddress(f, c.Address, textWidth), margin, footerBase, factInk)
	}
}

// wrap breaks s into lines of whole words, each at most w wide in face,
// and returns nil when that takes more than max lines or a word alone is
// wider than w.
func wrap(face *face, s string, w, max int) []string {
	words := strings.Fields(s)
	space := face.width(" ")
	var lines []string
	line, lineWidth := "", 0
	for _, word := range words {
		ww := face.width(word)
		if ww > w {
			return nil
		}
		if line != "" && lineWidth+space+ww <= w {
			line, lineWidth = line+" "+word, lineWidth+space+ww
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line, lineWidth = word, ww
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > max {
		return nil
	}
	return lines
}

// clipLines breaks s into at most max lines of whole words at most w wide,
// the last ending in "…" when the words do not all fit.
func clipLines(face *face, s string, w, max int) []string {
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 && len(lines) < max {
		rest := strings.Join(words, " ")
		if len(lines) == max-1 {
			lines = append(lines, clipToWidth(face, rest, w))
			break
		}
		n := 1
		for n < len(words) && face.width(strings.Join(words[:n+1], " ")) <= w {
			n++
		}
		if face.width(words[0]) > w {
			// A word wider than the line: it is the line, clipped.
			lines = append(lines, clipToWidth(face, words[0], w))
		} else {
			lines = append(lines, strings.Join(words[:n], " "))
		}
		words = words[n:]
	}
	return lines
}

// clipAddress is the address s, or its longest beginning of whole parts
// between slashes that, with "…", fits in w: an address is one word.
func clipAddress(face *face, s string, w int) string {
	if face.width(s) <= w {
		return s
	}
	parts := strings.SplitAfter(s, "/")
	for n := len(parts) - 1; n > 0; n-- {
		if t := strings.Join(parts[:n], "") + "…"; face.width(t) <= w {
			return t
		}
	}
	return "…"
}

package choropleth

import (
	"strings"

	"standmap/ascii_maps"
	"standmap/palette"
)

// canvas is the map's screen cells before styling.
type canvas struct {
	w, h  int
	runes []rune
	looks []look
}

func newCanvas(w, h int) *canvas {
	cv := &canvas{w: w, h: h, runes: make([]rune, w*h), looks: make([]look, w*h)}
	for i := range cv.runes {
		cv.runes[i] = ' '
	}
	return cv
}

// write puts text at x, y in look lk (text is single-width runes).
func (cv *canvas) write(x, y int, text string, lk look) {
	for _, r := range text {
		if x >= 0 && x < cv.w && y >= 0 && y < cv.h {
			cv.runes[y*cv.w+x], cv.looks[y*cv.w+x] = r, lk
		}
		x++
	}
}

// sub returns the map rows one screen cell draws: two with half blocks.
func (st Styles) sub() int {
	if st.patterns() {
		return 1
	}
	return 2
}

// Render draws city c shaded by counts (keyed by neighbourhood name) on
// the palette's scale for a largest count of top (0: the largest of
// counts), in exactly h lines of exactly w cells: the map, scaled to fit
// and centred, then a legend line when h is at least 3. The
// neighbourhood named highlight, if any, is marked.
func Render(c *ascii_maps.City, counts map[string]int, top, w, h int, st Styles, highlight string) string {
	l := newLayout(&c.Grid, w, h, st.sub())
	return draw(c, cityForms(c), l, scaled(&c.Grid, l), counts, top, st, highlight)
}

// Label is a name written on the map.
type Label struct {
	// Name is the neighbourhood's or the water's name.
	Name string
	// Text is what is written: the name or a shorter form of it, its
	// lines joined by line feeds when it is stacked on several.
	Text string
	// Beside says it is written on the background beside its area, with
	// a pointer, rather than on the area.
	Beside bool
}

// Labels returns the labels Render writes with the same arguments, in
// the order they were placed (the highlighted one, then by tally and
// size); a name left out for want of room has none.
func Labels(c *ascii_maps.City, counts map[string]int, top, w, h int, st Styles, highlight string) []Label {
	l := newLayout(&c.Grid, w, h, st.sub())
	if l.w <= 0 || l.h <= 0 {
		return nil
	}
	_, spans, _, _ := compose(c, cityForms(c), l, scaled(&c.Grid, l), counts, top, st, highlight)
	out := make([]Label, 0, len(spans))
	for _, s := range spans {
		if s.line == 0 {
			out = append(out, Label{Name: s.name, Text: s.text, Beside: s.beside})
		}
	}
	return out
}

// draw renders with the city's label forms (cityForms) and an already
// scaled grid.
func draw(c *ascii_maps.City, fs []forms, l layout, px []ascii_maps.Cell, counts map[string]int, top int, st Styles, highlight string) string {
	if l.w <= 0 || l.h <= 0 {
		return ""
	}
	cv, spans, _, sc := compose(c, fs, l, px, counts, top, st, highlight)
	seqs := map[look]string{}
	var b strings.Builder
	b.Grow(l.w * l.h * 6)
	for y := range cv.h {
		if y > 0 {
			b.WriteByte('\n')
		}
		cv.line(&b, y, st, seqs)
	}
	if l.legend {
		b.WriteByte('\n')
		b.WriteString(legend(sc, top > 0 || anyCount(c, counts), l.w, st, unplaced(c, spans, highlight)))
	}
	return b.String()
}

// unplaced returns the highlighted neighbourhood's name when its label
// found no place on the map (the legend line then carries it), else "".
func unplaced(c *ascii_maps.City, spans []span, highlight string) string {
	hl := -1
	if highlight != "" {
		hl = c.Index(highlight)
	}
	if hl < 0 {
		return ""
	}
	for _, s := range spans {
		if int(s.area) == hl {
			return ""
		}
	}
	return c.Neighbourhoods[hl].Name
}

// anyCount reports whether any neighbourhood of c has a mark.
func anyCount(c *ascii_maps.City, counts map[string]int) bool {
	for _, n := range c.Neighbourhoods {
		if counts[n.Name] > 0 {
			return true
		}
	}
	return false
}

// borderMin is the narrowest map (in cells) drawn with borders between
// neighbourhoods: on a smaller one they would eat the areas.
const borderMin = 60

// compose fills the canvas of the map rows: the shaded pixels, then the
// labels (returned as spans of the map); it returns each map cell's one
// area (or mixed) and the scale too.
func compose(c *ascii_maps.City, fs []forms, l layout, px []ascii_maps.Cell, counts map[string]int, top int, st Styles, highlight string) (*canvas, []span, []ascii_maps.Cell, palette.Scale) {
	vals := make([]int, len(c.Neighbourhoods))
	largest := 0
	for i, n := range c.Neighbourhoods {
		vals[i] = counts[n.Name]
		largest = max(largest, vals[i])
	}
	if top <= 0 {
		top = largest
	}
	sc := palette.NewScale(top)
	hl := -1
	if highlight != "" {
		hl = c.Index(highlight)
	}
	cv := newCanvas(l.w, l.mapRows)
	pw, ph := l.mw, l.mh*l.sub
	inks := make([]ink, len(px))
	for i, a := range px {
		switch {
		case a == ascii_maps.Water:
			inks[i] = inkWater
		case a >= 0:
			inks[i] = inkZero + ink(sc.Class(vals[a]))
			if int(a) == hl && l.sub == 2 {
				inks[i] = inkHighlight
			}
			if pw >= borderMin && border(px, pw, ph, i%pw, i/pw, l.sub == 2) {
				inks[i] = inkNone
			}
		}
	}
	area := make([]ascii_maps.Cell, l.mw*l.mh) // each cell's one area, for the labels
	for y := range l.mh {
		for x := range l.mw {
			r, lk, a := cellOf(px, inks, pw, x, y, l.sub)
			i := (l.y0+y)*l.w + l.x0 + x
			cv.runes[i], cv.looks[i], area[y*l.mw+x] = r, lk, a
		}
	}
	var spans []span
	if l.mw > 0 && l.mh > 0 {
		p := newPlacer(cv, l, px, area, st)
		spans = p.placeAll(labelRequests(c, fs, l, vals, hl, sc, st))
	}
	return cv, spans, area, sc
}

// mixed is a cell of more than one area: no label goes on it.
const mixed ascii_maps.Cell = -3

// border reports whether pixel x, y lies on a border: its right (or,
// with both, lower) neighbour is another neighbourhood.
func border(px []ascii_maps.Cell, pw, ph, x, y int, both bool) bool {
	a := px[y*pw+x]
	if x+1 < pw {
		if b := px[y*pw+x+1]; b >= 0 && b != a {
			return true
		}
	}
	if both && y+1 < ph {
		if b := px[(y+1)*pw+x]; b >= 0 && b != a {
			return true
		}
	}
	return false
}

// cellOf returns screen cell x, y of the map: its rune, look and area
// (mixed when it is not all of one).
func cellOf(px []ascii_maps.Cell, inks []ink, pw, x, y, sub int) (rune, look, ascii_maps.Cell) {
	if sub == 1 {
		i := y*pw + x
		a, k := px[i], inks[i]
		switch {
		case k == inkNone && a >= 0: // a border
			return ' ', look{}, mixed
		case k == inkNone:
			return ' ', look{}, a
		case k == inkWater:
			return palette.WaterPattern, look{}, a
		}
		return palette.Patterns[k-inkZero], look{}, a
	}
	i, j := 2*y*pw+x, (2*y+1)*pw+x
	u, d := inks[i], inks[j]
	a := px[i]
	if px[j] != a || (u == inkNone) != (d == inkNone) || (a >= 0 && u == inkNone) {
		a = mixed
	}
	switch {
	case u == inkNone && d == inkNone:
		return ' ', look{}, a
	case u == d && u == inkWater:
		if (x+3*y)%7 == 0 {
			return '~', look{fg: inkWave, bg: inkWater}, a
		}
		return ' ', look{bg: inkWater}, a
	case u == d:
		return '█', look{fg: u}, a
	case u == inkNone:
		return '▄', look{fg: d}, a
	case d == inkNone:
		return '▀', look{fg: u}, a
	}
	return '▀', look{fg: u, bg: d}, a
}

// line writes row y, one styled run per stretch of cells of one look.
func (cv *canvas) line(b *strings.Builder, y int, st Styles, seqs map[look]string) {
	row, looks := cv.runes[y*cv.w:(y+1)*cv.w], cv.looks[y*cv.w:(y+1)*cv.w]
	for x := 0; x < cv.w; {
		end := x + 1
		for end < cv.w && looks[end] == looks[x] {
			end++
		}
		open, ok := seqs[looks[x]]
		if !ok {
			open = st.sgr(looks[x])
			seqs[looks[x]] = open
		}
		b.WriteString(open)
		for _, r := range row[x:end] {
			b.WriteRune(r)
		}
		if open != "" {
			b.WriteString("\x1b[m")
		}
		x = end
	}
}

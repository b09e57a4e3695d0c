package mapview

import (
	"strings"

	"charm.land/lipgloss/v2"

	"standmap/ascii_maps"
)

// class is how one screen cell is styled.
type class uint8

// The classes; clsStep+i is shade step i (1–4).
const (
	clsBlank class = iota
	clsZero
	clsWater
	clsHighlight
	clsLabel
	clsWaterLabel
	clsHighlightLabel
	clsStep // +1 … +4
)

// canvas is the map's screen cells before styling.
type canvas struct {
	w, h  int
	runes []rune
	cls   []class
}

func newCanvas(w, h int) *canvas {
	cv := &canvas{w: w, h: h, runes: make([]rune, w*h), cls: make([]class, w*h)}
	for i := range cv.runes {
		cv.runes[i] = ' '
	}
	return cv
}

// write puts text at x, y in class c (text is single-width runes).
func (cv *canvas) write(x, y int, text string, c class) {
	for _, r := range text {
		if x >= 0 && x < cv.w {
			cv.runes[y*cv.w+x], cv.cls[y*cv.w+x] = r, c
		}
		x++
	}
}

// style returns the style of class c.
func (st *Styles) style(c class) (lipgloss.Style, bool) {
	switch {
	case c >= clsStep+1 && c <= clsStep+4:
		return st.Steps[c-clsStep-1], true
	case c == clsZero:
		return st.Zero, true
	case c == clsWater:
		return st.Water, true
	case c == clsHighlight:
		return st.Highlight, true
	case c == clsLabel:
		return st.Label, true
	case c == clsWaterLabel:
		return st.WaterLabel, true
	case c == clsHighlightLabel:
		return st.HighlightLabel, true
	}
	return lipgloss.Style{}, false
}

// Render draws city c shaded by counts (keyed by neighbourhood name) on a
// scale up to top (0: the largest count), in exactly h lines of exactly
// w cells: the map, scaled to fit and centred, then a legend line when h
// is at least 3. The neighbourhood named highlight, if any, is marked.
func Render(c *ascii_maps.City, counts map[string]int, top, w, h int, st Styles, highlight string) string {
	l := newLayout(&c.Grid, w, h)
	return draw(c, l, scaled(&c.Grid, l), counts, top, st, highlight)
}

// draw renders with an already scaled grid.
func draw(c *ascii_maps.City, l layout, cells []ascii_maps.Cell, counts map[string]int, top int, st Styles, highlight string) string {
	if l.w <= 0 || l.h <= 0 {
		return ""
	}
	cv, _, top := compose(c, l, cells, counts, top, highlight)
	var seqs [clsStep + 5]sgr
	for k := range seqs {
		if s, ok := st.style(class(k)); ok {
			seqs[k] = sgrOf(s)
		}
	}
	var b strings.Builder
	b.Grow(l.w * l.h * 4)
	for y := range cv.h {
		if y > 0 {
			b.WriteByte('\n')
		}
		cv.line(&b, y, &seqs)
	}
	if l.legend {
		b.WriteByte('\n')
		b.WriteString(legend(top, l.w, st))
	}
	return b.String()
}

// compose fills the canvas of the map rows: shaded cells, then labels
// (returned as spans of the map); it returns the scale's top too.
func compose(c *ascii_maps.City, l layout, cells []ascii_maps.Cell, counts map[string]int, top int, highlight string) (*canvas, []span, int) {
	vals := make([]int, len(c.Neighbourhoods))
	largest := 0
	for i, n := range c.Neighbourhoods {
		vals[i] = counts[n.Name]
		largest = max(largest, vals[i])
	}
	if top <= 0 {
		top = largest
	}
	hl := -1
	if highlight != "" {
		hl = c.Index(highlight)
	}
	cv := newCanvas(l.w, l.mapRows)
	for y := range l.mh {
		for x := range l.mw {
			cell := cells[y*l.mw+x]
			r, cls := ' ', clsBlank
			switch {
			case cell == ascii_maps.Water:
				r, cls = WaterRune, clsWater
			case cell >= 0:
				s := step(vals[cell], top)
				r, cls = ZeroRune, clsZero
				if s > 0 {
					r, cls = Shades[s-1], clsStep+class(s)
				}
				if int(cell) == hl {
					cls = clsHighlight
				}
			}
			cv.runes[(l.y0+y)*l.w+l.x0+x], cv.cls[(l.y0+y)*l.w+l.x0+x] = r, cls
		}
	}
	var spans []span
	if l.mw > 0 && l.mh > 0 {
		spans = placeLabels(cv, l, cells, labelRequests(c, l, vals, hl))
	}
	return cv, spans, top
}

// sgr is a style's opening and closing escape sequences. Found once per
// drawing, they style each run of cells as Style.Render would, for a
// fraction of its cost (the styles have no padding, border or underline).
type sgr struct{ open, close string }

// sgrOf finds the sequences that s puts around a text.
func sgrOf(s lipgloss.Style) sgr {
	out := s.Render("x")
	i := strings.IndexByte(out, 'x')
	return sgr{out[:i], out[i+1:]}
}

// line writes row y, one styled run per stretch of cells of one class.
func (cv *canvas) line(b *strings.Builder, y int, seqs *[clsStep + 5]sgr) {
	row, cls := cv.runes[y*cv.w:(y+1)*cv.w], cv.cls[y*cv.w:(y+1)*cv.w]
	for x := 0; x < cv.w; {
		end := x + 1
		for end < cv.w && cls[end] == cls[x] {
			end++
		}
		s := seqs[cls[x]]
		b.WriteString(s.open)
		for _, r := range row[x:end] {
			b.WriteRune(r)
		}
		b.WriteString(s.close)
		x = end
	}
}

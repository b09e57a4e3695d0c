package choropleth

import (
	"math"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/palette"
)

// labelReq is a label to place: its name and forms, the cell of
// the map it is centred on, its area (a neighbourhood, or Water) and how
// it is drawn on its area and beside it.
type labelReq struct {
	name      string
	forms     forms
	x, y      int
	area      ascii_maps.Cell
	on        look // on its area
	off       look // beside it
	mark      look // the ◂ ▸ of a label beside its area
	highlight bool
}

// reach is how many rows above and below its point a label may move.
const reach = 3

// minVisible is how many of a neighbourhood's cells a label drawn in
// patterns must leave uncovered (fewer if it has fewer).
const minVisible = 3

// maxCoverPct is the share of the map, in per cent, that labels may
// cover before the rest are left out; the highlighted one always gets in.
const maxCoverPct = 35

// span is a placed label's line: n screen cells from x, y of the map,
// naming area; beside says it lies on the background next to it. name
// is the area's name, text the form of it written (its lines joined by
// line feeds), line which of them this is.
type span struct {
	x, y, n    int
	area       ascii_maps.Cell
	beside     bool
	name, text string
	line       int
}

// placer places labels on one canvas: each on its own area, or on the
// background beside it with a mark pointing at it; never on water (but a
// water's name), never on another area, never over another label.
type placer struct {
	cv     *canvas
	l      layout
	px     []ascii_maps.Cell // the pixels
	area   []ascii_maps.Cell // each cell's one area, or mixed
	used   []bool
	size   []int // cells of each neighbourhood
	cover  int   // cells covered so far
	pads   bool  // labels carry a blank on either side (patterns)
	placed []span
}

func newPlacer(cv *canvas, l layout, px, area []ascii_maps.Cell, st Styles) *placer {
	p := &placer{cv: cv, l: l, px: px, area: area, used: make([]bool, l.mw*l.mh), pads: st.patterns()}
	n := 0
	for _, c := range area {
		n = max(n, int(c)+1)
	}
	p.size = make([]int, n)
	for _, c := range area {
		if c >= 0 {
			p.size[c]++
		}
	}
	return p
}

// placeAll places the labels in order until the cover limit.
func (p *placer) placeAll(reqs []labelReq) []span {
	for _, rq := range reqs {
		if !rq.highlight && 100*p.cover > maxCoverPct*len(p.area) {
			break
		}
		p.place(rq)
	}
	return p.placed
}

// place places one label, or none: of each rank of its forms in turn,
// the first that fits on its area near its point (a form of several
// lines stacked about it), else the first of one line that fits beside
// the area. The highlighted one is only ever its full name, on its area
// or beside it (else the legend line carries it): which place is picked
// must be read, not guessed.
func (p *placer) place(rq labelReq) {
	if rq.highlight {
		rq.forms = forms{{rq.forms[whole][0]}}
	}
	budget := math.MaxInt                        // the widest text worth its cover of the map
	if !rq.highlight && rq.area >= 0 && p.pads { // in colour a label keeps its area's shade
		budget = max(7, int(3*math.Sqrt(float64(p.areaSize(rq.area)))))
	}
	left := len(rq.forms[whole]) + len(rq.forms[legible]) + len(rq.forms[stub])
	for _, rank := range rq.forms {
		for _, form := range rank {
			left--
			lines := strings.Split(form, "\n")
			widest := 0
			for j, line := range lines {
				if rq.highlight {
					line = "[" + line + "]"
				} else if p.pads {
					line = " " + line + " "
				}
				lines[j] = line
				widest = max(widest, ansi.StringWidth(line))
			}
			if widest > p.l.mw || (widest-2 > budget && left > 0) {
				continue
			}
			if p.onArea(rq, form, lines) || rq.highlight && p.beside(rq, form, lines[0]) {
				return
			}
		}
		for _, form := range rank {
			if !strings.Contains(form, "\n") && p.beside(rq, form, form) {
				return
			}
		}
	}
}

// onArea writes lines (form as drawn), one under another and each
// centred on one column, on cells of rq's area near its point, if they
// fit.
func (p *placer) onArea(rq labelReq, form string, lines []string) bool {
	l := p.l
	ns := make([]int, len(lines))
	sum := 0
	for i, line := range lines {
		ns[i] = ansi.StringWidth(line)
		sum += ns[i]
	}
	if rq.area >= 0 && p.pads {
		total := p.areaSize(rq.area)
		if total-sum < min(total, minVisible) {
			return false
		}
	}
	for k := range 2*reach + 1 {
		dy := (k + 1) / 2
		if k%2 == 1 {
			dy = -dy
		}
		top := rq.y + dy - (len(lines)-1)/2
		if top < 0 || top+len(lines) > l.mh {
			continue
		}
		for off := 0; off <= 2*l.mw; off++ { // nearest the point first, either way
			dx := (off + 1) / 2
			if off%2 == 1 {
				dx = -dx
			}
			if !p.fitsAll(rq.area, rq.x+dx, top, ns) {
				continue
			}
			for i, line := range lines {
				p.put(span{rq.x + dx - ns[i]/2, top + i, ns[i], rq.area, false, rq.name, form, i}, line, rq.on)
			}
			return true
		}
	}
	return false
}

// fitsAll says whether lines of widths ns, from row top down and each
// centred on column cx, all fit on area's cells, free of other labels.
func (p *placer) fitsAll(area ascii_maps.Cell, cx, top int, ns []int) bool {
	for i, n := range ns {
		x, y := cx-n/2, top+i
		if x < 0 || x+n > p.l.mw || !p.fits(area, y*p.l.mw+x, n) || !p.free(x, y, n) {
			return false
		}
	}
	return true
}

// beside writes "◂ text" right of rq's area, or "text ▸" left of it, on
// the background of a row near its point, if it fits; text is form as
// drawn.
func (p *placer) beside(rq labelReq, form, text string) bool {
	if rq.area < 0 && rq.area != ascii_maps.Water {
		return false
	}
	l := p.l
	n := ansi.StringWidth(text) + 2
	for _, dy := range [...]int{0, -1, 1, -2, 2, -3, 3} {
		y := rq.y + dy
		if y < 0 || y >= l.mh {
			continue
		}
		first, last := -1, -1
		for x := range l.mw {
			if p.touches(x, y, rq.area) {
				if first < 0 {
					first = x
				}
				last = x
			}
		}
		if first < 0 {
			continue
		}
		if x := last + 1; x+n <= l.mw && p.free(x, y, n) && p.blank(x, y, n) {
			p.put(span{x, y, n, rq.area, true, rq.name, form, 0}, "", look{})
			p.cv.write(l.x0+x, l.y0+y, "◂", rq.mark)
			p.cv.write(l.x0+x+1, l.y0+y, " "+text, rq.off)
			return true
		}
		if x := first - n; x >= 0 && p.free(x, y, n) && p.blank(x, y, n) {
			p.put(span{x, y, n, rq.area, true, rq.name, form, 0}, "", look{})
			p.cv.write(l.x0+x, l.y0+y, text+" ", rq.off)
			p.cv.write(l.x0+x+n-1, l.y0+y, "▸", rq.mark)
			return true
		}
	}
	return false
}

// touches reports whether cell x, y holds any pixel of area a.
func (p *placer) touches(x, y int, a ascii_maps.Cell) bool {
	for s := range p.l.sub {
		if p.px[(y*p.l.sub+s)*p.l.mw+x] == a {
			return true
		}
	}
	return false
}

// blank reports whether the n cells from x, y are all background.
func (p *placer) blank(x, y, n int) bool {
	for _, c := range p.area[y*p.l.mw+x : y*p.l.mw+x+n] {
		if c != ascii_maps.Empty {
			return false
		}
	}
	return true
}

// free says whether the n cells from x, y, and one either side, carry
// no label yet (so that two labels never touch).
func (p *placer) free(x, y, n int) bool {
	lo, hi := max(0, x-1), min(p.l.mw, x+n+1)
	for _, u := range p.used[y*p.l.mw+lo : y*p.l.mw+hi] {
		if u {
			return false
		}
	}
	return true
}

// put marks the span used and writes text (if any) there in look lk.
func (p *placer) put(s span, text string, lk look) {
	for i := range s.n {
		p.used[s.y*p.l.mw+s.x+i] = true
	}
	p.cover += s.n
	p.placed = append(p.placed, s)
	if text != "" {
		p.cv.write(p.l.x0+s.x, p.l.y0+s.y, text, lk)
	}
}

// fits says whether a label over the n cells from i lies all on area's
// cells. In patterns a label's blank ends may also lie on a border or
// the background (they only blank a blank), never on water or another
// area.
func (p *placer) fits(area ascii_maps.Cell, i, n int) bool {
	for k, c := range p.area[i : i+n] {
		end := p.pads && area >= 0 && (k == 0 || k == n-1)
		if c != area && !(end && (c == mixed || c == ascii_maps.Empty)) {
			return false
		}
	}
	return true
}

// areaSize returns the cells of neighbourhood a (0 if it vanished in
// scaling).
func (p *placer) areaSize(a ascii_maps.Cell) int {
	if int(a) >= 0 && int(a) < len(p.size) {
		return p.size[a]
	}
	return 0
}

// labelRequests orders the labels: the highlighted one, then the
// neighbourhoods by tally and size, then the waters.
func labelRequests(c *ascii_maps.City, fs []forms, l layout, vals []int, hl int, sc palette.Scale, st Styles) []labelReq {
	order := make([]int, len(c.Neighbourhoods))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if (i == hl) != (j == hl) {
			return i == hl
		}
		if vals[i] != vals[j] {
			return vals[i] > vals[j]
		}
		return c.Areas[i].Cells > c.Areas[j].Cells
	})
	colour := !st.patterns()
	reqs := make([]labelReq, 0, len(order)+len(c.Water))
	for _, i := range order {
		a := c.Areas[i]
		x, y := l.toScreen(&c.Grid, a.Label)
		cls := ink(sc.Class(vals[i]))
		rq := labelReq{name: c.Neighbourhoods[i].Name, forms: fs[i], x: x, y: y, area: ascii_maps.Cell(i),
			on: look{bold: true}, off: look{bold: true}, mark: look{fg: inkZero + cls}, highlight: i == hl}
		if colour {
			rq.on = look{fg: inkText + cls, bg: inkZero + cls, bold: true}
		}
		if rq.highlight {
			rq.on, rq.off = look{bold: true, reverse: true}, look{bold: true, reverse: true}
			if colour {
				rq.on = look{fg: inkHighText, bg: inkHighlight, bold: true}
				rq.mark = look{fg: inkHighlight}
			}
		}
		reqs = append(reqs, rq)
	}
	for _, wl := range c.Water {
		x, y := l.toScreen(&c.Grid, wl.Label)
		f := forms{{wl.Name}}
		if wl.Short != "" {
			f[whole] = append(f[whole], wl.Short)
		}
		rq := labelReq{name: wl.Name, forms: f, x: x, y: y, area: ascii_maps.Water, on: look{italic: true}, off: look{italic: true}, mark: look{fg: inkWave}}
		if colour {
			rq.on = look{fg: inkWave, bg: inkWater, bold: true, italic: true}
		}
		reqs = append(reqs, rq)
	}
	return reqs
}

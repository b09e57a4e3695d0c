package mapview

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
)

// labelReq is a label to place: its texts, longest first, and the cell
// of the map it is centred on.
type labelReq struct {
	texts []string
	x, y  int
	cls   class
	area  ascii_maps.Cell // the neighbourhood, or Water
}

// minVisible is how many of a neighbourhood's cells its label must leave
// uncovered (fewer if it has fewer), so that its shade stays visible.
const minVisible = 3

// abbreviations returns name, the author's short form and ever shorter
// forms: "Jaunā Forštadte", "Jaunā F.", "J. Forštadte", "J.F.";
// "Cietoksnis", "Cietoks.", …, "Ci.".
func abbreviations(name, short string) []string {
	out := []string{name}
	if short != "" {
		out = append(out, short)
	}
	words := strings.Fields(name)
	if len(words) > 1 {
		first, _ := utf8.DecodeRuneInString(words[0])
		var initials strings.Builder
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			initials.WriteString(string(r) + ".")
		}
		last, _ := utf8.DecodeRuneInString(words[len(words)-1])
		out = append(out, words[0]+" "+string(last)+".", string(first)+". "+words[len(words)-1], initials.String())
	} else {
		r := []rune(name)
		for k := len(r) - 3; k >= 2; k-- {
			out = append(out, string(r[:k])+".")
		}
	}
	fixed := 1 // the name and the author's short form come first
	if short != "" {
		fixed = 2
	}
	gen := out[fixed:]
	sort.SliceStable(gen, func(i, j int) bool { return ansi.StringWidth(gen[i]) > ansi.StringWidth(gen[j]) })
	seen := make(map[string]bool, len(out))
	return slices.DeleteFunc(out, func(s string) bool {
		dup := seen[s]
		seen[s] = true
		return dup
	})
}

// placeLabels writes the labels into the map rectangle of cv in order,
// each with a blank (or, highlighted, a bracket) on either side, trying
// shorter texts and nearby rows and columns; a label that fits nowhere
// is left out. Labels never overlap nor leave the map.
func placeLabels(cv *canvas, l layout, cells []ascii_maps.Cell, reqs []labelReq) []span {
	p := placer{cv: cv, l: l, cells: cells, used: make([]bool, l.mw*l.mh)}
	n := 0
	for _, c := range cells {
		n = max(n, int(c)+1)
	}
	p.size = make([]int, n)
	for _, c := range cells {
		if c >= 0 {
			p.size[c]++
		}
	}
	for _, rq := range reqs {
		if rq.cls != clsHighlightLabel && 100*p.cover > maxCoverPct*len(cells) {
			break
		}
		p.place(rq)
	}
	return p.placed
}

// maxCoverPct is the share of the map, in per cent, that labels may
// cover before the rest are left out; the highlighted one always gets in.
const maxCoverPct = 35

// span is a placed label: n screen cells from x, y of the map.
type span struct{ x, y, n int }

// placer places labels on one canvas.
type placer struct {
	cv    *canvas
	l     layout
	cells []ascii_maps.Cell
	used  []bool
	size  []int // screen cells of each neighbourhood

	cover  int // cells covered so far
	placed []span
}

// place places one label, or none.
func (p *placer) place(rq labelReq) {
	l := p.l
	budget := math.MaxInt // the widest text worth its cover of the map
	if rq.cls == clsLabel {
		budget = max(7, int(3*math.Sqrt(float64(p.areaSize(rq.area)))))
	}
	for k, text := range rq.texts {
		n := ansi.StringWidth(text) + 2
		if n > l.mw || (n-2 > budget && k < len(rq.texts)-1) {
			continue
		}
		for _, dy := range [...]int{0, -1, 1, -2, 2} {
			y := rq.y + dy
			if y < 0 || y >= l.mh {
				continue
			}
			for _, dx := range [...]int{0, -1, 1, -2, 2, -3, 3, -4, 4, n/2 + 1, -n/2 - 1, n/2 + 3, -n/2 - 3} {
				x := min(max(rq.x+dx-n/2, 0), l.mw-n)
				if free(p.used[y*l.mw+x:y*l.mw+x+n]) && p.fits(rq.area, y*l.mw+x, n) {
					p.put(span{x, y, n}, text, rq.cls)
					return
				}
			}
		}
	}
}

// put writes text at s with a blank, or for the highlight a bracket, on
// either side, and marks its cells used.
func (p *placer) put(s span, text string, cls class) {
	for i := range s.n {
		p.used[s.y*p.l.mw+s.x+i] = true
	}
	p.cover += s.n
	p.placed = append(p.placed, s)
	open, close := " ", " "
	if cls == clsHighlightLabel {
		open, close = "[", "]"
	}
	p.cv.write(p.l.x0+s.x, p.l.y0+s.y, open+text+close, cls)
}

// fits says whether a label over the n cells from i keeps enough of
// area's cells visible, or, for water, lies on water.
func (p *placer) fits(area ascii_maps.Cell, i, n int) bool {
	covered := 0
	for _, c := range p.cells[i : i+n] {
		if area == ascii_maps.Water && c != ascii_maps.Water {
			return false
		}
		if c == area {
			covered++
		}
	}
	if area == ascii_maps.Water {
		return true
	}
	total := p.areaSize(area)
	return total-covered >= min(total, minVisible)
}

// areaSize returns the screen cells of neighbourhood a (0 if it vanished
// in scaling).
func (p *placer) areaSize(a ascii_maps.Cell) int {
	if int(a) < len(p.size) {
		return p.size[a]
	}
	return 0
}

// free says whether no cell of span is used.
func free(span []bool) bool {
	for _, u := range span {
		if u {
			return false
		}
	}
	return true
}

// labelRequests orders the labels: the highlighted one, then the
// neighbourhoods by tally and size, then the waters.
func labelRequests(c *ascii_maps.City, l layout, vals []int, hl int) []labelReq {
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
	reqs := make([]labelReq, 0, len(order)+len(c.Water))
	for _, i := range order {
		a := c.Areas[i]
		x, y := l.toScreen(&c.Grid, a.Label)
		cls := clsLabel
		if i == hl {
			cls = clsHighlightLabel
		}
		reqs = append(reqs, labelReq{abbreviations(c.Neighbourhoods[i].Name, a.Short), x, y, cls, ascii_maps.Cell(i)})
	}
	for _, wl := range c.Water {
		x, y := l.toScreen(&c.Grid, wl.Label)
		reqs = append(reqs, labelReq{abbreviations(wl.Name, wl.Short), x, y, clsWaterLabel, ascii_maps.Water})
	}
	return reqs
}

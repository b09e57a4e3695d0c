package report

import (
	"fmt"

	"standmap/ascii_maps"
)

// svgBars is the geometry of an SVG horizontal bar chart.
type svgBars struct {
	Width, Height int
	// LabelW is where the bars begin.
	LabelW int
	Bars   []svgBar
}

// svgBar is one bar: its row's baseline Y, its length W and its text.
type svgBar struct {
	Y, W, TextX int
	Label       string
	Count       int
}

// Bar chart layout, in SVG units (about a pixel at A4 width).
const (
	chartWidth = 700
	rowHeight  = 18
	labelWidth = 170
	countRoom  = 50
)

// barChart lays out bars scaled to top.
func barChart(rows []bar, top int) svgBars {
	c := svgBars{Width: chartWidth, Height: rowHeight*len(rows) + 4, LabelW: labelWidth}
	room := chartWidth - labelWidth - countRoom
	for i, r := range rows {
		w := 0
		if top > 0 {
			w = r.n * room / top
		}
		if r.n > 0 {
			w = max(w, 1)
		}
		c.Bars = append(c.Bars, svgBar{Y: i*rowHeight + 2, W: w, TextX: labelWidth + w + 4, Label: r.label, Count: r.n})
	}
	return c
}

// svgMap is the geometry of the city as an SVG grid shaded by tally.
type svgMap struct {
	Width, Height int
	Runs          []cellRun
	Labels        []svgLabel
	Legend        []legendItem
}

// cellRun is a horizontal run of grid cells of one shade.
type cellRun struct {
	X, Y, W int
	// Class is s1–s4 (the tally steps), zero or water.
	Class string
}

// svgLabel is a name drawn on the map.
type svgLabel struct {
	X, Y  int
	Text  string
	Water bool
}

// legendItem is one shade of the scale and the counts it stands for.
type legendItem struct {
	Class, Text string
}

// Size of a grid cell in SVG units: twice as tall as wide, like the
// terminal cells the map files are drawn for.
const cellW, cellH = 12, 24

// mapChart shades the city's grid by counts on a scale to top (the
// largest count), with the same four steps as the terminal map.
func mapChart(c *ascii_maps.City, counts map[string]int, top int) svgMap {
	g := &c.Grid
	mc := svgMap{Width: g.Width * cellW, Height: g.Height * cellH}
	class := func(cell ascii_maps.Cell) string {
		switch {
		case cell == ascii_maps.Water:
			return "water"
		case cell < 0:
			return ""
		}
		if s := shade(counts[c.Neighbourhoods[cell].Name], top); s > 0 {
			return fmt.Sprintf("s%d", s)
		}
		return "zero"
	}
	for row := range g.Height {
		for col := 0; col < g.Width; {
			cls, end := class(g.At(col, row)), col+1
			for end < g.Width && class(g.At(end, row)) == cls {
				end++
			}
			if cls != "" {
				mc.Runs = append(mc.Runs, cellRun{col * cellW, row * cellH, (end - col) * cellW, cls})
			}
			col = end
		}
	}
	for i, a := range c.Areas {
		text := c.Neighbourhoods[i].Name
		if a.Short != "" && len([]rune(text)) > a.Cells {
			text = a.Short
		}
		mc.Labels = append(mc.Labels, mapLabel(a.Label, text, false))
	}
	for _, w := range c.Water {
		text := w.Name
		if w.Short != "" {
			text = w.Short
		}
		mc.Labels = append(mc.Labels, mapLabel(w.Label, text, true))
	}
	for s := 1; s <= 4 && top > 0; s++ {
		lo, hi := top*(s-1)/4+1, top*s/4
		switch {
		case lo > hi:
			continue
		case s == 4:
			mc.Legend = append(mc.Legend, legendItem{"s4", fmt.Sprintf("%d+", lo)})
		case lo == hi:
			mc.Legend = append(mc.Legend, legendItem{fmt.Sprintf("s%d", s), fmt.Sprint(lo)})
		default:
			mc.Legend = append(mc.Legend, legendItem{fmt.Sprintf("s%d", s), fmt.Sprintf("%d–%d", lo, hi)})
		}
	}
	mc.Legend = append(mc.Legend, legendItem{"zero", "0"})
	return mc
}

func mapLabel(p ascii_maps.Point, text string, water bool) svgLabel {
	return svgLabel{X: p.Col*cellW + cellW/2, Y: p.Row*cellH + cellH*2/3, Text: clean(text), Water: water}
}

// shade is the step 1–4 of count n on a scale to top (0 for none): step i
// holds the counts in (top·(i−1)/4, top·i/4], as on the terminal map.
func shade(n, top int) int {
	if n <= 0 || top <= 0 {
		return 0
	}
	return min(4, (4*n+top-1)/top)
}

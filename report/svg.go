package report

import (
	"fmt"
	"html/template"
	"strings"

	"standmap/ascii_maps"
	"standmap/palette"
)

// svgBars is the geometry of an SVG horizontal bar chart.
type svgBars struct {
	Width, Height int
	// LabelW is where the bars begin.
	LabelW int
	Bars   []svgBar
}

// svgBar is one bar: its row's baseline Y, its length W, its text and
// its class ("bar", or the map's shade s1–s4 of its count).
type svgBar struct {
	Y, W, TextX int
	Label       string
	Count       int
	Class       string
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
		c.Bars = append(c.Bars, svgBar{Y: i*rowHeight + 2, W: w, TextX: labelWidth + w + 4, Label: r.label, Count: r.n, Class: "bar"})
	}
	return c
}

// shadedBars is barChart with each bar in the map's shade of its count,
// so a neighbourhood's bar and its area on the map are one colour.
func shadedBars(rows []bar, top int) svgBars {
	c := barChart(rows, top)
	sc := palette.NewScale(top)
	for i := range c.Bars {
		c.Bars[i].Class = shadeClass(sc.Class(c.Bars[i].Count))
	}
	return c
}

// shadeClass is the CSS class of palette class c.
func shadeClass(c int) string {
	if c <= 0 {
		return "zero"
	}
	return fmt.Sprintf("s%d", c)
}

// shadesCSS is the style of the shade classes: the palette's light ramp
// (paper is light), the same colours as the terminal's light theme.
func shadesCSS() template.CSS {
	r := palette.Light
	var b strings.Builder
	rule := func(class, hex string) { fmt.Fprintf(&b, ".%s { fill: %s; background: %s; }\n", class, hex, hex) }
	rule("zero", r.Zero.Hex)
	for i, s := range r.Steps {
		rule(shadeClass(i+1), s.Hex)
	}
	rule("water", r.Water.Hex)
	fmt.Fprintf(&b, "svg text.label.wet { fill: %s; }\n", r.Wave.Hex)
	return template.CSS(b.String())
}

// svgMap is the geometry of the city as an SVG grid shaded by tally.
type svgMap struct {
	Width, Height int
	CellH         int // a row's height
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

// mapWidthSVG is the map's width in SVG units, whatever its grid; a
// cell is twice as tall as wide, like the terminal cells the map files
// are drawn for.
const mapWidthSVG = 768

// mapChart shades the city's grid by counts on the palette's scale for
// a largest count of top: the classes and colours of the terminal map.
func mapChart(c *ascii_maps.City, counts map[string]int, top int) svgMap {
	g := &c.Grid
	cellW := max(2, mapWidthSVG/max(g.Width, 1))
	cellH := 2 * cellW
	sc := palette.NewScale(top)
	mc := svgMap{Width: g.Width * cellW, Height: g.Height * cellH, CellH: cellH}
	class := func(cell ascii_maps.Cell) string {
		switch {
		case cell == ascii_maps.Water:
			return "water"
		case cell < 0:
			return ""
		}
		return shadeClass(sc.Class(counts[c.Neighbourhoods[cell].Name]))
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
		mc.Labels = append(mc.Labels, mapLabel(a.Label, text, false, cellW, cellH))
	}
	for _, w := range c.Water {
		text := w.Name
		if w.Short != "" {
			text = w.Short
		}
		mc.Labels = append(mc.Labels, mapLabel(w.Label, text, true, cellW, cellH))
	}
	mc.Legend = append(mc.Legend, legendItem{"zero", "0"})
	for cl := 1; cl <= palette.Classes && top > 0; cl++ {
		mc.Legend = append(mc.Legend, legendItem{shadeClass(cl), sc.Label(cl)})
	}
	return mc
}

// mapLabel returns a label centred on grid point p.
func mapLabel(p ascii_maps.Point, text string, water bool, cellW, cellH int) svgLabel {
	return svgLabel{X: p.Col*cellW + cellW/2, Y: p.Row*cellH + cellH*2/3, Text: clean(text), Water: water}
}

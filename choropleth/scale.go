package choropleth

import "standmap/ascii_maps"

// layout is where the scaled grid sits in the w×h box: mw×mh cells at
// column x0, row y0, each cell sub map rows tall (2 with half blocks);
// the legend, when there is room, takes the last row.
type layout struct {
	w, h, mapRows int
	x0, y0        int
	mw, mh        int
	sub           int
	legend        bool
}

// newLayout fits grid g into w×h, keeping its proportions: a grid drawn
// in terminal characters stays in proportion when scaled alike both ways.
func newLayout(g *ascii_maps.Grid, w, h, sub int) layout {
	l := layout{w: w, h: h, mapRows: h, legend: h >= 3, sub: max(sub, 1)}
	if l.legend {
		l.mapRows--
	}
	if g.Width == 0 || g.Height == 0 || w <= 0 || l.mapRows <= 0 {
		return l
	}
	sx := float64(w) / float64(g.Width)
	sy := float64(l.mapRows) / float64(g.Height)
	s := min(sx, sy)
	l.mw = min(w, max(1, int(float64(g.Width)*s+0.5)))
	l.mh = min(l.mapRows, max(1, int(float64(g.Height)*s+0.5)))
	l.x0, l.y0 = (w-l.mw)/2, (l.mapRows-l.mh)/2
	return l
}

// scaled samples g at mw×(mh·sub) points, nearest neighbour: the map's
// pixels, row by row.
func scaled(g *ascii_maps.Grid, l layout) []ascii_maps.Cell {
	ph := l.mh * l.sub
	out := make([]ascii_maps.Cell, l.mw*ph)
	for y := range ph {
		row := (2*y + 1) * g.Height / (2 * ph)
		for x := range l.mw {
			out[y*l.mw+x] = g.At((2*x+1)*g.Width/(2*l.mw), row)
		}
	}
	return out
}

// toScreen maps a grid point to its cell in the scaled map.
func (l layout) toScreen(g *ascii_maps.Grid, p ascii_maps.Point) (x, y int) {
	x = (2*p.Col + 1) * l.mw / (2 * g.Width)
	y = (2*p.Row + 1) * l.mh / (2 * g.Height)
	return min(x, l.mw-1), min(y, l.mh-1)
}

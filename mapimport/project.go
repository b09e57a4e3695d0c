package mapimport

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// The default and the largest --size.
const (
	// DefaultCols and DefaultRows bound the grid when no size is given:
	// as fine as the map drawn on a 200×60 projector, where half blocks
	// show two grid rows in each of its 59 lines (a coarser grid is
	// drawn blown up, its smallest districts lost between cells), and
	// sampled down cleanly to the application's map panel.
	DefaultCols, DefaultRows = 240, 120
	// MaxCols and MaxRows bound any grid, and so the work of an import.
	MaxCols, MaxRows = 400, 200
)

// edgeSliver is the part of a cell, at the grid's east and south edges,
// not worth a column or row of its own: rounding in a file's coordinates.
const edgeSliver = 0.01

// metresPerDegree is the length of one degree of latitude, near enough.
const metresPerDegree = 111_320.0

// ParseSize reads "COLSxROWS" (or "COLS×ROWS"): the largest grid.
func ParseSize(s string) (cols, rows int, err error) {
	c, r, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "×", "x"), "x")
	cols, err1 := strconv.Atoi(strings.TrimSpace(c))
	rows, err2 := strconv.Atoi(strings.TrimSpace(r))
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("size %q: write COLSxROWS, e.g. %dx%d", s, DefaultCols, DefaultRows)
	}
	if cols < 8 || rows < 4 || cols > MaxCols || rows > MaxRows {
		return 0, 0, fmt.Errorf("size %q: from 8x4 to %dx%d", s, MaxCols, MaxRows)
	}
	return cols, rows, nil
}

// projection maps longitude and latitude onto the grid so that shapes
// keep their proportions: longitude is scaled by the cosine of the middle
// latitude (an equirectangular projection, true enough over a city), and
// a cell is twice as tall as wide, as terminal cells are.
type projection struct {
	west, north float64 // the districts' bounds' north-west corner
	midLat      float64 // the middle latitude, in degrees
	k           float64 // cos(midLat)
	cell        float64 // a cell's width, in degrees of latitude
	cols, rows  int
}

// newProjection fits bound b into at most cols×rows cells.
func newProjection(b orb.Bound, cols, rows int) (projection, error) {
	p := projection{west: b.Min[0], north: b.Max[1], midLat: (b.Min[1] + b.Max[1]) / 2}
	p.k = math.Cos(p.midLat * math.Pi / 180)
	w, h := (b.Max[0]-b.Min[0])*p.k, b.Max[1]-b.Min[1]
	p.cell = max(w/float64(cols), h/(2*float64(rows)))
	if !(p.cell > 0) {
		return p, fmt.Errorf("the districts have no extent (every position is the same point)")
	}
	p.cols = min(cols, max(1, int(math.Ceil(w/p.cell-edgeSliver))))
	p.rows = min(rows, max(1, int(math.Ceil(h/(2*p.cell)-edgeSliver))))
	return p, nil
}

// point returns where pt lies on the grid, in cells: X columns from the
// west edge, Y rows from the north edge.
func (p projection) point(pt orb.Point) orb.Point {
	return orb.Point{(pt[0] - p.west) * p.k / p.cell, (p.north - pt[1]) / (2 * p.cell)}
}

// ring projects r onto the grid.
func (p projection) ring(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	for i, pt := range r {
		out[i] = p.point(pt)
	}
	return out
}

// polygon projects pg onto the grid.
func (p projection) polygon(pg orb.Polygon) orb.Polygon {
	out := make(orb.Polygon, len(pg))
	for i, r := range pg {
		out[i] = p.ring(r)
	}
	return out
}

// describe says, for a note: the projection and a cell's size.
func (p projection) describe() string {
	w := p.cell * metresPerDegree
	return fmt.Sprintf("longitude scaled by cos %.2f° (equirectangular), north up; %d×%d cells, each about %s wide and %s tall",
		p.midLat, p.cols, p.rows, metres(w), metres(2*w))
}

// metres writes a length for people: "190 m", "1.2 km".
func metres(m float64) string {
	if m < 1000 {
		return fmt.Sprintf("%.0f m", m)
	}
	return fmt.Sprintf("%.1f km", m/1000)
}

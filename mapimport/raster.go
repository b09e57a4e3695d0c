package mapimport

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// What a grid cell holds while rasterising: a district's index, or one
// of these.
const (
	empty = -1 // background: outside the city
	water = -2 // a river or lake
)

// Each cell is sampled at samplesX×samplesY points, evenly spread: a cell
// is twice as tall as wide, so twice as many rows of samples.
const samplesX, samplesY = 3, 6

// minPieceArea is the area, in cells, from which a separate piece of a
// district (an exclave, an island) keeps a cell of its own even when
// other land or water covers more of that cell. Smaller slivers, often
// digitising noise, may vanish; the district itself never does.
const minPieceArea = 0.3

// simplifyCells is how far, in cells, a simplified border may stray from
// the original: far below the samples' spacing, so no cell changes
// hands, but it spares most of a detailed file's vertices.
const simplifyCells = 0.02

// piece is one polygon of a district (or of a water feature) on the grid.
type piece struct {
	id    int // a band's piece: its index in the whole pieces
	owner int // the district's (or water feature's) index
	poly  orb.Polygon
	bound orb.Bound
	area  float64 // in cells
}

// cellHit counts a piece's samples in one cell.
type cellHit struct{ cell, n int }

// raster assigns every cell of the grid to a district, water or nothing.
type raster struct {
	cols, rows int
	owner      []int       // per cell: a district, empty or water
	waterOf    []int       // per cell: the water feature drawn there, or -1
	cells      []int       // per district: how many cells it has
	pieces     []piece     // the districts' polygons
	hits       [][]cellHit // per piece: its samples, cell by cell
}

// newPieces projects and simplifies each district's polygons.
func newPieces(p projection, shapes []orb.MultiPolygon) []piece {
	dp := simplify.DouglasPeucker(simplifyCells)
	var out []piece
	for d, mp := range shapes {
		for _, pg := range mp {
			g := p.polygon(pg)
			area := planar.Area(g)
			g = dp.Polygon(g)
			if len(g) == 0 || len(g[0]) < 3 {
				g = p.polygon(pg) // too small to simplify: keep it whole
			}
			out = append(out, piece{owner: d, poly: g, bound: g.Bound(), area: area})
		}
	}
	return out
}

// onGrid returns the pieces clipped to the grid and a cell around it:
// water files often hold lakes and seas far larger than the city.
func onGrid(pieces []piece, cols, rows int) []piece {
	b := orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{float64(cols) + 1, float64(rows) + 1}}
	out := pieces[:0]
	for _, pc := range pieces {
		if !pc.bound.Intersects(b) {
			continue
		}
		if pc.poly = clip.Polygon(b, pc.poly); len(pc.poly) > 0 {
			pc.bound = pc.poly.Bound()
			out = append(out, pc)
		}
	}
	return out
}

// band returns the pieces that reach grid row row, clipped to it (orb's
// clip), so that testing a point in that row walks a few of their edges
// rather than all; each keeps its index in pieces as id.
func band(pieces []piece, row, cols int) []piece {
	b := orb.Bound{Min: orb.Point{-1, float64(row)}, Max: orb.Point{float64(cols) + 1, float64(row + 1)}}
	var out []piece
	for k, pc := range pieces {
		if !pc.bound.Intersects(b) {
			continue
		}
		g := clip.Polygon(b, pc.poly.Clone())
		if len(g) == 0 {
			continue
		}
		out = append(out, piece{id: k, owner: pc.owner, poly: g, bound: g.Bound()})
	}
	return out
}

// candidates lists, for each column, the pieces of a band whose bounds
// reach it.
func candidates(cols int, pieces []piece) [][]int32 {
	out := make([][]int32, cols)
	for k, pc := range pieces {
		c0, c1 := clampInt(int(math.Floor(pc.bound.Min[0])), cols), clampInt(int(math.Floor(pc.bound.Max[0])), cols)
		for c := c0; c <= c1; c++ {
			out[c] = append(out[c], int32(k))
		}
	}
	return out
}

// clampInt puts v into 0…n-1.
func clampInt(v, n int) int { return min(max(v, 0), n-1) }

// containing returns the first of the candidate pieces that contains pt,
// or -1.
func containing(pieces []piece, cand []int32, pt orb.Point) int {
	for _, k := range cand {
		if pieces[k].bound.Contains(pt) && planar.PolygonContains(pieces[k].poly, pt) {
			return int(k)
		}
	}
	return -1
}

// vote counts one cell's samples.
type vote struct {
	district []int // parallel to n: the districts sampled
	n        []int
	water    int
	empty    int
	waterBy  map[int]int // water feature → samples
}

// rasterise samples every cell and gives it to whatever covers most of
// it: a district, water (drawn over land: a river inside a district's
// border is still a river) or background; a district wins a tie. A cell
// that no border crosses lies wholly in one thing, so its middle stands
// for all its samples.
func rasterise(cols, rows, districts int, pieces, waters []piece) *raster {
	r := &raster{cols: cols, rows: rows, owner: make([]int, cols*rows), waterOf: make([]int, cols*rows),
		cells: make([]int, districts), pieces: pieces, hits: make([][]cellHit, len(pieces))}
	border := borderCells(cols, rows, append(slices.Clip(pieces), waters...))
	pieceN := make(map[int]int)
	for row := range rows {
		lp, lw := band(pieces, row, cols), band(waters, row, cols)
		cand, wcand := candidates(cols, lp), candidates(cols, lw)
		for col := range cols {
			i := row*cols + col
			v := vote{waterBy: map[int]int{}}
			clear(pieceN)
			sample := func(pt orb.Point, n int) {
				k := containing(lp, cand[col], pt)
				if k >= 0 {
					pieceN[lp[k].id] += n
				}
				if w := containing(lw, wcand[col], pt); w >= 0 {
					v.water += n
					v.waterBy[lw[w].owner] += n
				} else if k >= 0 {
					v.add(lp[k].owner, n)
				} else {
					v.empty += n
				}
			}
			x, y := float64(col), float64(row)
			if !border[i] {
				sample(orb.Point{x + 0.5, y + 0.5}, samplesX*samplesY)
			} else {
				for sy := range samplesY {
					for sx := range samplesX {
						sample(orb.Point{x + (float64(sx)+0.5)/samplesX, y + (float64(sy)+0.5)/samplesY}, 1)
					}
				}
			}
			for k, n := range pieceN {
				r.hits[k] = append(r.hits[k], cellHit{i, n})
			}
			r.owner[i], r.waterOf[i] = v.winner()
			if r.owner[i] >= 0 {
				r.cells[r.owner[i]]++
			}
		}
	}
	return r
}

// borderCells marks every cell that a ring of the pieces crosses, and its
// eight neighbours, so that no cell a border clips goes unmarked.
func borderCells(cols, rows int, pieces []piece) []bool {
	out := make([]bool, cols*rows)
	mark := func(c, r int) {
		for dr := -1; dr <= 1; dr++ {
			for dc := -1; dc <= 1; dc++ {
				if c+dc >= 0 && r+dr >= 0 && c+dc < cols && r+dr < rows {
					out[(r+dr)*cols+c+dc] = true
				}
			}
		}
	}
	for _, pc := range pieces {
		for _, ring := range pc.poly {
			walk(orb.LineString(ring), cols, rows, mark)
		}
	}
	return out
}

// walk calls visit for the cells along line l, a quarter cell apart,
// that lie on the grid or next to it.
func walk(l orb.LineString, cols, rows int, visit func(c, r int)) {
	for j := 1; j < len(l); j++ {
		a, b := l[j-1], l[j]
		if max(a[0], b[0]) < -1 || max(a[1], b[1]) < -1 || min(a[0], b[0]) > float64(cols)+1 || min(a[1], b[1]) > float64(rows)+1 {
			continue
		}
		steps := int(math.Ceil(4*max(math.Abs(b[0]-a[0]), math.Abs(b[1]-a[1])))) + 1
		for s := 0; s <= steps; s++ {
			t := float64(s) / float64(steps)
			x, y := a[0]+t*(b[0]-a[0]), a[1]+t*(b[1]-a[1])
			if x >= -1 && y >= -1 && x < float64(cols)+1 && y < float64(rows)+1 {
				visit(int(math.Floor(x)), int(math.Floor(y)))
			}
		}
	}
}

// add counts n samples of district d.
func (v *vote) add(d, n int) {
	for j, x := range v.district {
		if x == d {
			v.n[j] += n
			return
		}
	}
	v.district, v.n = append(v.district, d), append(v.n, n)
}

// winner returns what covers most of the cell, and its water feature.
func (v *vote) winner() (owner, waterFeature int) {
	best, bestN := empty, 0
	for j, d := range v.district {
		if v.n[j] > bestN || (v.n[j] == bestN && d < best) {
			best, bestN = d, v.n[j]
		}
	}
	switch {
	case bestN > 0 && bestN >= v.water && bestN >= v.empty:
		return best, -1
	case v.water > 0 && v.water >= v.empty:
		wf, wn := -1, 0
		for f, n := range v.waterBy {
			if n > wn || (n == wn && f < wf) {
				wf, wn = f, n
			}
		}
		return water, wf
	}
	return empty, -1
}

// drawLines makes water every cell that the lines pass through.
func (r *raster) drawLines(p projection, feature int, lines orb.MultiLineString) {
	grid := orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{float64(r.cols) + 1, float64(r.rows) + 1}}
	var onGrid orb.MultiLineString
	for _, l := range lines {
		g := make(orb.LineString, len(l))
		for i, pt := range l {
			g[i] = p.point(pt)
		}
		onGrid = append(onGrid, clip.LineString(grid, g)...)
	}
	for _, g := range onGrid {
		walk(g, r.cols, r.rows, func(c, w int) {
			if c >= 0 && w >= 0 && c < r.cols && w < r.rows {
				r.set(w*r.cols+c, water)
				r.waterOf[w*r.cols+c] = feature
			}
		})
	}
}

// set gives cell i to owner o, keeping the districts' counts.
func (r *raster) set(i, o int) {
	if old := r.owner[i]; old >= 0 {
		r.cells[old]--
	}
	r.owner[i] = o
	r.waterOf[i] = -1
	if o >= 0 {
		r.cells[o]++
	}
}

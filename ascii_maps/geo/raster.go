package geo

import (
	"math"

	"github.com/paulmach/orb"
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

// candidates lists, for each cell, the pieces whose bounds reach it.
func candidates(cols, rows int, pieces []piece) [][]int32 {
	out := make([][]int32, cols*rows)
	grid := orb.Bound{Max: orb.Point{float64(cols), float64(rows)}}
	for k, pc := range pieces {
		if !pc.bound.Intersects(grid) {
			continue
		}
		c0, c1 := clampInt(int(pc.bound.Min[0]), cols), clampInt(int(pc.bound.Max[0]), cols)
		r0, r1 := clampInt(int(pc.bound.Min[1]), rows), clampInt(int(pc.bound.Max[1]), rows)
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				out[r*cols+c] = append(out[r*cols+c], int32(k))
			}
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
// border is still a river) or background; a district wins a tie.
func rasterise(cols, rows, districts int, pieces, waters []piece) *raster {
	r := &raster{cols: cols, rows: rows, owner: make([]int, cols*rows), waterOf: make([]int, cols*rows),
		cells: make([]int, districts), pieces: pieces, hits: make([][]cellHit, len(pieces))}
	cand, wcand := candidates(cols, rows, pieces), candidates(cols, rows, waters)
	pieceN := make(map[int]int)
	for i := range r.owner {
		col, row := i%cols, i/cols
		v := vote{waterBy: map[int]int{}}
		clear(pieceN)
		for sy := range samplesY {
			for sx := range samplesX {
				pt := orb.Point{float64(col) + (float64(sx)+0.5)/samplesX, float64(row) + (float64(sy)+0.5)/samplesY}
				k := containing(pieces, cand[i], pt)
				if k >= 0 {
					pieceN[k]++
				}
				if w := containing(waters, wcand[i], pt); w >= 0 {
					v.water++
					v.waterBy[waters[w].owner]++
				} else if k >= 0 {
					v.add(pieces[k].owner)
				} else {
					v.empty++
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
	return r
}

// add counts a sample of district d.
func (v *vote) add(d int) {
	for j, x := range v.district {
		if x == d {
			v.n[j]++
			return
		}
	}
	v.district, v.n = append(v.district, d), append(v.n, 1)
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
	for _, l := range lines {
		for j := 1; j < len(l); j++ {
			a, b := p.point(l[j-1]), p.point(l[j])
			steps := int(math.Ceil(4*max(math.Abs(b[0]-a[0]), math.Abs(b[1]-a[1])))) + 1
			for s := 0; s <= steps; s++ {
				t := float64(s) / float64(steps)
				c, w := int(math.Floor(a[0]+t*(b[0]-a[0]))), int(math.Floor(a[1]+t*(b[1]-a[1])))
				if c >= 0 && w >= 0 && c < r.cols && w < r.rows {
					r.set(w*r.cols+c, water)
					r.waterOf[w*r.cols+c] = feature
				}
			}
		}
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

package mapimport

import (
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// keepPieces gives each separate piece of a district (an exclave, an
// island) of at least minPieceArea that lost all its cells to its
// neighbours or the water the cell where it has most samples, unless
// that cell is another district's last.
func (r *raster) keepPieces() {
	for k, pc := range r.pieces {
		if pc.area < minPieceArea || len(r.hits[k]) == 0 {
			continue
		}
		best, bestN := -1, 0
		kept := false
		for _, h := range r.hits[k] {
			if r.owner[h.cell] == pc.owner {
				kept = true
				break
			}
			if h.n > bestN && r.claimable(h.cell, pc.owner) {
				best, bestN = h.cell, h.n
			}
		}
		if !kept && best >= 0 {
			r.set(best, pc.owner)
		}
	}
}

// keepDistricts gives every district without a cell one: the cell where
// it has most samples or, for a district smaller than the samples'
// spacing, the cell at its centre; when that is another district's last
// cell, the nearest cell that is not. It fails only when the grid has
// fewer cells than there are districts.
func (r *raster) keepDistricts(centres []orb.Point) error {
	if len(r.cells) > len(r.owner) {
		return fmt.Errorf("%d districts do not fit in %d×%d cells: give a larger --size", len(r.cells), r.cols, r.rows)
	}
	for d, n := range r.cells {
		if n > 0 {
			continue
		}
		want, wantN := -1, 0
		for k, pc := range r.pieces {
			if pc.owner != d {
				continue
			}
			for _, h := range r.hits[k] {
				if h.n > wantN {
					want, wantN = h.cell, h.n
				}
			}
		}
		if want < 0 {
			c := centres[d]
			want = clampInt(int(c[1]), r.rows)*r.cols + clampInt(int(c[0]), r.cols)
		}
		r.set(r.nearestClaimable(want, d), d)
	}
	return nil
}

// claimable says whether district d may take cell i: it is background,
// water, or a cell of a district that has others.
func (r *raster) claimable(i, d int) bool {
	o := r.owner[i]
	return o < 0 || (o != d && r.cells[o] > 1)
}

// nearestClaimable returns cell i if d may take it, else the nearest cell
// it may take, counting a row as two columns.
func (r *raster) nearestClaimable(i, d int) int {
	if r.claimable(i, d) {
		return i
	}
	c0, r0 := i%r.cols, i/r.cols
	best, bestD := -1, 0
	for j := range r.owner {
		if !r.claimable(j, d) {
			continue
		}
		dc, dr := j%r.cols-c0, 2*(j/r.cols-r0)
		if dist := dc*dc + dr*dr; best < 0 || dist < bestD {
			best, bestD = j, dist
		}
	}
	return best
}

// centre returns where a district lies on the grid for placing it when it
// is too small to be sampled: the centroid of its largest piece.
func centre(p projection, mp orb.MultiPolygon) orb.Point {
	var best orb.Point
	bestA := -1.0
	for _, pg := range mp {
		g := p.polygon(pg)
		c, a := planar.CentroidArea(g)
		if a > bestA {
			best, bestA = c, a
		}
		if a == 0 && bestA <= 0 && len(g) > 0 && len(g[0]) > 0 {
			best = g[0][0]
		}
	}
	return best
}

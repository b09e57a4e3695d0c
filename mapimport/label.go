package mapimport

import "math"

// The chamfer distance's steps, a row counting as two columns since a
// cell is twice as tall as wide.
var (
	stepAcross = 1.0          // to the cell left or right
	stepDown   = 2.0          // to the cell above or below
	stepCorner = math.Sqrt(5) // to a diagonal neighbour
)

// interior returns, for every cell, how far it lies inside its owner's
// area: the distance to the nearest cell of another owner or the grid's
// edge (a two-pass chamfer distance transform).
func interior(owner []int, cols, rows int) []float64 {
	d := make([]float64, len(owner))
	same := func(i, c, r int) bool {
		return c >= 0 && r >= 0 && c < cols && r < rows && owner[r*cols+c] == owner[i]
	}
	type step struct {
		dc, dr int
		w      float64
	}
	all := []step{{-1, 0, stepAcross}, {1, 0, stepAcross}, {0, -1, stepDown}, {0, 1, stepDown},
		{-1, -1, stepCorner}, {1, -1, stepCorner}, {-1, 1, stepCorner}, {1, 1, stepCorner}}
	for i := range d {
		d[i] = math.Inf(1)
		for _, s := range all {
			if !same(i, i%cols+s.dc, i/cols+s.dr) {
				d[i] = min(d[i], s.w)
			}
		}
	}
	forward := []step{{-1, 0, stepAcross}, {-1, -1, stepCorner}, {0, -1, stepDown}, {1, -1, stepCorner}}
	backward := []step{{1, 0, stepAcross}, {1, 1, stepCorner}, {0, 1, stepDown}, {-1, 1, stepCorner}}
	relax := func(i int, steps []step) {
		for _, s := range steps {
			c, r := i%cols+s.dc, i/cols+s.dr
			if same(i, c, r) {
				d[i] = min(d[i], d[r*cols+c]+s.w)
			}
		}
	}
	for i := range d {
		relax(i, forward)
	}
	for i := len(d) - 1; i >= 0; i-- {
		relax(i, backward)
	}
	return d
}

// labelCells returns, for each owner in 0…n-1, its most interior cell;
// among equals, the one nearest the middle of its cells. An owner with no
// cells gets -1.
func labelCells(owner []int, cols, rows, n int) []int {
	d := interior(owner, cols, rows)
	sumC, sumR, count := make([]float64, n), make([]float64, n), make([]int, n)
	for i, o := range owner {
		if o >= 0 && o < n {
			sumC[o] += float64(i % cols)
			sumR[o] += float64(i / cols)
			count[o]++
		}
	}
	best := make([]int, n)
	for o := range best {
		best[o] = -1
	}
	off := func(i, o int) float64 {
		dc := float64(i%cols) - sumC[o]/float64(count[o])
		dr := 2 * (float64(i/cols) - sumR[o]/float64(count[o]))
		return dc*dc + dr*dr
	}
	for i, o := range owner {
		if o < 0 || o >= n {
			continue
		}
		b := best[o]
		if b < 0 || d[i] > d[b]+1e-9 || (math.Abs(d[i]-d[b]) <= 1e-9 && off(i, o) < off(b, o)) {
			best[o] = i
		}
	}
	return best
}

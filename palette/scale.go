// Package palette is the one colour ramp and class scale of every picture
// standmap draws: the terminal map, the projection and the report's SVG.
// A count gets the same class, and so the same shade, on all of them.
package palette

import "strconv"

// Classes is the number of shaded classes; class 0 is "no marks yet".
const Classes = 4

// Scale puts counts into classes of equal, "nice" widths (1, 2, 5, 10,
// 20, 50… per class). It depends only on the largest count and changes
// only when that count passes Top, so a shade keeps its meaning while
// the answers come in.
type Scale struct{ step int }

// NewScale returns the scale for a largest count of top: the smallest
// nice class width whose Classes classes reach top.
func NewScale(top int) Scale {
	step := 1
	for k := 0; Classes*step < top; k++ {
		step = nice(k + 1)
	}
	return Scale{step}
}

// nice returns the k-th number of 1, 2, 5, 10, 20, 50, 100…
func nice(k int) int {
	n := []int{1, 2, 5}[k%3]
	for range k / 3 {
		n *= 10
	}
	return n
}

// Step returns the width of a class, in counts.
func (s Scale) Step() int { return max(s.step, 1) }

// Top returns the largest count of the scale's last class: the scale
// changes when the largest count passes it.
func (s Scale) Top() int { return Classes * s.Step() }

// Class returns the class of count n: 0 for none, else 1 to Classes.
func (s Scale) Class(n int) int {
	if n <= 0 {
		return 0
	}
	return min(Classes, (n+s.Step()-1)/s.Step())
}

// Range returns the counts of class c (1 to Classes).
func (s Scale) Range(c int) (lo, hi int) {
	return (c-1)*s.Step() + 1, c * s.Step()
}

// Label returns the counts of class c as text: "1", "6–10"; the last
// class is open ("16+"), since a count above Top still falls in it.
func (s Scale) Label(c int) string {
	if c <= 0 {
		return "0"
	}
	lo, hi := s.Range(c)
	switch {
	case c == Classes && lo != hi:
		return strconv.Itoa(lo) + "+"
	case lo == hi:
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}

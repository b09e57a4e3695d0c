// Package palette is the one colour ramp and class scale of every picture
// standmap draws: the terminal map, the projection and the report's SVG.
// A count gets the same class, and so the same shade, on all of them.
package palette

import "strconv"

// Classes is the number of shaded classes; class 0 is "no marks yet".
const Classes = 4

// Scale puts counts into classes of equal, "nice" widths (1, 2, 5, 10,
// 20, 50… per class), the last class open. It depends only on the
// largest count, which always falls in the last class, and changes only
// when that count passes Until, so a shade keeps its meaning while the
// answers come in.
type Scale struct{ k int }

// NewScale returns the scale for a largest count of top: the widest nice
// class width that leaves top in the last class.
func NewScale(top int) Scale {
	k := 0
	for (Classes-1)*nice(k+1) < top {
		k++
	}
	return Scale{k}
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
func (s Scale) Step() int { return nice(s.k) }

// Until returns the largest count the scale holds: past it, the classes
// widen to the next nice width.
func (s Scale) Until() int { return (Classes - 1) * nice(s.k+1) }

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
// class is open ("16+"): it holds the largest count.
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

// Package bars draws horizontal bars in eighth blocks, so that a bar's
// length is exact to an eighth of a cell. Whole cells are seven-eighths
// blocks (▇): bars on adjacent rows keep a gap between them and read as
// bars, not as one staircase-shaped slab.
package bars

import "strings"

// eighths are the partial blocks, from none to seven eighths.
var eighths = [8]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// full is a whole cell of a bar.
const full = "▇"

// blocks holds whole cells to slice bars from without building them.
var blocks = strings.Repeat(full, 512)

// Horizontal returns a bar of value/top of width cells, unpadded: at most
// width cells, at least one eighth when value is positive, empty when
// value, top or width is not positive. Values above top fill the width.
func Horizontal(value, top, width int) string {
	if value <= 0 || top <= 0 || width <= 0 {
		return ""
	}
	value = min(value, top)
	e := int(int64(value) * int64(width) * 8 / int64(top))
	if e == 0 {
		e = 1 // a non-zero value is always visible
	}
	whole, part := e/8, e%8
	if n := whole * len(full); n <= len(blocks) {
		if part == 0 {
			return blocks[:n]
		}
		return blocks[:n] + eighths[part]
	}
	return strings.Repeat(full, whole) + eighths[part]
}

// Width returns the cells a bar of value/top of width cells takes: what
// Horizontal draws, so callers can pad without measuring.
func Width(value, top, width int) int {
	if value <= 0 || top <= 0 || width <= 0 {
		return 0
	}
	value = min(value, top)
	e := int(int64(value) * int64(width) * 8 / int64(top))
	return max((e+7)/8, 1)
}

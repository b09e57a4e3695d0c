// Package bigtext draws words in big block letters for a wall: capitals
// five pixels tall with room for a mark above (Ā, Š, Ё) and below (Ķ, Ņ,
// Д), two pixels a terminal cell with half blocks, so a word is four
// lines tall (eight at scale 2). Latin, Latvian and Cyrillic; a word
// with a letter the font lacks is not drawn (the caller writes it in
// bold capitals instead).
package bigtext

import (
	"strings"
	"unicode"
)

// pixelRows is the height of a letter in pixels: a mark above, a gap,
// five rows of letter, a mark or tail below.
const pixelRows = 8

// Rows is the lines a word takes at scale 1.
const Rows = pixelRows / 2

// bitmap is a word's pixels, row by row.
type bitmap [pixelRows][]bool

// Width returns the cells word takes in big letters at scale, and false
// when the font lacks one of its letters.
func Width(word string, scale int) (int, bool) {
	b, ok := draw(word)
	if !ok {
		return 0, false
	}
	return len(b[0]) * scale, true
}

// Render returns word in big letters (upper-cased), Rows×scale lines of
// equal width, each pixel scale cells wide: at scale 1 two pixels a cell
// in half blocks, at an even scale whole blocks, scale/2 lines a pixel
// (an odd scale above 1 draws as the even one below it, in height);
// false when the font lacks a letter of it.
func Render(word string, scale int) ([]string, bool) {
	b, ok := draw(word)
	if !ok || scale < 1 {
		return nil, false
	}
	out := make([]string, 0, Rows*scale)
	var s strings.Builder
	if scale == 1 {
		for r := 0; r < pixelRows; r += 2 {
			s.Reset()
			for x := range b[r] {
				s.WriteRune(halves(b[r][x], b[r+1][x]))
			}
			out = append(out, s.String())
		}
		return out, true
	}
	for r := range pixelRows {
		s.Reset()
		for x := range b[r] {
			s.WriteString(strings.Repeat(string(halves(b[r][x], b[r][x])), scale))
		}
		for range scale / 2 {
			out = append(out, s.String())
		}
	}
	return out, true
}

// halves returns the cell of an upper and a lower pixel.
func halves(up, down bool) rune {
	switch {
	case up && down:
		return '█'
	case up:
		return '▀'
	case down:
		return '▄'
	}
	return ' '
}

// draw returns the pixels of word, upper-cased, one blank column between
// letters; false when a letter is missing.
func draw(word string) (bitmap, bool) {
	var b bitmap
	first := true
	for _, r := range strings.ToUpper(word) {
		g, m, tail, ok := glyph(r)
		if !ok {
			return bitmap{}, false
		}
		if !first {
			for y := range b {
				b[y] = append(b[y], false)
			}
		}
		first = false
		w := len(g[0])
		x0 := len(b[0])
		for y := range b {
			b[y] = append(b[y], make([]bool, w)...)
		}
		for y, row := range g {
			for x, c := range row {
				b[2+y][x0+x] = c == '#'
			}
		}
		above, below := markPixels(m, w)
		for x := range w {
			b[0][x0+x] = above[x]
			b[7][x0+x] = below[x] || x < len(tail) && tail[x] == '#'
		}
	}
	return b, !first
}

// glyph returns r's pixels, its mark and its tail.
func glyph(r rune) ([5]string, mark, string, bool) {
	m := none
	if mk, ok := marked[r]; ok {
		r, m = mk.base, mk.m
	}
	tail := tails[r]
	if s, ok := shared[r]; ok {
		r = s
	}
	g, ok := glyphs[r]
	if !ok && unicode.IsSpace(r) {
		g, ok = glyphs[' ']
	}
	return g, m, tail, ok
}

// markPixels returns a mark's pixels above and below a letter w wide.
func markPixels(m mark, w int) (above, below []bool) {
	above, below = make([]bool, w), make([]bool, w)
	mid := w / 2
	switch m {
	case macron:
		for x := range w {
			above[x] = true
		}
	case caron, breve:
		above[mid] = true
		if w > 3 {
			above[mid-1] = true
		}
	case acute:
		above[min(w-1, mid+1)] = true
	case diaeresis:
		above[0], above[w-1] = true, true
	case cedilla:
		below[mid] = true
	}
	return above, below
}

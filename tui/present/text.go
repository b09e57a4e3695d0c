package present

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
)

// gap is the space between columns.
const gap = 3

// textWidth returns the cells plain text takes. Text made only of
// characters that surely take one cell (Latin, Cyrillic, punctuation,
// box drawing, blocks, shapes) is counted by its runes; anything else
// goes to ansi.StringWidth, which knows graphemes and wide characters.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r < 0x300 && r != 0xad,
			r >= 0x370 && r < 0x483, r >= 0x2010 && r < 0x2028,
			r >= 0x2500 && r < 0x2600:
			n++
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// clip shortens plain text s to at most w cells, ending it with … when
// cut.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if textWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// spaces returns n spaces (none when n is not positive).
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// cell returns plain text s in style st, clipped and padded to exactly w
// cells; the padding is not styled.
func cell(st paint, s string, w int) string {
	s = clip(s, w)
	if s == "" {
		return spaces(w)
	}
	return st.Render(s) + spaces(w-textWidth(s))
}

// right returns plain text s in style st, clipped and right-aligned in
// exactly w cells.
func right(st paint, s string, w int) string {
	s = clip(s, w)
	return spaces(w-textWidth(s)) + st.Render(s)
}

// center returns plain text s in style st, clipped and centred in exactly
// w cells.
func center(st paint, s string, w int) string {
	s = clip(s, w)
	n := w - textWidth(s)
	if s == "" {
		return spaces(w)
	}
	return spaces(n/2) + st.Render(s) + spaces(n-n/2)
}

// blank returns n lines of w spaces.
func blank(n, w int) []string {
	out := make([]string, max(n, 0))
	for i := range out {
		out[i] = spaces(w)
	}
	return out
}

// fill pads lines with blank ones to exactly h lines of w cells (extra
// lines are dropped).
func fill(lines []string, w, h int) []string {
	if len(lines) > h {
		return lines[:h]
	}
	return append(lines, blank(h-len(lines), w)...)
}

// beside joins blocks of lines side by side, each block exactly the width
// given, separated by gap spaces; blocks are filled to h lines.
func beside(h int, widths []int, blocks ...[]string) []string {
	out := make([]string, h)
	var b strings.Builder
	for y := range h {
		b.Reset()
		for i, bl := range blocks {
			if i > 0 {
				b.WriteString(spaces(gap))
			}
			if y < len(bl) {
				b.WriteString(bl[y])
			} else {
				b.WriteString(spaces(widths[i]))
			}
		}
		out[y] = b.String()
	}
	return out
}

// letterSpaced returns s with a space between its letters ("C E N T R S").
func letterSpaced(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// titled returns a panel's title in style st in lines of exactly w cells:
// one line, or for a bilingual room ("Kur … / Где …") one line per
// language when the pair is wider than w, so neither is cut.
func titled(st paint, title string, w int) []string {
	first, second, pair := strings.Cut(title, i18n.Separator)
	if !pair || textWidth(title) <= w {
		return []string{cell(st, title, w)}
	}
	return []string{cell(st, first, w), cell(st, second, w)}
}

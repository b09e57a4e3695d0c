package present

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/bigtext"
)

// figure is one headline figure: a number or a word, its caption, and
// the count of the word ("" for a number).
type figure struct {
	value   string // digits, or a word drawn in upper case
	caption string
	count   string
}

// figures returns the headline: visitors so far, the most marked
// neighbourhood and the most wanted wish.
func (m Model) figures() [3]figure {
	lang := m.opts.Lang
	s := m.snap
	f := [3]figure{{"0", tr(lang, i18n.PresentVisitors), ""}, {"—", tr(lang, i18n.PresentNoMarks), ""}, {"—", tr(lang, i18n.PresentNoWishes), ""}}
	if s == nil {
		return f
	}
	f[0].value = strconv.Itoa(s.Responses)
	if s.Responses == 1 {
		f[0].caption = tr(lang, i18n.PresentOneVisitor)
	}
	if m.changed != nil && m.changed.added > 0 {
		f[0].caption = "▲ +" + strconv.Itoa(m.changed.added) + "  " + f[0].caption
	}
	if len(s.Neighbourhoods) > 0 && s.Neighbourhoods[0].Count > 0 {
		n := s.Neighbourhoods[0]
		f[1] = figure{strings.ToUpper(model.Sanitize(n.Name)), tr(lang, i18n.PresentMostMarked), strconv.Itoa(n.Count)}
	}
	if len(s.Wishes) > 0 {
		w := s.Wishes[0]
		f[2] = figure{strings.ToUpper(model.Sanitize(w.Text)), tr(lang, i18n.PresentMostWanted), strconv.Itoa(w.Count)}
	}
	return f
}

// headlineRows returns how many rows the headline takes on a w×h screen:
// block digits (twice as tall on a big screen) and a caption when there is
// room, else a line and a caption.
func headlineRows(w, h int) int {
	switch {
	case h >= 56 && w >= 160:
		return 2*bigRows + 1
	case h >= 20 && w >= 60:
		return bigRows + 1
	}
	return 2
}

// headline draws the three figures side by side in rows lines of w cells.
func (m Model) headline(w, rows int) []string {
	fs := m.figures()
	cw := (w - 2*gap) / 3
	widths := []int{cw, cw, w - 2*gap - 2*cw}
	var blocks [3][]string
	for i, f := range fs {
		blocks[i] = m.figureBlock(f, widths[i], rows)
	}
	return beside(rows, widths, blocks[0], blocks[1], blocks[2])
}

// figureBlock draws one figure centred in rows lines of w cells: block
// digits when the value is a number that fits, else the word in big
// letters when they fit, else in bold capitals, letter-spaced when it
// fits so; the caption carries the word's count.
func (m Model) figureBlock(f figure, w, rows int) []string {
	st := m.styles
	out := make([]string, 0, rows)
	if rows > bigRows {
		if scale := bigScale(f.value, w, 2); scale > 0 {
			for _, line := range bigDigits(f.value, scale, (rows-1)/bigRows) {
				out = append(out, center(st.Figure, line, w))
			}
			return append(fill(out, w, rows-1), center(st.Caption, f.caption, w))
		}
		out = append(out, blank((rows-1)/2, w)...)
	}
	word, caption := f.value, f.caption
	if f.count != "" {
		caption += " · " + f.count
	}
	if big := bigWord(word, w, rows-1); big != nil {
		out = append(out[:0], blank((rows-1-len(big))/2, w)...)
		for _, line := range big {
			out = append(out, center(st.Word, line, w))
		}
		out = fill(out, w, rows-1)
		return append(out, center(st.Caption, caption, w))
	}
	if f.count != "" && textWidth(caption) > w { // the count goes with the word, which gives way to it
		caption = f.caption
		word = clip(word, w-len(f.count)-1) + " " + f.count
	}
	if rows > bigRows && textWidth(word)*2-1 <= w {
		word = letterSpaced(word)
	}
	out = append(out, center(st.Word, word, w))
	out = fill(out, w, rows-1)
	return append(out, center(st.Caption, caption, w))
}

// bigWord returns word in big block letters in at most rows lines of w
// cells: twice the size when it fits, else on one line, else on two
// (split at a space); nil when it fits in none of these, or the font
// lacks a letter of it (the word is then written in bold capitals).
func bigWord(word string, w, rows int) []string {
	for _, scale := range []int{2, 1} {
		if n, ok := bigtext.Width(word, scale); ok && n <= w && bigtext.Rows*scale <= rows {
			lines, _ := bigtext.Render(word, scale)
			return lines
		}
	}
	if 2*bigtext.Rows > rows {
		return nil
	}
	best, bestW := -1, 0
	for i, r := range word {
		if r != ' ' {
			continue
		}
		a, okA := bigtext.Width(word[:i], 1)
		b, okB := bigtext.Width(word[i+1:], 1)
		if okA && okB && max(a, b) <= w && (best < 0 || max(a, b) < bestW) {
			best, bestW = i, max(a, b)
		}
	}
	if best < 0 {
		return nil
	}
	top, _ := bigtext.Render(word[:best], 1)
	bottom, _ := bigtext.Render(word[best+1:], 1)
	return append(top, bottom...)
}

// bigScale returns how wide (1 to most) the block digits of s can be
// drawn in w cells, 0 when they cannot (or s is not a number).
func bigScale(s string, w, most int) int {
	for scale := most; scale >= 1; scale-- {
		if n := bigWidth(s, scale); n > 0 && n <= w {
			return scale
		}
	}
	return 0
}

package tui

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/bars"
)

// BarChart draws ranked neighbourhood counts as horizontal bars, one per
// row, scrolled by Offset, with "…N more" when rows run short.
type BarChart struct {
	// Rows are the ranked counts (every neighbourhood of the map).
	Rows []model.NeighbourhoodCount
	// Max is the count that fills the width.
	Max int
	// Offset is the first row shown.
	Offset int
	// Highlight names the neighbourhood drawn in the accent style.
	Highlight string
}

// View draws at most h lines, each exactly w cells wide.
func (c BarChart) View(st Styles, lang string, w, h int) []string {
	if h <= 0 || w <= 0 {
		return nil
	}
	if len(c.Rows) == 0 {
		return []string{fit(st.Muted.Render(tr(lang, i18n.AppNoMarks)), w)}
	}
	nameW, countW := 0, 1
	for _, r := range c.Rows {
		nameW = max(nameW, width(model.Sanitize(r.Name)))
	}
	countW = len(strconv.Itoa(c.Max))
	nameW = min(nameW, max(6, w/3))
	barW := max(1, w-nameW-countW-2)
	off := max(0, min(c.Offset, len(c.Rows)-1))
	shown := len(c.Rows) - off
	more := 0
	if shown > h {
		shown, more = h-1, len(c.Rows)-off-(h-1)
	}
	out := make([]string, 0, h)
	for _, r := range c.Rows[off : off+shown] {
		bar, bw := bars.Horizontal(r.Count, c.Max, barW), bars.Width(r.Count, c.Max, barW)
		style := st.Bar
		name := fit(model.Sanitize(r.Name), nameW)
		if r.Name == c.Highlight { // reversed, so it shows without colour too
			style = st.BarAlt
			name = st.Selected.Render(name)
		}
		line := name + " " + style.Render(bar) + strings.Repeat(" ", barW-bw) + " " +
			st.Muted.Render(padLeft(strconv.Itoa(r.Count), countW))
		out = append(out, fit(line, w))
	}
	if more > 0 {
		out = append(out, fit(st.Muted.Render(tr(lang, i18n.AppMore, more)+" (pgdn)"), w))
	}
	return out
}

// padLeft pads s with spaces on the left to w cells.
func padLeft(s string, w int) string {
	if n := w - width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

package tui

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/bars"
)

// BarChart draws ranked neighbourhood counts as horizontal bars, one per
// row, scrolled by Offset: the names left, the counts right-aligned, one
// scale for every bar. When the rows run short, the places without marks
// fold into one line, then "…N more" says what is left.
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
	off := max(0, min(c.Offset, len(c.Rows)-1))
	rows := c.Rows[off:]
	zeros := 0
	if len(rows) > h { // fold the places without marks (ranked last)
		for zeros < len(rows) && rows[len(rows)-1-zeros].Count == 0 && rows[len(rows)-1-zeros].Name != c.Highlight {
			zeros++
		}
		if zeros < 2 {
			zeros = 0
		}
		rows = rows[:len(rows)-zeros]
	}
	fold := 0
	if zeros > 0 {
		fold = 1
	}
	shown, more := len(rows), 0
	if shown+fold > h {
		shown = max(0, h-1-fold)
		more = len(rows) - shown
		if shown == 0 { // one line: no room to fold
			fold, more = 0, len(rows)+zeros
		}
	}
	nameW := 0
	for _, r := range rows[:shown] {
		nameW = max(nameW, width(model.Sanitize(r.Name)))
	}
	countW := len(strconv.Itoa(c.Max))
	nameW = min(nameW, max(6, (w-countW-2)/2)) // the bars keep half the width
	barW := max(1, w-nameW-countW-2)
	out := make([]string, 0, h)
	for _, r := range rows[:shown] {
		bar, bw := bars.Horizontal(r.Count, c.Max, barW), bars.Width(r.Count, c.Max, barW)
		style := st.Bar
		name := fit(model.Sanitize(r.Name), nameW)
		if r.Name == c.Highlight { // reversed, so it shows without colour too
			style = st.BarAlt
			name = st.Selected.Render(name)
		} else {
			name = st.Text.Render(name)
		}
		line := name + " " + style.Render(bar) + strings.Repeat(" ", barW-bw) + " " +
			padLeft(strconv.Itoa(r.Count), countW)
		out = append(out, fit(line, w))
	}
	if more > 0 {
		out = append(out, fit(st.Muted.Render(tr(lang, i18n.AppMore, more)+" (pgdn)"), w))
	}
	if fold > 0 {
		out = append(out, fit(st.Muted.Render(i18n.N(lang, i18n.AppZeroPlaces, zeros)), w))
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

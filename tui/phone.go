package tui

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/bigtext"
)

// The smallest screen a viewer's board is drawn on, as one column (a
// phone in portrait over SSH is 40–50 columns); below it, and for a
// facilitator below minWidth×minHeight, a request for a bigger window.
const (
	phoneWidth  = 30
	phoneHeight = 12
)

// phoneBoard is a viewer's board on a screen too small for panels: one
// column of the visitors, the most marked place in big letters with its
// count, the bars and the top wishes, each part as long as the lines
// allow.
func (m Model) phoneBoard(w, h int) []string {
	s := m.snap
	lang := m.lang
	visitors := i18n.N(lang, i18n.AppVisitorCount, s.Responses)
	out := []string{fit(" "+m.st.Title.Render(visitors)+" · "+model.Sanitize(s.Event), w)}
	if m.display.Hidden {
		later := tr(lang, i18n.AppResultsLater)
		if at := model.Sanitize(m.display.RevealAt); at != "" {
			later = tr(lang, i18n.AppResultsAt, at)
		}
		out = append(out, "", fit(" "+later, w))
		return fitLines(out, w, h)
	}
	if len(s.Neighbourhoods) > 0 && s.Neighbourhoods[0].Count > 0 {
		top := s.Neighbourhoods[0]
		name := model.Sanitize(top.Name)
		caption := " " + tr(lang, i18n.PresentMostMarked) + " · " + strconv.Itoa(top.Count)
		if big, ok := bigtext.Render(name, 1); ok && width(big[0]) <= w-1 && h >= 20 {
			for _, l := range big {
				out = append(out, fit(" "+m.st.Title.Render(l), w))
			}
			out = append(out, fit(m.st.Muted.Render(caption), w))
		} else {
			out = append(out, fit(" "+m.st.Title.Render(strings.ToUpper(name))+" "+strconv.Itoa(top.Count), w),
				fit(m.st.Muted.Render(caption), w))
		}
	}
	rest := h - len(out) - 2 // the two titles
	wishRows := min(len(s.Wishes), max(1, rest*2/5))
	if len(s.Wishes) == 0 {
		wishRows = 1
	}
	barRows := rest - wishRows
	out = append(out, fit(" "+m.st.Accent.Render(tr(lang, i18n.AppWhere)), w))
	chart := BarChart{Rows: s.Neighbourhoods, Max: s.MaxCount, Offset: m.board.offset}
	for _, l := range chart.View(*m.st, lang, w-1, barRows) {
		out = append(out, " "+l)
	}
	for len(out) < h-wishRows-1 {
		out = append(out, "")
	}
	out = append(out, fit(" "+m.st.Accent.Render(tr(lang, i18n.AppWants)), w))
	for _, l := range (Ranking{Wishes: s.Wishes}).View(*m.st, lang, w-1, wishRows) {
		out = append(out, " "+l)
	}
	return fitLines(out, w, h)
}

// fitLines cuts or pads lines to exactly h lines of w cells.
func fitLines(lines []string, w, h int) []string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = fit(l, w)
	}
	return lines
}

package present

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
	"standmap/model"
)

// The smallest screen drawn in full; below it a short message shows.
const (
	minWidth  = 40
	minHeight = 12
)

// The panels; when the screen cannot hold them all they take turns.
const (
	panelBars = iota
	panelMap
	panelWishes
	panelByPlace
	panelCount
)

// View draws the whole screen: every line at most the width, no more
// lines than the height.
func (m Model) View() tea.View {
	v := tea.NewView(m.cached())
	v.AltScreen = true
	if m.colour {
		v.BackgroundColor, v.ForegroundColor = m.styles.bg, m.styles.fg
	}
	return v
}

// Screen returns the screen's text, as View shows it.
func (m Model) Screen() string {
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return clip(tr(i18n.First(m.opts.Lang), i18n.TooSmall, minWidth, minHeight), w)
	}
	var lines []string
	if m.display.Hidden {
		lines = m.hiddenBody(w, h-1)
	} else {
		lines = m.body(w, h-1)
	}
	lines = append(lines, m.footer(w))
	if m.help {
		m.overlayHelp(lines, w)
	}
	return strings.Join(lines, "\n")
}

// rotating reports whether the panels take turns on a w×h screen.
func (m Model) rotating(w, h int) bool {
	n := 0
	if m.snap != nil {
		n = len(m.snap.Neighbourhoods)
	}
	return w < 150 || h-headlineRows(w, h)-2 < max(n+1, 24)
}

// body draws the headline and the panels in h lines of w cells.
func (m Model) body(w, h int) []string {
	rows := headlineRows(w, h+1)
	out := append(m.headline(w, rows), spaces(w))
	ph := h - len(out)
	if !m.rotating(w, h+1) {
		return append(out, m.columns(w, ph)...)
	}
	var p []string
	switch m.panel % panelCount {
	case panelBars:
		p = m.barsPanel(w, ph)
	case panelMap:
		p = m.mapPanel(w, ph)
	case panelWishes:
		p = m.wishesPanel(w, ph)
	default:
		p = m.byPlacePanel(w, ph)
	}
	return append(out, p...)
}

// columns draws every panel at once in h lines of w cells: the bars,
// the map as tall as its width makes it with the wishes by neighbourhood
// under it, and the top wishes, so that no band of lines stays empty.
func (m Model) columns(w, h int) []string {
	barsW, wishW := max(40, w*22/100), max(44, w*28/100)
	mapW := w - barsW - wishW - 2*gap
	mapH := min(h, max(m.mapRows(mapW), 8))
	middle := m.mapPanel(mapW, mapH)
	var third []string
	if rest := h - mapH - 1; rest >= 6 {
		middle = append(append(middle, spaces(mapW)), m.byPlacePanel(mapW, rest)...)
		third = m.wishesPanel(wishW, h)
	} else {
		third = m.wishesPanel(wishW, min(11, h))
		if rest := h - len(third) - 1; rest >= 4 {
			third = append(append(third, spaces(wishW)), m.byPlacePanel(wishW, rest)...)
		}
	}
	return beside(h, []int{barsW, mapW, wishW}, m.barsPanel(barsW, h), middle, third)
}

// hiddenBody draws, while results are hidden, only the number of answers
// and when results come, centred in h lines of w cells.
func (m Model) hiddenBody(w, h int) []string {
	f := m.figures()[0]
	st := m.styles
	var mid []string
	if scale := bigScale(f.value, w-4, 4); scale > 0 && h >= 12 {
		tall := max(1, scale/2) // font cells about square
		for tall > 1 && bigRows*tall+4 > h {
			tall--
		}
		for _, line := range bigDigits(f.value, scale, tall) {
			mid = append(mid, center(st.Figure, line, w))
		}
	} else {
		mid = append(mid, center(st.Word, f.value, w))
	}
	mid = append(mid, center(st.Caption, f.caption, w), spaces(w))
	when := tr(m.opts.Lang, i18n.PresentResultsHidden)
	if at := model.Sanitize(m.display.RevealAt); at != "" {
		when = tr(m.opts.Lang, i18n.PresentResultsAt, at)
	}
	mid = append(mid, center(st.Word, when, w))
	out := blank(max(0, (h-len(mid))/2), w)
	return fill(append(out, mid...), w, h)
}

// footer draws the last line: the join line, then the status (frozen, the
// panel indicator, the help key) at the right.
func (m Model) footer(w int) string {
	lang := i18n.First(m.opts.Lang)
	var status []string
	if m.display.Frozen {
		status = append(status, tr(lang, i18n.PresentFrozen))
	}
	if !m.display.Hidden && m.rotating(w, m.h) {
		dots := make([]string, panelCount)
		for i := range dots {
			dots[i] = "○"
			if i == m.panel%panelCount {
				dots[i] = "●"
			}
		}
		status = append(status, strings.Join(dots, " "))
	}
	status = append(status, tr(lang, i18n.PresentKeysHint))
	s := strings.Join(status, "   ")
	sw := min(textWidth(s), w)
	join := model.Sanitize(m.opts.JoinLine)
	return center(m.styles.Join, join, w-sw-1) + " " + right(m.styles.Status, s, sw)
}

// overlayHelp draws the keys in a small box over the middle of lines.
func (m Model) overlayHelp(lines []string, w int) {
	var rows []string
	keyW := 0
	bs := append(m.keys.bindings(), m.opts.ExtraKeys...)
	for _, b := range bs {
		keyW = max(keyW, textWidth(b.Help().Key))
	}
	for _, b := range bs {
		rows = append(rows, b.Help().Key+spaces(keyW-textWidth(b.Help().Key))+"  "+b.Help().Desc)
	}
	lang := i18n.First(m.opts.Lang)
	inner := textWidth(tr(lang, i18n.PresentKeys))
	for _, r := range rows {
		inner = max(inner, textWidth(r))
	}
	inner = min(inner, w-4)
	box := []string{"┌" + strings.Repeat("─", inner+2) + "┐",
		"│ " + cell(m.styles.Title, tr(lang, i18n.PresentKeys), inner) + " │"}
	for _, r := range rows {
		box = append(box, "│ "+cell(m.styles.Word, r, inner)+" │")
	}
	box = append(box, "└"+strings.Repeat("─", inner+2)+"┘")
	bw := inner + 4
	x, y := (w-bw)/2, max(0, (len(lines)-len(box))/2)
	for i, b := range box {
		if y+i >= len(lines) {
			break
		}
		l := lines[y+i]
		lines[y+i] = ansi.Truncate(l, x, "") + "\x1b[m" + b + ansi.TruncateLeft(l, x+bw, "")
	}
}

package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
	"standmap/model"
)

// helpKey is what the help bar depends on.
type helpKey struct {
	focus   focus
	width   int
	showAll bool
	hidden  bool
	quitAsk bool
}

// withHelp draws the help bar again when what it shows changed, so that
// View does not draw it on every frame.
func (m Model) withHelp() Model {
	hv := helpView{k: m.keys, focus: m.focus, role: m.o.Role, hidden: m.display.Hidden}
	if m.focus == focusPlace {
		hv.focus = m.capture.focus
	}
	k := helpKey{hv.focus, m.w, m.fullHelp, hv.hidden, m.quitAsk}
	if m.helpLines != nil && k == m.helpFor {
		return m
	}
	h := *m.help
	h.SetWidth(m.w)
	m.helpFor, m.helpLines = k, []string{fit(" "+h.ShortHelpView(hv.ShortHelp()), m.w)}
	if m.quitAsk { // the question, where the keys are read
		m.helpLines = []string{fit(" "+m.st.Danger.Render(tr(m.lang, i18n.FormQuitAsk)), m.w),
			fit(" "+m.st.Accent.Render(tr(m.lang, i18n.FormQuitKeys)), m.w)}
	}
	m.fullLines = nil
	if m.fullHelp {
		m.fullLines = fullHelpView(*m.st, hv.FullHelp(), m.w)
	}
	return m
}

// wide reports whether the form and the board fit side by side.
func (m Model) wide() bool { return m.w >= wideWidth }

// View draws the whole screen: never wider than the window, never taller.
func (m Model) View() tea.View {
	if m.curating && !m.quitAsk {
		return m.cur.View()
	}
	if m.presenting && !m.quitAsk {
		v := m.proj.View()
		v.WindowTitle = "standmap"
		return v
	}
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "standmap"
	return v
}

// render returns the screen's content.
func (m Model) render() string {
	w, h := m.w, m.h
	if w < minWidth || h < minHeight {
		if m.o.Role == Viewer && !m.fullHelp { // a viewer's board fits a phone
			if w >= phoneWidth && h >= phoneHeight {
				return strings.Join(m.phoneBoard(w, h), "\n")
			}
			return tooSmall(m.lang, w, h, phoneWidth, phoneHeight)
		}
		if m.quitAsk { // the question must be seen where its keys are read
			return strings.Join([]string{
				ansi.Truncate(tr(m.lang, i18n.FormQuitAsk), max(w, 0), "…"),
				ansi.Truncate(tr(m.lang, i18n.FormQuitKeys), max(w, 0), "…")}, "\n")
		}
		return tooSmall(m.lang, w, h, minWidth, minHeight)
	}
	if m.cmp.open && !m.quitAsk {
		return m.renderCompare(w, h)
	}
	bodyH := h - 1 - len(m.helpLines)
	lines := make([]string, 0, h)
	lines = append(lines, m.header(w))
	if m.fullHelp {
		lines = append(lines, box(m.fullLines, tr(m.lang, i18n.AppHelpHelp), w, bodyH, m.st.PanelFocus, m.st.Title)...)
	} else {
		lines = append(lines, m.body(w, bodyH)...)
	}
	lines = append(lines, m.helpLines...)
	return strings.Join(lines, "\n")
}

// body lays out the form and the board in w×h.
func (m Model) body(w, h int) []string {
	switch {
	case m.o.Role == Viewer && m.display.Hidden:
		return m.hiddenBoard(w, h)
	case m.o.Role == Viewer, m.showBoard:
		return m.board.View(*m.st, m.lang, m.snap, w, h)
	case m.wide():
		cw := max(44, w*3/10)
		b := m.board
		b.mark = m.capture.Picking()
		mapHere := b.mark != "" && !b.ShowsMap(m.snap, w-cw, h)
		return beside([]int{cw, w - cw}, m.captureView(cw, h, mapHere), b.View(*m.st, m.lang, m.snap, w-cw, h))
	default:
		return m.captureView(w, h, m.capture.Picking() != "")
	}
}

// captureView frames the form with the recent list below it, or the map
// (withMap: a place is being chosen on it and the board does not show it).
func (m Model) captureView(w, h int, withMap bool) []string {
	inner := h - 2
	lines := m.capture.View(*m.st, w-2, inner)
	rest := inner - len(lines)
	withMap = withMap && m.board.mapView != nil && m.focus == focusPlace
	if m.focus == focusRecent || withMap {
		rest = max(rest, min(inner-1, 8))
		lines = lines[:min(len(lines), inner-rest)]
	}
	if withMap && rest >= 3 {
		mh := rest - 1 // a blank line between the form and the map
		lines = append(lines, "")
		lines = append(lines, m.board.mapView(m.st.Map, m.snap, m.capture.Picking(), w-2, mh)...)
	} else if rest >= 2 {
		lines = append(lines, m.recent.View(*m.st, m.lang, m.snap.Recent, w-2, rest, m.focus == focusRecent)...)
	}
	title := tr(m.lang, i18n.AppVisitor, m.snap.Responses+1) // a store without drafts: a guess
	switch {
	case m.capture.Editing():
		title = tr(m.lang, i18n.AppEditing, m.capture.editing.Number)
	case m.keeper != nil && m.number > 0:
		title = tr(m.lang, i18n.AppVisitor, m.number) // reserved: the save gets it
	case m.keeper != nil:
		title = tr(m.lang, i18n.FormVisitor)
	}
	border := m.st.PanelFocus
	return box(lines, title, w, h, border, m.st.Title)
}

// header is the top line: event, visitors, last save, database path.
func (m Model) header(w int) string {
	ev := model.Sanitize(m.snap.Event)
	if ev == "" {
		ev = model.Sanitize(m.o.Event.Name)
	}
	left := " " + m.st.Header.Render("standmap") + " · " + m.st.Title.Render(ev) + " · " +
		i18n.N(m.lang, i18n.AppVisitorCount, m.snap.Responses)
	if m.status != "" {
		style := m.st.Success
		if m.statusBad {
			style = m.st.Danger
		}
		left += " · " + style.Render(m.status)
	}
	if m.o.Role == Viewer {
		left += " · " + m.st.Muted.Render(tr(m.lang, i18n.AppReadOnly))
	} else if d := m.display; d.Hidden || d.Frozen {
		id := i18n.AppProjHidden
		if !d.Hidden {
			id = i18n.AppProjFrozen
		}
		left += " · " + m.st.Accent.Render(tr(m.lang, id))
	}
	right := model.Sanitize(m.o.DBPath)
	lw, rw := width(left), width(right)
	room := w - lw - 3
	if right == "" || room < 12 {
		return fit(left, w)
	}
	if rw > room { // keep the end of the path: the file's name
		right = "…" + ansi.TruncateLeft(right, rw-room+1, "")
		rw = width(right)
	}
	return left + strings.Repeat(" ", w-lw-rw-1) + m.st.Muted.Render(right) + " "
}

// tooSmall is the centred request for a window of at least minW×minH,
// on several lines when one is too narrow for it (the size last, whole).
func tooSmall(lang string, w, h, minW, minH int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	msg := tr(lang, i18n.TooSmall, minW, minH)
	if lines := strings.Split(ansi.Wordwrap(msg, w, ""), "\n"); width(msg) > w && len(lines) <= h {
		for i, l := range lines {
			lines[i] = ansi.Truncate(l, w, "")
		}
		msg = lipgloss.JoinVertical(lipgloss.Center, lines...)
	} else {
		msg = ansi.Truncate(msg, w, "")
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg)
}

// fullHelpView lists every binding as "key  what it does", in as many
// columns as fit in w (less the frame).
func fullHelpView(st Styles, groups [][]key.Binding, w int) []string {
	var items []key.Binding
	keyW, descW := 0, 0
	for _, g := range groups {
		for _, b := range g {
			items = append(items, b)
			keyW = max(keyW, width(b.Help().Key))
			descW = max(descW, width(b.Help().Desc))
		}
	}
	colW := keyW + 2 + descW + 3
	cols := max(1, (w-2)/colW)
	rows := (len(items) + cols - 1) / cols
	out := make([]string, rows)
	for i, b := range items {
		r := i % rows
		out[r] += st.Accent.Render(fit(b.Help().Key, keyW)) + "  " + st.Muted.Render(fit(b.Help().Desc, descW)) + "   "
	}
	return out
}

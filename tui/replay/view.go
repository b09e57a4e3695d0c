package replay

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
)

// withHelp lays the keys out in as many help lines as the width needs,
// so that every key shows.
func (m Model) withHelp() Model {
	w := max(1, m.w-1)
	m.help.SetWidth(0) // no truncation: the lines are packed here
	var lines []string
	var cur []key.Binding
	for _, b := range m.keys.ShortHelp() {
		next := append(append([]key.Binding(nil), cur...), b)
		if len(cur) > 0 && lipgloss.Width(m.help.ShortHelpView(next)) > w {
			lines = append(lines, m.help.ShortHelpView(cur))
			next = []key.Binding{b}
		}
		cur = next
	}
	if len(cur) > 0 {
		lines = append(lines, m.help.ShortHelpView(cur))
	}
	for i, l := range lines {
		lines[i] = fit(" "+l, m.w)
	}
	m.helpLines = lines
	return m
}

// status is the line that says which moment is shown.
func (m Model) status() string {
	if len(m.rs) == 0 {
		return fit(" "+m.st.Muted.Render(tr(m.lang, i18n.ReplayNoAnswers)), m.w)
	}
	state := m.st.Muted.Render(tr(m.lang, i18n.ReplayPaused))
	if m.playing {
		state = m.st.Accent.Render(tr(m.lang, i18n.ReplayPlaying))
	}
	sep := m.st.Muted.Render(" · ")
	line := " " + m.st.Title.Render(m.at.In(m.loc).Format(momentLayout)) + sep +
		tr(m.lang, i18n.ReplayAnswer, m.n, len(m.rs)) + sep + state + sep +
		m.st.Muted.Render(tr(m.lang, i18n.ReplaySpeed, strconv.FormatFloat(m.speed, 'g', -1, 64)))
	if room := m.w - ansi.StringWidth(line) - 3; room >= 10 {
		line += "  " + m.progress(room)
	}
	return fit(line, m.w)
}

// progress draws how far through the event's time the moment is, w wide.
func (m Model) progress(w int) string {
	done := w
	if span := m.end.Sub(m.start); span > 0 {
		done = int(float64(w) * float64(m.at.Sub(m.start)) / float64(span))
	}
	done = min(max(done, 0), w)
	return m.st.Bar.Render(strings.Repeat("━", done)) + m.st.Muted.Render(strings.Repeat("─", w-done))
}

// Lines returns the status line and the help lines, each exactly as
// wide as the window: what the screen draws below the board.
func (m Model) Lines() []string { return append([]string{m.status()}, m.helpLines...) }

// LinesAt returns how many lines Lines has in a window w wide.
func (m Model) LinesAt(w int) int {
	m.w = w
	return 1 + len(m.withHelp().helpLines)
}

// fit cuts s to w cells and pads it to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

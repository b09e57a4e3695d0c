package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/present"
)

// openProjection fills the screen with the projection (ctrl+p), built the
// first time with the snapshot and reveal state held; it is kept when
// closed, so that its rotation keeps one tick running.
func (m Model) openProjection() (Model, tea.Cmd) {
	m.presenting = true
	if m.hasProj {
		return m, nil
	}
	theme := present.Dark
	if m.light {
		theme = present.Light
	}
	o := present.Options{
		City: m.o.City, Lang: m.lang, Theme: theme, JoinLine: m.o.JoinLine,
		Snapshot: m.snap, Display: m.display,
		ExtraKeys: []key.Binding{m.keys.LeavePresent},
	}
	if m.o.SetDisplay != nil {
		o.OnDisplayChange = m.o.SetDisplay
	} else if h := m.o.Hub; h != nil {
		o.OnDisplayChange = func(d present.DisplayState) error { // every screen's projection follows
			h.SetDisplay(d)
			return nil
		}
	}
	m.proj, m.hasProj = present.New(o), true
	m.proj, _ = m.proj.Handle(tea.WindowSizeMsg{Width: m.w, Height: m.h})
	m.proj, _ = m.proj.Handle(tea.ColorProfileMsg{Profile: m.profile})
	return m, m.proj.Init()
}

// projectionKey handles a key while the projection fills the screen:
// ctrl+c quits (asking first when the form holds a visitor), q, esc (its
// overlay closed) and ctrl+p go back to capture, every other key is the
// projection's.
func (m Model) projectionKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.askQuit()
	case key.Matches(k, m.keys.Present),
		(key.Matches(k, m.keys.LeavePresent) || key.Matches(k, m.keys.QuitQ)) && !m.proj.HelpShown():
		m.presenting = false
		return m, nil
	}
	m, cmd := m.toProjection(k)
	m.display = m.proj.Display() // before the hub echoes it
	return m, cmd
}

// toProjection hands msg to the projection once it exists.
func (m Model) toProjection(msg tea.Msg) (Model, tea.Cmd) {
	if !m.hasProj {
		return m, nil
	}
	var cmd tea.Cmd
	m.proj, cmd = m.proj.Handle(msg)
	return m, cmd
}

// hiddenBoard is a viewer's board while the results are hidden: the
// number of visitors only, no tallies and no wishes.
func (m Model) hiddenBoard(w, h int) []string {
	lines := make([]string, 0, 5)
	for range max(0, (h-2-3)/2) {
		lines = append(lines, "")
	}
	later := tr(m.lang, i18n.AppResultsLater)
	if at := model.Sanitize(m.display.RevealAt); at != "" {
		later = tr(m.lang, i18n.AppResultsAt, at)
	}
	for _, s := range []string{tr(m.lang, i18n.AppHiddenCount, m.snap.Responses), "", later} {
		lines = append(lines, center(s, w-2))
	}
	return box(lines, tr(m.lang, i18n.AppHiddenTitle), w, h, m.st.Panel, m.st.Title)
}

// center pads s on the left to stand in the middle of w cells.
func center(s string, w int) string {
	sw := width(s)
	if sw >= w {
		return fit(s, w)
	}
	pad := (w - sw) / 2
	return fit(strings.Repeat(" ", pad)+s, w)
}

package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// openCurate fills the screen with the curation view (ctrl+k,
// facilitators), built with the session's
// event and Who so that the audit log names who acted, and fed the
// snapshot held (and the spellings read from the store); SnapshotMsg keeps
// it live while it is open.
func (m Model) openCurate() (Model, tea.Cmd) {
	o := CurateOptions{Curator: m.o.Store, Reader: m.o.Store, Writes: m.o.Writes, Gazetteer: m.gaz,
		Event: m.o.Event.Name, Who: m.o.Who, Theme: Dark, Lang: m.lang}
	if m.light {
		o.Theme = Light
	}
	if h := m.o.Hub; h != nil {
		o.Changed = h.Changed
	}
	c := NewCurate(o)
	m.cur, m.curating = &c, true
	m, _ = m.toCurate(tea.WindowSizeMsg{Width: m.w, Height: m.h})
	return m.toCurate(SnapshotMsg{Snapshot: m.snap}) // asks for the details
}

// curateKey handles a key while the curation view fills the screen:
// ctrl+c quits (asking first when the form holds a visitor), q, esc and
// ctrl+k go back to capture, every other key is the view's. While the
// view has a text field or a list open (Modal), only ctrl+c is the
// application's: the view takes q and esc.
func (m Model) curateKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.askQuit()
	case m.cur.Modal():
	case key.Matches(k, m.keys.Wishes), key.Matches(k, m.keys.Back), key.Matches(k, m.keys.QuitQ):
		m.curating = false
		return m, nil
	}
	return m.toCurate(k)
}

// toCurate hands msg to the curation view (a no-op before it was opened:
// its zero value has no Curator to act through).
func (m Model) toCurate(msg tea.Msg) (Model, tea.Cmd) {
	if m.cur == nil || m.cur.o.Curator == nil {
		return m, nil
	}
	c, cmd := m.cur.Update(msg)
	cur := c.(Curate)
	m.cur = &cur
	return m, cmd
}

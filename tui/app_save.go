package tui

import (
	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
)

// The application's writes: saving the form, acting on a recent response,
// undoing this session's last change, and what happens when the store
// has answered.

// onSaved empties the form for the next visitor once the store committed.
func (m Model) onSaved(msg savedMsg) Model {
	m.saving = false
	if msg.prev != nil {
		m.undo = append(m.undo, undoEntry{kind: undoEdit, r: *msg.prev})
	} else {
		m.undo = append(m.undo, undoEntry{kind: undoSave, r: msg.r})
	}
	m.capture = m.capture.Reset()
	m.status, m.statusBad = tr(m.lang, i18n.AppSaved, msg.r.Seq), false
	return m
}

// onRecent acts on the selected recent response.
func (m Model) onRecent(act recentAction) (Model, tea.Cmd) {
	r, ok := m.recent.Selected(m.snap.Recent)
	switch act {
	case recentClose:
		m.focus = focusPlace
	case recentEdit:
		if ok {
			m.capture = m.capture.Load(r)
			m.focus = focusPlace
		}
	case recentDelete:
		if ok {
			return m, deleteCmd(m.o.Store, m.o.Hub, r.Event, r.ID)
		}
	}
	return m, nil
}

// save asks the store to save the form's response; the form empties only
// when savedMsg says it was committed.
func (m Model) save() (Model, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	r, err := m.capture.Draft()
	if err != nil {
		m.capture = m.capture.Say(err.Error(), true)
		m.focus = focusPlace
		return m, nil
	}
	r.Event = m.o.Event.Name
	var prev *model.Response
	if m.capture.Editing() {
		p := m.capture.editing
		prev = &p
	}
	m.saving = true
	m.status, m.statusBad = tr(m.lang, i18n.AppSaving), false
	return m, saveCmd(m.o.Store, m.o.Hub, m.gaz, r, prev)
}

// undoLast reverts the newest change of this session.
func (m Model) undoLast() (Model, tea.Cmd) {
	n := len(m.undo)
	if n == 0 {
		m.status, m.statusBad = tr(m.lang, i18n.AppNothingToUndo), true
		return m, nil
	}
	u := m.undo[n-1]
	m.undo = m.undo[:n-1]
	return m, undoCmd(m.o.Store, m.o.Hub, u)
}

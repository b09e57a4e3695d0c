package tui

import (
	"cmp"
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
)

// The application's writes: saving the form, acting on a recent response,
// undoing and redoing, and what happens when the store has answered.

// redoEntry is one thing ctrl+z took back, newest last: a step of the
// form (whose state the form keeps) or a change of the store.
type redoEntry struct {
	form bool
	u    undoEntry
}

// onSaved empties the form for the next visitor once the store committed,
// and shows the number the next one has.
func (m Model) onSaved(msg savedMsg) Model {
	m.saving = false
	if msg.prev != nil {
		m.undo = append(m.undo, undoEntry{kind: undoEdit, r: *msg.prev, next: msg.r})
	} else {
		m.undo = append(m.undo, undoEntry{kind: undoSave, r: msg.r})
	}
	if msg.next != nil {
		m.number = msg.next.Number
		m.keeper.saved()
	}
	m.capture = m.capture.Reset()
	m.status, m.statusBad = tr(m.lang, i18n.AppSaved, msg.r.Number), false
	return m
}

// maxHeld bounds the keys held while a save is under way (far more than
// anyone types in the seconds a busy database can take; the SSH server
// lets no client type more than 4 KB ahead).
const maxHeld = 4096

// hold keeps a key (or paste) that comes while the form's save is under
// way, and reports whether it did: the form empties only when the store
// has answered, and what is typed meanwhile is the next visitor's (or,
// when the save fails, more of this one's), never wiped by the save.
func (m *Model) hold(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		if len(m.held) < maxHeld {
			m.held = append(m.held, msg)
		}
		return true
	}
	return false
}

// replayHeld handles the keys held while saving, in order, once the
// store has answered; a save among them holds the rest again.
func (m Model) replayHeld() (Model, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	held := m.held
	m.held = nil
	var cmds []tea.Cmd
	for i, msg := range held {
		var cmd tea.Cmd
		m, cmd = m.update(msg)
		cmds = append(cmds, cmd)
		if m.saving {
			m.held = append(m.held, held[i+1:]...)
			break
		}
	}
	return m, tea.Batch(cmds...)
}

// onRecent acts on the selected recent response.
func (m Model) onRecent(act recentAction) (Model, tea.Cmd) {
	r, ok := m.recent.Selected(m.snap.Recent)
	switch act {
	case recentClose:
		m.focus = focusPlace
	case recentEdit:
		switch {
		case ok && m.capture.Unsaved(): // opening r would put the visitor in the form out of it, draft and all
			m.capture = m.capture.Say(tr(m.lang, i18n.FormUnsavedOpen, r.Number), true)
			m.focus = focusPlace
		case ok:
			m.capture = m.capture.Load(r)
			m.focus = focusPlace
		}
	case recentDelete:
		if ok {
			return m, m.writer().deleteCmd(r.Event, r.ID, m.who())
		}
	}
	return m, nil
}

// who names this session's facilitator to the store: the Who given, or
// "local".
func (m Model) who() string {
	if m.o.Who == "" {
		return "local"
	}
	return m.o.Who
}

// save asks the store to save the form's response; the form empties only
// when savedMsg says it was committed. A wish with no category is not
// saved yet: the list of categories opens for it first, and enter there
// adds the mark and saves (route).
func (m Model) save() (Model, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	if m.capture.NeedsCategory() {
		m.capture, m.focus = m.capture.AskCategory(), focusPlace
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
	k := m.keeper
	if !m.draftRead {
		k = nil // no number reserved: the store gives the next
	}
	m.saving = true
	m.status, m.statusBad = tr(m.lang, i18n.AppSaving), false
	return m, m.writer().saveCmd(k, m.gaz, r, prev)
}

// undoLast takes back a step of the form while it holds anything (and has
// focus), else this session's newest save, edit or delete.
func (m Model) undoLast() (Model, tea.Cmd) {
	if m.focus == focusPlace && !m.capture.Empty() {
		if c, ok := m.capture.Undo(); ok {
			m.capture = c
			m.redo = append(m.redo, redoEntry{form: true})
			return m, nil
		}
	}
	n := len(m.undo)
	if n == 0 {
		m.status, m.statusBad = tr(m.lang, i18n.AppNothingToUndo), true
		return m, nil
	}
	u := m.undo[n-1]
	m.undo = m.undo[:n-1]
	return m, m.writer().undoCmd(u, m.who())
}

// redoLast brings back what ctrl+z took last: a step of the form, or a
// change of the store (a save comes back with its id and number).
func (m Model) redoLast() (Model, tea.Cmd) {
	for n := len(m.redo); n > 0; n = len(m.redo) {
		e := m.redo[n-1]
		m.redo = m.redo[:n-1]
		if !e.form {
			return m, m.writer().redoCmd(e.u, m.who())
		}
		if c, ok := m.capture.Redo(); ok { // none: the form has moved on since
			m.capture, m.focus = c, focusPlace
			return m, nil
		}
	}
	m.status, m.statusBad = tr(m.lang, i18n.FormNothingToRedo), true
	return m, nil
}

// onStoreAnswer handles what an undo, a redo or a delete reached.
func (m Model) onStoreAnswer(msg tea.Msg) Model {
	switch msg := msg.(type) {
	case deletedMsg:
		m.undo = append(m.undo, undoEntry{kind: undoDelete, r: msg.removed})
		m.status, m.statusBad = tr(m.lang, i18n.AppDeleted, msg.removed.Number), false
	case undoneMsg:
		m.redo = append(m.redo, redoEntry{u: msg.u})
		m.status, m.statusBad = tr(m.lang, i18n.AppUndone, msg.u.r.Number), false
	case redoneMsg:
		m.undo = append(m.undo, msg.u)
		m.status, m.statusBad = tr(m.lang, i18n.FormRedone, msg.u.r.Number), false
	case errMsg:
		if msg.ofSave() {
			m.saving = false
		}
		if errors.Is(msg.err, errChanged) { // never to be done: an undo or redo is dropped
			switch u := cmp.Or(msg.undo, msg.redo); {
			case u != nil:
				m.status = tr(m.lang, i18n.FormChangedSince, u.r.Number)
			default: // an edit: the form keeps it
				m.status = tr(m.lang, msg.what, msg.n)
			}
			m.statusBad = true
			m.capture = m.capture.Say(m.status, true)
			return m
		}
		if msg.undo != nil {
			m.undo = append(m.undo, *msg.undo)
		}
		if msg.redo != nil {
			m.redo = append(m.redo, redoEntry{u: *msg.redo})
		}
		// The store's words for the person when it has them (i18n.Said: a
		// key taken out of the facilitators), else its error. The form
		// keeps what it holds: nothing typed is lost to a refused save.
		m.capture = m.capture.Say(tr(m.lang, msg.what, model.Sanitize(i18n.Reason(m.lang, msg.err))), true)
		m.status, m.statusBad = strings.TrimSuffix(tr(m.lang, msg.what, ""), ": "), true
	}
	return m
}

package tui

// renamed carries on under the event's new name (the hub follows a rename
// by the event's ID): saves, the header, the draft and the undo and redo
// history's responses.
// The curation view takes the name from its own snapshots.
func (m Model) renamed(ev string) Model {
	old := m.o.Event.Name
	m.o.Event.Name = ev
	undo := make([]undoEntry, len(m.undo))
	for i, u := range m.undo {
		if u.r.Event == old {
			u.r.Event = ev
		}
		undo[i] = u
	}
	m.undo = undo
	redo := make([]redoEntry, len(m.redo))
	for i, e := range m.redo {
		if e.u.r.Event == old {
			e.u.r.Event, e.u.next.Event = ev, ev
		}
		redo[i] = e
	}
	m.redo = redo
	if m.keeper != nil {
		m.keeper.renamed(ev)
	}
	return m
}

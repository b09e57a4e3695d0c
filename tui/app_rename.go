package tui

// renamed carries on under the event's new name (the hub follows a rename
// by the event's ID): saves, the header and the undo history's responses.
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
	return m
}

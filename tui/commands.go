package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/i18n"
	"standmap/live"
	"standmap/model"
)

// storeTimeout bounds one store operation started from the interface.
const storeTimeout = 15 * time.Second

// SnapshotMsg carries a new snapshot from the hub; the runner forwards
// each one with p.Send.
type SnapshotMsg struct{ Snapshot *model.Snapshot }

// savedMsg: the store committed the response (an edit when prev is set).
type savedMsg struct {
	r    model.Response
	prev *model.Response
}

// deletedMsg: the store removed the response.
type deletedMsg struct{ removed model.Response }

// undoneMsg: an undo reached the store.
type undoneMsg struct{ seq int64 }

// errMsg: a store operation failed; undo is put back when set.
type errMsg struct {
	what i18n.Key // i18n.AppSaveFailed or i18n.AppDeleteFailed
	err  error
	undo *undoEntry
}

// undoKind says what an undo entry reverts.
type undoKind int

const (
	undoSave   undoKind = iota // a new response: delete it
	undoEdit                   // an edit: store the previous version
	undoDelete                 // a delete: store it again
)

// undoEntry is one revertible change.
type undoEntry struct {
	kind undoKind
	r    model.Response // the response to delete, or to store again
}

// WriteTracker is a store that counts each write from the key that
// decides on it until its command has ended: the SSH server's session
// store, whose Shutdown waits for them. The count starts in Update, before
// Bubble Tea runs the command on a goroutine of its own, so that a save
// is never between a session's end and its store call, uncounted.
type WriteTracker interface {
	// BeginWrite counts a write until done is called.
	BeginWrite() (done func())
}

// beginWrite starts counting a write on s, when s counts them.
func beginWrite(s any) (done func()) {
	if t, ok := s.(WriteTracker); ok {
		return t.BeginWrite()
	}
	return func() {}
}

// changed tells the hub that this session wrote to the store.
func changed(h *live.Hub) {
	if h != nil {
		h.Changed()
	}
}

// saveCmd stores r (new when it has no ID: it gets an ID and the time
// now), then tells the hub.
func saveCmd(s db.Store, h *live.Hub, g *model.Gazetteer, r model.Response, prev *model.Response) tea.Cmd {
	done := beginWrite(s)
	return func() tea.Msg {
		defer done()
		if r.ID == "" {
			now := time.Now()
			r.ID, r.CreatedAt = model.NewResponseID(now), now
		}
		r, err := r.Check(g)
		if err != nil {
			return errMsg{what: i18n.AppSaveFailed, err: err}
		}
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		saved, err := s.SaveResponse(ctx, r)
		if err != nil {
			return errMsg{what: i18n.AppSaveFailed, err: err}
		}
		changed(h)
		return savedMsg{r: saved, prev: prev}
	}
}

// deleteCmd removes the response with id, then tells the hub.
func deleteCmd(s db.Store, h *live.Hub, event, id string) tea.Cmd {
	done := beginWrite(s)
	return func() tea.Msg {
		defer done()
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		removed, err := s.DeleteResponse(ctx, event, id, "")
		if err != nil {
			return errMsg{what: i18n.AppDeleteFailed, err: err}
		}
		changed(h)
		return deletedMsg{removed: removed}
	}
}

// undoCmd reverts u, then tells the hub.
func undoCmd(s db.Store, h *live.Hub, u undoEntry) tea.Cmd {
	done := beginWrite(s)
	return func() tea.Msg {
		defer done()
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		var err error
		if u.kind == undoSave {
			_, err = s.DeleteResponse(ctx, u.r.Event, u.r.ID, "")
		} else {
			_, err = s.SaveResponse(ctx, u.r)
		}
		if err != nil {
			return errMsg{what: i18n.AppSaveFailed, err: err, undo: &u}
		}
		changed(h)
		return undoneMsg{seq: u.r.Seq}
	}
}

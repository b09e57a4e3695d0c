package tui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/exchange"
	"standmap/i18n"
	"standmap/live"
	"standmap/model"
)

// storeTimeout bounds one store operation started from the interface.
const storeTimeout = 15 * time.Second

// SnapshotMsg carries a new snapshot from the hub; the runner forwards
// each one with p.Send.
type SnapshotMsg struct{ Snapshot *model.Snapshot }

// savedMsg: the store committed the response (an edit when prev is set);
// next is the form's draft after it, with the number reserved for the
// next visitor (nil: a store without drafts).
type savedMsg struct {
	r    model.Response
	prev *model.Response
	next *db.Draft
}

// deletedMsg: the store marked the response deleted.
type deletedMsg struct{ removed model.Response }

// undoneMsg: an undo reached the store; redoneMsg: a redo did.
type (
	undoneMsg struct{ u undoEntry }
	redoneMsg struct{ u undoEntry }
)

// errMsg: a store operation failed; undo (or redo) is put back when set.
type errMsg struct {
	what       i18n.Key // i18n.AppSaveFailed, AppDeleteFailed, FormUndoFailed, FormRedoFailed or FormEditChanged
	err        error
	undo, redo *undoEntry
	n          int64 // FormEditChanged: the number of the response edited
}

// ofSave reports whether the failed operation was the form's save.
func (e errMsg) ofSave() bool { return e.what == i18n.AppSaveFailed || e.what == i18n.FormEditChanged }

// undoKind says what an undo entry reverts.
type undoKind int

const (
	undoSave   undoKind = iota // a new response: delete it (redo: restore it)
	undoEdit                   // an edit: store the previous version (redo: the edited one)
	undoDelete                 // a delete: restore it (redo: delete it again)
)

// undoEntry is one revertible change of the store.
type undoEntry struct {
	kind undoKind
	r    model.Response // the response saved, deleted, or as it was before an edit
	next model.Response // undoEdit: the response as edited
}

// Store is what a facilitator's session asks of the database: it saves,
// deletes and restores responses and curates, and reads the events,
// responses, curation and counts the compare and curation views show.
type Store interface {
	db.ResponseWriter
	db.Curator
	db.EventReader
	exchange.TallyReader
}

// WriteTracker counts each write from the key that decides on it until
// its command has ended: the SSH server's session store, whose Shutdown
// waits for them. The count starts in Update, before Bubble Tea runs the
// command on a goroutine of its own, so that a save is never between a
// session's end and its store call, uncounted.
type WriteTracker interface {
	// BeginWrite counts a write until done is called.
	BeginWrite() (done func())
}

// begin starts counting a write on t (nil: nothing counts them).
func begin(t WriteTracker) (done func()) {
	if t == nil {
		return func() {}
	}
	return t.BeginWrite()
}

// writer is how a session writes responses: its store (which it also
// reads, to undo only what is as it left it), the counter of its writes
// (nil: none) and the hub it tells after each (nil: none).
type writer struct {
	store interface {
		db.ResponseWriter
		db.ResponseReader
	}
	writes WriteTracker
	hub    *live.Hub
}

// writer returns how the session writes.
func (m Model) writer() writer { return writer{m.o.Store, m.o.Writes, m.o.Hub} }

// changed tells the hub that this session wrote to the store.
func (w writer) changed() {
	if w.hub != nil {
		w.hub.Changed()
	}
}

// saveCmd stores r (new when it has no time: it gets the time now, and
// an ID when it has none), then tells the hub. With a draft keeper, the
// save goes through the facilitator's draft: it takes the number the form
// showed and empties the draft in the same transaction, after the
// keeper's last write. An edit (prev: the response as the form opened
// it) is refused when another session has changed or deleted the
// response since (errChanged): it would write over their answer.
func (w writer) saveCmd(k *draftKeeper, g *model.Gazetteer, r model.Response, prev *model.Response) tea.Cmd {
	done := begin(w.writes)
	return func() tea.Msg {
		defer done()
		if now := time.Now(); r.ID == "" || r.CreatedAt.IsZero() { // new
			r.CreatedAt = now
			if r.ID == "" {
				r.ID = model.NewResponseID(now)
			}
		}
		r, err := r.Check(g)
		if err != nil {
			return errMsg{what: i18n.AppSaveFailed, err: err}
		}
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		var saved model.Response
		var next *db.Draft
		save := func() error {
			if k == nil {
				saved, err = w.store.SaveResponse(ctx, r)
				return err
			}
			k.flush()
			var d db.Draft
			saved, d, err = k.store.SaveDrafted(ctx, r, k.who)
			next = &d
			return err
		}
		if prev != nil { // an edit: only over the response as the form opened it
			err = w.ifStill(ctx, *prev, save)
		} else {
			err = save()
		}
		switch {
		case errors.Is(err, errChanged):
			return errMsg{what: i18n.FormEditChanged, err: err, n: prev.Number}
		case err != nil:
			return errMsg{what: i18n.AppSaveFailed, err: err}
		}
		w.changed()
		return savedMsg{r: saved, prev: prev, next: next}
	}
}

// deleteCmd marks the response with id deleted by who, then tells the hub.
func (w writer) deleteCmd(event, id, who string) tea.Cmd {
	done := begin(w.writes)
	return func() tea.Msg {
		defer done()
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		removed, err := w.store.DeleteResponse(ctx, event, id, who)
		if err != nil {
			return errMsg{what: i18n.AppDeleteFailed, err: err}
		}
		w.changed()
		return deletedMsg{removed: removed}
	}
}

// storeCmd runs write as one counted write, then tells the hub and
// returns ok, or fail with the error.
func (w writer) storeCmd(write func(context.Context) error, ok tea.Msg, fail errMsg) tea.Cmd {
	done := begin(w.writes)
	return func() tea.Msg {
		defer done()
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		if err := write(ctx); err != nil {
			fail.err = err
			return fail
		}
		w.changed()
		return ok
	}
}

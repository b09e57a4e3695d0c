package tui

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/i18n"
	"standmap/model"
)

// errChanged: the response is no longer as this session's change left it
// (another session or process edited, deleted or restored it since). An
// undo or redo then writes nothing — edits keep no history, so writing
// the old version over it would lose the other facilitator's answer —
// and its entry is dropped, since it could never be done.
var errChanged = errors.New("changed in another session since")

// undoCmd reverts u (a save is deleted by who, kept and restorable), if
// the response is still as u left it, then tells the hub.
func (w writer) undoCmd(u undoEntry, who string) tea.Cmd {
	s := w.store
	return w.storeCmd(func(ctx context.Context) error {
		switch u.kind {
		case undoSave:
			return w.ifStill(ctx, u.r, func() error {
				_, err := s.DeleteResponse(ctx, u.r.Event, u.r.ID, who)
				return err
			})
		case undoDelete:
			_, err := s.RestoreResponse(ctx, u.r.Event, u.r.ID)
			return changedWhen(err, db.ErrNotDeleted)
		default:
			return w.ifStill(ctx, u.next, func() error {
				_, err := s.SaveResponse(ctx, u.r)
				return err
			})
		}
	}, undoneMsg{u: u}, errMsg{what: i18n.FormUndoFailed, undo: &u})
}

// redoCmd does u again after undoCmd took it back, if the response is
// still as the undo left it: a save comes back with its id and number;
// then it tells the hub.
func (w writer) redoCmd(u undoEntry, who string) tea.Cmd {
	s := w.store
	return w.storeCmd(func(ctx context.Context) error {
		switch u.kind {
		case undoSave:
			_, err := s.RestoreResponse(ctx, u.r.Event, u.r.ID)
			return changedWhen(err, db.ErrNotDeleted)
		case undoDelete:
			return w.ifStill(ctx, u.r, func() error {
				_, err := s.DeleteResponse(ctx, u.r.Event, u.r.ID, who)
				return err
			})
		default:
			return w.ifStill(ctx, u.r, func() error {
				_, err := s.SaveResponse(ctx, u.next)
				return err
			})
		}
	}, redoneMsg{u: u}, errMsg{what: i18n.FormRedoFailed, redo: &u})
}

// ifStill runs write when the response is stored, counted, as was says;
// else it returns errChanged. (Between the read and the write another
// process could still change it: a window of one read, where the change
// it guards against is a facilitator's edit minutes earlier.)
func (w writer) ifStill(ctx context.Context, was model.Response, write func() error) error {
	now, err := w.store.Response(ctx, was.Event, was.ID)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return errChanged
	case err != nil:
		return err
	case !sameAnswer(now, was):
		return errChanged
	}
	return write()
}

// changedWhen is errChanged when err is the sentinel that says the
// response is not as the undo or redo expects, else err.
func changedWhen(err, sentinel error) error {
	if errors.Is(err, sentinel) {
		return errChanged
	}
	return err
}

// sameAnswer reports whether two versions of a response say the same:
// its time, age group and marks, in order.
func sameAnswer(a, b model.Response) bool {
	return a.CreatedAt.Equal(b.CreatedAt) && a.AgeGroup == b.AgeGroup && slices.Equal(a.Marks, b.Marks)
}

package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// undoArgs are the logged arguments of an undo.
type undoArgs struct {
	Seq int64 `json:"seq"`
}

// UndoCuration takes back the log entry seq of the event (0: the newest
// action neither undone nor an undo): it restores the cells' values from
// before it, logged as an action of its own. Undoing an undo redoes.
func (s *SQLite) UndoCuration(ctx context.Context, event, who string, seq int64) (CurationEntry, error) {
	var e CurationEntry
	err := s.write(ctx, func(tx *sql.Tx) error {
		ev, err := eventID(ctx, tx, event)
		if err != nil {
			return err
		}
		target, err := undoTarget(ctx, tx, ev, seq)
		if err != nil {
			return err
		}
		cur, err := loadCuration(ctx, tx, event)
		if err != nil {
			return err
		}
		back := make([]CellChange, len(target.Cells))
		for i, c := range target.Cells {
			if now := cur.Value(c.Kind, c.Ref); now != c.After {
				return fmt.Errorf("%s %q: %w", c.Kind, c.Ref, ErrUndoConflict)
			}
			back[i] = CellChange{c.Kind, c.Ref, c.After, c.Before}
		}
		args, _ := json.Marshal(undoArgs{target.Seq})
		if e, err = logAction(ctx, tx, ev, who, ActionUndo, string(args), back); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE curation_log SET undone_by = ? WHERE seq = ?", e.Seq, target.Seq); err != nil {
			return err
		}
		if target.Action != ActionUndo {
			return nil
		}
		var redo undoArgs // an undo undone: what it undid is in force again
		if err := json.Unmarshal([]byte(target.Args), &redo); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE curation_log SET undone_by = NULL WHERE seq = ?", redo.Seq)
		return err
	})
	if err != nil {
		return e, fmt.Errorf("undo curation of %q: %w", event, err)
	}
	return e, nil
}

// undoTarget reads the log entry to undo: seq of the event, or (seq 0)
// its newest action neither undone nor an undo.
func undoTarget(ctx context.Context, tx *sql.Tx, event, seq int64) (CurationEntry, error) {
	var row *sql.Row
	if seq == 0 {
		row = tx.QueryRowContext(ctx, selectLog+` WHERE event_id = ? AND undone_by IS NULL AND action != ?
			ORDER BY seq DESC LIMIT 1`, event, ActionUndo)
	} else {
		row = tx.QueryRowContext(ctx, selectLog+` WHERE event_id = ? AND seq = ?`, event, seq)
	}
	e, err := scanLog(row)
	switch {
	case errors.Is(err, sql.ErrNoRows) && seq == 0:
		return e, fmt.Errorf("nothing to undo: %w", ErrNotFound)
	case errors.Is(err, sql.ErrNoRows):
		return e, fmt.Errorf("no action %d in this event's log: %w", seq, ErrNotFound)
	case err != nil:
		return e, err
	case e.UndoneBy != 0:
		return e, fmt.Errorf("action %d was undone by %d already (undo %d to redo it)", seq, e.UndoneBy, e.UndoneBy)
	}
	return e, nil
}

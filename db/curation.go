package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"standmap/model"
)

// ErrUndoConflict: the cells an action changed were changed again since;
// the later actions must be undone first.
var ErrUndoConflict = errors.New("changed again since; undo the later actions first")

// ActionUndo is the audit log's name for an undo.
const ActionUndo = "undo"

// CellChange is one curation cell an action changed.
type CellChange struct {
	Kind   string `json:"kind"`
	Ref    string `json:"ref"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// CurationEntry is one row of an event's curation audit log.
type CurationEntry struct {
	// Seq orders the log of every event; it only grows.
	Seq int64
	// At is when the action was taken; Who took it ("local" or an SSH
	// key fingerprint).
	At  time.Time
	Who string
	// Action is a model.Verb… constant or ActionUndo; Args its arguments
	// as JSON (a model.CurationAction, or {"seq": N} for an undo).
	Action, Args string
	// Cells are what the action changed.
	Cells []CellChange
	// UndoneBy is the seq of the undo that took the action back, or 0.
	UndoneBy int64
}

// Curation returns the event's curation; an event never curated has an
// empty one (which still holds flagged text back).
func (s *SQLite) Curation(ctx context.Context, event string) (*model.Curation, error) {
	c, err := loadCuration(ctx, s.reader, event)
	if err != nil {
		return nil, fmt.Errorf("read curation of %q: %w", event, err)
	}
	return c, nil
}

func loadCuration(ctx context.Context, q querier, event string) (*model.Curation, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, ref, value FROM curation
		WHERE event_id = (SELECT id FROM events WHERE name = ?)`, event)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cells []model.CurationCell
	for rows.Next() {
		var c model.CurationCell
		if err := rows.Scan(&c.Kind, &c.Ref, &c.Value); err != nil {
			return nil, err
		}
		cells = append(cells, c)
	}
	return model.NewCuration(cells), rows.Err()
}

// CurationVersion returns the newest seq of the curation log of every
// event: it grows with every curation write, by any process.
func (s *SQLite) CurationVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.reader.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM curation_log").Scan(&v); err != nil {
		return 0, fmt.Errorf("curation version: %w", err)
	}
	return v, nil
}

// Describe says what the entry did, in the words of the command line:
// `merge "a" "b" --into "c"`, `hide "x"`, `undo #4`.
func (e CurationEntry) Describe() string {
	if e.Action == ActionUndo {
		var u undoArgs
		_ = json.Unmarshal([]byte(e.Args), &u)
		return fmt.Sprintf("undo #%d", u.Seq)
	}
	a, ok := e.CurationAction()
	if !ok {
		return e.Action + " " + e.Args
	}
	return a.Describe()
}

// CurationAction returns the action the entry took, false for an undo or
// arguments that cannot be read.
func (e CurationEntry) CurationAction() (model.CurationAction, bool) {
	var a model.CurationAction
	if e.Action == ActionUndo || json.Unmarshal([]byte(e.Args), &a) != nil {
		return model.CurationAction{}, false
	}
	return a, true
}

// CurationLog returns the event's curation audit log, oldest first.
func (s *SQLite) CurationLog(ctx context.Context, event string) ([]CurationEntry, error) {
	rows, err := s.reader.QueryContext(ctx, selectLog+`
		WHERE event_id = (SELECT id FROM events WHERE name = ?) ORDER BY seq`, event)
	if err != nil {
		return nil, fmt.Errorf("read curation log of %q: %w", event, err)
	}
	defer rows.Close()
	var out []CurationEntry
	for rows.Next() {
		e, err := scanLog(rows)
		if err != nil {
			return nil, fmt.Errorf("read curation log of %q: %w", event, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

const selectLog = `SELECT seq, at, who, action, args, cells, coalesce(undone_by, 0) FROM curation_log`

// scanLog reads one row of selectLog.
func scanLog(row interface{ Scan(...any) error }) (CurationEntry, error) {
	var e CurationEntry
	var at, cells string
	if err := row.Scan(&e.Seq, &at, &e.Who, &e.Action, &e.Args, &cells, &e.UndoneBy); err != nil {
		return e, err
	}
	var err error
	if e.At, err = parseTime(at); err != nil {
		return e, err
	}
	return e, json.Unmarshal([]byte(cells), &e.Cells)
}

// Curate takes the action on the event's curation and logs it, in one
// transaction.
func (s *SQLite) Curate(ctx context.Context, event, who string, a model.CurationAction) (CurationEntry, error) {
	var e CurationEntry
	err := s.write(ctx, func(tx *sql.Tx) error {
		ev, err := eventID(ctx, tx, event)
		if err != nil {
			return err
		}
		e, err = curateTx(ctx, tx, ev, event, who, a)
		return err
	})
	if err != nil {
		return e, fmt.Errorf("curate %q: %s: %w", event, a.Describe(), err)
	}
	return e, nil
}

// curateTx takes the action on the curation of the event (row id ev,
// named event) within tx and logs it: what Curate and ImportCurated do.
func curateTx(ctx context.Context, tx *sql.Tx, ev int64, event, who string, a model.CurationAction) (CurationEntry, error) {
	cur, err := loadCuration(ctx, tx, event)
	if err != nil {
		return CurationEntry{}, err
	}
	cells, err := cur.Plan(a)
	if err != nil {
		return CurationEntry{}, err
	}
	changes := make([]CellChange, len(cells))
	for i, c := range cells {
		changes[i] = CellChange{c.Kind, c.Ref, cur.Value(c.Kind, c.Ref), c.Value}
	}
	args, err := json.Marshal(a)
	if err != nil {
		return CurationEntry{}, err
	}
	return logAction(ctx, tx, ev, who, a.Verb, string(args), changes)
}

// logAction writes the changed cells and the log row that records them.
func logAction(ctx context.Context, tx *sql.Tx, event int64, who, action, args string, changes []CellChange) (CurationEntry, error) {
	if err := model.CheckText("who", 0, who); err != nil {
		return CurationEntry{}, err
	}
	for _, c := range changes {
		var err error
		if c.After == "" {
			_, err = tx.ExecContext(ctx, "DELETE FROM curation WHERE event_id = ? AND kind = ? AND ref = ?", event, c.Kind, c.Ref)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO curation(event_id, kind, ref, value) VALUES (?, ?, ?, ?)
				ON CONFLICT DO UPDATE SET value = excluded.value`, event, c.Kind, c.Ref, c.After)
		}
		if err != nil {
			return CurationEntry{}, err
		}
	}
	cells, err := json.Marshal(changes)
	if err != nil {
		return CurationEntry{}, err
	}
	e := CurationEntry{At: time.Now().UTC(), Who: who, Action: action, Args: args, Cells: changes}
	err = tx.QueryRowContext(ctx, `INSERT INTO curation_log(event_id, at, who, action, args, cells)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING seq`, event, formatTime(e.At), who, action, args, string(cells)).Scan(&e.Seq)
	return e, err
}

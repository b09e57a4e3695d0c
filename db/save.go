package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"standmap/model"
)

// ErrNotDeleted: the response to restore is not deleted.
var ErrNotDeleted = errors.New("not deleted")

// SaveResponse stores r in one durable transaction, replacing the stored
// response with the same event and id (an edit keeps its Seq and Number;
// a deleted one is restored by it). A response not stored yet gets r.Seq
// when it is free, else a new one, and the event's next number (r.Number
// is not taken: it may be one a facilitator's form shows, SaveDrafted's
// to give). A zero CreatedAt becomes now.
func (s *SQLite) SaveResponse(ctx context.Context, r model.Response) (model.Response, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = saveTx(ctx, tx, r, 0)
		return err
	})
	if err != nil {
		return r, fmt.Errorf("save response %s: %w", r.ID, err)
	}
	return r, nil
}

// saveTx is SaveResponse inside a write transaction; a new response
// gets the number reserved (a draft's) when it is free, else the next.
func saveTx(ctx context.Context, tx *sql.Tx, r model.Response, reserved int64) (model.Response, error) {
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now()
	}
	r.CreatedAt = r.CreatedAt.UTC()
	r.DeletedAt, r.DeletedBy = time.Time{}, ""
	ev, err := eventID(ctx, tx, r.Event)
	if err != nil {
		return r, err
	}
	counts, err := beginCounts(ctx, tx)
	if err != nil {
		return r, err
	}
	var seq, number int64
	var wasDeleted bool
	err = tx.QueryRowContext(ctx, "SELECT seq, number, deleted_at IS NOT NULL FROM responses WHERE event_id = ? AND response_id = ?",
		ev, r.ID).Scan(&seq, &number, &wasDeleted)
	switch {
	case err == nil: // an edit, or the restoring save of a deleted one
		r.Seq, r.Number = seq, number
		_, err = tx.ExecContext(ctx, `UPDATE responses SET created_at = ?, age_group = ?, deleted_at = NULL, deleted_by = ''
			WHERE seq = ?`, formatTime(r.CreatedAt), r.AgeGroup, seq)
	case errors.Is(err, sql.ErrNoRows):
		if r.Number, err = claimNumber(ctx, tx, ev, reserved); err != nil {
			return r, err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO responses(seq, event_id, response_id, created_at, age_group, number)
			VALUES (CASE WHEN ?1 > 0 AND NOT EXISTS (SELECT 1 FROM responses WHERE seq = ?1) THEN ?1 END, ?2, ?3, ?4, ?5, ?6)
			RETURNING seq`, r.Seq, ev, r.ID, formatTime(r.CreatedAt), r.AgeGroup, r.Number).Scan(&r.Seq)
	}
	if err != nil {
		return r, err
	}
	old, err := deleteMarks(ctx, tx, r.Seq)
	if err != nil {
		return r, err
	}
	if !wasDeleted { // its old marks counted: they count no more
		if err := counts.add(ctx, tx, ev, model.Response{Seq: r.Seq, Marks: old}, -1); err != nil {
			return r, err
		}
	}
	ins, err := tx.PrepareContext(ctx, insertMark)
	if err != nil {
		return r, err
	}
	defer ins.Close()
	if err := writeMarks(ctx, ins, r); err != nil {
		return r, err
	}
	if err := counts.add(ctx, tx, ev, r, +1); err != nil {
		return r, err
	}
	return r, counts.finish(ctx, tx)
}

const insertMark = `INSERT INTO marks(response_seq, position, neighbourhood, wish, category) VALUES (?, ?, ?, ?, ?)`

// writeMarks inserts r's marks with the prepared insertMark statement.
func writeMarks(ctx context.Context, ins *sql.Stmt, r model.Response) error {
	for i, m := range r.Marks {
		if _, err := ins.ExecContext(ctx, r.Seq, i, m.Neighbourhood, m.Wish, m.Category); err != nil {
			return err
		}
	}
	return nil
}

// nextNumber gives the event's next number: one more than the highest it
// has given or reserved (response_numbers), so none is given twice.
func nextNumber(ctx context.Context, tx *sql.Tx, ev int64) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `INSERT INTO response_numbers(event_id, last)
		VALUES (?1, coalesce((SELECT max(number) FROM responses WHERE event_id = ?1), 0) + 1)
		ON CONFLICT(event_id) DO UPDATE SET last = last + 1 RETURNING last`, ev).Scan(&n)
	return n, err
}

// claimNumber returns want when it is a number no response of the event
// has (keeping the counter past it), else the event's next number.
func claimNumber(ctx context.Context, tx *sql.Tx, ev, want int64) (int64, error) {
	if want > 0 {
		taken, err := numberTaken(ctx, tx, ev, want)
		if err != nil || !taken {
			if err == nil {
				_, err = tx.ExecContext(ctx, `INSERT INTO response_numbers(event_id, last) VALUES (?, ?)
					ON CONFLICT(event_id) DO UPDATE SET last = max(last, excluded.last)`, ev, want)
			}
			return want, err
		}
	}
	return nextNumber(ctx, tx, ev)
}

// numberTaken reports whether a response of the event (deleted or not)
// has the number.
func numberTaken(ctx context.Context, tx *sql.Tx, ev, number int64) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM responses WHERE event_id = ? AND number = ?", ev, number).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// DeleteResponse marks a counted response deleted by who, now: it is kept
// word for word, with its id and number, counted nowhere, and
// RestoreResponse brings it back. It returns the response as deleted;
// ErrNotFound when no counted response has that id.
func (s *SQLite) DeleteResponse(ctx context.Context, event, id, who string) (model.Response, error) {
	var r model.Response
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = loadResponse(ctx, tx, event, id, false); err != nil {
			return err
		}
		r.DeletedAt, r.DeletedBy = time.Now().UTC(), who
		return countedChange(ctx, tx, r, -1, func() error {
			_, err := tx.ExecContext(ctx, "UPDATE responses SET deleted_at = ?, deleted_by = ? WHERE seq = ?",
				formatTime(r.DeletedAt), who, r.Seq)
			return err
		})
	})
	if err != nil {
		return model.Response{}, fmt.Errorf("delete response %s: %w", id, err)
	}
	return r, nil
}

// RestoreResponse counts a deleted response again, with its id, number
// and marks as they were; ErrNotFound when there is no such response,
// ErrNotDeleted when it counts already.
func (s *SQLite) RestoreResponse(ctx context.Context, event, id string) (model.Response, error) {
	var r model.Response
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = loadResponse(ctx, tx, event, id, true); err != nil {
			return err
		}
		if !r.Deleted() {
			return ErrNotDeleted
		}
		r.DeletedAt, r.DeletedBy = time.Time{}, ""
		return countedChange(ctx, tx, r, +1, func() error {
			_, err := tx.ExecContext(ctx, "UPDATE responses SET deleted_at = NULL, deleted_by = '' WHERE seq = ?", r.Seq)
			return err
		})
	})
	if err != nil {
		return model.Response{}, fmt.Errorf("restore response %s: %w", id, err)
	}
	return r, nil
}

// DeletedResponses returns the event's deleted responses, the most
// recently deleted first; ErrNotFound when the event does not exist.
func (s *SQLite) DeletedResponses(ctx context.Context, event string) ([]model.Response, error) {
	if _, err := s.Event(ctx, event); err != nil {
		return nil, err
	}
	var out []model.Response
	err := scanResponses(ctx, s.reader, func(r model.Response) error { out = append(out, r); return nil },
		selectResponses+`WHERE e.name = ? AND r.deleted_at IS NOT NULL
		ORDER BY r.deleted_at DESC, r.seq, m.position`, event)
	if err != nil {
		return nil, fmt.Errorf("deleted responses of %q: %w", event, err)
	}
	return out, nil
}

// countedChange runs change, which makes r start (sign +1) or stop (-1)
// counting, and keeps the mark counts with it.
func countedChange(ctx context.Context, tx *sql.Tx, r model.Response, sign int, change func() error) error {
	ev, err := eventID(ctx, tx, r.Event)
	if err != nil {
		return err
	}
	counts, err := beginCounts(ctx, tx)
	if err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	if err := counts.add(ctx, tx, ev, r, sign); err != nil {
		return err
	}
	return counts.finish(ctx, tx)
}

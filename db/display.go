package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"standmap/model"
)

// Display returns what the event's projections and boards show (hidden,
// frozen, the reveal time): the zero state when it was never set;
// ErrNotFound for an unknown event.
func (s *SQLite) Display(ctx context.Context, event string) (model.DisplayState, error) {
	var d model.DisplayState
	err := s.reader.QueryRowContext(ctx, `SELECT coalesce(d.hidden, 0), coalesce(d.frozen, 0), coalesce(d.reveal_at, '')
		FROM events e LEFT JOIN event_display d ON d.event_id = e.id WHERE e.name = ?`, event).
		Scan(&d.Hidden, &d.Frozen, &d.RevealAt)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return model.DisplayState{}, fmt.Errorf("display of event %q: %w", event, err)
	}
	return d, nil
}

// SetDisplay stores what the event's projections and boards show, for
// every process on the database to follow; ErrNotFound for an unknown
// event. The reveal time is text a person typed: no control characters.
func (s *SQLite) SetDisplay(ctx context.Context, event string, d model.DisplayState) error {
	if err := model.CheckText("reveal time", 0, d.RevealAt); err != nil {
		return fmt.Errorf("display of event %q: %w", event, err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		id, err := eventID(ctx, tx, event)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO event_display(event_id, hidden, frozen, reveal_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(event_id) DO UPDATE SET hidden = excluded.hidden, frozen = excluded.frozen, reveal_at = excluded.reveal_at`,
			id, d.Hidden, d.Frozen, d.RevealAt)
		return err
	})
	if err != nil {
		return fmt.Errorf("display of event %q: %w", event, err)
	}
	return nil
}

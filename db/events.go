package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"standmap/model"
)

// Events lists every event, oldest first, with its response counts.
func (s *SQLite) Events(ctx context.Context) ([]model.EventSummary, error) {
	out, err := s.events(ctx)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return out, nil
}

func (s *SQLite) events(ctx context.Context) ([]model.EventSummary, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT e.id, e.name, e.created_at,
		(SELECT count(*) FROM responses r WHERE r.event_id = e.id AND r.deleted_at IS NULL)
		FROM events e ORDER BY e.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.EventSummary
	for rows.Next() {
		var es model.EventSummary
		var at string
		if err := rows.Scan(&es.ID, &es.Name, &at, &es.Responses); err != nil {
			return nil, err
		}
		if es.CreatedAt, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, es)
	}
	return out, rows.Err()
}

// CreateEvent starts an event; ErrEventExists if the name is taken. The
// name must be non-empty text without control characters.
func (s *SQLite) CreateEvent(ctx context.Context, name string) (model.Event, error) {
	if name == "" {
		return model.Event{}, errors.New("create event: empty name")
	}
	if err := model.CheckText("event", 0, name); err != nil {
		return model.Event{}, fmt.Errorf("create event: %w", err)
	}
	ev := model.Event{Name: name, CreatedAt: time.Now().UTC()}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO events(name, created_at) VALUES (?, ?)
			ON CONFLICT(name) DO NOTHING`, name, formatTime(ev.CreatedAt))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(ErrEventExists, err)
		}
		ev.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return model.Event{}, fmt.Errorf("create event %q: %w", name, err)
	}
	return ev, nil
}

// Event returns the event of that name, or ErrNotFound.
func (s *SQLite) Event(ctx context.Context, name string) (model.Event, error) {
	ev, err := scanEvent(s.reader.QueryRowContext(ctx,
		"SELECT id, name, created_at FROM events WHERE name = ?", name))
	if err != nil {
		return ev, fmt.Errorf("event %q: %w", name, err)
	}
	return ev, nil
}

// EventByID returns the event with that ID, under its name now (an event
// renamed since it was read keeps its ID), or ErrNotFound.
func (s *SQLite) EventByID(ctx context.Context, id int64) (model.Event, error) {
	ev, err := scanEvent(s.reader.QueryRowContext(ctx,
		"SELECT id, name, created_at FROM events WHERE id = ?", id))
	if err != nil {
		return ev, fmt.Errorf("event #%d: %w", id, err)
	}
	return ev, nil
}

// CurrentEvent returns the event made current by SwitchEvent, else the
// most recently started one, or ErrNotFound.
func (s *SQLite) CurrentEvent(ctx context.Context) (model.Event, error) {
	ev, err := scanEvent(s.reader.QueryRowContext(ctx,
		`SELECT id, name, created_at FROM events
		ORDER BY id IS (SELECT event_id FROM current_event) DESC, id DESC LIMIT 1`))
	if err != nil {
		return ev, fmt.Errorf("current event: %w", err)
	}
	return ev, nil
}

func scanEvent(row *sql.Row) (model.Event, error) {
	var ev model.Event
	var at string
	err := row.Scan(&ev.ID, &ev.Name, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return ev, ErrNotFound
	}
	if err != nil {
		return ev, err
	}
	ev.CreatedAt, err = parseTime(at)
	return ev, err
}

// eventID returns the row id of the event named name, or ErrNotFound.
func eventID(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM events WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("event %q: %w", name, ErrNotFound)
	}
	return id, err
}

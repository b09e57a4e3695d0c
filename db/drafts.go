package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"standmap/model"
)

// Draft is a facilitator's form as last written: kept on every change, so
// that quitting, a crash or a lost connection never loses the visitor
// being typed, with the number reserved for the next new response it
// saves.
type Draft struct {
	// Event and Who (local, local:USER or an SSH key fingerprint) say
	// whose form of which event it is.
	Event, Who string
	// Number is reserved for the form's next new response: shown on it
	// ("Visitor #N") and given to it by SaveDrafted; no other response
	// of the event gets it.
	Number int64
	// Form is the form as its screen encodes it; "" is an empty form.
	Form string
	// UpdatedAt is when the draft was last written.
	UpdatedAt time.Time
}

// Draft returns who's draft of the event, reserving a number for a new
// one (a write only then).
func (s *SQLite) Draft(ctx context.Context, event, who string) (Draft, error) {
	d, err := readDraft(ctx, s.reader, event, who)
	if errors.Is(err, ErrNotFound) {
		err = s.write(ctx, func(tx *sql.Tx) error {
			d, err = draftTx(ctx, tx, event, who)
			return err
		})
	}
	if err != nil {
		return d, fmt.Errorf("draft of %s in %q: %w", who, event, err)
	}
	return d, nil
}

// PutDraft stores who's form of the event ("" = empty).
func (s *SQLite) PutDraft(ctx context.Context, event, who, form string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		d, err := draftTx(ctx, tx, event, who)
		if err != nil {
			return err
		}
		d.Form = form
		return putDraftTx(ctx, tx, &d)
	})
	if err != nil {
		return fmt.Errorf("store the draft of %s in %q: %w", who, event, err)
	}
	return nil
}

// SaveDrafted stores r (see SaveResponse) and empties who's draft in the
// same transaction. A new response takes the draft's number when free;
// the draft then reserves the next.
func (s *SQLite) SaveDrafted(ctx context.Context, r model.Response, who string) (model.Response, Draft, error) {
	var d Draft
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = draftTx(ctx, tx, r.Event, who); err != nil {
			return err
		}
		if r, err = saveTx(ctx, tx, r, d.Number); err != nil { // a new response's number; an edit keeps its own
			return err
		}
		ev, err := eventID(ctx, tx, r.Event)
		if err != nil {
			return err
		}
		if taken, err := numberTaken(ctx, tx, ev, d.Number); err != nil {
			return err
		} else if taken {
			if d.Number, err = nextNumber(ctx, tx, ev); err != nil {
				return err
			}
		}
		d.Form = ""
		return putDraftTx(ctx, tx, &d)
	})
	if err != nil {
		return r, d, fmt.Errorf("save response %s: %w", r.ID, err)
	}
	return r, d, nil
}

// readDraft reads who's draft of the event, or ErrNotFound.
func readDraft(ctx context.Context, q querier, event, who string) (Draft, error) {
	d := Draft{Event: event, Who: who}
	rows, err := q.QueryContext(ctx, `SELECT d.number, d.form, d.updated_at FROM drafts d
		JOIN events e ON e.id = d.event_id WHERE e.name = ? AND d.who = ?`, event, who)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return d, err
		}
		return d, ErrNotFound
	}
	var at string
	if err := rows.Scan(&d.Number, &d.Form, &at); err != nil {
		return d, err
	}
	d.UpdatedAt, err = parseTime(at)
	return d, err
}

// draftTx reads who's draft in a write transaction, creating it with a
// reserved number when there is none.
func draftTx(ctx context.Context, tx *sql.Tx, event, who string) (Draft, error) {
	d, err := readDraft(ctx, tx, event, who)
	if !errors.Is(err, ErrNotFound) {
		return d, err
	}
	ev, err := eventID(ctx, tx, event)
	if err != nil {
		return d, err
	}
	if d.Number, err = nextNumber(ctx, tx, ev); err != nil {
		return d, err
	}
	d.UpdatedAt = time.Now().UTC()
	_, err = tx.ExecContext(ctx, `INSERT INTO drafts(event_id, who, number, form, updated_at) VALUES (?, ?, ?, '', ?)`,
		ev, who, d.Number, formatTime(d.UpdatedAt))
	return d, err
}

// putDraftTx writes d's number and form over its stored draft, now.
func putDraftTx(ctx context.Context, tx *sql.Tx, d *Draft) error {
	d.UpdatedAt = time.Now().UTC()
	_, err := tx.ExecContext(ctx, `UPDATE drafts SET number = ?, form = ?, updated_at = ?
		WHERE event_id = (SELECT id FROM events WHERE name = ?) AND who = ?`,
		d.Number, d.Form, formatTime(d.UpdatedAt), d.Event, d.Who)
	return err
}

// DraftKey names the slot-th draft of the facilitator who: their first is
// who, a second window's who/2, then who/3 … (one live window, or
// running application, holds one; see server/drafts.go and the cli's
// local drafts).
func DraftKey(who string, slot int) string {
	if slot <= 1 {
		return who
	}
	return fmt.Sprintf("%s/%d", who, slot)
}

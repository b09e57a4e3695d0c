package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sort"
	"strings"

	"standmap/model"
)

// querier is what reads need: the read pool or a write transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// responseColumns are the columns scanResponses reads, of responses r,
// events e and marks m.
const responseColumns = `r.seq, e.name, r.response_id, r.created_at, r.age_group,
	r.number, r.deleted_at, r.deleted_by, m.neighbourhood, m.wish, m.category`

// selectResponses selects responses joined with their marks, deleted ones
// included; callers add WHERE (with live for the counted ones only) and
// ORDER BY r.seq, m.position (scanResponses groups by seq).
const selectResponses = `SELECT ` + responseColumns + `
	FROM responses r JOIN events e ON e.id = r.event_id
	LEFT JOIN marks m ON m.response_seq = r.seq `

// live is the condition of a response that counts: not deleted.
const live = ` r.deleted_at IS NULL `

// scanResponses runs the query and calls fn with each response, its rows
// being consecutive.
func scanResponses(ctx context.Context, q querier, fn func(model.Response) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur model.Response
	for rows.Next() {
		var r model.Response
		var at string
		var number sql.NullInt64
		var deleted, hood, wish, cat sql.NullString
		if err := rows.Scan(&r.Seq, &r.Event, &r.ID, &at, &r.AgeGroup, &number, &deleted, &r.DeletedBy,
			&hood, &wish, &cat); err != nil {
			return err
		}
		if r.Seq != cur.Seq {
			if cur.Seq != 0 {
				if err := fn(cur); err != nil {
					return err
				}
			}
			if r.CreatedAt, err = parseTime(at); err != nil {
				return err
			}
			if deleted.Valid {
				if r.DeletedAt, err = parseTime(deleted.String); err != nil {
					return err
				}
			}
			r.Number = number.Int64
			cur = r
		}
		if hood.Valid {
			cur.Marks = append(cur.Marks, model.Mark{Neighbourhood: hood.String, Wish: wish.String, Category: cat.String})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur.Seq != 0 {
		return fn(cur)
	}
	return nil
}

// loadResponse reads one response that counts (withDeleted: deleted or
// not), or ErrNotFound.
func loadResponse(ctx context.Context, q querier, event, id string, withDeleted bool) (model.Response, error) {
	var out model.Response
	where := `WHERE e.name = ? AND r.response_id = ? AND` + live
	if withDeleted {
		where = `WHERE e.name = ? AND r.response_id = ? `
	}
	err := scanResponses(ctx, q, func(r model.Response) error { out = r; return nil },
		selectResponses+where+`ORDER BY r.seq, m.position`, event, id)
	if err == nil && out.Seq == 0 {
		err = ErrNotFound
	}
	return out, err
}

// Response returns one stored response that counts, or ErrNotFound (a
// deleted one too).
func (s *SQLite) Response(ctx context.Context, event, id string) (model.Response, error) {
	r, err := loadResponse(ctx, s.reader, event, id, false)
	if err != nil {
		return r, fmt.Errorf("read response %s: %w", id, err)
	}
	return r, nil
}

// Recent returns up to n responses of the event, newest entry first.
func (s *SQLite) Recent(ctx context.Context, event string, n int) ([]model.Response, error) {
	var out []model.Response
	err := scanResponses(ctx, s.reader, func(r model.Response) error { out = append(out, r); return nil },
		`SELECT `+responseColumns+`
		FROM (SELECT * FROM responses WHERE event_id = (SELECT id FROM events WHERE name = ?) AND deleted_at IS NULL
			ORDER BY seq DESC LIMIT ?) r
		JOIN events e ON e.id = r.event_id
		LEFT JOIN marks m ON m.response_seq = r.seq
		ORDER BY r.seq DESC, m.position`, event, n)
	if err != nil {
		return nil, fmt.Errorf("recent responses of %q: %w", event, err)
	}
	return out, nil
}

// EachResponse calls fn with every response that counts of the event
// ("" = all events) in order of entry (Seq), marks in their stored order;
// deleted ones are left out. An error from fn stops the walk and is
// returned.
func (s *SQLite) EachResponse(ctx context.Context, event string, fn func(model.Response) error) error {
	return s.eachResponse(ctx, event, false, fn)
}

// EachResponseIncludingDeleted is EachResponse with the deleted responses
// too, in their place (DeletedAt set): for an audit.
func (s *SQLite) EachResponseIncludingDeleted(ctx context.Context, event string, fn func(model.Response) error) error {
	return s.eachResponse(ctx, event, true, fn)
}

func (s *SQLite) eachResponse(ctx context.Context, event string, withDeleted bool, fn func(model.Response) error) error {
	if event != "" && !withDeleted { // a board's start: the fast way
		if err := eachOfEvent(ctx, s.reader, event, fn); err != nil {
			return fmt.Errorf("read responses of %q: %w", event, err)
		}
		return nil
	}
	var where []string
	var args []any
	if event != "" {
		where, args = append(where, `r.event_id = (SELECT id FROM events WHERE name = ?)`), append(args, event)
	}
	if !withDeleted {
		where = append(where, live)
	}
	q := selectResponses
	if len(where) > 0 {
		q += `WHERE ` + strings.Join(where, " AND ")
	}
	if err := scanResponses(ctx, s.reader, fn, q+` ORDER BY r.seq, m.position`, args...); err != nil {
		return fmt.Errorf("read responses of %q: %w", event, err)
	}
	return nil
}

// eachOfEvent is EachResponse of one event: its counted responses (the
// deleted left out, as live says). A board's start reads every response
// this way, so a response's own columns come with its first mark only,
// not again with every mark (a fifth less time at 100,000 marks). Should
// a response's marks not begin at position 0 (a file edited by hand), it
// reads them all the plain way instead.
func eachOfEvent(ctx context.Context, q querier, event string, fn func(model.Response) error) error {
	rows, err := q.QueryContext(ctx, `SELECT r.seq, m.position, iif(m.position > 0, NULL, r.response_id),
		iif(m.position > 0, NULL, r.created_at), iif(m.position > 0, NULL, r.age_group), r.number,
		m.neighbourhood, m.wish, m.category
		FROM responses r LEFT JOIN marks m ON m.response_seq = r.seq
		WHERE r.event_id = (SELECT id FROM events WHERE name = ?) AND`+live+`ORDER BY r.seq, m.position`, event)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur model.Response
	for rows.Next() {
		var seq int64
		var pos, number sql.NullInt64
		var id, at, age, hood, wish, cat sql.NullString
		if err := rows.Scan(&seq, &pos, &id, &at, &age, &number, &hood, &wish, &cat); err != nil {
			return err
		}
		if seq != cur.Seq {
			if cur.Seq != 0 {
				if err := fn(cur); err != nil {
					return err
				}
			}
			if !id.Valid {
				rows.Close()
				return scanResponses(ctx, q, after(cur.Seq, fn), selectResponses+
					`WHERE r.event_id = (SELECT id FROM events WHERE name = ?) AND`+live+`ORDER BY r.seq, m.position`, event)
			}
			cur = model.Response{Seq: seq, Event: event, ID: id.String, AgeGroup: age.String, Number: number.Int64}
			if cur.CreatedAt, err = parseTime(at.String); err != nil {
				return err
			}
		}
		if pos.Valid {
			cur.Marks = append(cur.Marks, model.Mark{Neighbourhood: hood.String, Wish: wish.String, Category: cat.String})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur.Seq != 0 {
		return fn(cur)
	}
	return nil
}

// after calls fn with the responses after seq only.
func after(seq int64, fn func(model.Response) error) func(model.Response) error {
	return func(r model.Response) error {
		if r.Seq <= seq {
			return nil
		}
		return fn(r)
	}
}

// write runs fn in one IMMEDIATE transaction on the writer connection and
// commits it; any error rolls everything back.
func (s *SQLite) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	return tx.Commit()
}

// writeUnchecked is write on a connection of its own, which fn may also
// use through sql.Conn.Raw (the transaction is open on it), with foreign
// keys not checked: for an import, which writes only rows that refer to
// rows it read or wrote itself, and whose checks cost a lookup per mark
// (a tenth of its time in SQLite). The tests check that imports break
// none (TestImportKeepsForeignKeys).
func (s *SQLite) writeUnchecked(ctx context.Context, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	conn, err := s.writer.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON"); err != nil {
			// Never hand on a connection that does not check them.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(conn, tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	return tx.Commit()
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// deleteMarks deletes the marks of the response seq and returns them,
// in order.
func deleteMarks(ctx context.Context, tx *sql.Tx, seq int64) ([]model.Mark, error) {
	rows, err := tx.QueryContext(ctx, "DELETE FROM marks WHERE response_seq = ? RETURNING position, neighbourhood, wish, category", seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Mark
	var at []int
	for rows.Next() {
		var pos int
		var m model.Mark
		if err := rows.Scan(&pos, &m.Neighbourhood, &m.Wish, &m.Category); err != nil {
			return nil, err
		}
		out, at = append(out, m), append(at, pos)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// RETURNING gives no order: put them in their positions' one.
	sort.Sort(byPosition{out, at})
	return out, nil
}

// byPosition sorts marks by their positions.
type byPosition struct {
	marks []model.Mark
	at    []int
}

func (b byPosition) Len() int           { return len(b.marks) }
func (b byPosition) Less(i, j int) bool { return b.at[i] < b.at[j] }
func (b byPosition) Swap(i, j int) {
	b.marks[i], b.marks[j] = b.marks[j], b.marks[i]
	b.at[i], b.at[j] = b.at[j], b.at[i]
}

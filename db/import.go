package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"standmap/model"
)

// Import writes the responses in one transaction, all or nothing,
// creating the events they name that do not exist. See Importer.
func (s *SQLite) Import(ctx context.Context, rs []model.Response, skipConflicts bool) (ImportResult, error) {
	return s.ImportCurated(ctx, rs, skipConflicts, ImportCuration{})
}

// ImportCurated is Import that also takes, in the same transaction, the
// curation actions cur carries for each event whose audit log is empty.
// See Importer.
func (s *SQLite) ImportCurated(ctx context.Context, rs []model.Response, skipConflicts bool, cur ImportCuration) (ImportResult, error) {
	for i, r := range rs {
		if r.Event == "" || r.ID == "" {
			return ImportResult{}, fmt.Errorf("import: response %d (%q) has no event or no id", i+1, r.ID)
		}
	}
	var res ImportResult
	err := s.writeUnchecked(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
		counts, err := beginCounts(ctx, tx)
		if err != nil {
			return err
		}
		var differ map[string]bool
		if res, differ, err = importTx(ctx, conn, tx, rs, skipConflicts, counts); err != nil {
			return err
		}
		if err := importCurationTx(ctx, tx, cur, differ, &res); err != nil {
			return err
		}
		return counts.finish(ctx, tx)
	})
	if err != nil {
		if errors.Is(err, ErrConflict) {
			return res, fmt.Errorf("import: %d responses: %w", len(res.Conflicts), err)
		}
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	return res, nil
}

// importTx classifies every response as new, already stored or in
// conflict, and writes the new ones unless a conflict forbids it. It also
// returns the events of which a response is stored differently from rs:
// in conflict, or the same marks in another order (their positions, which
// a hidden mention names, differ).
func importTx(ctx context.Context, conn *sql.Conn, tx *sql.Tx, rs []model.Response, skipConflicts bool, counts *counter) (ImportResult, map[string]bool, error) {
	var res ImportResult
	differ := make(map[string]bool)
	events, err := eventIDs(ctx, tx)
	if err != nil {
		return res, nil, err
	}
	stored, err := storedSeqs(ctx, tx, rs, events)
	if err != nil {
		return res, nil, err
	}
	content, err := responsesBySeq(ctx, tx, stored, rs)
	if err != nil {
		return res, nil, err
	}
	var add []int
	pending := make(map[responseKey]int, len(rs)) // → index into rs of an earlier add
	for i, r := range rs {
		k := key(r.Event, r.ID)
		var same bool
		if seq, ok := stored[k]; ok {
			same = model.SameContent(content[seq], r)
			differ[r.Event] = differ[r.Event] || !slices.Equal(content[seq].Marks, r.Marks)
		} else if j, ok := pending[k]; ok {
			same = model.SameContent(rs[j], r)
		} else {
			pending[k] = i
			add = append(add, i)
			continue
		}
		if same {
			res.Skipped++
		} else {
			res.Conflicts = append(res.Conflicts, i)
		}
	}
	for _, i := range res.Conflicts {
		differ[rs[i].Event] = true
	}
	if len(res.Conflicts) > 0 && !skipConflicts {
		return res, differ, ErrConflict
	}
	now := time.Now().UTC()
	for _, i := range add {
		if _, ok := events[rs[i].Event]; !ok {
			if events[rs[i].Event], err = insertEvent(ctx, tx, rs[i].Event, now); err != nil {
				return res, differ, err
			}
			res.NewEvents = append(res.NewEvents, rs[i].Event)
		}
	}
	if err := insertNew(ctx, conn, tx, rs, add, events, now, counts); err != nil {
		return res, differ, err
	}
	res.Added = len(add)
	for _, i := range add {
		res.AddedMarks += len(rs[i].Marks)
		if rs[i].Deleted() {
			res.AddedDeleted++
		}
	}
	return res, differ, nil
}

// insertNew writes rs[i] for each i of add, in batches, giving them the
// seqs after the highest stored (what SQLite itself would give them) and
// each event's next numbers, and adds the marks of those that count to
// the counts; a response deleted in the file is written deleted (and
// counts nowhere). tx is a transaction on conn.
func insertNew(ctx context.Context, conn *sql.Conn, tx *sql.Tx, rs []model.Response, add []int, events map[string]int64, now time.Time, counts *counter) error {
	// Marks may be written before the batch holding their response; the
	// change log is written for them all at the end (bulk_insert).
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON; INSERT INTO bulk_insert VALUES (1)"); err != nil {
		return err
	}
	var seq int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM responses").Scan(&seq); err != nil {
		return err
	}
	numbers, err := lastNumbers(ctx, tx, rs, add, events)
	if err != nil {
		return err
	}
	first := seq + 1
	// The marks are counted meanwhile, on the other core when free.
	sums := newCountSums(counts)
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		for k, i := range add {
			r := rs[i]
			if r.Deleted() {
				continue
			}
			if r.CreatedAt.IsZero() {
				r.CreatedAt = now
			}
			r.Seq = first + int64(k)
			sums.add(events[r.Event], r)
		}
	}()
	err = conn.Raw(func(dc any) error {
		resps, err := newBatchInsert(ctx, dc, "INSERT INTO responses(seq, event_id, response_id, created_at, age_group, number, deleted_at, deleted_by) VALUES ", 8)
		if err != nil {
			return err
		}
		marks, err := newBatchInsert(ctx, dc, "INSERT INTO marks(response_seq, position, neighbourhood, wish, category) VALUES ", 5)
		if err != nil {
			return errors.Join(err, resps.flush())
		}
		for _, i := range add {
			r := rs[i]
			if r.CreatedAt.IsZero() {
				r.CreatedAt = now
			}
			seq++
			ev := events[r.Event]
			numbers[ev]++
			var deleted any // NULL: counted
			if r.Deleted() {
				deleted = formatTime(r.DeletedAt)
			}
			err = resps.add(seq, ev, r.ID, formatTime(r.CreatedAt), r.AgeGroup, numbers[ev], deleted, r.DeletedBy)
			for p, m := range r.Marks {
				if err != nil {
					break
				}
				err = marks.add(seq, int64(p), m.Neighbourhood, m.Wish, m.Category)
			}
			if err != nil {
				break
			}
		}
		return errors.Join(err, resps.flush(), marks.flush())
	})
	<-counted
	if err != nil {
		return err
	}
	for ev, last := range numbers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO response_numbers(event_id, last) VALUES (?, ?)
			ON CONFLICT(event_id) DO UPDATE SET last = max(last, excluded.last)`, ev, last); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO changes(event_id, response_id, at)
		SELECT event_id, response_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM responses WHERE seq >= ? ORDER BY seq;
		DELETE FROM bulk_insert`, first); err != nil {
		return err
	}
	return sums.write(ctx, tx)
}

// lastNumbers returns, for each event of the responses to add, the last
// number it has given or reserved, so the import numbers after it.
func lastNumbers(ctx context.Context, tx *sql.Tx, rs []model.Response, add []int, events map[string]int64) (map[int64]int64, error) {
	numbers := make(map[int64]int64) // event id → the last number given
	for _, i := range add {
		ev := events[rs[i].Event]
		if _, ok := numbers[ev]; ok {
			continue
		}
		var last int64
		if err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT last FROM response_numbers WHERE event_id = ?1), 0),
			coalesce((SELECT max(number) FROM responses WHERE event_id = ?1), 0))`, ev).Scan(&last); err != nil {
			return nil, err
		}
		numbers[ev] = last
	}
	return numbers, nil
}

// responseKey is a response's event and id.
type responseKey struct{ event, id string }

func key(event, id string) responseKey { return responseKey{event, id} }

// eventIDs maps every stored event's name to its row id.
func eventIDs(ctx context.Context, tx *sql.Tx) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM events")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]int64)
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[name] = id
	}
	return out, rows.Err()
}

func insertEvent(ctx context.Context, tx *sql.Tx, name string, now time.Time) (int64, error) {
	if err := model.CheckText("event", 0, name); err != nil {
		return 0, fmt.Errorf("event %q: %w", name, err)
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO events(name, created_at) VALUES (?, ?)", name, formatTime(now))
	if err != nil {
		return 0, fmt.Errorf("create event %q: %w", name, err)
	}
	return res.LastInsertId()
}

// storedSeqs returns the seq of every stored response whose event and id
// are among rs, loading the ids of each stored event rs names at once.
func storedSeqs(ctx context.Context, tx *sql.Tx, rs []model.Response, events map[string]int64) (map[responseKey]int64, error) {
	out := make(map[responseKey]int64)
	seen := make(map[string]bool)
	for _, r := range rs {
		id, ok := events[r.Event]
		if !ok || seen[r.Event] {
			continue
		}
		seen[r.Event] = true
		rows, err := tx.QueryContext(ctx, "SELECT response_id, seq FROM responses WHERE event_id = ?", id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var rid string
			var seq int64
			if err := rows.Scan(&rid, &seq); err != nil {
				rows.Close()
				return nil, err
			}
			out[key(r.Event, rid)] = seq
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// responsesBySeq loads the stored responses that rs names, in batches.
func responsesBySeq(ctx context.Context, tx *sql.Tx, stored map[responseKey]int64, rs []model.Response) (map[int64]model.Response, error) {
	var seqs []any
	for _, r := range rs {
		if seq, ok := stored[key(r.Event, r.ID)]; ok {
			seqs = append(seqs, seq)
		}
	}
	out := make(map[int64]model.Response, len(seqs))
	keep := func(r model.Response) error { out[r.Seq] = r; return nil }
	const batch = 500
	for len(seqs) > 0 {
		n := min(batch, len(seqs))
		q := selectResponses + "WHERE r.seq IN (?" + strings.Repeat(",?", n-1) + ") ORDER BY r.seq, m.position"
		if err := scanResponses(ctx, tx, keep, q, seqs[:n]...); err != nil {
			return nil, err
		}
		seqs = seqs[n:]
	}
	return out, nil
}

package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"standmap/model"
)

// counter keeps the mark counts (migration 0005) with one write
// transaction's changes to responses: begin it before them, add every
// response written or taken away, and finish it last. When the counts
// were behind already, it counts the events changed since afresh instead.
type counter struct {
	fresh bool  // the counts were current when the transaction began
	since int64 // the change log seq they count up to
	keys  *model.WishKeys
	// refirst lists, by event, the counts whose earliest mark went.
	refirst map[int64][]model.MarkCount
	upsert  *sql.Stmt // upsertCount, prepared once a transaction needs it
}

// beginCounts reads whether the counts are current.
func beginCounts(ctx context.Context, tx *sql.Tx) (*counter, error) {
	c := &counter{keys: model.NewWishKeys(), refirst: make(map[int64][]model.MarkCount)}
	var fold int
	var newest int64
	err := tx.QueryRowContext(ctx, `SELECT changes_seq, fold_version, (SELECT coalesce(max(seq), 0) FROM changes)
		FROM mark_counts_state`).Scan(&c.since, &fold, &newest)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		c.since = -1
		return c, nil
	case err != nil:
		return nil, err
	case fold != model.FoldVersion:
		c.since = -1 // every event's keys may have changed
		return c, nil
	}
	c.fresh = c.since == newest
	return c, nil
}

func newestChange(ctx context.Context, q queryRower) (int64, error) {
	var seq int64
	err := q.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM changes").Scan(&seq)
	return seq, err
}

// queryRower is what a one-row read needs: a transaction or a pool.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// add counts r's marks in its event (sign +1), or takes them away (-1).
func (c *counter) add(ctx context.Context, tx *sql.Tx, event int64, r model.Response, sign int) error {
	if !c.fresh || len(r.Marks) == 0 {
		return nil
	}
	return c.addCounts(ctx, tx, event, model.CountMarks(r, c.keys), sign)
}

// addCounts adds the counts to the event's (sign +1), or takes them away.
func (c *counter) addCounts(ctx context.Context, tx *sql.Tx, event int64, counts []model.MarkCount, sign int) error {
	if !c.fresh {
		return nil
	}
	if sign > 0 {
		if c.upsert == nil {
			var err error
			if c.upsert, err = tx.PrepareContext(ctx, upsertCount); err != nil {
				return err
			}
		}
		for _, mc := range counts {
			if _, err := c.upsert.ExecContext(ctx, event, mc.Neighbourhood, mc.Wish, mc.Category, mc.Spelling, mc.Key,
				mc.Marks, mc.NeighbourhoodFirsts, mc.KeyFirsts, formatTime(mc.First.At), mc.First.Seq, mc.First.Position); err != nil {
				return err
			}
		}
		return nil
	}
	for _, mc := range counts {
		var left, firsts, firstSeq, firstPos int64
		err := tx.QueryRowContext(ctx, `UPDATE mark_counts SET marks = marks - ?, hood_firsts = hood_firsts - ?, key_firsts = key_firsts - ?
			WHERE event_id = ? AND neighbourhood = ? AND wish = ? AND category = ?
			RETURNING marks, min(hood_firsts, key_firsts), first_seq, first_position`,
			mc.Marks, mc.NeighbourhoodFirsts, mc.KeyFirsts, event, mc.Neighbourhood, mc.Wish, mc.Category).Scan(&left, &firsts, &firstSeq, &firstPos)
		switch {
		case errors.Is(err, sql.ErrNoRows), err == nil && (left < 0 || firsts < 0):
			c.fresh = false // they did not count these marks: count afresh
			return nil
		case err != nil:
			return err
		case left == 0:
			if _, err := tx.ExecContext(ctx, `DELETE FROM mark_counts
				WHERE event_id = ? AND neighbourhood = ? AND wish = ? AND category = ?`,
				event, mc.Neighbourhood, mc.Wish, mc.Category); err != nil {
				return err
			}
		case firstSeq == mc.First.Seq && int(firstPos) == mc.First.Position:
			c.refirst[event] = append(c.refirst[event], mc)
		}
	}
	return nil
}

// countSums adds up many responses' counts by event, to write at once.
type countSums struct {
	c    *counter
	sums map[int64]*model.MarkSums
}

func newCountSums(c *counter) *countSums {
	return &countSums{c: c, sums: make(map[int64]*model.MarkSums)}
}

// add adds r's marks to its event's sums.
func (s *countSums) add(event int64, r model.Response) {
	if !s.c.fresh {
		return
	}
	sums := s.sums[event]
	if sums == nil {
		sums = model.NewMarkSums(s.c.keys)
		s.sums[event] = sums
	}
	sums.Add(r)
}

// write adds the sums to the stored counts.
func (s *countSums) write(ctx context.Context, tx *sql.Tx) error {
	for event, sums := range s.sums {
		if err := s.c.addCounts(ctx, tx, event, sums.Counts(), +1); err != nil {
			return err
		}
	}
	return nil
}

// upsertCount adds a count to the event's, keeping the earlier first mark.
const upsertCount = `INSERT INTO mark_counts(event_id, neighbourhood, wish, category, spelling, wish_key,
		marks, hood_firsts, key_firsts, first_at, first_seq, first_position)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (event_id, neighbourhood, wish, category) DO UPDATE SET
		marks = marks + excluded.marks,
		hood_firsts = hood_firsts + excluded.hood_firsts,
		key_firsts = key_firsts + excluded.key_firsts,
		first_at = iif(` + earlier + `, excluded.first_at, first_at),
		first_seq = iif(` + earlier + `, excluded.first_seq, first_seq),
		first_position = iif(` + earlier + `, excluded.first_position, first_position)`

// earlier is true when the new first mark was given before the stored one.
const earlier = `(excluded.first_at, excluded.first_seq, excluded.first_position) < (first_at, first_seq, first_position)`

// finish finds the earliest mark again where it went, and marks the
// counts current; when they were not current, it counts every event
// changed since they were.
func (c *counter) finish(ctx context.Context, tx *sql.Tx) error {
	if c.upsert != nil {
		defer c.upsert.Close()
	}
	if c.fresh {
		for event, mcs := range c.refirst {
			if err := refirst(ctx, tx, event, mcs); err != nil {
				return err
			}
		}
	} else if err := recountSince(ctx, tx, c.since); err != nil {
		return err
	}
	return setCountsState(ctx, tx)
}

func setCountsState(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO mark_counts_state(only, changes_seq, fold_version)
		VALUES (1, (SELECT coalesce(max(seq), 0) FROM changes), ?)`, model.FoldVersion)
	return err
}

// refirst sets each count's earliest mark again, from the marks stored.
func refirst(ctx context.Context, tx *sql.Tx, event int64, mcs []model.MarkCount) error {
	keys := make([]model.CountKey, len(mcs))
	for i, mc := range mcs {
		keys[i] = mc.Of()
	}
	first, err := firstMarks(ctx, tx, event, keys, nil)
	if err != nil {
		return err
	}
	for k, m := range first {
		if _, err := tx.ExecContext(ctx, `UPDATE mark_counts SET first_at = ?, first_seq = ?, first_position = ?
			WHERE event_id = ? AND neighbourhood = ? AND wish = ? AND category = ?`,
			formatTime(m.At), m.Seq, m.Position, event, k.Neighbourhood, k.Wish, k.Category); err != nil {
			return err
		}
	}
	return nil
}

// firstMarks returns the earliest mark of the event with each key's
// texts, leaving out the marks named (MarkRefs) in skip. It scans the
// marks once for the keys' wishes (IN looks each up in an index made of
// them) and reads only the matches.
func firstMarks(ctx context.Context, q querier, event int64, keys []model.CountKey, skip map[string]bool) (map[model.CountKey]model.Mention, error) {
	want := make(map[model.CountKey]bool, len(keys))
	var wishes []string
	ks := make([][3]string, len(keys))
	for i, k := range keys {
		want[k] = true
		wishes = append(wishes, k.Wish)
		ks[i] = [3]string{k.Neighbourhood, k.Wish, k.Category}
	}
	rows, err := q.QueryContext(ctx, `SELECT r.response_id, m.neighbourhood, m.wish, m.category, r.created_at, r.seq, m.position
		FROM marks m CROSS JOIN responses r ON r.seq = m.response_seq
		WHERE m.wish IN (SELECT value FROM json_each(?1))
			AND (m.neighbourhood, m.wish, m.category) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2))
			AND r.event_id = ?3 AND`+live, jsonOf(wishes), jsonOf(ks), event)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[model.CountKey]model.Mention, len(keys))
	for rows.Next() {
		var id, at string
		var k model.CountKey
		var m model.Mention
		if err := rows.Scan(&id, &k.Neighbourhood, &k.Wish, &k.Category, &at, &m.Seq, &m.Position); err != nil {
			return nil, err
		}
		if !want[k] || skip[model.MarkRef(id, m.Position)] {
			continue
		}
		if m.At, err = parseTime(at); err != nil {
			return nil, err
		}
		if f, ok := out[k]; !ok || m.Before(f) {
			out[k] = m
		}
	}
	return out, rows.Err()
}

// recountSince counts afresh every event with a change after seq (every
// event when seq is below zero or past the log's end).
func recountSince(ctx context.Context, tx *sql.Tx, seq int64) error {
	newest, err := newestChange(ctx, tx)
	if err != nil {
		return err
	}
	query, args := "SELECT DISTINCT event_id FROM changes WHERE seq > ?", []any{seq}
	if seq < 0 || seq > newest {
		query, args = "SELECT id FROM events", nil
	}
	events, err := int64s(ctx, tx, query, args...)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if err := recount(ctx, tx, ev); err != nil {
			return fmt.Errorf("event %d: %w", ev, err)
		}
	}
	return nil
}

// recount counts one event's marks afresh, from the responses that
// count (deleted ones are left out, as everywhere: see eventCounts).
func recount(ctx context.Context, tx *sql.Tx, event int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM mark_counts WHERE event_id = ?", event); err != nil {
		return err
	}
	c := &counter{fresh: true, keys: model.NewWishKeys()}
	sums := newCountSums(c)
	err := scanResponses(ctx, tx, func(r model.Response) error {
		sums.add(event, r)
		return nil
	}, selectResponses+"WHERE r.event_id = ? AND"+live+"ORDER BY r.seq, m.position", event)
	if err != nil {
		return err
	}
	err = sums.write(ctx, tx)
	if c.upsert != nil {
		err = errors.Join(err, c.upsert.Close())
	}
	return err
}

// deriveCounts counts every event's marks afresh when the counts were
// never made or were made by another model.FoldVersion (and their table
// exists: a test may migrate part of the way).
func deriveCounts(ctx context.Context, tx *sql.Tx) error {
	var tables int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'mark_counts_state'`).Scan(&tables); err != nil {
		return err
	}
	if tables == 0 || countsDerived(ctx, tx) {
		return nil
	}
	if err := recountSince(ctx, tx, -1); err != nil {
		return err
	}
	return setCountsState(ctx, tx)
}

// countsDerived reports, from a plain read, whether the counts were made
// with this model.FoldVersion (current or not).
func countsDerived(ctx context.Context, q queryRower) bool {
	var fold int
	err := q.QueryRowContext(ctx, "SELECT fold_version FROM mark_counts_state").Scan(&fold)
	return err == nil && fold == model.FoldVersion
}

// int64s runs a query of one integer column.
func int64s(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

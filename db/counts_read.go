package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"standmap/model"
)

// TallyCounted returns the event's tally under its curation from the
// mark counts (model.TallyCounts), reading them, the curation and the
// few responses they need in one transaction. ok is false when the counts
// are behind the responses; then count the responses instead.
func (s *SQLite) TallyCounted(ctx context.Context, g *model.Gazetteer, event string) (model.Tally, bool, error) {
	t, ok, err := s.tallyCounted(ctx, g, event)
	if errors.Is(err, model.ErrCountsDisagree) {
		return model.Tally{}, false, nil
	}
	if err != nil {
		return model.Tally{}, false, fmt.Errorf("tally of %q: %w", event, err)
	}
	return t, ok, nil
}

func (s *SQLite) tallyCounted(ctx context.Context, g *model.Gazetteer, event string) (model.Tally, bool, error) {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return model.Tally{}, false, err
	}
	defer tx.Rollback()
	if ok, err := countsCurrent(ctx, tx); err != nil || !ok {
		return model.Tally{}, false, err
	}
	cur, err := loadCuration(ctx, tx, event)
	if err != nil {
		return model.Tally{}, false, err
	}
	ec, err := eventCounts(ctx, tx, event)
	if err != nil {
		return model.Tally{}, false, err
	}
	t, err := model.TallyCounts(g, event, ec, cur, countSource{ctx, tx, event})
	return t, err == nil, err
}

// countsCurrent reports whether the mark counts count every response.
func countsCurrent(ctx context.Context, tx *sql.Tx) (bool, error) {
	var since int64
	var fold int
	err := tx.QueryRowContext(ctx, "SELECT changes_seq, fold_version FROM mark_counts_state").Scan(&since, &fold)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	newest, err := newestChange(ctx, tx)
	return since == newest && fold == model.FoldVersion, err
}

// eventCounts reads the event's number of responses and mark counts.
// Deleted responses count nowhere: they are left out here, in recount,
// in firstMarks and in countSource.Responses, and each write's counter
// adds or takes away a response's marks as it starts or stops counting
// (save, delete, restore, import), as EachResponse leaves them out.
func eventCounts(ctx context.Context, tx *sql.Tx, event string) (model.EventCounts, error) {
	var ec model.EventCounts
	const id = "(SELECT id FROM events WHERE name = ?)"
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM responses r WHERE r.event_id = "+id+" AND"+live, event).Scan(&ec.Responses); err != nil {
		return ec, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT neighbourhood, wish, category, spelling, wish_key, marks, hood_firsts, key_firsts,
		first_at, first_seq, first_position FROM mark_counts WHERE event_id = `+id, event)
	if err != nil {
		return ec, err
	}
	defer rows.Close()
	for rows.Next() {
		var mc model.MarkCount
		var at string
		if err := rows.Scan(&mc.Neighbourhood, &mc.Wish, &mc.Category, &mc.Spelling, &mc.Key, &mc.Marks,
			&mc.NeighbourhoodFirsts, &mc.KeyFirsts, &at, &mc.First.Seq, &mc.First.Position); err != nil {
			return ec, err
		}
		if mc.First.At, err = parseTime(at); err != nil {
			return ec, err
		}
		ec.Marks = append(ec.Marks, mc)
	}
	return ec, rows.Err()
}

// countSource reads, within a transaction, what model.TallyCounts needs
// of an event besides its counts.
type countSource struct {
	ctx   context.Context
	tx    *sql.Tx
	event string
}

// jsonOf encodes v as a parameter for json_each.
func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Responses reads the event's responses that w names, scanning the marks
// only for the sets w has.
func (c countSource) Responses(w model.Wanted) ([]model.Response, error) {
	var with, which []string
	var withArgs, whichArgs []any
	if len(w.IDs) > 0 {
		which = append(which, "r.response_id IN (SELECT value FROM json_each(?))")
		whichArgs = append(whichArgs, jsonOf(w.IDs))
	}
	for _, s := range []struct {
		name, column string
		sets         [][]string
	}{{"wishes", "wish", w.WishSets}, {"hoods", "neighbourhood", w.NeighbourhoodSets}} {
		if len(s.sets) == 0 {
			continue
		}
		set := make(map[string]int) // text → its set
		for i, texts := range s.sets {
			for _, x := range texts {
				set[x] = i
			}
		}
		// The marks are scanned once, each looked up in an automatic index.
		with = append(with, s.name+"(text, s) AS MATERIALIZED (SELECT key, value FROM json_each(?))")
		withArgs = append(withArgs, jsonOf(set))
		which = append(which, fmt.Sprintf(`r.seq IN (SELECT m.response_seq FROM marks m JOIN %[1]s ON %[1]s.text = m.%[2]s
			GROUP BY m.response_seq, %[1]s.s HAVING count(*) > 1)`, s.name, s.column))
	}
	if len(which) == 0 {
		return nil, nil
	}
	query := selectResponses + "WHERE r.event_id = (SELECT id FROM events WHERE name = ?) AND" + live + "AND (" +
		strings.Join(which, " OR ") + ") ORDER BY r.seq, m.position"
	if len(with) > 0 {
		query = "WITH " + strings.Join(with, ", ") + " " + query
	}
	args := append(append(withArgs, c.event), whichArgs...)
	var out []model.Response
	err := scanResponses(c.ctx, c.tx, func(r model.Response) error { out = append(out, r); return nil }, query, args...)
	return out, err
}

// FirstShown finds the earliest mark of each key that is not a hidden one.
func (c countSource) FirstShown(keys []model.CountKey, hidden []string) (map[model.CountKey]model.Mention, error) {
	skip := make(map[string]bool, len(hidden))
	for _, ref := range hidden {
		skip[ref] = true
	}
	id, err := eventID(c.ctx, c.tx, c.event)
	if err != nil {
		return nil, err
	}
	return firstMarks(c.ctx, c.tx, id, keys, skip)
}

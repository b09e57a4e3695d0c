package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

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
	t, err := model.TallyCounts(g, event, ec, cur, func(w model.Wanted) ([]model.Response, error) {
		return responsesWanted(ctx, tx, event, w)
	})
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
func eventCounts(ctx context.Context, tx *sql.Tx, event string) (model.EventCounts, error) {
	var ec model.EventCounts
	const id = "(SELECT id FROM events WHERE name = ?)"
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM responses WHERE event_id = "+id, event).Scan(&ec.Responses); err != nil {
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

// responsesWanted reads the event's responses that w names.
func responsesWanted(ctx context.Context, q querier, event string, w model.Wanted) ([]model.Response, error) {
	list := func(xs []string) string {
		b, _ := json.Marshal(append([]string{}, xs...))
		return string(b)
	}
	sets := func(ss [][]string) string { // {"text": set, ...}
		m := make(map[string]int)
		for i, set := range ss {
			for _, x := range set {
				m[x] = i
			}
		}
		b, _ := json.Marshal(m)
		return string(b)
	}
	var out []model.Response
	err := scanResponses(ctx, q, func(r model.Response) error { out = append(out, r); return nil },
		`WITH wishes(text, s) AS MATERIALIZED (SELECT key, value FROM json_each(?4)),
			hoods(text, s) AS MATERIALIZED (SELECT key, value FROM json_each(?5))
		`+selectResponses+`WHERE r.event_id = (SELECT id FROM events WHERE name = ?1)
			AND (r.response_id IN (SELECT value FROM json_each(?2))
				OR r.seq IN (SELECT response_seq FROM marks WHERE wish IN (SELECT value FROM json_each(?3)))
				OR r.seq IN (SELECT m.response_seq FROM marks m JOIN wishes ON wishes.text = m.wish
					GROUP BY m.response_seq, wishes.s HAVING count(*) > 1)
				OR r.seq IN (SELECT m.response_seq FROM marks m JOIN hoods ON hoods.text = m.neighbourhood
					GROUP BY m.response_seq, hoods.s HAVING count(*) > 1))
			ORDER BY r.seq, m.position`,
		event, list(w.IDs), list(w.Wishes), sets(w.WishSets), sets(w.NeighbourhoodSets))
	return out, err
}

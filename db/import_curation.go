package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"standmap/model"
)

// ImportCuration is the curation an import carries.
type ImportCuration struct {
	// Who is logged as the taker of every action, e.g. "import fair.csv".
	Who string
	// Actions are, by event name, the actions to take in this order.
	Actions map[string][]model.CurationAction
}

// importCurationTx takes cur's actions within tx on each event whose log
// is empty and none of whose responses differ from the file's (differ),
// and records what it did in res.
func importCurationTx(ctx context.Context, tx *sql.Tx, cur ImportCuration, differ map[string]bool, res *ImportResult) error {
	events := make([]string, 0, len(cur.Actions))
	for ev, as := range cur.Actions {
		if len(as) > 0 {
			events = append(events, ev)
		}
	}
	sort.Strings(events)
	for _, name := range events {
		ev, err := eventID(ctx, tx, name)
		if errors.Is(err, ErrNotFound) {
			continue // none of its responses was written or stored
		}
		if err != nil {
			return err
		}
		var logged bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS(SELECT 1 FROM curation_log WHERE event_id = ?)", ev).Scan(&logged); err != nil {
			return err
		}
		switch {
		case logged:
			res.CurationKept = append(res.CurationKept, name)
			continue
		case differ[name]:
			res.CurationDiffers = append(res.CurationDiffers, name)
			continue
		}
		n := 0
		for _, a := range cur.Actions[name] {
			_, err := curateTx(ctx, tx, ev, name, cur.Who, a)
			switch {
			case errors.Is(err, model.ErrNothingToDo):
				continue
			case err != nil:
				return fmt.Errorf("curation of %q: %s: %w", name, a.Describe(), err)
			}
			n++
		}
		if n > 0 {
			res.Curated = append(res.Curated, name)
			res.CurationActions += n
		}
	}
	return nil
}

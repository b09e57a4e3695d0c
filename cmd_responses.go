package main

import (
	"errors"
	"fmt"

	"standmap/db"
	"standmap/exchange"
	"standmap/model"
)

func init() {
	register(&command{
		name:  "responses",
		usage: "deleted | restore ID",
		short: "list the event's deleted (or undone) responses; restore one with its id and number",
		run:   runResponses,
	})
}

func runResponses(e *env, args []string) error {
	switch {
	case len(args) == 1 && args[0] == "deleted":
		ev, err := e.existingEvent()
		if err != nil {
			return err
		}
		return exchange.WriteDeleted(e.ctx, e.store, ev.Name, e.stdout)
	case len(args) == 2 && args[0] == "restore":
		ev, err := e.existingEvent()
		if err != nil {
			return err
		}
		r, err := exchange.Restore(e.ctx, e.store, ev.Name, args[1])
		switch {
		case errors.Is(err, db.ErrNotFound):
			return fmt.Errorf("no response %q in %q (standmap responses deleted lists the deleted ones)", model.Sanitize(args[1]), ev.Name)
		case errors.Is(err, db.ErrNotDeleted):
			return fmt.Errorf("response %q is not deleted: it counts already", model.Sanitize(args[1]))
		case err != nil:
			return err
		}
		fmt.Fprintf(e.stdout, "restored #%d %s: %s\n", r.Number, r.ID, exchange.Summary(r))
		return nil
	case len(args) > 0 && args[0] == "restore":
		return usageError{"give the id of the response to restore (standmap responses deleted lists them)"}
	}
	return usageError{"use responses deleted, or responses restore ID"}
}

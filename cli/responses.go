package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"standmap/db"
	"standmap/exchange"
	"standmap/model"
)

// newResponses returns `responses` (= `responses deleted`) and its
// subcommands: the event's deleted (or undone) responses, and bringing one
// back.
func newResponses() *cobra.Command {
	cmd := newResponsesDeleted("responses", "List the event's deleted (or undone) responses; restore one with its id and number")
	cmd.AddCommand(newResponsesDeleted("deleted", "List the event's deleted (or undone) responses: id, number, when, by whom, what"),
		newResponsesRestore())
	return cmd
}

// newResponsesDeleted returns a command named use that lists the
// deleted responses.
func newResponsesDeleted(use, short string) *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(p, cmd, useDB|useEvent, func(e *env) error {
				ev, err := e.readEvent()
				if err != nil {
					return err
				}
				return exchange.WriteDeleted(e.ctx, e.store, ev.Name, e.stdout)
			})
		},
	}
	p.flags(cmd, useDB|useEvent)
	return cmd
}

// newResponsesRestore returns `responses restore ID`.
func newResponsesRestore() *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   "restore ID",
		Short: "Count a deleted response again, with its id and number",
		Args:  args(exactly(1), "give the id of the response to restore (standmap responses deleted lists them)"),
		RunE: func(cmd *cobra.Command, ids []string) error {
			return run(p, cmd, useDB|useEvent, func(e *env) error {
				ev, err := e.readEvent()
				if err != nil {
					return err
				}
				r, err := exchange.Restore(e.ctx, e.store, ev.Name, ids[0])
				switch {
				case errors.Is(err, db.ErrNotFound):
					return fmt.Errorf("no response %q in %q (standmap responses deleted lists the deleted ones)", model.Sanitize(ids[0]), ev.Name)
				case errors.Is(err, db.ErrNotDeleted):
					return fmt.Errorf("response %q is not deleted: it counts already", model.Sanitize(ids[0]))
				case err != nil:
					return err
				}
				fmt.Fprintf(e.stdout, "restored #%d %s: %s\n", r.Number, r.ID, exchange.Summary(r))
				return nil
			})
		},
	}
	p.flags(cmd, useDB|useEvent)
	return cmd
}

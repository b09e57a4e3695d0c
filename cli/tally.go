package cli

import (
	"github.com/spf13/cobra"

	"standmap/exchange"
	"standmap/model"
)

// tallyOptions are tally's own flags.
type tallyOptions struct {
	json bool
	at   string
}

// newTally returns `tally`, here or over SSH (p): the event's tallies as
// text or the contract's JSON.
func newTally(p place) *cobra.Command {
	o := &tallyOptions{}
	cmd := &cobra.Command{
		Use:   "tally",
		Short: "Print the current tallies of the event, as text or JSON",
		Args:  atArgs(&o.at, p.remote()),
		RunE: func(cmd *cobra.Command, _ []string) error {
			at, err := parseAt(o.at)
			if err != nil {
				return err
			}
			return run(p, cmd, useDB|useEvent|useMap, func(e *env) error {
				ev, err := e.readEvent()
				if err != nil {
					return err
				}
				var t model.Tally
				if at.IsZero() {
					t, err = exchange.Tally(e.ctx, e.store, e.city.Gazetteer, ev.Name)
				} else {
					t, err = e.pastTallyAt(ev.Name, at)
				}
				if err != nil {
					return err
				}
				return exchange.WriteTally(e.stdout, t, o.json)
			})
		},
	}
	p.flags(cmd, useDB|useEvent|useMap)
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print the contract's JSON")
	f.StringVar(&o.at, "at", "", "the tally as it was at this time: responses answered then or before (RFC 3339, or 2006-01-02 15:04 local time)")
	return cmd
}

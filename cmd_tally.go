package main

import (
	"flag"
	"fmt"

	"standmap/exchange"
	"standmap/model"
)

// Tally's flags, set anew by every parse.
var (
	tallyJSON bool
	tallyAt   string
)

func init() {
	register(&command{
		name:  "tally",
		usage: "",
		short: "print the current tallies of the event, as text or JSON",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&tallyJSON, "json", false, "print the contract's JSON")
			fs.StringVar(&tallyAt, "at", "", "the tally as it was at `TIME`: responses answered then or before (RFC 3339, or 2006-01-02 15:04 local time)")
		},
		run: runTally,
	})
}

func runTally(e *env, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	}
	at, err := parseAt(tallyAt)
	if err != nil {
		return err
	}
	ev, err := e.existingEvent()
	if err != nil {
		return err
	}
	var t model.Tally
	if at.IsZero() {
		t, err = exchange.Tally(e.ctx, e.store, e.city.Gazetteer, ev.Name)
	} else {
		t, err = e.tallyAt(ev.Name, at)
	}
	if err != nil {
		return err
	}
	return exchange.WriteTally(e.stdout, t, tallyJSON)
}

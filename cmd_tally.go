package main

import (
	"flag"
	"fmt"

	"standmap/exchange"
)

// tallyJSON is tally's --json, set anew by every parse.
var tallyJSON bool

func init() {
	register(&command{
		name:  "tally",
		usage: "",
		short: "print the current tallies of the event, as text or JSON",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&tallyJSON, "json", false, "print the contract's JSON")
		},
		run: runTally,
	})
}

func runTally(e *env, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	}
	ev, err := e.existingEvent()
	if err != nil {
		return err
	}
	t, err := exchange.Tally(e.ctx, e.store, e.city.Gazetteer, ev.Name)
	if err != nil {
		return err
	}
	return exchange.WriteTally(e.stdout, t, tallyJSON)
}

package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"standmap/db"
	"standmap/model"
)

func init() {
	register(&command{
		name:  "events",
		usage: "[new NAME]",
		short: "list events (* = the current one); events new NAME starts one",
		run:   runEvents,
	})
}

func runEvents(e *env, args []string) error {
	switch {
	case len(args) == 0:
		return listEvents(e)
	case args[0] == "new" && len(args) == 2:
		return newEvent(e, args[1])
	case args[0] == "new":
		return usageError{"give the new event's name as one argument (quote it when it has spaces)"}
	}
	return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
}

func listEvents(e *env) error {
	evs, err := e.store.Events(e.ctx)
	if err != nil {
		return err
	}
	if len(evs) == 0 {
		fmt.Fprintln(e.stdout, "no events yet (standmap events new NAME starts one)")
		return nil
	}
	cur, err := e.store.CurrentEvent(e.ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  event\tresponses\tstarted")
	for _, ev := range evs {
		mark := " "
		if ev.Name == cur.Name {
			mark = "*"
		}
		fmt.Fprintf(tw, "%s %s\t%9d\t%s\n", mark, ev.Name, ev.Responses, ev.CreatedAt.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func newEvent(e *env, name string) error {
	if strings.TrimSpace(name) == "" {
		return usageError{"the event's name is empty"}
	}
	if err := model.CheckText("event", 0, name); err != nil {
		return fmt.Errorf("event name: %w", err)
	}
	ev, err := e.store.CreateEvent(e.ctx, name)
	if errors.Is(err, db.ErrEventExists) {
		return fmt.Errorf("event %q already exists (give --event %q to use it)", name, name)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "started event %q; it is now the current event\n", ev.Name)
	return nil
}

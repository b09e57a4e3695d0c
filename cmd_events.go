package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"standmap/db"
	"standmap/model"
	"standmap/report"
)

// The flags of events set, set anew by every parse.
var (
	eventsAgeGroups string
	eventsMinGroup  int
)

func init() {
	register(&command{
		name:  "events",
		usage: "[new NAME | rename OLD NEW | switch NAME | set NAME | compare A B]",
		short: "list events (* = the current one); start, rename, switch to, configure or compare them",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&eventsAgeGroups, "age-groups", "", "with set: the event's age `groups`, comma-separated (\"13-15,16-18,19+\")")
			fs.IntVar(&eventsMinGroup, "min-group", 0, "with set: the event's privacy threshold `N` (age groups shown in reports only with N or more responses)")
		},
		run: runEvents,
	})
}

// eventsSubcommands are events' subcommands with their number of
// arguments and what to say when it is wrong.
var eventsSubcommands = map[string]struct {
	args int
	hint string
	run  func(e *env, args []string) error
}{
	"new":     {1, "give the new event's name as one argument (quote it when it has spaces)", func(e *env, a []string) error { return newEvent(e, a[0]) }},
	"rename":  {2, "give the event's name and its new name (quote names with spaces)", func(e *env, a []string) error { return renameEvent(e, a[0], a[1]) }},
	"switch":  {1, "give the name of the event to make current", func(e *env, a []string) error { return switchEvent(e, a[0]) }},
	"set":     {1, "give the event's name, then --age-groups and/or --min-group", func(e *env, a []string) error { return setEvent(e, a[0]) }},
	"compare": {2, "give the names of the two events to compare", func(e *env, a []string) error { return compareEvents(e, a[0], a[1]) }},
}

func runEvents(e *env, args []string) error {
	if len(args) == 0 {
		return listEvents(e)
	}
	sub, ok := eventsSubcommands[args[0]]
	switch {
	case !ok:
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	case len(args)-1 != sub.args:
		return usageError{sub.hint}
	case args[0] != "set" && (eventsAgeGroups != "" || eventsMinGroup != 0):
		return usageError{"--age-groups and --min-group go with events set"}
	}
	return sub.run(e, args[1:])
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

func renameEvent(e *env, old, name string) error {
	err := e.store.RenameEvent(e.ctx, old, name)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return fmt.Errorf("no event %q (standmap events lists them)", old)
	case errors.Is(err, db.ErrEventExists):
		return fmt.Errorf("event %q already exists", name)
	case err != nil:
		return err
	}
	fmt.Fprintf(e.stdout, "renamed event %q to %q\n", old, name)
	return nil
}

func switchEvent(e *env, name string) error {
	err := e.store.SwitchEvent(e.ctx, name)
	if errors.Is(err, db.ErrNotFound) {
		return fmt.Errorf("no event %q (standmap events lists them)", name)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "event %q is now the current event\n", name)
	return nil
}

// setEvent stores the flags given (keeping the settings not given) and
// prints the event's settings.
func setEvent(e *env, name string) error {
	st, err := e.store.EventSettings(e.ctx, name)
	if errors.Is(err, db.ErrNotFound) {
		return fmt.Errorf("no event %q (standmap events lists them)", name)
	}
	if err != nil {
		return err
	}
	if eventsMinGroup < 0 {
		return usageError{fmt.Sprintf("--min-group %d: give a number of responses, 1 or more", eventsMinGroup)}
	}
	if eventsAgeGroups != "" || eventsMinGroup > 0 {
		if eventsAgeGroups != "" {
			st.AgeGroups = splitAgeGroups(eventsAgeGroups)
		}
		if eventsMinGroup > 0 {
			st.MinGroup = eventsMinGroup
		}
		if err := e.store.SetEventSettings(e.ctx, name, st); err != nil {
			return err
		}
	}
	eff := st.Effective()
	fmt.Fprintf(e.stdout, "event %q: age groups %s; privacy threshold %d\n", name, strings.Join(eff.AgeGroups, ", "), eff.MinGroup)
	return nil
}

// splitAgeGroups reads "13-15, 16-18,19+" as its groups, trimmed.
func splitAgeGroups(s string) []string {
	var out []string
	for _, g := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(g))
	}
	return out
}

func compareEvents(e *env, a, b string) error {
	ta, err := e.tallyAt(a, time.Time{})
	if err != nil {
		return err
	}
	tb, err := e.tallyAt(b, time.Time{})
	if err != nil {
		return err
	}
	return report.WriteComparison(e.stdout, model.Compare(ta, tb, 10), e.lang)
}

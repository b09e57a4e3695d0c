package cli

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"standmap/db"
	"standmap/model"
	"standmap/report"
)

// newEvents returns `events` (the list) and its subcommands.
func newEvents() *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List events (* = the current one); start, rename, switch to, configure or compare them",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(p, cmd, useDB, listEvents)
		},
	}
	p.flags(cmd, useDB)
	cmd.AddCommand(
		eventsVerb("new NAME", "Start an event and make it the current one", 1,
			"give the new event's name as one argument (quote it when it has spaces)",
			func(e *env, a []string) error { return newEvent(e, a[0]) }),
		eventsVerb("rename OLD NEW", "Rename an event (its screens follow)", 2,
			"give the event's name and its new name (quote names with spaces)",
			func(e *env, a []string) error { return renameEvent(e, a[0], a[1]) }),
		eventsVerb("switch NAME", "Make an event the current one", 1,
			"give the name of the event to make current",
			func(e *env, a []string) error { return switchEvent(e, a[0]) }),
		newEventsSet(),
		newEventsCompare(),
	)
	return cmd
}

// eventsVerb is a subcommand of events that takes n arguments (hint
// says which when they are wrong) and the database.
func eventsVerb(use, short string, n int, hint string, fn func(e *env, args []string) error) *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use: use, Short: short,
		Args: args(exactly(n), hint),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(p, cmd, useDB, func(e *env) error { return fn(e, args) })
		},
	}
	p.flags(cmd, useDB)
	return cmd
}

// eventsSetOptions are events set's own flags.
type eventsSetOptions struct {
	ageGroups string
	minGroup  int
}

// newEventsSet returns `events set NAME`: the event's settings.
func newEventsSet() *cobra.Command {
	p, o := newLocal(), &eventsSetOptions{}
	cmd := &cobra.Command{
		Use:   "set NAME",
		Short: "Configure an event (age groups, privacy threshold) and print its settings",
		Args:  args(exactly(1), "give the event's name, then --age-groups and/or --min-group"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.minGroup < 0 {
				return usagef("--min-group %d: give a number of responses, 1 or more", o.minGroup)
			}
			return run(p, cmd, useDB, func(e *env) error { return setEvent(e, args[0], o) })
		},
	}
	p.flags(cmd, useDB)
	f := cmd.Flags()
	f.StringVar(&o.ageGroups, "age-groups", "", `the event's age groups, comma-separated ("13-15,16-18,19+")`)
	f.IntVar(&o.minGroup, "min-group", 0, "the event's privacy threshold (age groups shown in reports only with this many responses or more)")
	return cmd
}

// newEventsCompare returns `events compare A B`.
func newEventsCompare() *cobra.Command {
	p := newLocal()
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Compare two events: visitors, neighbourhoods and wishes side by side",
		Args:  args(exactly(2), "give the names of the two events to compare"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(p, cmd, useDB|useMap|useLang, func(e *env) error { return compareEvents(e, args[0], args[1]) })
		},
	}
	p.flags(cmd, useDB|useMap|useLang)
	return cmd
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
		return usagef("the event's name is empty")
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
func setEvent(e *env, name string, o *eventsSetOptions) error {
	st, err := e.store.EventSettings(e.ctx, name)
	if errors.Is(err, db.ErrNotFound) {
		return fmt.Errorf("no event %q (standmap events lists them)", name)
	}
	if err != nil {
		return err
	}
	if o.ageGroups != "" || o.minGroup > 0 {
		if o.ageGroups != "" {
			st.AgeGroups = splitAgeGroups(o.ageGroups)
		}
		if o.minGroup > 0 {
			st.MinGroup = o.minGroup
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

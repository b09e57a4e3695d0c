package cli

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"standmap/tui"
	"standmap/tui/replay"
)

// replayOptions are replay's own flags.
type replayOptions struct {
	speed float64
	at    string
}

// newReplay returns `replay`: the board of an event at any moment.
func newReplay() *cobra.Command {
	p, o := newLocal(), &replayOptions{}
	cmd := &cobra.Command{
		Use:   "replay",
		Short: "Step or play through an event as it happened: the board at any moment (read-only)",
		Args:  atArgs(&o.at, false),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.speed <= 0 {
				return usagef("--speed must be above 0")
			}
			at, err := parseAt(o.at)
			if err != nil {
				return err
			}
			return run(p, cmd, useAll, func(e *env) error { return runReplay(e, o.speed, at) })
		},
	}
	p.flags(cmd, useAll)
	f := cmd.Flags()
	f.Float64Var(&o.speed, "speed", replay.DefaultSpeed, "event time per second when playing (60: a minute per second)")
	f.StringVar(&o.at, "at", "", "start at this time (RFC 3339, or 2006-01-02 15:04 local time; default: the start)")
	return cmd
}

// runReplay loads the event's responses once and replays them until quit;
// it only reads the database.
func runReplay(e *env, speed float64, at time.Time) error {
	ev, err := e.readEvent() // creates no event
	if err != nil {
		return err
	}
	if ev.ID == 0 {
		return fmt.Errorf("no event %q (standmap events lists them)", ev.Name)
	}
	rs, cur, err := replay.Load(e.ctx, e.store, ev.Name)
	if err != nil {
		return err
	}
	m := tui.NewReplay(tui.ReplayOptions{Options: replay.Options{
		City: e.city, Event: ev, Responses: rs, Curation: cur, Lang: e.lang,
		Speed: speed, At: at, Location: time.Local,
	}, DBPath: e.store.Path()})
	_, err = tea.NewProgram(m, tea.WithContext(e.ctx), tea.WithInput(e.stdin), tea.WithOutput(e.stdout)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && e.ctx.Err() != nil {
		return nil // interrupted by a signal: a normal end
	}
	return err
}

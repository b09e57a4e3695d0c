package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/tui/replay"
)

// Replay's flags, set anew by every parse.
var (
	replaySpeed float64
	replayAt    string
)

func init() {
	register(&command{
		name:  "replay",
		usage: "",
		short: "step or play through an event as it happened: the board at any moment (read-only)",
		flags: func(fs *flag.FlagSet) {
			fs.Float64Var(&replaySpeed, "speed", replay.DefaultSpeed, "event time per second when playing (60: a minute per second)")
			fs.StringVar(&replayAt, "at", "", "start at `TIME` (RFC 3339, or 2006-01-02 15:04 local time; default: the start)")
		},
		run: runReplay,
	})
}

// runReplay loads the event's responses once and replays them until quit;
// it only reads the database.
func runReplay(e *env, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	}
	if replaySpeed <= 0 {
		return usageError{"--speed must be above 0"}
	}
	at, err := parseAt(replayAt)
	if err != nil {
		return err
	}
	name, err := presentEventName(e) // creates no event
	if err != nil {
		return err
	}
	ev, err := e.store.Event(e.ctx, name)
	if err != nil {
		return fmt.Errorf("no event %q (standmap events lists them)", name)
	}
	rs, cur, err := replay.Load(e.ctx, e.store, ev.Name)
	if err != nil {
		return err
	}
	m := replay.New(replay.Options{
		City: e.city, Event: ev, Responses: rs, Curation: cur, Lang: e.lang,
		Speed: replaySpeed, At: at, Location: time.Local, DBPath: e.store.Path(),
	})
	_, err = tea.NewProgram(m, tea.WithContext(e.ctx), tea.WithInput(e.stdin), tea.WithOutput(e.stdout)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && e.ctx.Err() != nil {
		return nil // interrupted by a signal: a normal end
	}
	return err
}

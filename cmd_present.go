package main

import (
	"context"
	"errors"
	"flag"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/live"
	"standmap/model"
	"standmap/tui/present"
)

func init() {
	var (
		theme, revealAt, join string
		rotate                time.Duration
		hidden                bool
	)
	register(&command{
		name:  "present",
		short: "the projection: the live results, large, for a projector (read-only)",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&theme, "theme", "dark", "`palette`: dark, light (bright rooms) or contrast")
			fs.DurationVar(&rotate, "rotate", present.DefaultRotate, "how long each panel shows when they take turns")
			fs.BoolVar(&hidden, "hidden", false, "start with the results hidden (h reveals them)")
			fs.StringVar(&revealAt, "reveal-at", "", "when results will be shown, e.g. 15:00 (shown while hidden)")
			fs.StringVar(&join, "join", "", "a line at the bottom, e.g. how to reach the board by ssh")
		},
		run: func(e *env, _ []string) error {
			th, err := present.ParseTheme(theme)
			if err != nil {
				return usageError{err.Error()}
			}
			if rotate <= 0 {
				return usageError{"--rotate must be above 0"}
			}
			if err := model.CheckText("--reveal-at", 0, revealAt); err != nil {
				return usageError{err.Error()}
			}
			return runPresent(e, present.Options{Theme: th, Rotate: rotate, JoinLine: join,
				Display: present.DisplayState{Hidden: hidden, RevealAt: revealAt}})
		},
	})
}

// runPresent shows the projection of the current event until it is quit;
// it writes nothing to the database but what it shows (hide, reveal,
// freeze), which every other screen on the database follows.
func runPresent(e *env, o present.Options) error {
	name, err := presentEventName(e)
	if err != nil {
		return err
	}
	hub, err := live.NewHub(e.store, e.city.Gazetteer, name)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	go hub.Run(ctx)
	// As the application or another projection left it, with what the
	// flags say on top (--hidden, --reveal-at), for every screen.
	d := hub.Display()
	if o.Display.Hidden {
		d.Hidden = true
	}
	if o.Display.RevealAt != "" {
		d.RevealAt = o.Display.RevealAt
	}
	if d != hub.Display() {
		hub.SetDisplay(d)
	}
	o.Display = d
	sub := hub.Subscribe()
	defer sub.Close()

	o.City, o.Lang, o.Snapshot = e.city, e.lang, hub.Snapshot()
	o.OnDisplayChange = hub.SetDisplay
	p := tea.NewProgram(present.New(o), tea.WithContext(ctx))
	go forwardHub(ctx, sub, p,
		func(s *model.Snapshot) tea.Msg { return present.SnapshotMsg{Snapshot: s} },
		func(d live.DisplayState) tea.Msg { return present.DisplayMsg(d) })
	_, err = p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted by a signal: a normal end
	}
	return err
}

// presentEventName returns the event to show, creating none (unlike
// e.event, as the projection only reads): --event must exist; else the
// current event, or today's, which shows empty until the app starts it.
func presentEventName(e *env) (string, error) {
	if e.eventName != "" {
		ev, err := e.existingEvent()
		return ev.Name, err
	}
	return e.defaultEventName()
}

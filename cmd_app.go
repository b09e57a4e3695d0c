package main

import (
	"context"
	"errors"
	"flag"

	tea "charm.land/bubbletea/v2"

	"standmap/live"
	"standmap/model"
	"standmap/tui"
)

func init() {
	register(&command{name: "app", short: "the local application: capture and live board (the default)",
		flags: func(fs *flag.FlagSet) { moderateFlag(fs, &appModerate) },
		run:   func(e *env, _ []string) error { return runApp(e, nil) }})
}

// appModerate is app's --moderate, set anew by every parse.
var appModerate bool

// runApp runs the interface on the terminal until the facilitator quits.
// During the run, background (when set) is started with the hub and ends
// with the program.
func runApp(e *env, background func(ctx context.Context, hub *live.Hub)) error {
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	b, err := startBoard(ctx, e, appModerate)
	if err != nil {
		return err
	}
	ev, settings, hub := b.event, b.settings, b.hub
	sub := hub.Subscribe()
	defer sub.Close()

	who := localWho()
	m := tui.New(tui.Options{
		Store: e.store, Hub: hub, City: e.city, Event: ev, Lang: e.lang,
		Role: tui.Facilitator, DBPath: e.store.Path(), Who: who,
		AgeGroups: settings.Effective().AgeGroups,
	})
	p := tea.NewProgram(m, tea.WithContext(ctx))
	go forwardHub(ctx, sub, p,
		func(s *model.Snapshot) tea.Msg { return tui.SnapshotMsg{Snapshot: s} },
		func(d live.DisplayState) tea.Msg { return tui.DisplayMsg(d) })
	if background != nil {
		go background(ctx, hub)
	}
	_, err = p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted by a signal: a normal end
	}
	return err
}

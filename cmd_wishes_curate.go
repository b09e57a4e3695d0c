package main

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"standmap/live"
	"standmap/tui"
)

// runCurate runs the curation view of the event on the terminal: the
// groups as the boards show them, live, until the facilitator quits.
func runCurate(e *env, event string) error {
	hub, err := live.NewHub(e.store, e.city.Gazetteer, event)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	go hub.Run(ctx)
	sub := hub.Subscribe()
	defer sub.Close()
	p := tea.NewProgram(tui.NewCurate(tui.CurateOptions{
		Curator: e.store, Reader: e.store, Gazetteer: e.city.Gazetteer,
		Changed: hub.Changed, Event: event, Who: localWho(), Lang: e.lang,
	}), tea.WithContext(ctx))
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case s := <-sub.C():
				p.Send(tui.SnapshotMsg{Snapshot: s})
			}
		}
	}()
	_, err = p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted by a signal: a normal end
	}
	return err
}

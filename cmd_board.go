package main

import (
	"context"

	"standmap/db"
	"standmap/live"
	"standmap/model"
)

// board is what the application and the SSH server start from: the event,
// its settings and a running hub.
type board struct {
	event    model.Event
	settings db.EventSettings
	hub      *live.Hub
}

// startBoard opens the current event (starting today's when there is
// none), switches moderation on when asked, and runs the event's hub until
// ctx ends.
func startBoard(ctx context.Context, e *env, moderate bool) (board, error) {
	ev, err := e.event()
	if err != nil {
		return board{}, err
	}
	settings, err := e.store.EventSettings(e.ctx, ev.Name)
	if err != nil {
		return board{}, err
	}
	if moderate {
		if err := startModeration(e, ev.Name, localWho()); err != nil {
			return board{}, err
		}
	}
	hub, err := live.NewHub(e.store, e.city.Gazetteer, ev.Name)
	if err != nil {
		return board{}, err
	}
	go hub.Run(ctx)
	return board{event: ev, settings: settings, hub: hub}, nil
}

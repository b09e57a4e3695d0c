package main

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"standmap/live"
	"standmap/model"
)

// forwardHub hands p every new snapshot and reveal state of sub, wrapped
// by snap and display, until ctx ends or sub is closed.
func forwardHub(ctx context.Context, sub *live.Subscription, p *tea.Program,
	snap func(*model.Snapshot) tea.Msg, display func(live.DisplayState) tea.Msg) {
	snaps, displays := sub.C(), sub.Display()
	for {
		select {
		case <-ctx.Done():
			return
		case s, ok := <-snaps:
			if !ok {
				return
			}
			p.Send(snap(s))
		case d, ok := <-displays:
			if !ok {
				return
			}
			p.Send(display(d))
		}
	}
}

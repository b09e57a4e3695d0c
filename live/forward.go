package live

import (
	"context"

	"standmap/model"
)

// Forward hands every snapshot from snaps to snapshot, and every display
// state from displays to display, until ctx ends or a channel is closed:
// how a screen's program is fed from its Subscription (C and Display).
// A nil displays (or display) takes no display state. The callbacks run
// on Forward's goroutine, one at a time; a slow one only makes the
// mailboxes keep the newest, so it delays no other screen.
func Forward(ctx context.Context, snaps <-chan *model.Snapshot, displays <-chan DisplayState,
	snapshot func(*model.Snapshot), display func(DisplayState)) {
	if display == nil {
		displays = nil // a nil channel is never ready
	}
	for {
		select {
		case <-ctx.Done():
			return
		case s, ok := <-snaps:
			if !ok {
				return
			}
			snapshot(s)
		case d, ok := <-displays:
			if !ok {
				return
			}
			display(d)
		}
	}
}

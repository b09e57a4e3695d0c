package live

import (
	"context"

	"standmap/model"
)

// Forward hands every snapshot from snaps to send until ctx ends or snaps
// is closed: how a screen's program is fed from its Subscription (C),
// e.g. send = func(s) { p.Send(SnapshotMsg{s}) }. A snapshot carries the
// display state, so this is the screen's only stream. send runs on
// Forward's goroutine, one snapshot at a time; a slow one only makes the
// mailbox keep the newest, so it delays no other screen.
func Forward(ctx context.Context, snaps <-chan *model.Snapshot, send func(*model.Snapshot)) {
	for {
		select {
		case <-ctx.Done():
			return
		case s, ok := <-snaps:
			if !ok {
				return
			}
			send(s)
		}
	}
}

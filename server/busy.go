package server

import (
	"context"
	"time"
)

// ViewerCommands is how many commands viewers run at once across the
// server (ssh HOST tally --at …: a replay of the event, a third of a
// second of a core on 100,000 marks). A viewer's command beyond them
// waits ViewerCommandWait for one to end, then is refused: no queue
// grows without bound, and facilitators' commands and sessions never
// wait for viewers'.
const ViewerCommands = 2

// ViewerCommandWait is how long a viewer's command waits for a turn
// before it is refused as busy.
const ViewerCommandWait = 3 * time.Second

// viewerTurns holds a token for each viewer's command running.
type viewerTurns chan struct{}

func newViewerTurns() viewerTurns { return make(viewerTurns, ViewerCommands) }

// take waits up to ViewerCommandWait for a turn (or until ctx ends: the
// client left) and returns its release; ok is false when none came.
func (t viewerTurns) take(ctx context.Context) (release func(), ok bool) {
	select {
	case t <- struct{}{}:
		return func() { <-t }, true
	default:
	}
	wait := time.NewTimer(ViewerCommandWait)
	defer wait.Stop()
	select {
	case t <- struct{}{}:
		return func() { <-t }, true
	case <-wait.C:
	case <-ctx.Done():
	}
	return nil, false
}

// commandTurn gives a command of role its turn: at once for a
// facilitator; for a viewer, one of ViewerCommands turns, or ok false.
func (s *Server) commandTurn(ctx context.Context, role Role) (release func(), ok bool) {
	if role == Facilitator {
		return func() {}, true
	}
	return s.viewerTurns.take(ctx)
}

package live

import (
	"context"
	"testing"
	"time"

	"standmap/model"
)

// TestForward: a screen fed by Forward gets the first snapshot, then the
// one a display state set by another screen gives; it stops when the
// context ends, and when the subscription is closed.
func TestForward(t *testing.T) {
	s, _ := openStore(t)
	h := startHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	snaps := make(chan *model.Snapshot, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		Forward(ctx, sub.C(), func(s *model.Snapshot) { snaps <- s })
		close(done)
	}()
	if s := receive(t, snaps); s.Event != "fair" || s.Display != (DisplayState{}) {
		t.Fatalf("first snapshot of %q, display %+v", s.Event, s.Display)
	}
	h.SetDisplay(DisplayState{Hidden: true})
	if s := receive(t, snaps); !s.Display.Hidden {
		t.Fatalf("display state %+v, want hidden", s.Display)
	}
	cancel()
	receive(t, done)

	// Closing the subscription ends it too.
	other := h.Subscribe()
	done = make(chan struct{})
	got := 0
	go func() {
		Forward(context.Background(), other.C(), func(*model.Snapshot) { got++ })
		close(done)
	}()
	other.Close()
	receive(t, done)
	if got > 1 {
		t.Errorf("%d snapshots from one subscription never refreshed", got)
	}
}

// receive returns the next value of c, failing the test when none comes
// within 5 s (a bound for a stuck test, not a timing assertion).
func receive[T any](t *testing.T, c <-chan T) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("nothing received")
		var zero T
		return zero
	}
}

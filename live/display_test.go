package live

import (
	"context"
	"testing"
	"time"

	"standmap/db"
)

// display receives the next snapshot of sub and returns the display
// state it carries, failing the test when none comes within 5 s (a bound
// for a stuck test, not a timing assertion).
func display(t *testing.T, sub *Subscription) DisplayState {
	t.Helper()
	return receive(t, sub.C()).Display
}

// TestDisplaySharedBetweenSubscribers: what one screen sets, another
// receives in a snapshot of the same counts; a late subscriber starts
// with it.
func TestDisplaySharedBetweenSubscribers(t *testing.T) {
	s, _ := openStore(t)
	h := startHub(t, s)
	a, b := h.Subscribe(), h.Subscribe()
	defer a.Close()
	defer b.Close()
	first := receive(t, b.C())
	if first.Display != (DisplayState{}) {
		t.Fatalf("first state %+v, want shown", first.Display)
	}
	want := DisplayState{Hidden: true, RevealAt: "15:00"}
	h.SetDisplay(want)
	got := receive(t, b.C())
	if got.Display != want {
		t.Fatalf("got %+v, want %+v", got.Display, want)
	}
	if !got.SameCounts(first) || got.Responses != first.Responses {
		t.Fatalf("a display change gave version %d (was %d)", got.Version, first.Version)
	}
	if h.Snapshot().Display != want {
		t.Fatalf("the hub's snapshot shows %+v", h.Snapshot().Display)
	}
	late := h.Subscribe()
	defer late.Close()
	if d := display(t, late); d != want {
		t.Fatalf("late subscriber starts with %+v", d)
	}
}

// TestDisplayAndCountsInOneSnapshot: a snapshot published after a save
// carries the display state set before it, and one published after a
// display change carries the counts saved before it: one stream, whose
// newest snapshot is always the whole truth.
func TestDisplayAndCountsInOneSnapshot(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t)
	h := newHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	hidden := DisplayState{Hidden: true}
	h.SetDisplay(hidden)
	if _, err := s.SaveResponse(ctx, response("fair", 1)); err != nil {
		t.Fatal(err)
	}
	if err := h.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := receive(t, sub.C()); got.Display != hidden || got.Responses != 1 {
		t.Fatalf("after a save: %d responses, display %+v", got.Responses, got.Display)
	}
	h.SetDisplay(DisplayState{})
	if got := receive(t, sub.C()); got.Display != (DisplayState{}) || got.Responses != 1 {
		t.Fatalf("after a reveal: %d responses, display %+v", got.Responses, got.Display)
	}
}

// TestDisplayStalledSubscriber: a subscriber that never reads does not
// hold up SetDisplay, and keeps only the newest state.
func TestDisplayStalledSubscriber(t *testing.T) {
	s, _ := openStore(t)
	h := startHub(t, s)
	stalled := h.Subscribe()
	defer stalled.Close()
	done := make(chan struct{})
	go func() {
		for i := 0; i < 1000; i++ {
			h.SetDisplay(DisplayState{Hidden: i%2 == 0, Frozen: i == 999})
		}
		close(done)
	}()
	receive(t, done) // else SetDisplay blocked on a stalled subscriber
	if d := display(t, stalled); d != (DisplayState{Frozen: true}) {
		t.Fatalf("stalled subscriber holds %+v, want the newest", d)
	}
	select {
	case s := <-stalled.C():
		t.Fatalf("a second snapshot %+v waiting", s.Display)
	default:
	}
}

// TestDisplayClosed: a closed subscription is left out of SetDisplay.
func TestDisplayClosed(t *testing.T) {
	s, _ := openStore(t)
	h := startHub(t, s)
	sub := h.Subscribe()
	<-sub.C()
	sub.Close()
	h.SetDisplay(DisplayState{Hidden: true})
	if _, ok := <-sub.C(); ok {
		t.Fatal("mailbox open after Close")
	}
}

// TestDisplayAcrossProcesses: what one process's hub sets (a projection
// hiding the results), another process's hub on the same database takes
// at its next refresh and gives its subscribers (the SSH viewers' boards);
// the setter's own refreshes never show the state from before again.
func TestDisplayAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	s, path := openStore(t)
	a := newHub(t, s)
	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	b := newHub(t, other)
	subA, subB := a.Subscribe(), b.Subscribe()
	defer subA.Close()
	defer subB.Close()
	<-subA.C()
	<-subB.C()

	want := DisplayState{Hidden: true, RevealAt: "15:00"}
	a.SetDisplay(want) // no I/O: a screen calls it from its Update
	if d := display(t, subA); d != want {
		t.Fatalf("the setter's board got %+v", d)
	}
	a.storeDisplay(ctx) // as Run does
	if err := b.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if d := display(t, subB); d != want {
		t.Fatalf("the other process's board got %+v, want %+v", d, want)
	}
	for range 3 { // the setter's own refreshes, after its write, never send the old state
		if err := a.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case s := <-subA.C():
		if s.Display != want {
			t.Fatalf("the setter's board got %+v again", s.Display)
		}
	default:
	}
	// A hub started later begins with the stored state.
	c := newHub(t, other)
	if d := c.Snapshot().Display; d != want {
		t.Errorf("a new hub starts with %+v", d)
	}
}

// TestDisplaySetBeforeEventExists: a projection opened before the
// application starts today's event hides the results; the state stays
// pending until the event exists, then is stored — never lost, so the
// results do not come back when the event is created.
func TestDisplaySetBeforeEventExists(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t)
	h, err := NewHub(s, testGaz(t), "today")
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go h.Run(runCtx)
	hidden := DisplayState{Hidden: true}
	h.SetDisplay(hidden)
	time.Sleep(3 * pollEvery) // tries, and finds no event
	if _, err := s.CreateEvent(ctx, "today"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		d, err := s.Display(ctx, "today")
		if err == nil && d == hidden {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored display %+v, %v; want hidden once the event exists", d, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if d := h.Snapshot().Display; d != hidden {
		t.Errorf("the hub shows %+v", d)
	}
}

// pausedDisplay is a real store whose Display, once armed, waits for
// release after saying it was entered: a refresh caught mid-read.
type pausedDisplay struct {
	db.Store
	armed            bool
	entered, release chan struct{}
}

func (p *pausedDisplay) Display(ctx context.Context, event string) (DisplayState, error) {
	d, err := p.Store.Display(ctx, event)
	if p.armed {
		p.armed = false
		close(p.entered)
		<-p.release
	}
	return d, err
}

// TestDisplayNeverReverts: a refresh that read the stored state just
// before a screen set a new one does not then share the old one: the
// state the screen set stays (hidden results never flash back).
func TestDisplayNeverReverts(t *testing.T) {
	ctx := context.Background()
	real, _ := openStore(t)
	s := &pausedDisplay{Store: real, entered: make(chan struct{}), release: make(chan struct{})}
	h := newHub(t, s)
	shown := DisplayState{RevealAt: "15:00"}
	h.SetDisplay(shown)
	h.storeDisplay(ctx) // as Run would: stored, nothing pending
	s.armed = true
	refreshed := make(chan error)
	go func() { refreshed <- h.Refresh(ctx) }()
	<-s.entered // the refresh has read "shown" from the store
	hidden := DisplayState{Hidden: true, RevealAt: "15:00"}
	h.SetDisplay(hidden) // a facilitator's h, meanwhile
	close(s.release)
	if err := <-refreshed; err != nil {
		t.Fatal(err)
	}
	if got := h.Snapshot().Display; got != hidden {
		t.Fatalf("after the refresh the hub shows %+v, want %+v", got, hidden)
	}
}

package live

import (
	"context"
	"testing"
	"time"

	"standmap/db"
)

// TestDisplaySharedBetweenSubscribers: what one screen sets, another
// receives; a late subscriber starts with it.
func TestDisplaySharedBetweenSubscribers(t *testing.T) {
	s, _ := openStore(t)
	h := startHub(t, s)
	a, b := h.Subscribe(), h.Subscribe()
	defer a.Close()
	defer b.Close()
	if d := <-b.Display(); d != (DisplayState{}) {
		t.Fatalf("first state %+v, want shown", d)
	}
	want := DisplayState{Hidden: true, RevealAt: "15:00"}
	h.SetDisplay(want)
	select {
	case d := <-b.Display():
		if d != want {
			t.Fatalf("got %+v, want %+v", d, want)
		}
	case <-time.After(time.Second):
		t.Fatal("the other subscriber received nothing")
	}
	if h.Display() != want {
		t.Fatalf("Display() = %+v", h.Display())
	}
	late := h.Subscribe()
	defer late.Close()
	if d := <-late.Display(); d != want {
		t.Fatalf("late subscriber starts with %+v", d)
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
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("SetDisplay blocked on a stalled subscriber")
	}
	if d := <-stalled.Display(); d != (DisplayState{Frozen: true}) {
		t.Fatalf("stalled subscriber holds %+v, want the newest", d)
	}
	select {
	case d := <-stalled.Display():
		t.Fatalf("a second state %+v waiting", d)
	default:
	}
}

// TestDisplayClosed: Close closes the display mailbox too, and a closed
// subscription is left out of SetDisplay.
func TestDisplayClosed(t *testing.T) {
	s, _ := openStore(t)
	h := startHub(t, s)
	sub := h.Subscribe()
	<-sub.Display()
	sub.Close()
	h.SetDisplay(DisplayState{Hidden: true})
	if _, ok := <-sub.Display(); ok {
		t.Fatal("display mailbox open after Close")
	}
}

// TestDisplayAcrossProcesses: what one process's hub sets (a projection
// hiding the results), another process's hub on the same database takes
// at its next refresh and gives its subscribers (the SSH viewers' boards);
// the setter's own refresh never shows the state from before again.
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
	<-subA.Display()
	<-subB.Display()

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go a.Run(runCtx) // stores what SetDisplay set, and polls
	want := DisplayState{Hidden: true, RevealAt: "15:00"}
	a.SetDisplay(want) // no I/O: a screen calls it from its Update
	if d := <-subA.Display(); d != want {
		t.Fatalf("the setter's board got %+v", d)
	}
	deadline := time.Now().Add(2 * time.Second)
	for b.Display() != want {
		if time.Now().After(deadline) {
			t.Fatal("the other process's hub did not take the state within 2 s")
		}
		time.Sleep(20 * time.Millisecond)
		if err := b.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if d := <-subB.Display(); d != want {
		t.Fatalf("the other process's board got %+v, want %+v", d, want)
	}
	select { // the setter's own polls, after its write, never send the old state
	case d := <-subA.Display():
		t.Fatalf("the setter's board got %+v again", d)
	case <-time.After(3 * pollEvery):
	}
	// A hub started later begins with the stored state.
	c := newHub(t, other)
	if c.Display() != want {
		t.Errorf("a new hub starts with %+v", c.Display())
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
	if h.Display() != hidden {
		t.Errorf("the hub shows %+v", h.Display())
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
	if got := h.Display(); got != hidden {
		t.Fatalf("after the refresh the hub shows %+v, want %+v", got, hidden)
	}
}

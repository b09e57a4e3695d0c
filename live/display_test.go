package live

import (
	"testing"
	"time"
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

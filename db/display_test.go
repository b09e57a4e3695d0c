package db

import (
	"context"
	"errors"
	"testing"

	"standmap/model"
)

// TestDisplay: the display state of an event is the zero state until set,
// survives a reopen, is per event, and refuses an unknown event and a
// reveal time with an escape sequence.
func TestDisplay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	mustEvent(t, s, "a")
	mustEvent(t, s, "b")
	if d, err := s.Display(ctx, "a"); err != nil || d != (model.DisplayState{}) {
		t.Fatalf("never set: %+v, %v", d, err)
	}
	want := model.DisplayState{Hidden: true, RevealAt: "15:00"}
	if err := s.SetDisplay(ctx, "a", want); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if d, err := s2.Display(ctx, "a"); err != nil || d != want {
		t.Errorf("after a reopen: %+v, %v; want %+v", d, err, want)
	}
	if d, _ := s2.Display(ctx, "b"); d != (model.DisplayState{}) {
		t.Errorf("another event: %+v", d)
	}
	if _, err := s2.Display(ctx, "zz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown event: %v", err)
	}
	if err := s2.SetDisplay(ctx, "zz", want); !errors.Is(err, ErrNotFound) {
		t.Errorf("set on an unknown event: %v", err)
	}
	if err := s2.SetDisplay(ctx, "a", model.DisplayState{RevealAt: "\x1b[2J15:00"}); err == nil {
		t.Error("a reveal time with an escape sequence was stored")
	}
}

package db

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestRenameEvent(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	ctx := context.Background()
	mustEvent(t, s, "a")
	mustEvent(t, s, "b")
	if _, err := s.SaveResponse(ctx, sample("a", 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameEvent(ctx, "a", "b"); !errors.Is(err, ErrEventExists) {
		t.Fatalf("rename onto a taken name: %v", err)
	}
	if err := s.RenameEvent(ctx, "zz", "c"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rename of a missing event: %v", err)
	}
	if err := s.RenameEvent(ctx, "a", "bad\x1b[2J"); err == nil {
		t.Fatal("a name with an escape sequence was accepted")
	}
	if err := s.RenameEvent(ctx, "a", "Gadatirgus"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Response(ctx, "Gadatirgus", "r000001"); err != nil {
		t.Fatalf("the response did not follow its event: %v", err)
	}
	if _, err := s.Event(ctx, "a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("old name still found: %v", err)
	}
}

func TestSwitchEvent(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	ctx := context.Background()
	current := func() string {
		t.Helper()
		ev, err := s.CurrentEvent(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return ev.Name
	}
	mustEvent(t, s, "a")
	mustEvent(t, s, "b")
	if got := current(); got != "b" {
		t.Fatalf("current = %q, want the newest", got)
	}
	if err := s.SwitchEvent(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if got := current(); got != "a" {
		t.Fatalf("after switch, current = %q", got)
	}
	if err := s.SwitchEvent(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("switch to a missing event: %v", err)
	}
	mustEvent(t, s, "c")
	if got := current(); got != "c" {
		t.Fatalf("a new event did not become current: %q", got)
	}
}

func TestEventSettings(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	ctx := context.Background()
	mustEvent(t, s, "a")
	st, err := s.EventSettings(ctx, "a")
	if err != nil || st.AgeGroups != nil || st.MinGroup != 0 {
		t.Fatalf("fresh settings = %+v, %v", st, err)
	}
	if eff := st.Effective(); eff.MinGroup != DefaultMinGroup || len(eff.AgeGroups) != 3 {
		t.Fatalf("effective defaults = %+v", eff)
	}
	want := EventSettings{AgeGroups: []string{"10-12", "13-15", "16+"}, MinGroup: 7}
	if err := s.SetEventSettings(ctx, "a", want); err != nil {
		t.Fatal(err)
	}
	got, err := s.EventSettings(ctx, "a")
	if err != nil || !slices.Equal(got.AgeGroups, want.AgeGroups) || got.MinGroup != 7 {
		t.Fatalf("settings = %+v, %v; want %+v", got, err, want)
	}
	for _, bad := range []EventSettings{{AgeGroups: []string{"a", "a"}}, {AgeGroups: []string{""}}, {MinGroup: -1}, {AgeGroups: []string{"x\ny"}}} {
		if err := s.SetEventSettings(ctx, "a", bad); err == nil {
			t.Errorf("settings %+v accepted", bad)
		}
	}
	if _, err := s.EventSettings(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("settings of a missing event: %v", err)
	}
	if err := s.SetEventSettings(ctx, "nope", want); !errors.Is(err, ErrNotFound) {
		t.Fatalf("set settings of a missing event: %v", err)
	}
}

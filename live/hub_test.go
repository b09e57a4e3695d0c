package live

import (
	"context"
	"reflect"
	"runtime"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

func TestSubscriberGetsSnapshotAfterSave(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t)
	h := startHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	first := <-sub.C()
	if first == nil || first.Responses != 0 || first != h.Snapshot() {
		t.Fatalf("first snapshot %+v", first)
	}
	r, err := s.SaveResponse(ctx, response("fair", 1))
	if err != nil {
		t.Fatal(err)
	}
	h.Changed()
	got := waitFor(t, sub, 2*time.Second, func(s *model.Snapshot) bool { return s.Responses == 1 })
	if got.Version <= first.Version || len(got.Recent) != 1 || got.Recent[0].ID != r.ID {
		t.Fatalf("snapshot %+v", got)
	}
	if got.Counts[r.Marks[0].Neighbourhood] != 1 {
		t.Fatalf("counts %v", got.Counts)
	}
}

func TestWatcherSeesAnotherProcess(t *testing.T) {
	s, path := openStore(t)
	h := startHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.SaveResponse(context.Background(), response("fair", 1)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, sub, time.Second, func(s *model.Snapshot) bool { return s.Responses == 1 })
}

func TestOtherEventsDoNotPublish(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t)
	h := newHub(t, s)
	if _, err := s.Import(ctx, []model.Response{response("school", 1)}, false); err != nil {
		t.Fatal(err)
	}
	v := h.Snapshot().Version
	if err := h.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if h.Snapshot().Version != v {
		t.Fatal("a write to another event published a snapshot")
	}
}

func TestSlowSubscriberBlocksNoOne(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t)
	h := newHub(t, s)
	stalled, reader := h.Subscribe(), h.Subscribe()
	defer stalled.Close()
	defer reader.Close()
	<-reader.C()
	for i := range 5 {
		if _, err := s.SaveResponse(ctx, response("fair", i)); err != nil {
			t.Fatal(err)
		}
		if err := h.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		if got := <-reader.C(); got.Responses != i+1 {
			t.Fatalf("reader got %d responses, want %d", got.Responses, i+1)
		}
	}
	got := <-stalled.C()
	if got != h.Snapshot() || got.Responses != 5 {
		t.Fatalf("stalled subscriber got version %d, want the newest %d", got.Version, h.Snapshot().Version)
	}
	select {
	case s := <-stalled.C():
		t.Fatalf("a second, older snapshot was queued: version %d", s.Version)
	default:
	}
}

func TestCloseReleases(t *testing.T) {
	s, _ := openStore(t)
	before := runtime.NumGoroutine()
	h := newHub(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- h.Run(ctx) }()
	subs := make([]*Subscription, 10)
	for i := range subs {
		subs[i] = h.Subscribe()
	}
	for _, sub := range subs {
		sub.Close()
		sub.Close()         // idempotent
		for range sub.C() { // drains the pending snapshot, then ends
		}
	}
	h.Changed()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	h.subsMu.Lock()
	left := len(h.subs)
	h.subsMu.Unlock()
	if left != 0 {
		t.Fatalf("%d subscriptions left", left)
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after, %d before", n, before)
	}
}

func TestTalliesMatchStore(t *testing.T) {
	ctx := context.Background()
	s, path := openStore(t)
	g := testGaz(t)
	h, err := NewHub(s, g, "fair")
	if err != nil {
		t.Fatal(err)
	}
	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	check := func(when string) {
		t.Helper()
		if err := h.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		got, want := h.Snapshot().Tally, storedTally(t, s, g)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: hub tally\n%+v\nstore tally\n%+v", when, got, want)
		}
	}
	for i := range 60 {
		st := s
		if i%2 == 1 {
			st = other
		}
		if _, err := st.SaveResponse(ctx, response("fair", i)); err != nil {
			t.Fatal(err)
		}
	}
	check("after saves")
	for i := 0; i < 60; i += 4 { // edits: new marks and times
		r := response("fair", i+1)
		r.ID = response("fair", i).ID
		if _, err := s.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	var removed model.Response
	for i := 0; i < 60; i += 5 {
		if removed, err = other.DeleteResponse(ctx, "fair", response("fair", i).ID, "local"); err != nil {
			t.Fatal(err)
		}
	}
	check("after edits and deletes")
	if _, err := s.RestoreResponse(ctx, removed.Event, removed.ID); err != nil { // undo
		t.Fatal(err)
	}
	check("after undo")
	many := make([]model.Response, rebuildAfter+100)
	for i := range many {
		many[i] = response("fair", 1000+i)
	}
	if _, err := other.Import(ctx, many, false); err != nil {
		t.Fatal(err)
	}
	v := h.Snapshot().Version
	check("after a rebuild")
	if h.Snapshot().Version <= v || h.Snapshot().Responses < rebuildAfter {
		t.Fatalf("rebuild published %+v", h.Snapshot().Tally.Responses)
	}
}

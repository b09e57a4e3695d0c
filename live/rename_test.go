package live

import (
	"context"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// TestHubFollowsRename: another process renames the event while a hub
// (an open application or server) follows it; the hub's next refresh
// takes the new name, keeps the counts, and sees saves under it.
func TestHubFollowsRename(t *testing.T) {
	ctx := context.Background()
	s, path := openStore(t)
	for i := range 5 {
		if _, err := s.SaveResponse(ctx, response("fair", i)); err != nil {
			t.Fatal(err)
		}
	}
	h := newHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	<-sub.C()

	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.RenameEvent(ctx, "fair", "Fair 2025"); err != nil {
		t.Fatal(err)
	}
	if err := h.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var snap *model.Snapshot
	select {
	case snap = <-sub.C():
	case <-time.After(5 * time.Second):
		t.Fatal("no snapshot after the rename")
	}
	if snap.Event != "Fair 2025" || h.Event() != "Fair 2025" || snap.Responses != 5 {
		t.Fatalf("after the rename: snapshot of %q with %d responses, hub on %q", snap.Event, snap.Responses, h.Event())
	}
	if _, err := s.SaveResponse(ctx, response(h.Event(), 5)); err != nil {
		t.Fatal(err)
	}
	h.Changed()
	if err := h.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if n := h.Snapshot().Responses; n != 6 {
		t.Errorf("a save under the new name: %d responses, want 6", n)
	}
}

package tui

import (
	"context"
	"strings"
	"testing"

	"standmap/db"
	"standmap/model"
)

// TestAppCurate: ctrl+k opens the curation view inside the application,
// h hides the selected group through the real store under the session's
// Who, esc returns to capture; a viewer has no such key.
func TestAppCurate(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	if _, err := r.store.Import(ctx, fixedResponses(r.m.gaz, r.ev.Name, 40), false); err != nil {
		t.Fatal(err)
	}
	const who = "SHA256:facilitator-key"
	r.m = testModel(t, Options{Store: r.store, Event: r.ev, DBPath: r.store.Path(), Who: who}, nil, 120, 40)
	r.refresh()
	if len(r.m.snap.Wishes) == 0 {
		t.Fatal("the fixture has no wish groups")
	}
	first := r.m.snap.Wishes[0].Key

	r.press("<ctrl+k>")
	if !r.m.curating || !strings.Contains(r.screen(), "Wishes of "+r.ev.Name) {
		t.Fatalf("ctrl+k did not open the curation view:\n%s", r.screen())
	}
	r.press("h")
	log, err := r.store.CurationLog(ctx, r.ev.Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Who != who || log[0].Action != model.VerbHide || !strings.Contains(log[0].Args, first) {
		t.Fatalf("curation log %+v, want one hide of %q by %s", log, first, who)
	}
	if !strings.Contains(r.screen(), "✓") {
		t.Errorf("no confirmation on the curation view:\n%s", r.screen())
	}
	// A new snapshot reaches the open view.
	s := *r.m.snap
	s.Wishes = append([]model.WishCount{{Text: "brand new", Key: "brand new", Count: 99}}, s.Wishes...)
	r.m = send(r.m, SnapshotMsg{Snapshot: &s})
	if !strings.Contains(r.screen(), "brand new") {
		t.Errorf("the curation view did not get the snapshot:\n%s", r.screen())
	}

	r.press("<esc>")
	if r.m.curating || !strings.Contains(r.screen(), tr("en", msgPlace)) {
		t.Fatalf("esc did not return to capture:\n%s", r.screen())
	}
	// Back in capture, letters are text again, not curation keys.
	r.press("h")
	if log, _ = r.store.CurationLog(ctx, r.ev.Name); len(log) != 1 {
		t.Errorf("h in capture curated: %+v", log)
	}
	// ctrl+w still deletes a word in the form.
	if r.press("<ctrl+w>"); !r.m.capture.place.Empty() || r.m.curating {
		t.Errorf("ctrl+w in the place field: curating %v, place empty %v", r.m.curating, r.m.capture.place.Empty())
	}

	viewer := testModel(t, Options{Role: Viewer, Event: r.ev}, r.m.snap, 120, 40)
	if viewer = send(viewer, namedKey("ctrl+k")); viewer.curating {
		t.Error("a viewer opened the curation view")
	}
	fac := testModel(t, Options{Store: nilStore{}, Who: who}, nil, 120, 40)
	if fac = send(fac, namedKey("ctrl+k")); fac.curating || !fac.statusBad {
		t.Errorf("a store that cannot curate: curating %v, status %q", fac.curating, fac.status)
	}
}

var _ db.Curator = (*db.SQLite)(nil)

package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
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
	r.start(Options{Store: r.store, Drafts: r.store, Event: r.ev, DBPath: r.store.Path(), Who: who}, 120, 40)
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
	if r.m.curating || !strings.Contains(r.screen(), tr("en", i18n.AppPlace)) {
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
}

// TestAppCurateModal: while the curation view's text field is open, q is
// text and esc cancels the rename (the view stays); the next esc leaves.
func TestAppCurateModal(t *testing.T) {
	r := newRig(t)
	if _, err := r.store.Import(context.Background(), fixedResponses(r.m.gaz, r.ev.Name, 40), false); err != nil {
		t.Fatal(err)
	}
	r.refresh()
	r.press("<ctrl+k>r")
	if !r.m.cur.Modal() {
		t.Fatalf("r did not open the field:\n%s", r.screen())
	}
	for _, k := range keys("<ctrl+u>q") {
		nm, cmd := r.m.Update(k)
		if r.m = nm.(Model); cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatal("q in the rename field quit the application")
			}
		}
	}
	if r.m.cur.edit.Value() != "q" {
		t.Errorf("field %q, want q", r.m.cur.edit.Value())
	}
	r.press("<esc>")
	if !r.m.curating || r.m.cur.Modal() {
		t.Fatalf("esc: curating %v, modal %v", r.m.curating, r.m.cur.Modal())
	}
	if log, _ := r.store.CurationLog(context.Background(), r.ev.Name); len(log) != 0 {
		t.Errorf("a cancelled rename was logged: %+v", log)
	}
	if !strings.Contains(r.screen(), "spelt: ") {
		t.Errorf("no spellings in the application's curation view:\n%s", r.screen())
	}
	if r.press("<esc>"); r.m.curating {
		t.Error("the second esc did not leave the curation view")
	}
}

// TestAppCurateFollowsSpellings: a spelling saved elsewhere shows in the
// open curation view's detail with the next snapshot, without a key, and
// a paste reaches the rename field.
func TestAppCurateFollowsSpellings(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	save := func(id, wish string) {
		t.Helper()
		resp := model.Response{ID: id, Event: r.ev.Name, Marks: []model.Mark{{Neighbourhood: "Grīva", Wish: wish}}}
		if _, err := r.store.SaveResponse(ctx, resp); err != nil {
			t.Fatal(err)
		}
	}
	save("s1", "Veloceliņi")
	r.start(Options{Store: r.store, Drafts: r.store, Event: r.ev, DBPath: r.store.Path(), Who: "w"}, 120, 40)
	r.press("<ctrl+k>")
	if !strings.Contains(r.screen(), "Veloceliņi (1)") {
		t.Fatalf("no spelling in the detail:\n%s", r.screen())
	}
	save("s2", "VELOCELIŅI!!")
	r.do(SnapshotMsg{Snapshot: r.snapshot()})
	if s := r.screen(); !strings.Contains(s, "VELOCELIŅI (1)") {
		t.Errorf("the new spelling did not reach the open view:\n%s", s)
	}
	r.press("r<ctrl+u>")
	r.do(tea.PasteMsg{Content: "Bike lanes"})
	r.press("<enter>")
	if log, err := r.store.CurationLog(ctx, r.ev.Name); err != nil || len(log) != 1 || !strings.Contains(log[0].Args, "Bike lanes") {
		t.Errorf("the pasted rename: log %+v, %v", log, err)
	}
}

// TestAppFollowsRename: after the event is renamed elsewhere, the next
// snapshot carries the new name; ctrl+z still undoes the save made under
// the old one, and the closed curation view reads nothing per snapshot.
func TestAppFollowsRename(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	r.start(Options{Store: r.store, Drafts: r.store, Event: r.ev, DBPath: r.store.Path(), Who: "w"}, 120, 40)
	r.press("gri<enter>Benches<enter><ctrl+s>")
	if n := len(r.stored()); n != 1 {
		t.Fatalf("%d stored", n)
	}
	r.press("<ctrl+k><esc>") // opened once, closed
	if err := r.store.RenameEvent(ctx, r.ev.Name, "Renamed fair"); err != nil {
		t.Fatal(err)
	}
	r.ev.Name = "Renamed fair"
	if _, cmd := r.m.Update(SnapshotMsg{Snapshot: r.snapshot()}); cmd != nil {
		t.Errorf("a snapshot with the curation view closed returned a command (a read of the whole event)")
	}
	r.refresh()
	if r.m.o.Event.Name != "Renamed fair" || !strings.Contains(r.screen(), "Renamed fair") {
		t.Fatalf("the app did not take the new name:\n%s", r.screen())
	}
	r.press("<ctrl+z>")
	if n := len(r.stored()); n != 0 || r.m.statusBad {
		t.Errorf("ctrl+z after the rename: %d stored, status %q", n, r.m.status)
	}
}

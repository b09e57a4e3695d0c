package tui

import (
	"reflect"
	"strings"
	"testing"
)

// TestUndoEditKeepsAnotherFacilitatorsEdit: A edits a response, then B
// edits it too; A's ctrl+z must not put back A's first version over B's
// edit (edits keep no history: B's answer would be gone without a
// trace). It says the response changed since, and B's edit stays.
func TestUndoEditKeepsAnotherFacilitatorsEdit(t *testing.T) {
	a := newRig(t)
	a.press("cen<enter><enter><ctrl+s>")
	a.press("<ctrl+e><enter>gri<enter><enter><ctrl+s>") // A's edit: + Grīva
	b := newRigOn(t, a)
	b.press("<ctrl+e><enter>esp<enter><enter><ctrl+s>") // B's edit: + Esplanāde
	if got := a.stored(); len(got) != 1 || len(got[0].Marks) != 3 {
		t.Fatalf("after both edits: %+v", got)
	}
	a.press("<ctrl+z>")
	if got := a.stored(); len(got) != 1 || len(got[0].Marks) != 3 {
		t.Fatalf("A's undo wrote over B's edit: %+v", got)
	}
	if s := a.screen(); !strings.Contains(s, "changed in another session") {
		t.Errorf("A is not told why nothing was undone:\n%s", s)
	}
}

// TestUndoOfAResponseGoneElsewhere: A saves; B deletes it; A's ctrl+z
// cannot take back the save (it is deleted already): it says so once and
// goes on to A's earlier step, not stuck on that entry for ever.
func TestUndoOfAResponseGoneElsewhere(t *testing.T) {
	a := newRig(t)
	a.press("cen<enter><enter><ctrl+s>")
	a.press("gri<enter><enter><ctrl+s>")
	b := newRigOn(t, a)
	b.press("<ctrl+e><delete>") // B deletes A's newest, #2
	if got := a.stored(); len(got) != 1 || got[0].Number != 1 {
		t.Fatalf("after B's delete: %+v", got)
	}
	a.press("<ctrl+z>")
	if s := a.screen(); !strings.Contains(s, "changed in another session") {
		t.Errorf("A's undo of #2 deleted elsewhere:\n%s", s)
	}
	a.press("<ctrl+z>") // then A's save of #1
	if got := a.stored(); len(got) != 0 {
		t.Fatalf("the second ctrl+z did not take back #1: %+v\n%s", got, a.screen())
	}
}

// TestUndoEditOfAResponseDeletedElsewhere: A edits a response, B deletes
// it; A's ctrl+z does not bring it back counted (with A's first version)
// behind B's back: it stays deleted, and A is told.
func TestUndoEditOfAResponseDeletedElsewhere(t *testing.T) {
	a := newRig(t)
	a.press("cen<enter><enter><ctrl+s>")
	a.press("<ctrl+e><enter>gri<enter><enter><ctrl+s>")
	b := newRigOn(t, a)
	b.press("<ctrl+e><delete>")
	a.press("<ctrl+z>")
	if got := a.stored(); len(got) != 0 || !strings.Contains(a.screen(), "#1 was changed in another session") {
		t.Fatalf("A's undo of an edit deleted since: counted %+v\n%s", got, a.screen())
	}
}

// TestRedoOfASaveRestoredElsewhere: A's save taken back, then restored
// with `responses restore` elsewhere: A's ctrl+y says it changed since,
// and a second ctrl+y has nothing to redo.
func TestRedoOfASaveRestoredElsewhere(t *testing.T) {
	a := newRig(t)
	a.press("cen<enter><enter><ctrl+s><ctrl+z>")
	gone := a.m.undo
	if len(a.stored()) != 0 || len(gone) != 0 {
		t.Fatalf("the save was not taken back: %+v", a.stored())
	}
	deleted, err := a.store.DeletedResponses(t.Context(), a.ev.Name)
	if err != nil || len(deleted) != 1 {
		t.Fatalf("deleted: %+v, %v", deleted, err)
	}
	if _, err := a.store.RestoreResponse(t.Context(), a.ev.Name, deleted[0].ID); err != nil {
		t.Fatal(err)
	}
	a.press("<ctrl+y>")
	if got := a.stored(); len(got) != 1 || !strings.Contains(a.screen(), "#1 was changed in another session") {
		t.Fatalf("ctrl+y after a restore elsewhere: %+v\n%s", got, a.screen())
	}
	a.press("<ctrl+y>")
	if !strings.Contains(a.screen(), "nothing to redo") {
		t.Errorf("the redo entry was kept:\n%s", a.screen())
	}
}

// TestEditOverAnotherFacilitatorsChange: A opens #1 to change it; B
// changes it and saves, or deletes it; A's save does not write over B's
// answer nor bring a deleted one back: it says so, A's form keeps what A
// typed, and the response is as B left it.
func TestEditOverAnotherFacilitatorsChange(t *testing.T) {
	for _, c := range []struct{ name, b string }{
		{"edited", "<ctrl+e><enter>esp<enter><enter><ctrl+s>"},
		{"deleted", "<ctrl+e><delete>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newRig(t)
			a.press("cen<enter><enter><ctrl+s>")
			b := newRigOn(t, a)
			a.press("<ctrl+e><enter>gri<enter><enter>")
			b.press(c.b)
			want := a.stored()
			a.press("<ctrl+s>")
			if got := a.stored(); !reflect.DeepEqual(got, want) {
				t.Fatalf("A's save wrote over B's change:\n got %+v\nwant %+v", got, want)
			}
			if s := a.screen(); !strings.Contains(s, "#1 was changed in another session") || len(a.m.capture.marks) != 2 {
				t.Errorf("A's form after the refused save (marks %+v):\n%s", a.m.capture.marks, s)
			}
		})
	}
}

// TestDeleteRestoreEdit: a response deleted from the recent list,
// brought back with ctrl+z and then changed is one response, counted
// once, with its number.
func TestDeleteRestoreEdit(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter><enter><ctrl+s>esp<enter><enter><ctrl+s>")
	r.press("<ctrl+e><down><delete><ctrl+z><esc>")
	r.press("<ctrl+e><down><enter>gri<enter><enter><ctrl+s>")
	got := r.stored()
	if len(got) != 2 || got[0].Number != 1 || len(got[0].Marks) != 2 || got[0].Marks[1].Neighbourhood != "Grīva" {
		t.Fatalf("stored %+v\n%s", got, r.screen())
	}
	if s := r.snapshot(); s.Responses != 2 || s.Counts["Centrs"] != 1 || s.Counts["Grīva"] != 1 {
		t.Fatalf("counted %d, %v", s.Responses, s.Counts)
	}
}

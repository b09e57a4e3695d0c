package tui

import (
	"strings"
	"testing"
)

// TestKeysWhileSavingAreKept: keys typed after ctrl+s, before the store
// has answered (a busy database makes that seconds), are the next
// visitor's: the form empties for the save and then has them, rather
// than the save wiping them. When the save fails, they are added to the
// form that stays.
func TestKeysWhileSavingAreKept(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter><enter>")
	nm, save := r.m.Update(keys("<ctrl+s>")[0])
	r.m = nm.(Model)
	r.press("gri") // the store has not answered yet
	r.run(save)
	if got := r.stored(); len(got) != 1 || len(got[0].Marks) != 1 || got[0].Marks[0].Neighbourhood != "Centrs" {
		t.Fatalf("stored %+v", got)
	}
	if c := r.m.capture; c.place.Value() != "gri" || len(c.marks) != 0 || !strings.Contains(r.screen(), "saved #1") {
		t.Fatalf("the next visitor's keys: place %q, marks %+v\n%s", c.place.Value(), c.marks, r.screen())
	}

	f := newRig(t)
	f.press("cen<enter><enter>")
	nm, save = f.m.Update(keys("<ctrl+s>")[0])
	f.m = nm.(Model)
	f.press("gri")
	f.store.Close()
	f.run(save)
	if c := f.m.capture; c.place.Value() != "gri" || len(c.marks) != 1 {
		t.Fatalf("after a failed save: place %q, marks %+v", c.place.Value(), c.marks)
	}
}

package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"standmap/exchange"
	"standmap/model"
)

// TestUndoStepsThenSave is the first "done when": save visitor A,
// type half of B; ctrl+z takes back B's last step only (A stays stored);
// step by step to an empty form; then ctrl+z takes back A (kept, not
// counted) and ctrl+y brings it back with the same id and number.
func TestUndoStepsThenSave(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>Soliņi<enter><ctrl+s>")
	a := r.stored()
	if len(a) != 1 || a[0].Number != 1 {
		t.Fatalf("visitor A: %+v", a)
	}
	r.press("gri<enter>Plud")
	r.press("<ctrl+z>")
	c := r.m.capture
	if n := len(r.stored()); n != 1 || c.wish.Value() != "" || c.focus != focusWish || c.wishFor != "Grīva" {
		t.Fatalf("ctrl+z in B: %d stored, wish %q, focus %v, for %q; want A stored, B's typing gone", n, c.wish.Value(), c.focus, c.wishFor)
	}
	r.press("<ctrl+z>")
	if c := r.m.capture; c.stage() != focusPlace || c.place.Value() != "gri" {
		t.Fatalf("second ctrl+z: stage %v, place %q; want the place as typed", c.stage(), c.place.Value())
	}
	r.press("<ctrl+z>")
	if !r.m.capture.Empty() || len(r.stored()) != 1 {
		t.Fatalf("third ctrl+z: form empty %v, %d stored", r.m.capture.Empty(), len(r.stored()))
	}
	r.press("<ctrl+z>") // the empty form's: A
	if n := len(r.stored()); n != 0 || !strings.Contains(r.screen(), "undone #1") {
		t.Fatalf("ctrl+z on the empty form: %d counted\n%s", n, r.screen())
	}
	gone, err := r.store.DeletedResponses(context.Background(), r.ev.Name)
	if err != nil || len(gone) != 1 || gone[0].ID != a[0].ID || gone[0].DeletedBy != "local:test" {
		t.Fatalf("A is not kept deleted: %+v, %v", gone, err)
	}
	r.press("<ctrl+y>")
	back := r.stored()
	if len(back) != 1 || back[0].ID != a[0].ID || back[0].Number != 1 || !strings.Contains(r.screen(), "redone #1") {
		t.Fatalf("ctrl+y: %+v\n%s", back, r.screen())
	}
	r.press("<ctrl+y>") // then B's steps come back, in order
	if r.m.capture.place.Value() != "gri" {
		t.Errorf("ctrl+y again: place %q, want gri", r.m.capture.place.Value())
	}
	r.press("<ctrl+y><ctrl+y>")
	if c := r.m.capture; c.wish.Value() != "Plud" || c.wishFor != "Grīva" {
		t.Errorf("ctrl+y twice more: wish %q for %q", c.wish.Value(), c.wishFor)
	}
	r.press("<ctrl+y>")
	if !strings.Contains(r.screen(), "nothing to redo") {
		t.Errorf("no more to redo:\n%s", r.screen())
	}
	// The next visitor still gets a new number: 1 is A's for good.
	r.press("<ctrl+z><ctrl+z><ctrl+z>esp<enter><enter><ctrl+s>")
	if got := r.stored(); len(got) != 2 || got[1].Number != 2 || !strings.Contains(r.screen(), "saved #2 ✓") {
		t.Errorf("after the undo and redo: %+v", got)
	}
}

// TestUndoTypingIsOneStep: letters typed in one field are one step;
// taking a place, adding a mark and choosing an age group are one each; a
// new step after an undo drops what ctrl+y would have brought back.
func TestUndoTypingIsOneStep(t *testing.T) {
	m := testModel(t, Options{Store: nilStore{}}, nil, 160, 48)
	for _, k := range keys("cen<enter>Pludmale<enter>2") {
		m = send(m, k)
	}
	steps := []func(c Capture) bool{
		func(c Capture) bool { return c.age < 0 && len(c.marks) == 1 },
		func(c Capture) bool { return len(c.marks) == 0 && c.wish.Value() == "Pludmale" },
		func(c Capture) bool { return c.wish.Value() == "" && c.wishFor == "Centrs" },
		func(c Capture) bool { return c.stage() == focusPlace && c.place.Value() == "cen" },
		func(c Capture) bool { return c.Empty() },
	}
	for i, ok := range steps {
		m = send(m, namedKey("ctrl+z"))
		if !ok(m.capture) {
			t.Fatalf("ctrl+z %d: %+v", i+1, m.capture)
		}
	}
	m = send(m, namedKey("ctrl+y"))
	m = send(m, namedKey("x"))
	m = send(m, namedKey("ctrl+y"))
	if m.capture.place.Value() != "cenx" {
		t.Errorf("ctrl+y after typing: place %q, want cenx (nothing to redo)", m.capture.place.Value())
	}
}

// TestDeleteFromRecentAndRestore: d in the recent list keeps the response
// deleted; ctrl+z brings it back; deleted again, `responses restore`
// (exchange.Restore) gives the export from before the delete.
func TestDeleteFromRecentAndRestore(t *testing.T) {
	ctx := context.Background()
	r := newRig(t)
	r.press("cen<enter>Soliņi<enter>2<ctrl+s>gri<enter><enter><ctrl+s>")
	export := func() string {
		var b bytes.Buffer
		if err := exchange.Export(ctx, r.store, r.ev.Name, "csv", &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	before := export()
	r.press("<ctrl+e><down><delete>")
	if got := r.stored(); len(got) != 1 || got[0].Number != 2 || !strings.Contains(r.screen(), "deleted #1") {
		t.Fatalf("after d: %+v\n%s", got, r.screen())
	}
	r.press("<ctrl+z>") // in the recent list: the delete
	if export() != before {
		t.Fatalf("ctrl+z did not bring the deleted response back:\n%s", export())
	}
	r.press("<esc><ctrl+e><down><delete><esc>")
	gone, _ := r.store.DeletedResponses(ctx, r.ev.Name)
	if len(gone) != 1 {
		t.Fatalf("deleted: %+v", gone)
	}
	if _, err := exchange.Restore(ctx, r.store, r.ev.Name, gone[0].ID); err != nil {
		t.Fatal(err)
	}
	if after := export(); after != before {
		t.Errorf("export after restore:\n%s\nbefore:\n%s", after, before)
	}
}

// TestEditMarkByMark: a response opened from the recent list; ↑ chooses a
// mark; Enter takes it back into the fields (Enter keeps each part) to
// change its place or wish; ctrl+t goes to its category; del removes one.
// The save keeps the response's id and number.
func TestEditMarkByMark(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>Soliņi<enter>gri<enter>Āra trenažieri<enter>esp<enter><enter><ctrl+s>")
	orig := r.stored()[0]
	r.press("<ctrl+e><enter>")
	if !r.m.capture.Editing() || !strings.Contains(r.screen(), "↑ chooses a mark") {
		t.Fatalf("not editing:\n%s", r.screen())
	}
	r.press("<up>")
	if c := r.m.capture; c.focus != focusMarks || c.markSel != 2 {
		t.Fatalf("↑: focus %v, mark %d; want the marks, the last chosen", c.focus, c.markSel)
	}
	r.press("<up><up><enter>") // mark 1: its place
	if c := r.m.capture; c.editMark != 1 || c.place.Value() != "Centrs" {
		t.Fatalf("enter on mark 1: editing mark %d, place %q", c.editMark, c.place.Value())
	}
	r.press("<ctrl+u>jaunb<enter><enter>") // a new place; Enter keeps its wish and category
	want := model.Mark{Neighbourhood: "Jaunbūve", Wish: "Soliņi", Category: "hangout"}
	if c := r.m.capture; c.marks[0] != want || c.focus != focusMarks || len(c.marks) != 3 {
		t.Fatalf("mark 1 changed to %+v (focus %v), want %+v in place", c.marks, c.focus, want)
	}
	r.press("<down><enter><enter><ctrl+u>Trenažieri<enter>") // mark 2: its wish
	if m := r.m.capture.marks[1]; m != (model.Mark{Neighbourhood: "Grīva", Wish: "Trenažieri", Category: "fitness"}) {
		t.Fatalf("mark 2: %+v", m)
	}
	r.press("<ctrl+t>w<enter>") // mark 2 still chosen: its category
	if m := r.m.capture.marks[1]; m.Category != "walk" || m.Wish != "Trenažieri" {
		t.Fatalf("mark 2's category: %+v", m)
	}
	r.press("<down><delete>")
	if c := r.m.capture; len(c.marks) != 2 || !strings.Contains(r.screen(), "mark 3 removed") {
		t.Fatalf("del: marks %+v\n%s", c.marks, r.screen())
	}
	r.press("<esc><ctrl+s>")
	got := r.stored()
	if len(got) != 1 || got[0].ID != orig.ID || got[0].Number != orig.Number || len(got[0].Marks) != 2 ||
		got[0].Marks[0] != want || got[0].Marks[1].Category != "walk" {
		t.Fatalf("stored %+v", got)
	}
	// Esc while changing a mark leaves it as it was.
	r.press("<ctrl+e><enter><up><enter><ctrl+u>cen<esc>")
	if c := r.m.capture; c.editMark != 0 || c.marks[1].Neighbourhood != "Grīva" || c.focus != focusMarks {
		t.Errorf("esc while changing: %+v", c.marks)
	}
}

// TestTypeAheadShowsEveryMatch: "jaun" shows the three places it may
// mean, best first; ↓ moves, Enter takes the highlighted one.
func TestTypeAheadShowsEveryMatch(t *testing.T) {
	r := newRig(t)
	r.press("jaun")
	s := r.screen()
	for _, n := range []string{"▸ Jaunbūve", "  Jaunie Stropi", "  Jaunā Forštadte"} {
		if !strings.Contains(s, n) {
			t.Errorf("the list lacks %q:\n%s", n, s)
		}
	}
	r.press("<down><down><enter>")
	if c := r.m.capture; c.wishFor != "Jaunā Forštadte" {
		t.Errorf("↓↓ enter took %q", c.wishFor)
	}
	r.press("<esc>j")
	if s := r.screen(); !strings.Contains(s, "Judovka") || strings.Count(s, "Jaun") < 3 {
		t.Errorf("j: not every match shows:\n%s", s)
	}
}

// TestEscKeepsATypedWish: esc on a typed wish closes its suggestions and
// keeps it, saying so; Enter then adds the mark with it, ctrl+s saves it.
// Only a second esc in a row leaves it out, and ctrl+z brings it back.
func TestEscKeepsATypedWish(t *testing.T) {
	r := newRig(t)
	r.press("centrs<enter>jauni soli<esc>")
	c := r.m.capture
	if c.focus != focusWish || c.wish.Value() != "jauni soli" || len(c.marks) != 0 || len(c.sugs) != 0 {
		t.Fatalf("one esc: focus %v, wish %q, marks %+v, suggestions %d", c.focus, c.wish.Value(), c.marks, len(c.sugs))
	}
	if s := r.screen(); !strings.Contains(s, "the wish is kept: Enter adds it;") || !strings.Contains(s, "leaves it out") {
		t.Fatalf("one esc says nothing:\n%s", s)
	}
	r.press("ņi<enter>")
	if c := r.m.capture; len(c.marks) != 1 || c.marks[0].Wish != "jauni soliņi" || c.marks[0].Neighbourhood != "Centrs" {
		t.Fatalf("esc, more letters, enter: %+v", c.marks)
	}

	// esc, ctrl+s: the wish in the field is saved with its place.
	r.press("esplan<enter>skeitparks<esc><ctrl+s>")
	got := r.stored()
	if len(got) != 1 || len(got[0].Marks) != 2 || got[0].Marks[1].Wish != "skeitparks" {
		t.Fatalf("esc then ctrl+s stored %+v", got)
	}

	// esc, esc: the mark without the wish; ctrl+z brings the wish back.
	r.press("grīva<enter>soliņi<esc><esc>")
	if c := r.m.capture; c.focus != focusPlace || len(c.marks) != 1 || c.marks[0].Wish != "" || c.marks[0].Neighbourhood != "Grīva" {
		t.Fatalf("esc esc: focus %v, marks %+v", c.focus, c.marks)
	}
	r.press("<ctrl+z>")
	if c := r.m.capture; c.focus != focusWish || c.wish.Value() != "soliņi" || len(c.marks) != 0 {
		t.Fatalf("ctrl+z after esc esc: focus %v, wish %q, marks %+v", c.focus, c.wish.Value(), c.marks)
	}

	// An esc, then another key, then esc: each esc counts alone.
	r.press("<esc>x<esc>")
	if c := r.m.capture; c.focus != focusWish || c.wish.Value() != "soliņix" {
		t.Fatalf("esc x esc: focus %v, wish %q", c.focus, c.wish.Value())
	}
	// An empty wish: one esc finishes the mark, as before.
	r.press("<ctrl+u><esc>")
	if c := r.m.capture; c.focus != focusPlace || len(c.marks) != 1 || c.marks[0].Wish != "" {
		t.Fatalf("esc on an empty wish: focus %v, marks %+v", c.focus, c.marks)
	}
}

// TestOpeningKeepsTheVisitor: opening a saved response from the recent
// list while the form holds a visitor not saved (or changes to the
// response being edited) is refused with words: the form, and its draft,
// keep what they hold. An empty form, or an edit without changes, opens it.
func TestOpeningKeepsTheVisitor(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>parks<enter><ctrl+s>gri<enter>soliņi<enter>")
	for _, keys := range []string{"<ctrl+e><enter>", "<ctrl+e><down><enter>"} {
		r.press(keys)
		c := r.m.capture
		if c.Editing() || len(c.marks) != 1 || c.marks[0].Wish != "soliņi" || !strings.Contains(r.screen(), "#1 not opened") {
			t.Fatalf("%s with a visitor in the form: editing %v, marks %+v\n%s", keys, c.Editing(), c.marks, r.screen())
		}
	}
	r.press("<ctrl+s>")
	if got := r.stored(); len(got) != 2 || got[1].Marks[0].Wish != "soliņi" {
		t.Fatalf("the visitor kept in the form was not saved: %+v", got)
	}
	// An empty form opens #1; unchanged, another response opens in its place.
	r.press("<ctrl+e><down><enter>")
	if c := r.m.capture; !c.Editing() || c.editing.Number != 1 {
		t.Fatalf("empty form: editing %+v", c.editing)
	}
	r.press("<ctrl+e><enter>")
	if c := r.m.capture; c.editing.Number != 2 {
		t.Fatalf("an unchanged edit: editing #%d, want #2", c.editing.Number)
	}
	// Changed, it stays.
	r.press("2kal<enter>tualete<enter><ctrl+e><down><enter>")
	if c := r.m.capture; c.editing.Number != 2 || len(c.marks) != 2 || !strings.Contains(r.screen(), "#1 not opened") {
		t.Fatalf("a changed edit: editing #%d, marks %+v\n%s", c.editing.Number, c.marks, r.screen())
	}
}

// TestRecentListLetters: in the recent list a letter closes it and is
// typed in the place field — a hurried "dzel" deletes nothing — while del
// deletes the selected response.
func TestRecentListLetters(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>parks<enter><ctrl+s>")
	r.press("<ctrl+e>dzel")
	if got := r.stored(); len(got) != 1 || r.m.focus != focusPlace || r.m.capture.place.Value() != "dzel" {
		t.Fatalf("ctrl+e dzel: %d stored, focus %v, place %q", len(got), r.m.focus, r.m.capture.place.Value())
	}
	r.press("<ctrl+u><ctrl+e> ") // a space is not a letter: the list stays, the place field stays empty
	if r.m.focus != focusRecent || r.m.capture.place.Value() != "" {
		t.Fatalf("ctrl+e space: focus %v, place %q", r.m.focus, r.m.capture.place.Value())
	}
	r.press("<delete>")
	if got := r.stored(); len(got) != 0 || !strings.Contains(r.screen(), "deleted #1") {
		t.Fatalf("del: %d stored\n%s", len(got), r.screen())
	}
}

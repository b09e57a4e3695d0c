package tui

import (
	"context"
	"strings"
	"testing"
)

// TestDraftSurvivesRestart: a half-typed visitor is in the database after
// every key (the keeper's command writes it; Update alone writes
// nothing); a new session of the same facilitator — after ctrl+c, a
// crash or kill -9 — has it back in the form under the same number;
// ctrl+s saves it once and empties the draft. Another facilitator's form
// is their own.
func TestDraftSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	r := newRig(t)
	r.press("cen<enter>Soliņi<enter>gri<enter>Plud")
	if !strings.Contains(r.screen(), "Visitor #1 ") {
		t.Fatalf("the form does not show its number:\n%s", r.screen())
	}
	d, err := r.store.Draft(ctx, r.ev.Name, "local:test")
	if err != nil || !strings.Contains(d.Form, `"wish":"Plud"`) || d.Number != 1 {
		t.Fatalf("draft %+v, %v", d, err)
	}
	if nm, cmd := r.m.Update(keys("m")[0]); cmd == nil || nm.(Model).capture.wish.Value() != "Pludm" {
		t.Fatalf("a key changed the form without a command to keep it")
	}
	if d2, _ := r.store.Draft(ctx, r.ev.Name, "local:test"); d2.Form != d.Form {
		t.Fatalf("Update wrote the draft itself")
	}

	again := newRigAs(t, r, "local:test") // the restart
	c := again.m.capture
	if len(c.marks) != 1 || c.marks[0].Wish != "Soliņi" || c.wishFor != "Grīva" || c.wish.Value() != "Plud" || c.focus != focusWish {
		t.Fatalf("restored form: marks %+v, wish %q for %q, focus %v", c.marks, c.wish.Value(), c.wishFor, c.focus)
	}
	if s := again.screen(); !strings.Contains(s, "Visitor #1 ") || !strings.Contains(s, "unsaved visitor is back") {
		t.Fatalf("the restored form:\n%s", s)
	}
	other := newRigOn(t, r)
	if !other.m.capture.Empty() || !strings.Contains(other.screen(), "Visitor #2 ") {
		t.Fatalf("another facilitator's form:\n%s", other.screen())
	}
	again.press("male<enter><ctrl+s>")
	if got := again.stored(); len(got) != 1 || got[0].Number != 1 || len(got[0].Marks) != 2 || got[0].Marks[1].Wish != "Pludmale" {
		t.Fatalf("saved %+v", got)
	}
	if d, _ := r.store.Draft(ctx, r.ev.Name, "local:test"); d.Form != "" || d.Number != 3 {
		t.Fatalf("draft after the save: %+v; want empty, #3 reserved", d)
	}
	third := newRigAs(t, r, "local:test")
	if !third.m.capture.Empty() || !strings.Contains(third.screen(), "Visitor #3 ") {
		t.Fatalf("after the save, a restart:\n%s", third.screen())
	}
	third.press("<ctrl+s>")
	if n := len(third.stored()); n != 1 {
		t.Fatalf("%d stored: the saved draft was saved again", n)
	}
}

// TestNumberIsTheSavedOne: two facilitators at once show different
// numbers and save under them, whoever saves first; an undone save keeps
// its number, and the next visitor does not get it.
func TestNumberIsTheSavedOne(t *testing.T) {
	a := newRig(t)
	b := newRigOn(t, a)
	if !strings.Contains(a.screen(), "Visitor #1 ") || !strings.Contains(b.screen(), "Visitor #2 ") {
		t.Fatalf("numbers shown:\n%s\n%s", a.screen(), b.screen())
	}
	b.press("cen<enter><enter><ctrl+s>")
	a.press("gri<enter><enter><ctrl+s>")
	if !strings.Contains(b.screen(), "saved #2 ✓") || !strings.Contains(a.screen(), "saved #1 ✓") {
		t.Fatalf("saved numbers:\n%s\n%s", a.screen(), b.screen())
	}
	// Each save reserves the next number for its form: B's #3, then A's #4.
	if !strings.Contains(b.screen(), "Visitor #3 ") || !strings.Contains(a.screen(), "Visitor #4 ") {
		t.Fatalf("next numbers:\n%s\n%s", a.screen(), b.screen())
	}
	a.press("<ctrl+z>") // #1 undone
	a.press("esp<enter><enter><ctrl+s>")
	if !strings.Contains(a.screen(), "saved #4 ✓") || !strings.Contains(a.screen(), "Visitor #5 ") {
		t.Fatalf("after an undo:\n%s", a.screen())
	}
	a.press("<ctrl+z><ctrl+z><ctrl+y><ctrl+y>") // #4 and #1 undone, then back
	nums := map[int64]bool{}
	for _, r := range a.stored() {
		nums[r.Number] = true
	}
	if len(nums) != 3 || !nums[1] || !nums[2] || !nums[4] {
		t.Errorf("stored numbers %v, want 1, 2 and 4", nums)
	}
}

// TestQuitAsksWithAVisitor: ctrl+c with a visitor in the form asks; n
// stays; y quits once the draft is written, and keys after it (one burst
// of typing) change nothing. An empty form quits at once.
func TestQuitAsksWithAVisitor(t *testing.T) {
	r := newRig(t)
	r.press("gri<ctrl+c>")
	if r.quitted || !r.m.quitAsk || !strings.Contains(r.screen(), "Quit? The visitor in the form stays as a draft") {
		t.Fatalf("ctrl+c with a visitor: quit %v\n%s", r.quitted, r.screen())
	}
	r.press("x")
	if !r.m.quitAsk || r.m.capture.place.Value() != "gri" {
		t.Fatalf("another key answered the question (place %q)", r.m.capture.place.Value())
	}
	r.press("n")
	if r.quitted || r.m.quitAsk || r.m.capture.place.Value() != "gri" {
		t.Fatalf("n: quit %v, asking %v, place %q", r.quitted, r.m.quitAsk, r.m.capture.place.Value())
	}
	r.press("<ctrl+c>yva<ctrl+s>") // keys after y in one burst: the program is ending, they are not the form's
	if !r.quitted {
		t.Fatal("y did not quit")
	}
	if d, _ := r.store.Draft(context.Background(), r.ev.Name, "local:test"); !strings.Contains(d.Form, `"place":"gri"`) {
		t.Errorf("the draft at quit: %q", d.Form)
	}
	if got := r.stored(); len(got) != 0 || r.m.capture.place.Value() != "gri" {
		t.Errorf("keys after y: place %q, %d stored", r.m.capture.place.Value(), len(got))
	}
	e := newRig(t)
	e.press("<ctrl+c>")
	if !e.quitted {
		t.Error("ctrl+c on an empty form asks")
	}
}

// TestNestedViewsGoBack: q and esc go back from every nested view — the
// recent list, the marks, the map, the category list, the help, the
// curation view, the projection, the comparison — and only the top level
// (the board alone) quits with q.
func TestNestedViewsGoBack(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter><enter><ctrl+s>")
	for _, c := range []struct{ open, back string }{
		{"?", "q"},
		{"<ctrl+e>", "q"}, {"<ctrl+e>", "<esc>"},
		{"gri<enter><enter><up>", "q"}, {"<up>", "<esc>"},
		{"<ctrl+g>", "q"}, {"<ctrl+g>", "<esc>"},
		{"<tab>Xyzzy<ctrl+t>", "q"}, {"<ctrl+t>", "<esc>"},
		{"<ctrl+k>", "q"}, {"<ctrl+k>", "<esc>"},
		{"<ctrl+p>", "q"}, {"<ctrl+p>", "<esc>"},
		{"<ctrl+o>", "q"},
	} {
		r.sendOnly(c.open) // the projection's and the curation's commands tick on
		before := r.screen()
		r.sendOnly(c.back)
		if r.quitted || r.m.quitAsk || r.m.focus != focusPlace || r.m.curating || r.m.presenting || r.m.cmp.open || r.m.fullHelp ||
			r.m.capture.focus == focusMarks || r.m.capture.focus == focusMapPick || r.m.capture.focus == focusCategory {
			t.Fatalf("%s then %s: quit %v, asking %v, focus %v/%v\nbefore:\n%s", c.open, c.back, r.quitted, r.m.quitAsk,
				r.m.focus, r.m.capture.focus, before)
		}
	}
	if v := r.m.capture.wish.Value(); v != "Xyzzy" {
		t.Errorf("the form lost its wish on the way: %q", v)
	}
	r.sendOnly("<ctrl+b>q") // the board alone is the top level: q quits, asking first
	if !r.m.quitAsk {
		t.Fatalf("q on the board with a visitor in the form did not ask")
	}
	r.press("y")
	if !r.quitted {
		t.Error("y did not quit")
	}
	if r.m.keeper == nil {
		t.Error("the rig's model keeps no drafts")
	}
}

// TestKeysWaitForTheDraft: keys typed before the form's draft is read (an
// SSH window of a facilitator whose other window dropped without a word
// waits for it) are held; the draft's visitor comes back whole, the held
// keys — typed for another visitor — left out, saying how many. With an
// empty draft the held keys go to the form.
func TestKeysWaitForTheDraft(t *testing.T) {
	r := newRig(t)
	r.press("gri<enter>soliņi")
	typed := r.m.capture.Encode()
	o := Options{Store: r.store, Drafts: r.store, Event: r.ev, DBPath: r.store.Path(), Who: "local:test"}
	r.m = testModel(t, o, nil, 160, 48) // a new window: its draft not read yet
	r.press("vec<enter>")
	if c := r.m.capture; !c.Empty() || len(r.m.held) != 4 || !strings.Contains(r.screen(), "reading this form's draft… wait for it before typing") {
		t.Fatalf("keys before the draft was read: form %q, %d held\n%s", c.Encode(), len(r.m.held), r.screen())
	}
	r.run(r.m.Init())
	if c := r.m.capture; c.Encode() != typed || !strings.Contains(r.screen(), "keys typed while it was read were left out") {
		t.Fatalf("the draft read: form %q, want %q\n%s", c.Encode(), typed, r.screen())
	}
	if d, _ := r.store.Draft(context.Background(), r.ev.Name, "local:test"); d.Form != typed {
		t.Errorf("the stored draft after: %q, want %q", d.Form, typed)
	}

	e := newRig(t)
	e.m = testModel(t, Options{Store: e.store, Drafts: e.store, Event: e.ev, DBPath: e.store.Path(), Who: "local:test"}, nil, 160, 48)
	e.press("vec<enter>")
	e.run(e.m.Init())
	q := newRig(t)
	q.m = testModel(t, Options{Store: q.store, Drafts: q.store, Event: q.ev, DBPath: q.store.Path(), Who: "local:test"}, nil, 160, 48)
	if q.press("<ctrl+c>"); !q.quitted {
		t.Error("ctrl+c while the draft is read was held: the facilitator cannot leave")
	}
	if c := e.m.capture; c.wishFor != "Vecā Forštadte" && c.wishFor != "Vecie Stropi" {
		t.Fatalf("an empty draft: the held keys did not reach the form: %q", c.Encode())
	}
}

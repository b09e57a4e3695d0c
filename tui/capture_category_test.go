package tui

import (
	"strings"
	"testing"

	"standmap/model"
)

// TestCaptureCategoryList: ctrl+t opens the list of categories under the
// wish; a letter jumps (in the interface language), ↑/↓ and ctrl+t move,
// the wish takes the category under the selection at once, enter goes
// back to the wish, esc restores the category from before. Every line
// fits, and the help bar names the list's keys.
func TestCaptureCategoryList(t *testing.T) {
	r := newRig(t)
	r.press("gri<enter>Benches<ctrl+t>")
	if r.m.capture.focus != focusCategory {
		t.Fatalf("ctrl+t did not open the list: focus %v", r.m.capture.focus)
	}
	s := r.screen()
	for _, want := range []string{"▸   —", "Outdoor fitness equipment", "a letter jumps", "↑ up", "enter choose", "esc back"} {
		if !strings.Contains(s, want) {
			t.Errorf("the open list lacks %q:\n%s", want, s)
		}
	}
	checkFits(t, r.m, 160, 48)
	r.press("o")
	if got := r.m.capture.category; got != "fitness" {
		t.Errorf("o: category %q, want fitness", got)
	}
	r.press("o")
	if got := r.m.capture.category; got != "other" {
		t.Errorf("o again: category %q, want other", got)
	}
	r.press("<up><ctrl+t><ctrl+t>")
	if got := r.m.capture.category; got != model.Categories[len(model.Categories)-1].Code {
		t.Errorf("up, then ctrl+t twice: %q, want the last category", got)
	}
	r.press("<esc>")
	if c := r.m.capture; c.focus != focusWish || c.category != "" || c.catManual {
		t.Errorf("esc: focus %v, category %q, by hand %v; want the wish field as before ctrl+t", c.focus, c.category, c.catManual)
	}
	r.press("<ctrl+t>w<enter>")
	if r.m.capture.focus != focusWish || r.m.capture.category != "walk" {
		t.Errorf("w, enter: focus %v, category %q, want the wish field with walk", r.m.capture.focus, r.m.capture.category)
	}
	r.press("<enter><ctrl+s>")
	got := r.stored()
	if len(got) != 1 || got[0].Marks[0] != (model.Mark{Neighbourhood: "Grīva", Wish: "Benches", Category: "walk"}) {
		t.Errorf("stored %+v", got)
	}
}

// TestCaptureCategoryListLatvian: letters jump by the Latvian names,
// folded: a reaches Āra trenažieri, then Atpūtas…, then Apgaismojums….
func TestCaptureCategoryListLatvian(t *testing.T) {
	r := newRig(t)
	r.m = testModel(t, Options{Store: r.store, Event: r.ev, Lang: "lv"}, nil, 80, 24)
	r.refresh()
	r.press("gri<enter>Soliņi<ctrl+t>")
	for _, want := range []string{"fitness", "hangout", "light", "fitness"} {
		r.press("a")
		if got := r.m.capture.category; got != want {
			t.Fatalf("a: %q, want %q", got, want)
		}
	}
	if s := r.screen(); !strings.Contains(s, "burts pārlec") {
		t.Errorf("no Latvian hint:\n%s", s)
	}
	checkFits(t, r.m, 80, 24)
}

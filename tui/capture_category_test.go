package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"standmap/model"
)

// TestCaptureCategoryList: ctrl+t opens the list of categories under the
// wish; a letter jumps (in the interface language), ↑/↓ and ctrl+t move,
// the wish takes the category under the selection at once, esc goes back
// to the wish with the category from before, enter takes the one chosen
// and adds the mark. Every line fits, and the help bar names the list's
// keys.
func TestCaptureCategoryList(t *testing.T) {
	r := newRig(t)
	r.press("gri<enter>Xyzzy<ctrl+t>") // words of no category
	if r.m.capture.focus != focusCategory {
		t.Fatalf("ctrl+t did not open the list: focus %v", r.m.capture.focus)
	}
	s := r.screen()
	for _, want := range []string{"▸   — none (on purpose)", "Outdoor fitness equipment", "a letter jumps", "↑ up", "enter add the mark", "esc back"} {
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
	if c := r.m.capture; c.focus != focusPlace || len(c.marks) != 1 || c.marks[0].Category != "walk" {
		t.Errorf("w, enter: focus %v, marks %+v; want the mark added with walk", c.focus, c.marks)
	}
	r.press("<ctrl+s>")
	got := r.stored()
	if len(got) != 1 || got[0].Marks[0] != (model.Mark{Neighbourhood: "Grīva", Wish: "Xyzzy", Category: "walk"}) {
		t.Errorf("stored %+v", got)
	}
}

// TestNewWishCategory: on a fresh database a new wish gets the category
// its words suggest, shown, and the Enter that adds a known wish adds it;
// a wish of no known words asks: Enter opens the list, a letter jumps,
// Enter picks and adds the mark. The list's first line ("none") adds the
// mark without a category only once chosen on purpose (a letter no
// category starts with chooses nothing), and ctrl+s with a wish of no
// category asks for one first: enter there saves, esc goes back.
func TestNewWishCategory(t *testing.T) {
	r := newRig(t)
	r.press("centrs<enter>jauni veloceliņi")
	if s := r.screen(); !strings.Contains(s, "Category   Cycling paths & bike parking") || !strings.Contains(s, "↳ suggested by its words") {
		t.Errorf("the suggested category is not shown:\n%s", s)
	}
	r.press("<enter><ctrl+s>")
	for _, c := range []struct{ keys, want string }{
		{"centrs<enter>больше велодорожек<enter><ctrl+s>", "cycle"},
		{"gri<enter>skeitparks<enter><ctrl+s>", "sport"},
	} {
		r.press(c.keys)
		got := r.stored()
		if m := got[len(got)-1].Marks[0]; m.Category != c.want {
			t.Errorf("%s: stored %+v, want category %s", c.keys, m, c.want)
		}
	}
	if m := r.stored()[0].Marks[0]; m != (model.Mark{Neighbourhood: "Centrs", Wish: "jauni veloceliņi", Category: "cycle"}) {
		t.Errorf("first visitor: %+v", m)
	}

	r.press("esp<enter>Xyzzy")
	if s := r.screen(); !strings.Contains(s, "none yet: enter chooses one") {
		t.Errorf("a wish of no known words does not say Enter asks:\n%s", s)
	}
	r.press("<enter>")
	if r.m.capture.focus != focusCategory || len(r.m.capture.marks) != 0 {
		t.Fatalf("enter on a wish with no category: focus %v, marks %v; want the list, no mark", r.m.capture.focus, r.m.capture.marks)
	}
	r.press("<enter>") // "none" not chosen: nothing added
	if r.m.capture.focus != focusCategory || len(r.m.capture.marks) != 0 {
		t.Fatalf("enter on the unchosen first line added a mark: %+v", r.m.capture.marks)
	}
	r.press("<ctrl+s>")
	if n := len(r.stored()); n != 3 {
		t.Fatalf("ctrl+s saved a wish with no category: %d stored", n)
	}
	r.press("<down><down><down><down><down><down><down><enter>") // Places to sit and meet: ctrl+s asked, so enter saves
	if got := r.stored(); len(got) != 4 || got[3].Marks[0] != (model.Mark{Neighbourhood: "Esplanāde", Wish: "Xyzzy", Category: "hangout"}) ||
		!r.m.capture.Empty() || !strings.Contains(r.screen(), "saved #4") {
		t.Fatalf("p, enter in the list ctrl+s opened: stored %+v\n%s", got[len(got)-1], r.screen())
	}
	r.press("gri<enter>Qwerty<enter><down><up><enter>") // up onto "none" from a category: chosen on purpose
	if c := r.m.capture; len(c.marks) != 1 || c.marks[0] != (model.Mark{Neighbourhood: "Grīva", Wish: "Qwerty"}) {
		t.Fatalf("none on purpose: marks %+v", c.marks)
	}
	r.press("cen<enter>Zzz<ctrl+s>")
	if c := r.m.capture; c.focus != focusCategory || !strings.Contains(r.screen(), "“Zzz” needs a category") {
		t.Fatalf("ctrl+s with a wish of no category: focus %v\n%s", c.focus, r.screen())
	}
	// Letters typed on after ctrl+s (the next visitor's place, typed
	// ahead) choose nothing here and save nothing: they say why.
	r.press("gri")
	if c := r.m.capture; c.focus != focusCategory || c.category != "" || !strings.Contains(r.screen(), "not saved yet: “Zzz” needs a category first") {
		t.Fatalf("gri typed on after ctrl+s: focus %v, category %q\n%s", c.focus, c.category, r.screen())
	}
	r.press("<enter>")
	if c := r.m.capture; c.focus != focusCategory || len(r.stored()) != 4 || !strings.Contains(r.screen(), "“Zzz” needs a category: ↑/↓ choose one,") || !strings.Contains(r.screen(), "enter saves the visitor") {
		t.Errorf("enter refused on the first line does not say again what enter does here:\n%s", r.screen())
	}
	r.press("<down><down><down><enter>") // the list ctrl+s opened: enter takes the category and saves
	got := r.stored()
	if len(got) != 5 || len(got[4].Marks) != 2 || got[4].Marks[1].Category != "cycle" || got[4].Marks[0].Category != "" {
		t.Fatalf("stored %+v", got[len(got)-1])
	}
	if c := r.m.capture; !c.Empty() || !strings.Contains(r.screen(), "saved #5") {
		t.Errorf("after enter in the list ctrl+s opened: form empty %v\n%s", c.Empty(), r.screen())
	}
	// esc in that list goes back to the wish and saves nothing; a later
	// enter on the wish's own list only adds the mark.
	r.press("cen<enter>Kkk<ctrl+s><esc>") // not Zzz: saved with cycle, it is known now
	if c := r.m.capture; c.focus != focusWish || len(r.stored()) != 5 {
		t.Fatalf("esc in the list ctrl+s opened: focus %v, %d stored", c.focus, len(r.stored()))
	}
	r.press("<enter>c<enter>")
	if c := r.m.capture; len(c.marks) != 1 || len(r.stored()) != 5 {
		t.Fatalf("enter, c, enter after esc: marks %+v, %d stored", c.marks, len(r.stored()))
	}
	// a letter no category starts with chooses nothing: enter on the
	// first line still adds no mark.
	r.press("gri<enter>Yyy<enter>")
	if c := r.m.capture; c.focus != focusCategory {
		t.Fatalf("enter on a wish with no category: focus %v", c.focus)
	}
	r.press("x")
	if c := r.m.capture; c.category != "" || c.catManual || !strings.Contains(r.screen(), "no category starts with “x”") {
		t.Fatalf("x: category %q (by hand %v)\n%s", c.category, c.catManual, r.screen())
	}
	r.press("<enter>")
	if c := r.m.capture; c.focus != focusCategory || len(c.marks) != 1 {
		t.Fatalf("x, enter: focus %v, marks %+v\n%s", c.focus, c.marks, r.screen())
	}
}

// TestCaptureCategoryListLatvian: letters jump by the Latvian names,
// folded: a reaches Āra trenažieri, then Atpūtas…, then Apgaismojums….
func TestCaptureCategoryListLatvian(t *testing.T) {
	r := newRig(t)
	r.start(Options{Store: r.store, Drafts: r.store, Event: r.ev, Lang: "lv"}, 80, 24)
	r.press("gri<enter>Xyzzy<ctrl+t>")
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

// TestCatListLetters: a letter jumps to the next category whose name in
// the interface language starts with it; a letter of another script than
// a name's, to one whose English name or code does: a facilitator on a
// Latin keyboard jumps in a Russian list too.
func TestCatListLetters(t *testing.T) {
	for _, c := range []struct {
		lang, keys string
		want       []string // the category after each key
	}{
		{"ru", "wwwт", []string{"walk", "wifi", "walk", "amenities"}}, // Walking routes, Wi-Fi и зарядка, Туалеты…
		{"ru", "сc", []string{"sport", "cycle"}},                      // Cyrillic с: Спорт; Latin c: cycle
		{"lv", "vaa", []string{"cycle", "hangout", "light"}},          // Latvian names only: Atpūtas…, Apgaismojums…
		{"en", "oow", []string{"fitness", "other", "walk"}},
	} {
		var l catList
		for i, k := range []rune(c.keys) {
			var ok bool
			if l, ok = l.move(tea.KeyPressMsg{Code: k, Text: string(k)}, c.lang); !ok || l.code() != c.want[i] {
				t.Errorf("%s %q, key %d (%c): %q, want %q", c.lang, c.keys, i, k, l.code(), c.want[i])
				break
			}
		}
	}
}

// TestUpOnNoneChoosesNothing: ↑ while the list is already on its first
// line ("— none") chooses nothing: Enter is still refused, in the list
// Enter opened and in the one ctrl+s opened; coming up from a category
// chooses none on purpose.
func TestUpOnNoneChoosesNothing(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>xyzzy<ctrl+s><up><enter>")
	if c := r.m.capture; c.focus != focusCategory || c.catManual || len(r.stored()) != 0 {
		t.Fatalf("ctrl+s ↑ enter: focus %v, chosen %v, %d stored", c.focus, c.catManual, len(r.stored()))
	}
	r.press("<esc>")
	if c := r.m.capture; c.focus != focusWish || strings.Contains(r.screen(), "not saved yet") {
		t.Fatalf("esc from the list ctrl+s opened: focus %v\n%s", c.focus, r.screen())
	}
	r.press("<enter><up><enter>")
	if c := r.m.capture; c.focus != focusCategory || len(c.marks) != 0 {
		t.Fatalf("enter ↑ enter: focus %v, marks %+v", c.focus, c.marks)
	}
	r.press("<down><up><enter>")
	if c := r.m.capture; len(c.marks) != 1 || c.marks[0].Category != "" {
		t.Fatalf("↓ ↑ enter (none on purpose): marks %+v", c.marks)
	}
}

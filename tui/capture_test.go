package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/model"
)

func TestTypeAhead(t *testing.T) {
	for _, q := range []string{"jaunf", "Jauna F", "Jaunā Forštate", "jauna forstadte"} {
		m := testModel(t, Options{Store: nilStore{}}, nil, 160, 48)
		for _, k := range keys(q) {
			m = send(m, k)
		}
		if len(m.capture.matches) == 0 || m.capture.matches[0].Name != "Jaunā Forštadte" {
			t.Errorf("%q: matches %v", q, m.capture.matches)
		}
		m = send(m, namedKey("enter"))
		if m.capture.focus != focusWish || m.capture.wishFor != "Jaunā Forštadte" {
			t.Errorf("%q: enter: focus %v, wish for %q", q, m.capture.focus, m.capture.wishFor)
		}
	}
}

// captureSeq is the key sequence of tui/KEYS.md once the event has wish
// groups: two neighbourhoods with a wish each (taken from suggestions), an
// age group, save.
const captureSeq = "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter>2<ctrl+s>"

// freshSeq is the same visitor on a fresh database (README's "A visitor
// in keystrokes"): the wishes typed in full, their categories suggested
// by their words.
const freshSeq = "gri<enter>Āra trenažieri<enter>cen<enter>Veloceliņi<enter>2<ctrl+s>"

// TestKeyBudget keys the README's visitor into a real database, fresh and
// with earlier visitors, and counts the keys beyond the letters (a space
// counts as a key): at most 8 either way, and the marks are stored whole,
// with their categories.
func TestKeyBudget(t *testing.T) {
	want := []model.Mark{{Neighbourhood: "Grīva", Wish: "Āra trenažieri", Category: "fitness"},
		{Neighbourhood: "Centrs", Wish: "Veloceliņi", Category: "cycle"}}
	r := newRig(t)
	for i, seq := range []string{freshSeq, captureSeq, freshSeq} {
		letters, other := 0, 0
		for _, k := range keys(seq) {
			if k.Text != "" && k.Code != ' ' && !strings.ContainsRune("0123456789", k.Code) {
				letters++
			} else {
				other++
			}
		}
		if other > 8 {
			t.Errorf("%s: %d keys beyond letters, budget 8", seq, other)
		}
		r.press(seq)
		got := r.stored()
		if len(got) != i+1 || fmt.Sprint(got[i].Marks) != fmt.Sprint(want) || got[i].AgeGroup != "16-18" {
			t.Fatalf("%s (visitor %d): stored %+v, want %+v aged 16-18", seq, i+1, got[len(got)-1], want)
		}
		t.Logf("%s: %d letters, %d other keys", seq, letters, other)
	}
}

func TestCaptureTwoMarksSaveUndo(t *testing.T) {
	r := newRig(t)
	// Earlier visitors leave wish groups to autocomplete from; the first
	// one's category chosen by hand (suggested: fitness; ↓: cycle).
	r.press("gri<enter>Āra trenažieri<ctrl+t><down><enter><ctrl+s>")
	r.press("<tab>Veloceliņi<enter><ctrl+s>")
	if n := len(r.stored()); n != 2 {
		t.Fatalf("%d stored after two visitors", n)
	}
	r.press(captureSeq)
	got := r.stored()
	if len(got) != 3 {
		t.Fatalf("%d stored, want 3", len(got))
	}
	v := got[2]
	want := []model.Mark{{Neighbourhood: "Grīva", Wish: "Āra trenažieri", Category: "cycle"}, {Neighbourhood: "Centrs", Wish: "Veloceliņi", Category: "cycle"}}
	if len(v.Marks) != 2 || v.Marks[0] != want[0] || v.Marks[1] != want[1] || v.AgeGroup != "16-18" {
		t.Errorf("stored %+v, want marks %+v age 16-18", v, want)
	}
	if !r.m.capture.Empty() {
		t.Errorf("form not emptied after save")
	}
	if s := r.screen(); !strings.Contains(s, "saved #3 ✓") || !strings.Contains(s, "3 visitors") {
		t.Errorf("screen lacks saved #3 / 3 visitors:\n%s", s)
	}
	r.press("<ctrl+z>")
	if n := len(r.stored()); n != 2 {
		t.Errorf("%d stored after undo, want 2", n)
	}
	if s := r.screen(); !strings.Contains(s, "undone #3") {
		t.Errorf("no undone message:\n%s", s)
	}
}

func TestEditAndDeleteWithUndo(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>Sakārtot vidi<enter><ctrl+s>")
	r.press("esp<enter><enter><ctrl+s>")
	// Edit the older one (second in Recent): add Grīva.
	r.press("<ctrl+e><down><enter>")
	if !r.m.capture.Editing() || len(r.m.capture.marks) != 1 {
		t.Fatalf("not editing the response: %+v", r.m.capture)
	}
	r.press("gri<enter><enter><ctrl+s>")
	got := r.stored()
	if len(got) != 2 || len(got[0].Marks) != 2 || got[0].Marks[1].Neighbourhood != "Grīva" {
		t.Fatalf("edit not stored in place: %+v", got)
	}
	// Undo the edit: the first version is back.
	r.press("<ctrl+z>")
	if got := r.stored(); len(got[0].Marks) != 1 {
		t.Errorf("undo of edit: %+v", got[0])
	}
	// Delete the newest, then undo the delete.
	r.press("<ctrl+e><delete>")
	if got := r.stored(); len(got) != 1 || got[0].Marks[0].Neighbourhood != "Centrs" {
		t.Fatalf("delete: %+v", got)
	}
	r.press("<ctrl+z>")
	if got := r.stored(); len(got) != 2 {
		t.Errorf("undo of delete: %d stored", len(got))
	}
}

func TestFailedSaveKeepsForm(t *testing.T) {
	r := newRig(t)
	r.store.Close()
	r.press("gri<enter>Soliņi<enter>cen")
	r.press("<ctrl+s>")
	if !strings.Contains(r.screen(), "not saved") {
		t.Errorf("no failure message:\n%s", r.screen())
	}
	c := r.m.capture
	if len(c.marks) != 1 || c.marks[0].Wish != "Soliņi" || c.place.Value() != "cen" {
		t.Errorf("form lost what was typed: marks %+v place %q", c.marks, c.place.Value())
	}
}

func TestBadInput(t *testing.T) {
	r := newRig(t)
	r.press("<ctrl+s>")
	if !strings.Contains(r.screen(), "nothing to save: add a place or a wish") {
		t.Errorf("empty save:\n%s", r.screen())
	}
	r.press("xyz<enter>")
	if !strings.Contains(r.screen(), "no neighbourhood matches 'xyz'") {
		t.Errorf("unknown place:\n%s", r.screen())
	}
	r.press("<ctrl+s>")
	if n := len(r.stored()); n != 0 {
		t.Errorf("%d stored from bad input", n)
	}
	r.press("<esc><tab>")
	r.do(tea.PasteMsg{Content: "Bench\x1b[31m red\x1b]0;pwn\x07 \u202eevil"})
	if v := r.m.capture.wish.Value(); model.HasUnsafe(v) || !strings.HasPrefix(v, "Bench red") {
		t.Errorf("paste not sanitised: %q", v)
	}
	if !strings.Contains(r.screen(), "control characters removed") {
		t.Errorf("no paste message:\n%s", r.screen())
	}
	r.do(tea.PasteMsg{Content: strings.Repeat("x", 400)})
	if n := len([]rune(r.m.capture.wish.Value())); n != model.MaxWishLen {
		t.Errorf("wish is %d long, cap %d", n, model.MaxWishLen)
	}
	if !strings.Contains(r.screen(), "at most 280 characters") {
		t.Errorf("no length message:\n%s", r.screen())
	}
	r.press("<enter><ctrl+s>")
	got := r.stored()
	if len(got) != 1 || !got[0].Marks[0].CityWide() || model.HasUnsafe(got[0].Marks[0].Wish) {
		t.Errorf("city-wide wish: %+v", got)
	}
}

func TestQuitKeys(t *testing.T) {
	m := testModel(t, Options{Store: nilStore{}}, nil, 160, 48)
	if _, cmd := m.Update(namedKey("ctrl+c")); cmd == nil {
		t.Errorf("ctrl+c on an empty form does not quit")
	}
	m = send(m, namedKey("q"))
	if m.capture.place.Value() != "q" {
		t.Errorf("q in the place field: %q", m.capture.place.Value())
	}
	if _, cmd := m.Update(namedKey("ctrl+c")); cmd != nil {
		t.Errorf("ctrl+c with a form holding something quits without asking")
	}
	v := testModel(t, Options{Role: Viewer}, nil, 160, 48)
	if _, cmd := v.Update(namedKey("q")); cmd == nil {
		t.Errorf("q does not quit the board")
	}
	v = send(v, namedKey("ctrl+s"))
	if v.saving {
		t.Errorf("viewer saved")
	}
}

func TestHelpKeyAndEditCancel(t *testing.T) {
	m := testModel(t, Options{Store: nilStore{}}, nil, 160, 48)
	m = send(m, namedKey("?"))
	if !m.fullHelp || !strings.Contains(ansi.Strip(m.View().Content), "ctrl+x") {
		t.Errorf("? on the empty place does not show the full help")
	}
	m = send(m, namedKey("x"))
	if m.fullHelp || m.capture.place.Value() != "x" {
		t.Errorf("a letter closes the full help and is typed (place %q)", m.capture.place.Value())
	}
	for _, k := range keys("<ctrl+u><tab>why?") {
		m = send(m, k)
	}
	if m.capture.wish.Value() != "why?" || m.fullHelp {
		t.Errorf("? in the wish field: %q (help %v)", m.capture.wish.Value(), m.fullHelp)
	}

	r := newRig(t)
	r.press("cen<enter><enter><ctrl+s><ctrl+e><enter>")
	if !r.m.capture.Editing() {
		t.Fatal("not editing")
	}
	r.press("<esc>")
	if r.m.capture.Editing() || len(r.m.capture.marks) != 0 || !strings.Contains(r.screen(), "#1 left as it was") {
		t.Errorf("esc did not leave the edit:\n%s", r.screen())
	}
}

// TestRecentSelectionFollowsResponse: a new response arriving while the
// list is open does not move the selection to another response.
func TestRecentSelectionFollowsResponse(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter><enter><ctrl+s>esp<enter><enter><ctrl+s>")
	r.press("<ctrl+e><down>") // the older one: Centrs
	// Someone else saves meanwhile.
	other := newRigOn(t, r)
	other.press("gri<enter><enter><ctrl+s>")
	r.refresh()
	r.press("<delete>")
	got := r.stored()
	for _, x := range got {
		if x.Marks[0].Neighbourhood == "Centrs" {
			t.Errorf("deleted the wrong response; left %+v", got)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d left, want 2", len(got))
	}
}

// TestBoardAloneTakesKeys: with ctrl+b the board alone has focus, wide or
// narrow, and letters do not reach the hidden form.
func TestBoardAloneTakesKeys(t *testing.T) {
	for _, w := range []int{80, 160} {
		m := testModel(t, Options{Store: nilStore{}}, nil, w, 40)
		for _, k := range keys("<ctrl+b>fgri<enter>") {
			m = send(m, k)
		}
		if m.board.filter != "Grīva" || m.capture.place.Value() != "" || m.focus != focusBoard {
			t.Errorf("%d: filter %q, place %q, focus %v", w, m.board.filter, m.capture.place.Value(), m.focus)
		}
		m = send(m, namedKey("ctrl+b"))
		if m.focus != focusPlace {
			t.Errorf("%d: ctrl+b again: focus %v", w, m.focus)
		}
	}
}

// TestEventAgeGroups: the event's own age groups are offered and kept for
// the next visitor.
func TestEventAgeGroups(t *testing.T) {
	r := newRig(t)
	r.start(Options{Store: r.store, Drafts: r.store, Event: r.ev, City: testCity(t), AgeGroups: []string{"<12", "12-14", "15-17", "18+"}}, 160, 48)
	r.press("cen<enter><enter>4<ctrl+s>")
	if got := r.stored(); len(got) != 1 || got[0].AgeGroup != "18+" {
		t.Fatalf("stored %+v", got)
	}
	if s := r.screen(); !strings.Contains(s, "4 18+") {
		t.Errorf("age groups not offered after a save:\n%s", s)
	}
}

// TestWishSuggestionPickedWithArrows: ↓ then Enter takes the second
// suggestion; Enter alone keeps the text as typed (and, its words naming
// no category, asks for one).
func TestWishSuggestionPickedWithArrows(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 412)
	m := testModel(t, Options{Store: nilStore{}}, snap, 160, 48)
	for _, k := range keys("gri<enter>ara<down><enter>cen<enter>ara<enter>o<enter>") {
		m = send(m, k)
	}
	marks := m.capture.marks
	if len(marks) != 2 || marks[0].Wish != "Vairāk vietu aktīvai atpūtai" || marks[0].Category != "sport" ||
		marks[1] != (model.Mark{Neighbourhood: "Centrs", Wish: "ara", Category: "fitness"}) {
		t.Errorf("marks %+v (the second: as typed, its category chosen from the list Enter opened)", marks)
	}
}

// TestHelpClosedByALetter: a letter that closes the full help in the form
// is typed too — `? cen` types "cen" — while q, esc and ? only close it.
func TestHelpClosedByALetter(t *testing.T) {
	r := newRig(t)
	r.press("?c")
	if r.m.fullHelp || r.m.capture.place.Value() != "c" {
		t.Fatalf("? c: help %v, place %q", r.m.fullHelp, r.m.capture.place.Value())
	}
	r.press("en<enter>")
	if c := r.m.capture; c.wishFor != "Centrs" {
		t.Fatalf("? cen enter took %q", c.wishFor)
	}
	r.press("<esc><ctrl+u>")
	for _, k := range []string{"q", "<esc>", "?"} {
		r.press("?" + k)
		if r.m.fullHelp || r.m.capture.place.Value() != "" || r.quitted {
			t.Fatalf("? then %s: help %v, place %q, quit %v", k, r.m.fullHelp, r.m.capture.place.Value(), r.quitted)
		}
	}
}

// TestTooSmallTakesNoKeys: while the window is too small for the form
// (the screen only asks for a larger one), keys change nothing — ctrl+s
// saves nothing, ctrl+z undoes nothing; ctrl+c still quits.
func TestTooSmallTakesNoKeys(t *testing.T) {
	r := newRig(t)
	r.press("cen<enter>parks<enter><ctrl+s>gri<enter>")
	r.do(tea.WindowSizeMsg{Width: 40, Height: 12})
	r.press("soliņi<enter><ctrl+s><ctrl+z><ctrl+z>")
	if got, c := r.stored(), r.m.capture; len(got) != 1 || c.wish.Value() != "" || len(c.marks) != 0 || c.wishFor != "Grīva" {
		t.Fatalf("keys at 40×12: %d stored, wish %q, marks %+v, place %q", len(got), c.wish.Value(), c.marks, c.wishFor)
	}
	r.do(tea.WindowSizeMsg{Width: 120, Height: 36})
	r.press("soliņi<enter><ctrl+s>")
	if got := r.stored(); len(got) != 2 || got[1].Marks[0] != (model.Mark{Neighbourhood: "Grīva", Wish: "soliņi", Category: "hangout"}) {
		t.Fatalf("back at 120×36: %+v", got)
	}
	r.do(tea.WindowSizeMsg{Width: 40, Height: 12})
	r.press("<ctrl+c>")
	if !r.quitted {
		t.Error("ctrl+c at 40×12 did not quit")
	}
}

// TestQuitQuestionWhenTooSmall: in a window too small for the form,
// ctrl+c with a visitor shows its question (not the request for a larger
// window) and y answers it.
func TestQuitQuestionWhenTooSmall(t *testing.T) {
	r := newRig(t)
	r.press("gri")
	r.do(tea.WindowSizeMsg{Width: 50, Height: 12})
	r.press("<ctrl+c>")
	if s := r.screen(); !strings.Contains(s, "Quit?") || !strings.Contains(s, "y quit") {
		t.Fatalf("ctrl+c at 50×12:\n%s", s)
	}
	r.press("y")
	if !r.quitted {
		t.Error("y did not quit")
	}
}

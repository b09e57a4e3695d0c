package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
)

// TestMapPick chooses a place with the arrow keys: ctrl+g marks the middle
// of the city, → and ↓ move as City.Move says, Enter takes the place as if
// typed and chosen.
func TestMapPick(t *testing.T) {
	city := testCity(t)
	start := middleOf(city)
	right := city.Move(start, ascii_maps.Right)
	want := city.Move(right, ascii_maps.Down)
	if right == start || want == right {
		t.Fatalf("the moves go nowhere: %s → %s → %s", start, right, want)
	}
	m := testModel(t, Options{Store: nilStore{}}, nil, 80, 24)
	m = send(m, namedKey("ctrl+g"))
	if got := m.capture.Picking(); got != start {
		t.Fatalf("ctrl+g marks %q, want %q", got, start)
	}
	m = send(m, namedKey("right"))
	if got := m.capture.Picking(); got != right {
		t.Fatalf("→ marks %q, want %q", got, right)
	}
	m = send(m, namedKey("down"))
	if got := m.capture.Picking(); got != want {
		t.Fatalf("↓ marks %q, want %q", got, want)
	}
	screen := ansi.Strip(m.View().Content)
	// 80 wide: the map replaces the recent list, with the place marked.
	if !strings.Contains(screen, "◆ "+want) || !strings.Contains(screen, "["+want+"]") || strings.Contains(screen, "Recent") {
		t.Errorf("the picking screen does not show %s on the map:\n%s", want, screen)
	}
	if !strings.Contains(screen, "move on the map") {
		t.Errorf("the help bar does not say how to move:\n%s", screen)
	}
	m = send(m, namedKey("enter"))
	if m.capture.focus != focusWish || m.capture.wishFor != want || m.capture.Picking() != "" {
		t.Fatalf("enter: focus %v, wish for %q", m.capture.focus, m.capture.wishFor)
	}
	for _, k := range keys("soliņi<enter>") {
		m = send(m, k)
	}
	if len(m.capture.marks) != 1 || m.capture.marks[0].Neighbourhood != want || m.capture.marks[0].Wish != "soliņi" {
		t.Errorf("marks %+v, want one in %s", m.capture.marks, want)
	}
	// From a mark, choosing again starts at its place.
	m = send(m, namedKey("ctrl+g"))
	if got := m.capture.Picking(); got != want {
		t.Errorf("ctrl+g on the empty place marks %q, want the last mark's %q", got, want)
	}
}

// TestMapPickEscKeepsPlace: Esc leaves the place as it was; choosing
// starts at the selected suggestion.
func TestMapPickEscKeepsPlace(t *testing.T) {
	m := testModel(t, Options{Store: nilStore{}}, nil, 160, 48)
	for _, k := range keys("cen<ctrl+g>") {
		m = send(m, k)
	}
	if got := m.capture.Picking(); got != "Centrs" {
		t.Fatalf("ctrl+g after 'cen' marks %q, want Centrs", got)
	}
	m = send(m, namedKey("right"))
	m = send(m, namedKey("esc"))
	c := m.capture
	if c.focus != focusPlace || c.Picking() != "" || c.place.Value() != "cen" || len(c.matches) == 0 ||
		c.matches[c.placeSel].Name != "Centrs" || len(c.marks) != 0 {
		t.Errorf("esc: focus %v, place %q, matches %v, marks %v", c.focus, c.place.Value(), c.matches, c.marks)
	}
}

// TestMapPickKeys: ↑/↓ still move through suggestions; an arrow on the
// empty place does not open the map (only ctrl+g does); typing goes back
// to type-ahead; ctrl+g again leaves.
func TestMapPickKeys(t *testing.T) {
	city := testCity(t)
	m := testModel(t, Options{Store: nilStore{}}, nil, 80, 24)
	for _, k := range keys("jaun<down>") {
		m = send(m, k)
	}
	if m.capture.Picking() != "" || m.capture.placeSel != 1 {
		t.Fatalf("↓ with suggestions: picking %q, selection %d", m.capture.Picking(), m.capture.placeSel)
	}
	m = testModel(t, Options{Store: nilStore{}}, nil, 80, 24)
	for _, k := range []string{"up", "down", "left", "right"} { // only ctrl+g opens the map
		if m = send(m, namedKey(k)); m.capture.Picking() != "" {
			t.Fatalf("%s on the empty place opened the map", k)
		}
	}
	m = send(m, namedKey("ctrl+g"))
	if got := m.capture.Picking(); got != middleOf(city) {
		t.Fatalf("ctrl+g on the empty place marks %q, want %q", got, middleOf(city))
	}
	m = send(m, namedKey("g"))
	if m.capture.Picking() != "" || m.capture.place.Value() != "g" || len(m.capture.matches) == 0 {
		t.Errorf("typing while choosing: picking %q, place %q", m.capture.Picking(), m.capture.place.Value())
	}
	m = send(m, namedKey("ctrl+g"))
	m = send(m, namedKey("ctrl+g"))
	if m.capture.Picking() != "" || m.capture.place.Value() != "g" {
		t.Errorf("ctrl+g twice: picking %q, place %q", m.capture.Picking(), m.capture.place.Value())
	}
}

// TestMapPickSave: ctrl+s while choosing saves the marked place, as it
// saves a selected suggestion.
func TestMapPickSave(t *testing.T) {
	r := newRig(t)
	want := r.m.capture.city.Move(middleOf(r.m.capture.city), ascii_maps.Right)
	r.press("<ctrl+g><right><ctrl+s>")
	got := r.stored()
	if len(got) != 1 || len(got[0].Marks) != 1 || got[0].Marks[0].Neighbourhood != want {
		t.Fatalf("stored %+v, want one mark in %s", got, want)
	}
	if r.m.capture.Picking() != "" || !r.m.capture.Empty() {
		t.Errorf("the form is not empty after saving: %+v", r.m.capture)
	}
}

// TestMapPickWide: where the board beside shows the map, it marks the
// place there and the form keeps its recent list; where it does not
// (just over the wide threshold), the form shows the map.
func TestMapPickWide(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 412)
	want := city.Move(middleOf(city), ascii_maps.Right)
	for _, sz := range [][2]int{{160, 48}, {124, 40}} {
		m := testModel(t, Options{Store: nilStore{}}, snap, sz[0], sz[1])
		for _, k := range keys("<ctrl+g><right>") {
			m = send(m, k)
		}
		screen := ansi.Strip(m.View().Content)
		if n := strings.Count(screen, "["+want+"]"); n != 1 {
			t.Errorf("%v: %s marked %d times on maps:\n%s", sz, want, n, screen)
		}
		boardMap := m.board.ShowsMap(snap, sz[0]-max(44, sz[0]*3/10), sz[1]-2)
		if hasRecent := strings.Contains(screen, "Recent"); hasRecent != boardMap {
			t.Errorf("%v: board shows the map %v, form shows the recent list %v:\n%s", sz, boardMap, hasRecent, screen)
		}
	}
}

// TestMapPickHelp: ? while choosing shows every key and keeps the choice.
func TestMapPickHelp(t *testing.T) {
	m := testModel(t, Options{Store: nilStore{}}, nil, 80, 24)
	for _, k := range keys("<ctrl+g><right>?") {
		m = send(m, k)
	}
	if !m.fullHelp || m.capture.Picking() == "" || !strings.Contains(ansi.Strip(m.View().Content), "choose on the map") {
		t.Errorf("?: full help %v, picking %q", m.fullHelp, m.capture.Picking())
	}
}

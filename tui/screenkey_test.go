package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"standmap/model"
)

// viewer is a viewer's model fed msgs in order.
func viewer(t *testing.T, msgs ...tea.Msg) Model {
	t.Helper()
	m := New(Options{City: testCity(t), Event: model.Event{Name: "Profesiju gadatirgus 2025"}, Lang: "en", Role: Viewer})
	for _, msg := range msgs {
		m = send(m, msg)
	}
	return m
}

// TestScreenKeySameScreen: viewers that reach the same state by other
// ways (messages in another order, messages that change nothing drawn)
// have equal keys and draw the same screen; a key a viewer pressed, a
// new snapshot, another size, colour profile, theme or reveal state
// makes another key (and another screen); the filter's field being typed
// in, and a facilitator's screen, are not shared.
func TestScreenKeySameScreen(t *testing.T) {
	g := testCity(t).Gazetteer
	s1, s2 := fixedSnapshot(g, "Profesiju gadatirgus 2025", 400), fixedSnapshot(g, "Profesiju gadatirgus 2025", 401)
	size := tea.WindowSizeMsg{Width: 100, Height: 30}
	a := viewer(t, size, SnapshotMsg{Snapshot: s1}, tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	b := viewer(t, tea.ColorProfileMsg{Profile: colorprofile.ANSI256}, SnapshotMsg{Snapshot: s1}, tea.EnvMsg{"TERM=xterm"}, size)
	same(t, a, b, "the same messages in another order")

	down := keys("<down>")[0]
	hidden := *s1 // the same snapshot, the results hidden: a display change
	hidden.Display = model.DisplayState{Hidden: true}
	other := map[string]Model{
		"a key pressed (scroll)": send(a, down),
		"full help":              send(a, keys("?")[0]),
		"a new snapshot":         send(a, SnapshotMsg{Snapshot: s2}),
		"another size":           send(a, tea.WindowSizeMsg{Width: 100, Height: 31}),
		"another colour profile": send(a, tea.ColorProfileMsg{Profile: colorprofile.ANSI}),
		"a light background":     send(a, tea.BackgroundColorMsg{Color: ansi.White}),
		"results hidden":         send(a, SnapshotMsg{Snapshot: &hidden}),
	}
	ka, _ := a.ScreenKey()
	for what, m := range other {
		if k, shared := m.ScreenKey(); k == ka || !shared {
			t.Errorf("%s: key equal %v, shared %v; want another shared key", what, k == ka, shared)
		}
		if m.View().Content == a.View().Content {
			t.Errorf("%s: the screen did not change (the test is wrong)", what)
		}
	}
	same(t, send(a, down), send(b, down), "both scrolled")

	if _, shared := send(a, keys("f")[0]).ScreenKey(); shared {
		t.Error("the filter's field open: shared")
	}
	f := testModel(t, Options{Store: nilStore{}, Lang: "en"}, s1, 100, 30)
	if _, shared := f.ScreenKey(); shared {
		t.Error("a facilitator's screen: shared")
	}
}

// same fails unless a and b have equal, shared keys and draw the same.
func same(t *testing.T, a, b Model, what string) {
	t.Helper()
	ka, sa := a.ScreenKey()
	kb, sb := b.ScreenKey()
	if ka != kb || !sa || !sb {
		t.Errorf("%s: keys equal %v, shared %v %v", what, ka == kb, sa, sb)
	}
	if a.View().Content != b.View().Content {
		t.Errorf("%s: equal keys, different screens:\n%s\n---\n%s", what, a.View().Content, b.View().Content)
	}
}

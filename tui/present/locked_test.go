package present

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"standmap/internal/teacmd"
)

// TestLocked: a viewer's projection ignores the reveal keys but follows
// the shared state, and tells no one.
func TestLocked(t *testing.T) {
	told := 0
	hidden := carrying(testSnapshot(t, 50), DisplayState{Hidden: true})
	m := sized(New(Options{City: testCity(t), Snapshot: hidden, Locked: true,
		Display: hidden.Display, OnDisplayChange: func(DisplayState) error { told++; return nil }}), 80, 24)
	for _, k := range []string{"h", "space"} {
		var cmd tea.Cmd
		m, cmd = send(m, press(k))
		teacmd.Run(t, cmd)
		if m.Display() != (DisplayState{Hidden: true}) {
			t.Fatalf("%s changed a locked display: %+v", k, m.Display())
		}
	}
	if told != 0 || strings.Contains(plain(m), "Where") {
		t.Fatalf("told %d times; screen:\n%s", told, plain(m))
	}
	m, _ = send(m, SnapshotMsg{Snapshot: carrying(hidden, DisplayState{})})
	if m.Display().Hidden || !strings.Contains(plain(m), "Where") {
		t.Fatalf("the shared reveal was not followed:\n%s", plain(m))
	}
}

// TestHelpShown: ? opens the keys' overlay and esc closes it.
func TestHelpShown(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 50)}), 80, 24)
	m, _ = send(m, press("?"))
	if !m.HelpShown() {
		t.Fatal("? did not open the overlay")
	}
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.HelpShown() {
		t.Fatal("esc did not close the overlay")
	}
}

package tui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/db"
	"standmap/internal/teacmd"
	"standmap/live"
	"standmap/model"
)

// update gives msg to m and returns the new model and command.
func update(m Model, msg tea.Msg) (Model, tea.Cmd) {
	nm, cmd := m.Update(msg)
	return nm.(Model), cmd
}

// screen returns m's screen without escape sequences.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

// quits reports whether cmd ends the program.
func quits(t *testing.T, cmd tea.Cmd) bool {
	t.Helper()
	for _, msg := range teacmd.Run(t, cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func TestProjectionKey(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 412)
	m := testModel(t, Options{Store: nilStore{}, City: city}, snap, 120, 40)
	m, cmd := update(m, namedKey("ctrl+p"))
	if !m.presenting || cmd == nil || !strings.Contains(screen(m), "visitors so far") {
		t.Fatalf("ctrl+p: presenting %v, cmd %v\n%s", m.presenting, cmd, screen(m))
	}
	if strings.Contains(screen(m), "Visitor #413") {
		t.Fatalf("the form still shows:\n%s", screen(m))
	}
	m = send(m, namedKey("?"))
	if !m.presenting || !strings.Contains(screen(m), "back to capture") {
		t.Fatalf("?: the keys' overlay lacks esc:\n%s", screen(m))
	}
	m = send(m, namedKey("esc")) // closes the overlay only
	if !m.presenting || m.proj.HelpShown() {
		t.Fatalf("esc over the overlay: presenting %v, overlay %v", m.presenting, m.proj.HelpShown())
	}
	m = send(m, namedKey("esc"))
	if m.presenting || !strings.Contains(screen(m), "Visitor #413") {
		t.Fatalf("esc: presenting %v\n%s", m.presenting, screen(m))
	}
	m, cmd = update(m, namedKey("ctrl+p")) // opened again: no second rotation
	if !m.presenting || cmd != nil {
		t.Fatalf("ctrl+p again: presenting %v, cmd %v", m.presenting, cmd)
	}
	m = send(m, namedKey("ctrl+p"))
	if m.presenting {
		t.Fatal("ctrl+p did not go back")
	}
	m = send(m, namedKey("ctrl+p"))
	if _, cmd := update(m, namedKey("ctrl+c")); !quits(t, cmd) { // the form is empty: no question
		t.Errorf("ctrl+c in the projection does not quit")
	}
	if back, cmd := update(m, namedKey("q")); quits(t, cmd) || back.presenting { // a nested view: q goes back
		t.Errorf("q in the projection: quits %v, presenting %v; want back to capture", quits(t, cmd), back.presenting)
	}
	if _, cmd := update(m, namedKey("ctrl+b")); quits(t, cmd) {
		t.Error("ctrl+b quits")
	}
}

func TestViewerHasNoProjectionKey(t *testing.T) {
	city := testCity(t)
	m := testModel(t, Options{Role: Viewer, City: city}, fixedSnapshot(city.Gazetteer, "Fair", 412), 120, 40)
	if m = send(m, namedKey("ctrl+p")); m.presenting {
		t.Fatal("a viewer opened the projection")
	}
}

// TestProjectionFollowsSnapshots: the app hands its snapshots on.
func TestProjectionFollowsSnapshots(t *testing.T) {
	city := testCity(t)
	m := testModel(t, Options{Store: nilStore{}, City: city}, fixedSnapshot(city.Gazetteer, "Fair", 412), 120, 40)
	m = send(m, namedKey("ctrl+p"))
	newer := fixedSnapshot(city.Gazetteer, "Fair", 413)
	m = send(m, SnapshotMsg{Snapshot: newer})
	if m.proj.Snapshot() != newer || m.Snapshot() != newer {
		t.Fatal("the projection did not get the newer snapshot")
	}
}

// hubRig is a hub on a real database, not running: snapshots and reveal
// states reach the subscribers directly.
func hubRig(t *testing.T) *live.Hub {
	t.Helper()
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.CreateEvent(context.Background(), "Fair"); err != nil {
		t.Fatal(err)
	}
	h, err := live.NewHub(s, testCity(t).Gazetteer, "Fair")
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestHideReachesViewers: h in a facilitator's projection goes to the hub;
// another screen's subscription receives it, and a viewer's board given
// it shows the count only; a reveal shows the board again.
func TestHideReachesViewers(t *testing.T) {
	city := testCity(t)
	hub := hubRig(t)
	other := hub.Subscribe()
	defer other.Close()
	<-other.C()
	fac := testModel(t, Options{Store: nilStore{}, Hub: hub, City: city}, nil, 120, 40)
	fac = send(fac, namedKey("ctrl+p"))
	fac, cmd := update(fac, namedKey("h"))
	teacmd.Run(t, cmd)
	if !fac.display.Hidden || !hub.Snapshot().Display.Hidden {
		t.Fatalf("h: app %+v, hub %+v", fac.display, hub.Snapshot().Display)
	}
	if fac = send(fac, namedKey("esc")); !strings.Contains(screen(fac), "projection hidden") {
		t.Fatalf("the facilitator's header does not say the projection is hidden:\n%s", screen(fac))
	}
	var d model.DisplayState
	select {
	case s := <-other.C():
		d = s.Display
	case <-time.After(time.Second):
		t.Fatal("the other screen received nothing")
	}
	snap := fixedSnapshot(city.Gazetteer, "Fair", 412)
	viewer := testModel(t, Options{Role: Viewer, City: city}, snap, 120, 40)
	viewer = send(viewer, SnapshotMsg{Snapshot: carrying(snap, d)})
	checkHidden(t, viewer, snap)
	viewer = send(viewer, SnapshotMsg{Snapshot: snap})
	if s := screen(viewer); !strings.Contains(s, "Centrs") {
		t.Fatalf("revealed board lacks the tallies:\n%s", s)
	}
}

// checkHidden fails when m's screen shows any number but the visitors'
// total, or any neighbourhood or wish.
func checkHidden(t *testing.T, m Model, snap *model.Snapshot) {
	t.Helper()
	s := screen(m)
	total := itoa(snap.Responses)
	if !strings.Contains(s, "visitors so far: "+total) {
		t.Fatalf("no count of visitors:\n%s", s)
	}
	rest := strings.ReplaceAll(s, model.Sanitize(snap.Event), "")
	for _, n := range regexp.MustCompile(`[0-9]+`).FindAllString(rest, -1) {
		if n != total {
			t.Fatalf("hidden board shows %q:\n%s", n, s)
		}
	}
	for _, w := range []string{"Centrs", "Grīva", "Āra trenažieri", "Veloceliņi"} {
		if strings.Contains(s, w) {
			t.Fatalf("hidden board shows %q:\n%s", w, s)
		}
	}
}

// TestHiddenViewerFits: the hidden board at every size, with a time said.
func TestHiddenViewerFits(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 412)
	m := testModel(t, Options{Role: Viewer, City: city}, snap, 80, 24)
	m = send(m, SnapshotMsg{Snapshot: carrying(snap, model.DisplayState{Hidden: true, RevealAt: "15:00"})})
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {250, 70}} {
		m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, m, sz[0], sz[1])
		if !strings.Contains(screen(m), "results at 15:00") {
			t.Errorf("%v: no reveal time:\n%s", sz, screen(m))
		}
	}
	m = send(m, SnapshotMsg{Snapshot: carrying(snap, model.DisplayState{Hidden: true})})
	checkHidden(t, m, snap)
	if m = send(m, namedKey("f")); m.focus != focusBoard || m.board.Typing() {
		t.Error("f opened the filter on a hidden board")
	}
}

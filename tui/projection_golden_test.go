package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/model"

	"standmap/internal/teawait"
)

// TestProjectionScreens runs the program with the projection open, hidden,
// and a viewer's board while hidden, and compares the final screens with
// testdata/TestProjectionScreens/*.golden (-update rewrites them).
func TestProjectionScreens(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Profesiju gadatirgus 2025", 412)
	cases := []struct {
		name    string
		role    Role
		msgs    []tea.Msg
		waitFor string
		lang    string
	}{
		{"projection", Facilitator, []tea.Msg{namedKey("ctrl+p")}, "visitors so far", ""},
		{"projection_hidden", Facilitator, []tea.Msg{namedKey("ctrl+p"), namedKey("h")}, "results will be shown later", ""},
		{"projection_back", Facilitator, []tea.Msg{namedKey("ctrl+p"), namedKey("h"), namedKey("esc")}, "projection hidden", ""},
		{"viewer_hidden", Viewer, []tea.Msg{SnapshotMsg{Snapshot: carrying(snap, model.DisplayState{Hidden: true, RevealAt: "15:00"})}}, "results at 15:00", ""},
		{"ru_projection", Facilitator, []tea.Msg{namedKey("ctrl+p")}, "всего посетителей", "ru"},
		{"ru_viewer_hidden", Viewer, []tea.Msg{SnapshotMsg{Snapshot: carrying(snap, model.DisplayState{Hidden: true, RevealAt: "15:00"})}}, "результаты в 15:00", "ru"},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, c := range cases {
			t.Run(c.name+"_"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				o := Options{Role: c.role, City: city, Event: snapEvent(snap), DBPath: "/tmp/standmap.db",
					JoinLine: "ssh -p 2222 192.0.2.7", Lang: c.lang}
				if c.role == Facilitator {
					o.Store = nilStore{}
				}
				w := teawait.Wrap(New(o))
				tm := teatest.NewTestModel(t, w,
					teatest.WithInitialTermSize(size[0], size[1]),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
				tm.Send(SnapshotMsg{Snapshot: snap})
				for _, msg := range c.msgs {
					tm.Send(msg)
				}
				w.WaitFor(t, c.waitFor)
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				m := teawait.Unwrap(tm.FinalModel(t, teatest.WithFinalTimeout(teawait.Deadline))).(Model)
				golden.RequireEqual(t, ansi.Strip(m.View().Content))
			})
		}
	}
}

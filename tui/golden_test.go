package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"standmap/internal/teawait"
)

// TestScreens runs the program (teatest, ASCII colour profile, fixed size)
// with a fixed snapshot, keys in a state and compares the final screen with
// testdata/TestScreens/*.golden (go test ./tui -run TestScreens -update
// rewrites them).
func TestScreens(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Profesiju gadatirgus 2025", 412)
	cases := []struct {
		name string
		role Role
		seq  string
		lang string
	}{
		{"capture", Facilitator, "", ""},
		{"typeahead", Facilitator, "jaunf", ""},
		{"wish", Facilitator, "gri<enter>ara", ""},
		{"marks", Facilitator, "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter>2", ""},
		{"recent", Facilitator, "<ctrl+e><down>", ""},
		{"board", Facilitator, "<ctrl+b>", ""},
		{"filtered", Facilitator, "<ctrl+f>gri<enter>", ""},
		{"viewer", Viewer, "", ""},
		{"help", Viewer, "?", ""},
		{"lv_marks", Facilitator, "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter>2xyz<enter>", "lv"},
		{"lv_board", Viewer, "f", "lv"},
		{"mappick", Facilitator, "<ctrl+g><right><down>", ""},
		{"lv_mappick", Facilitator, "cen<ctrl+g><left>", "lv"},
		{"ru_marks", Facilitator, "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter>2xyz<enter>", "ru"},
		{"ru_board", Viewer, "f", "ru"},
		{"ru_help", Viewer, "?", "ru"},
		{"ru_typeahead", Facilitator, "гаек", "ru"},
		{"typeahead_list", Facilitator, "jaun<down>", ""},
		{"category_suggested", Facilitator, "cen<enter>jauni veloceliņi", ""},
		{"category_ask", Facilitator, "cen<enter>Xyzzy<enter>", ""},
		{"lv_category_ask", Facilitator, "cen<enter>Xyzzy<enter>", "lv"},
		{"quit_confirm", Facilitator, "gri<ctrl+c>", ""},
		{"marks_choose", Facilitator, "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter><up>", ""},
		{"mark_change", Facilitator, "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter><up><up><enter>", ""},
		{"mark_change_wish", Facilitator, "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter><up><enter><enter>", ""},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, c := range cases {
			name := c.name + "_" + itoa(size[0]) + "x" + itoa(size[1])
			t.Run(name, func(t *testing.T) {
				o := Options{Role: c.role, City: city, Event: snapEvent(snap), DBPath: "/tmp/standmap.db", Lang: c.lang}
				if c.role == Facilitator {
					o.Store = nilStore{}
				}
				w := teawait.Wrap(New(o))
				tm := teatest.NewTestModel(t, w,
					teatest.WithInitialTermSize(size[0], size[1]),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
				tm.Send(SnapshotMsg{Snapshot: snap})
				for _, k := range keys(c.seq) {
					tm.Send(k)
				}
				w.WaitFor(t, "412")
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				m := teawait.Unwrap(tm.FinalModel(t, teatest.WithFinalTimeout(teawait.Deadline))).(Model)
				golden.RequireEqual(t, ansi.Strip(m.View().Content))
			})
		}
	}
}

package present

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/model"
)

// testCity loads the built-in Daugavpils map.
func testCity(tb testing.TB) *ascii_maps.City {
	tb.Helper()
	c, err := ascii_maps.Load("daugavpils")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// testWishes are the wishes the fixed responses pick from.
var testWishes = []struct{ text, cat string }{
	{"Āra trenažieri", "fitness"}, {"Sakārtot vidi", "clean"}, {"Veloceliņi", "cycle"},
	{"Pastaigu vietas", "walk"}, {"Vairāk vietu aktīvai atpūtai", "sport"},
	{"Tirdziņš ārpus centra", "events"}, {"Skeitparks", "sport"}, {"Apgaismojums parkā", "light"},
	{"Soliņi pie upes", "hangout"}, {"Bezmaksas Wi-Fi", "wifi"}, {"Dzeramā ūdens krāni", "amenities"},
}

// hot are the neighbourhoods most marked at the first stand.
var hot = []string{"Centrs", "Esplanāde", "Jaunbūve", "Jaunā Forštadte", "Grīva", "Mežciems", "Jaunie Stropi"}

// testTallier counts n responses at fixed times, skewed towards a few
// neighbourhoods so that the ranking is clear.
func testTallier(g *model.Gazetteer, n int) *model.Tallier {
	t := model.NewTallier(g, "Profesiju gadatirgus 2025")
	all := g.All()
	base := time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)
	for i := range n {
		name := hot[(i*i+i/2)%len(hot)]
		if i%3 == 0 {
			name = all[(i/3)%len(all)].Name
		}
		mk := model.Mark{Neighbourhood: name}
		if i%4 != 3 {
			w := testWishes[(i*7+i/5)%len(testWishes)]
			mk.Wish, mk.Category = w.text, w.cat
		}
		marks := []model.Mark{mk}
		if i%6 == 0 {
			marks = append(marks, model.Mark{Wish: testWishes[i%3].text})
		}
		t.Put(model.Response{ID: fmt.Sprintf("r%06d", i), Event: "Profesiju gadatirgus 2025",
			CreatedAt: base.Add(time.Duration(i) * 41 * time.Second), Marks: marks, Seq: int64(i + 1)})
	}
	return t
}

// testSnapshot returns the snapshot of n fixed responses.
func testSnapshot(tb testing.TB, n int) *model.Snapshot {
	tb.Helper()
	s := testTallier(testCity(tb).Gazetteer, n).Snapshot()
	s.Version = uint64(n)
	return s
}

// sized returns m after a window of w×h.
func sized(m Model, w, h int) Model {
	out, _ := m.Handle(tea.WindowSizeMsg{Width: w, Height: h})
	return out
}

// send returns m after msg (through Update, as a program does), with the
// command it returned.
func send(m Model, msg tea.Msg) (Model, tea.Cmd) {
	out, cmd := m.Update(msg)
	return out.(Model), cmd
}

// press returns the key press of s ("space", "h", "ctrl+c").
func press(s string) tea.KeyPressMsg {
	switch s {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

// plain returns the screen without escape sequences.
func plain(m Model) string {
	return ansi.Strip(m.Screen())
}

// lines splits a screen into its lines.
func lines(s string) []string { return strings.Split(s, "\n") }

// carrying returns a copy of s that carries the display state d, as the
// hub sends one when a screen changes it.
func carrying(s *model.Snapshot, d DisplayState) *model.Snapshot {
	c := *s
	c.Display = d
	return &c
}

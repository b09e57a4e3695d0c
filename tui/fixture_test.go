package tui

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/model"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // recent times are drawn in local time
	os.Exit(m.Run())
}

// testCity loads the built-in Daugavpils map.
func testCity(tb testing.TB) *ascii_maps.City {
	tb.Helper()
	c, err := ascii_maps.Load("daugavpils")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// fixedResponses returns n responses spread over the neighbourhoods with
// a few wishes, at fixed times.
func fixedResponses(g *model.Gazetteer, event string, n int) []model.Response {
	hot := []string{"Centrs", "Jaunie Stropi", "Esplanāde", "Jaunbūve", "Jaunā Forštadte", "Grīva", "Mežciems"}
	wishes := []struct{ text, cat string }{
		{"Āra trenažieri", "fitness"}, {"Sakārtot vidi", "clean"}, {"Veloceliņi", "cycle"},
		{"Pastaigu vietas", "walk"}, {"Vairāk vietu aktīvai atpūtai", "sport"}, {"Tirdziņš ārpus centra", "events"},
	}
	all := g.All()
	base := time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)
	rs := make([]model.Response, 0, n)
	for i := 0; i < n; i++ {
		var place string
		if i%3 == 2 {
			place = all[(i*7)%len(all)].Name
		} else {
			place = hot[(i*i+i/2)%len(hot)]
		}
		m := model.Mark{Neighbourhood: place}
		if i%4 != 3 {
			w := wishes[(i*5+i/3)%len(wishes)]
			m.Wish, m.Category = w.text, w.cat
		}
		marks := []model.Mark{m}
		if i%5 == 0 {
			marks = append(marks, model.Mark{Neighbourhood: hot[(i/5)%len(hot)]})
		}
		rs = append(rs, model.Response{
			ID: fmt.Sprintf("r%06d", i), Event: event, CreatedAt: base.Add(time.Duration(i) * 37 * time.Second),
			AgeGroup: model.DefaultAgeGroups[i%3], Marks: marks, Seq: int64(i + 1), Number: int64(i + 1),
		})
	}
	return rs
}

// fixedSnapshot tallies n fixed responses, the newest 10 as Recent.
func fixedSnapshot(g *model.Gazetteer, event string, n int) *model.Snapshot {
	t := model.NewTallier(g, event)
	rs := fixedResponses(g, event, n)
	for _, r := range rs {
		t.Put(r)
	}
	s := t.Snapshot()
	s.Event = event
	for i := len(rs) - 1; i >= 0 && len(s.Recent) < 10; i-- {
		s.Recent = append(s.Recent, rs[i])
	}
	return s
}

// testModel returns a model of the facilitator (store may be nil only for
// viewers; tests that save pass one) holding snapshot s at w×h.
func testModel(tb testing.TB, o Options, s *model.Snapshot, w, h int) Model {
	tb.Helper()
	if o.City == nil {
		o.City = testCity(tb)
	}
	if o.Event.Name == "" {
		o.Event = model.Event{Name: "Profesiju gadatirgus 2025"}
	}
	m := New(o)
	if s != nil {
		m = send(m, SnapshotMsg{Snapshot: s})
	}
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send gives msg to m and returns the new model (the command is dropped).
func send(m Model, msg tea.Msg) Model {
	nm, _ := m.Update(msg)
	return nm.(Model)
}

// checkFits fails unless every line of the view is at most w wide and
// there are at most h lines.
func checkFits(tb testing.TB, m Model, w, h int) {
	tb.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) > max(h, 1) {
		tb.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			tb.Errorf("%dx%d: line %d is %d wide: %q", w, h, i, lw, l)
		}
	}
}

// keys turns a description into key presses: words in <> are named keys
// (<enter>, <tab>, <ctrl+s>), everything else is typed letter by letter.
func keys(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for len(s) > 0 {
		if s[0] == '<' {
			end := strings.IndexByte(s, '>')
			out = append(out, namedKey(s[1:end]))
			s = s[end+1:]
			continue
		}
		r := []rune(s)[0]
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		s = s[len(string(r)):]
	}
	return out
}

// namedKey returns the key press of a name such as "enter" or "ctrl+s".
func namedKey(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: ' ', Text: " "}
	}
	if strings.HasPrefix(name, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// nilStore is a store for tests that never reach it.
type nilStore struct{ db.Store }

// snapEvent is the event a snapshot is of.
func snapEvent(s *model.Snapshot) model.Event { return model.Event{Name: s.Event} }

func itoa(i int) string { return strconv.Itoa(i) }

// carrying returns a copy of s that carries the display state d, as the
// hub sends one when a screen changes it.
func carrying(s *model.Snapshot, d model.DisplayState) *model.Snapshot {
	c := *s
	c.Display = d
	return &c
}

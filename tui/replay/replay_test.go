package replay

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/exchange"
	"standmap/model"
)

const fairEvent = "Profesiju gadatirgus 2025"

// riga is a fixed zone for the moment shown, so that screens do not
// depend on TZ.
var riga = time.FixedZone("EEST", 3*3600)

// fixture is the fair's first event, imported into a temporary database
// and loaded as the command loads it.
type fixture struct {
	city *ascii_maps.City
	ev   model.Event
	rs   []model.Response // sorted
	cur  *model.Curation
}

func fair(t testing.TB) fixture {
	t.Helper()
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, err := os.Open("../../testdata/fair/fair.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ctx := context.Background()
	if _, err := exchange.Import(ctx, s, city.Gazetteer, "", f, false); err != nil {
		t.Fatal(err)
	}
	ev, err := s.Event(ctx, fairEvent)
	if err != nil {
		t.Fatal(err)
	}
	rs, cur, err := Load(ctx, s, fairEvent)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) < 100 {
		t.Fatalf("%d responses loaded, want the fair's", len(rs))
	}
	sorted := append([]model.Response(nil), rs...)
	Sort(sorted)
	return fixture{city: city, ev: ev, rs: sorted, cur: cur}
}

func (f fixture) model(o Options) Model {
	o.City, o.Event, o.Responses, o.Curation = f.city, f.ev, f.rs, f.cur
	if o.Location == nil {
		o.Location = riga
	}
	return New(o)
}

// upTo returns the tally of the responses answered at or before at.
func (f fixture) upTo(at time.Time) model.Tally {
	var in []model.Response
	for _, r := range f.rs {
		if !r.CreatedAt.After(at) {
			in = append(in, r)
		}
	}
	return tallyOf(f.city.Gazetteer, fairEvent, in)
}

// send passes msgs through Update in turn.
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		m, _ = m.Update(msg)
	}
	return m
}

// status is the replay's status line, plain.
func status(m Model) string { return ansi.Strip(m.Lines()[0]) }

// press returns the key presses of names: "right", "shift+left", "space",
// "home", "end" or one character.
func press(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		var k tea.KeyPressMsg
		switch n {
		case "right":
			k = tea.KeyPressMsg{Code: tea.KeyRight}
		case "left":
			k = tea.KeyPressMsg{Code: tea.KeyLeft}
		case "shift+right":
			k = tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModShift}
		case "shift+left":
			k = tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModShift}
		case "space":
			k = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "home":
			k = tea.KeyPressMsg{Code: tea.KeyHome}
		case "end":
			k = tea.KeyPressMsg{Code: tea.KeyEnd}
		case "enter":
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			k = tea.KeyPressMsg{Code: tea.KeyEscape}
		default:
			r := []rune(n)[0]
			k = tea.KeyPressMsg{Code: r, Text: n}
		}
		if k.String() != n {
			panic("key " + n + " reads as " + k.String())
		}
		out[i] = k
	}
	return out
}

func repeat(n int, name string) []tea.Msg {
	names := make([]string, n)
	for i := range names {
		names[i] = name
	}
	return press(names...)
}

// checkAt fails unless the snapshot counts exactly the answers given at
// or before the moment the status line says it shows.
func checkAt(t *testing.T, f fixture, m Model, wantAt time.Time) {
	t.Helper()
	n, at := m.Position()
	if !at.Equal(wantAt) {
		t.Fatalf("moment %v, want %v", at.In(riga), wantAt.In(riga))
	}
	want := f.upTo(at)
	got := m.Snapshot().Tally
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("at %v (answer %d): tally differs from a count of the answers until then:\n got %+v\nwant %+v",
			at.In(riga), n, got, want)
	}
	if n != want.Responses {
		t.Fatalf("answer %d, but %d answered by %v", n, want.Responses, at)
	}
	if !strings.Contains(status(m), at.In(riga).Format(momentLayout)) {
		t.Fatalf("the moment %v is not on the status line", at.In(riga))
	}
}

func TestStepsGiveTheTallyOfTheMoment(t *testing.T) {
	f := fair(t)
	m := send(f.model(Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	_, start := m.Position()
	if first := f.rs[0].CreatedAt; !start.Before(first) || first.Sub(start) > time.Minute {
		t.Fatalf("starts at %v, want the minute before the first answer %v", start, first)
	}
	last := f.rs[len(f.rs)-1].CreatedAt
	checkAt(t, f, m, start)
	if m.Snapshot().Responses != 0 {
		t.Fatalf("%d answers at the start", m.Snapshot().Responses)
	}

	m = send(m, repeat(6, "]")...) // an hour in
	checkAt(t, f, m, start.Add(60*time.Minute))
	m = send(m, repeat(3, "shift+right")...)
	checkAt(t, f, m, start.Add(90*time.Minute))
	m = send(m, press("end")...)
	checkAt(t, f, m, last)
	if n, _ := m.Position(); n != len(f.rs) {
		t.Fatalf("end: answer %d of %d", n, len(f.rs))
	}
	m = send(m, repeat(7, "shift+left")...) // going back
	checkAt(t, f, m, last.Add(-70*time.Minute))
	m = send(m, repeat(2, "[")...)
	checkAt(t, f, m, last.Add(-90*time.Minute))
	m = send(m, repeat(100, "[")...) // past the start: stops there
	checkAt(t, f, m, start)
	m = send(m, repeat(5, "shift+left")...)
	checkAt(t, f, m, start)

	// One answer at a time: the board counts the first n answers.
	for _, step := range []struct {
		keys []tea.Msg
		n    int
	}{
		{repeat(5, "right"), 5},
		{repeat(2, "left"), 3},
		{repeat(40, "right"), 43},
		{repeat(50, "left"), 0},
	} {
		m = send(m, step.keys...)
		n, at := m.Position()
		if n != step.n {
			t.Fatalf("answer %d, want %d", n, step.n)
		}
		want := tallyOf(f.city.Gazetteer, fairEvent, f.rs[:n])
		if got := m.Snapshot().Tally; !reflect.DeepEqual(got, want) {
			t.Fatalf("after stepping to answer %d: tally differs from the first %d answers", n, n)
		}
		if n > 0 && !at.Equal(f.rs[n-1].CreatedAt) {
			t.Fatalf("answer %d shows %v, want its time %v", n, at, f.rs[n-1].CreatedAt)
		}
	}

	m = send(m, press("end", "home")...)
	checkAt(t, f, m, start)
}

func TestStartsAtAt(t *testing.T) {
	f := fair(t)
	at := time.Date(2025, 4, 24, 10, 30, 0, 0, riga)
	m := send(f.model(Options{At: at}), tea.WindowSizeMsg{Width: 80, Height: 24})
	checkAt(t, f, m, at)
	if n, _ := m.Position(); n == 0 || n == len(f.rs) {
		t.Fatalf("answer %d of %d at 10:30: want somewhere in the middle", n, len(f.rs))
	}
	m = send(f.model(Options{At: at.Add(24 * time.Hour)}))
	checkAt(t, f, m, f.rs[len(f.rs)-1].CreatedAt) // kept within the event
}

func TestPlay(t *testing.T) {
	f := fair(t)
	m := send(f.model(Options{Speed: 60}), tea.WindowSizeMsg{Width: 100, Height: 30})
	_, start := m.Position()
	m, cmd := m.Update(press("space")[0])
	if !m.Playing() || cmd == nil {
		t.Fatalf("space: playing %v, cmd %v; want playing and a tick", m.Playing(), cmd)
	}
	if !strings.Contains(status(m), "playing") {
		t.Fatal("the status line does not say playing")
	}
	perTick := time.Duration(float64(tickEvery) * 60) // 60×: 12 s per 200 ms tick
	tick := tickMsg{gen: m.gen}
	for i := 1; i <= 150; i++ { // half an hour of the event
		m, cmd = m.Update(tick)
		if cmd == nil {
			t.Fatalf("tick %d: no next tick while playing", i)
		}
	}
	checkAt(t, f, m, start.Add(150*perTick))

	// A tick of an earlier play, and ticks while paused, do nothing.
	m = send(m, tickMsg{gen: m.gen - 1})
	checkAt(t, f, m, start.Add(150*perTick))
	m = send(m, press("space")...)
	if m.Playing() {
		t.Fatal("space again: still playing")
	}
	m = send(m, tick, tick)
	checkAt(t, f, m, start.Add(150*perTick))
	if !strings.Contains(status(m), "paused") {
		t.Fatal("the status line does not say paused")
	}

	// Stepping back while playing, then playing on from there.
	m = send(m, press("space")...)
	m = send(m, press("[")...)
	m = send(m, tickMsg{gen: m.gen}, tickMsg{gen: m.gen})
	checkAt(t, f, m, start.Add(150*perTick-10*time.Minute+2*perTick))

	// Playing stops at the end; space there plays from the start.
	fast := send(f.model(Options{Speed: 1e6}), press("space")...)
	fast, cmd = fast.Update(tickMsg{gen: fast.gen})
	last := f.rs[len(f.rs)-1].CreatedAt
	checkAt(t, f, fast, last)
	if fast.Playing() || cmd != nil {
		t.Fatalf("at the end: playing %v, cmd %v; want stopped", fast.Playing(), cmd)
	}
	fast = send(fast, press("space")...)
	checkAt(t, f, fast, start)
	if !fast.Playing() {
		t.Fatal("space at the end does not play again")
	}
}

func TestSortByTimeThenSeq(t *testing.T) {
	t0 := time.Date(2025, 4, 24, 9, 0, 0, 0, time.UTC)
	rs := []model.Response{
		{ID: "c", Seq: 1, CreatedAt: t0.Add(time.Minute)},
		{ID: "b", Seq: 3, CreatedAt: t0},
		{ID: "a", Seq: 2, CreatedAt: t0.In(riga)}, // the same moment, in another zone
	}
	Sort(rs)
	if got := rs[0].ID + rs[1].ID + rs[2].ID; got != "abc" {
		t.Fatalf("sorted %s, want abc", got)
	}
}

func TestEmptyEvent(t *testing.T) {
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{City: city, Event: model.Event{Name: "empty"}})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(m, press("right", "]", "end", "space", "left")...)
	if n, _ := m.Position(); n != 0 || m.Playing() {
		t.Fatalf("empty event: answer %d, playing %v", n, m.Playing())
	}
	if !strings.Contains(status(m), "no answers") {
		t.Fatal("empty event: the status line does not say there are no answers")
	}
}

func TestKeyHelp(t *testing.T) {
	for _, lang := range []string{"en", "lv", "ru"} {
		k := DefaultKeyMap(lang)
		for _, b := range k.ShortHelp() {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: a key of the help line has no help: %+v", lang, b.Help())
			}
		}
	}
}

// TestRandomWalk moves back and forth at random, over a small event whose
// responses repeat a wish group (the Tallier's Remove mishandles those:
// see moveTo) under a curation that merges two groups, and over the fair:
// after every key the snapshot is what counting the answers until then
// from scratch gives.
func TestRandomWalk(t *testing.T) {
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 4, 24, 9, 0, 0, 0, time.UTC)
	mk := func(n, w, c string) model.Mark { return model.Mark{Neighbourhood: n, Wish: w, Category: c} }
	small := []model.Response{
		{ID: "1", Seq: 1, CreatedAt: t0, Marks: []model.Mark{mk("Centrs", "Bike paths", "cycle"), mk("Grīva", "bike paths!", "walk")}},
		{ID: "2", Seq: 2, CreatedAt: t0.Add(3 * time.Minute), Marks: []model.Mark{mk("Centrs", "Veloceliņi", "cycle"), mk("", "Bike paths", "")}},
		{ID: "3", Seq: 3, CreatedAt: t0.Add(3 * time.Minute), Marks: []model.Mark{mk("Grīva", "Soliņi", "rest")}},
		{ID: "4", Seq: 4, CreatedAt: t0.Add(25 * time.Minute), Marks: []model.Mark{mk("Centrs", "Soliņi", "walk"), mk("Centrs", "soliņi", "walk")}},
		{ID: "5", Seq: 5, CreatedAt: t0.Add(26 * time.Minute), Marks: []model.Mark{mk("Esplanāde", "", "")}},
		{ID: "6", Seq: 6, CreatedAt: t0.Add(50 * time.Minute), Marks: []model.Mark{mk("Esplanāde", "Veloceliņi", "sport"), mk("Grīva", "Bike paths", "sport")}},
	}
	cur := model.NewCuration([]model.CurationCell{{Kind: model.CurateMerge, Ref: "velocelini", Value: "bike paths"}})
	fa := fair(t)
	for _, c := range []struct {
		name string
		o    Options
	}{
		{"small", Options{City: city, Event: model.Event{Name: "small"}, Responses: small, Curation: cur}},
		{"fair", Options{City: fa.city, Event: fa.ev, Responses: fa.rs, Curation: fa.cur}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := send(New(c.o), tea.WindowSizeMsg{Width: 100, Height: 30})
			rs := append([]model.Response(nil), c.o.Responses...)
			Sort(rs)
			moves := []string{"right", "left", "right", "left", "left", "]", "[", "home", "end", "shift+left", "shift+right"}
			seed := uint64(1)
			for i := 0; i < 400; i++ {
				seed = seed*6364136223846793005 + 1442695040888963407
				k := moves[(seed>>33)%uint64(len(moves))]
				m = send(m, press(k)...)
				n, _ := m.Position()
				want := model.NewTallier(city.Gazetteer, c.o.Event.Name)
				want.SetCuration(c.o.Curation)
				for _, r := range rs[:n] {
					want.Put(r)
				}
				ws, got := want.Snapshot(), m.Snapshot()
				if !reflect.DeepEqual(got.Tally, ws.Tally) || !reflect.DeepEqual(got.ByNeighbourhood, ws.ByNeighbourhood) {
					t.Fatalf("step %d (%s), answer %d: snapshot differs from counting afresh:\n got %+v\nwant %+v", i, k, n, got.Tally, ws.Tally)
				}
			}
		})
	}
}

// tallyOf counts the responses, in the order given, with no curation.
func tallyOf(g *model.Gazetteer, event string, rs []model.Response) model.Tally {
	t, _ := model.Count(g, event, nil, model.WalkOf(rs))
	return t.Tally()
}

package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"standmap/db"
	"standmap/internal/teacmd"
	"standmap/model"
)

// compareRig is a real database with two events: "Fair 2025" (Grīva 3,
// Centrs 1, wish Veloceliņi 3) and "Fair 2026" (Centrs 4, Grīva 1, wish
// Veloceliņi 1, Parks 4); the model is a facilitator's at "Fair 2026",
// its snapshot counted from the store.
func compareRig(t *testing.T, w, h int) (Model, db.Store) {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(filepath.Join(t.TempDir(), "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	city := testCity(t)
	save := func(ev string, i int, marks ...model.Mark) {
		r := model.Response{ID: fmt.Sprintf("%s-%d", ev, i), Event: ev, CreatedAt: time.Date(2026, 1, 1, 10, i, 0, 0, time.UTC), Marks: marks}
		if _, err := s.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, ev := range []string{"Fair 2025", "Fair 2026"} {
		if _, err := s.CreateEvent(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		save("Fair 2025", i, model.Mark{Neighbourhood: "Grīva", Wish: "Veloceliņi"})
	}
	save("Fair 2025", 3, model.Mark{Neighbourhood: "Centrs"})
	for i := range 4 {
		save("Fair 2026", i, model.Mark{Neighbourhood: "Centrs", Wish: "Parks"})
	}
	save("Fair 2026", 4, model.Mark{Neighbourhood: "Grīva", Wish: "Veloceliņi"})
	tl := model.NewTallier(city.Gazetteer, "Fair 2026")
	if err := s.EachResponse(ctx, "Fair 2026", func(r model.Response) error { tl.Put(r); return nil }); err != nil {
		t.Fatal(err)
	}
	m := testModel(t, Options{Store: s, Drafts: s, City: city, Event: model.Event{Name: "Fair 2026"}}, tl.Snapshot(), w, h)
	for _, msg := range teacmd.Run(t, m.Init()) { // the draft is read, as the program starts
		m = send(m, msg)
	}
	return m, s
}

// pressRun sends k and runs the command it returns, giving its message back.
func pressRun(t *testing.T, m Model, k string) Model {
	t.Helper()
	m, cmd := update(m, namedKey(k))
	for _, msg := range teacmd.Run(t, cmd) {
		m = send(m, msg)
	}
	return m
}

// TestCompareEvents: ctrl+o lists the other event, enter counts it from
// the store and shows both events' visitors, neighbourhoods and wishes
// with their moves; esc goes back to the list, esc again to the board.
func TestCompareEvents(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		m, _ := compareRig(t, sz[0], sz[1])
		m = pressRun(t, m, "ctrl+o")
		if !m.cmp.open || !strings.Contains(screen(m), "▸ Fair 2025") || strings.Contains(screen(m), "▸ Fair 2026") {
			t.Fatalf("ctrl+o:\n%s", screen(m))
		}
		checkFits(t, m, sz[0], sz[1])
		m = pressRun(t, m, "enter")
		sc := screen(m)
		lines := map[string]string{}
		for _, l := range strings.Split(sc, "\n") {
			f := strings.Fields(strings.Trim(l, "│ "))
			if len(f) > 0 {
				lines[f[0]] = strings.Join(f, " ")
			}
		}
		for first, want := range map[string]string{
			"visitors":   "visitors 5 4 +1",
			"Centrs":     "Centrs 4 (#1) 1 (#2) ↑1",
			"Grīva":      "Grīva 1 (#2) 3 (#1) ↓1",
			"Parks":      "Parks 4 (#1) 0 new",
			"Veloceliņi": "Veloceliņi 1 (#2) 3 (#1) ↓1",
		} {
			if lines[first] != want {
				t.Errorf("%dx%d: %s line %q, want %q\n%s", sz[0], sz[1], first, lines[first], want, sc)
			}
		}
		checkFits(t, m, sz[0], sz[1])
		if m = send(m, namedKey("esc")); !m.cmp.open || m.cmp.other != "" {
			t.Fatalf("esc from the comparison: %+v", m.cmp)
		}
		if m = send(m, namedKey("esc")); m.cmp.open || strings.Contains(screen(m), "▸ Fair 2025") {
			t.Fatalf("esc from the list:\n%s", screen(m))
		}
	}
}

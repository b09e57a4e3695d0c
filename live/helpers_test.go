package live

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// testGaz is a small map of four neighbourhoods.
func testGaz(t testing.TB) *model.Gazetteer {
	t.Helper()
	g, err := model.NewGazetteer([]model.Neighbourhood{
		{Name: "Centrs"}, {Name: "Grīva"}, {Name: "Ķīmija", Aliases: []string{"Ķīmiķu ciemats"}}, {Name: "Jaunā Forštadte"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// openStore opens a fresh database with the event "fair"; it returns the
// store and the file's path.
func openStore(t testing.TB) (*db.SQLite, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "standmap.db")
	s, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.CreateEvent(context.Background(), "fair"); err != nil {
		t.Fatal(err)
	}
	return s, path
}

var hoods = []string{"Centrs", "Grīva", "Ķīmija", "Jaunā Forštadte", ""}

// response returns the i-th test response of the event: varied marks,
// wishes in several spellings and categories.
func response(event string, i int) model.Response {
	wishes := []string{"Āra trenažieri", "ara trenazieri!", "Veloceliņi", "more benches", ""}
	cats := []string{"fitness", "", "cycle", "hangout", ""}
	m := model.Mark{Neighbourhood: hoods[i%4], Wish: wishes[i%5], Category: cats[i%5]}
	if i%5 == 3 { // many distinct wishes, as at a real stand
		m.Wish = fmt.Sprintf("more benches near block %d", i%1500)
	}
	ms := []model.Mark{m}
	if i%3 == 0 {
		ms = append(ms, model.Mark{Neighbourhood: hoods[(i/3)%5], Wish: wishes[(i/7)%4]})
	}
	return model.Response{
		ID: fmt.Sprintf("r%07d", i), Event: event, AgeGroup: "16-18", Marks: ms,
		CreatedAt: time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i%1000) * time.Second),
	}
}

// startHub builds the hub and runs it until the test ends.
func startHub(t testing.TB, s db.Store) *Hub {
	t.Helper()
	h := newHub(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { h.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return h
}

// newHub is a hub on s for the event "fair", not running: the test
// refreshes it.
func newHub(t testing.TB, s db.Store) *Hub {
	t.Helper()
	h, err := NewHub(s, testGaz(t), "fair")
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// waitFor receives from sub until ok accepts a snapshot, failing the test
// after the timeout.
func waitFor(t testing.TB, sub *Subscription, timeout time.Duration, ok func(*model.Snapshot) bool) *model.Snapshot {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case s, open := <-sub.C():
			if !open {
				t.Fatal("subscription closed")
			}
			if ok(s) {
				return s
			}
		case <-deadline:
			t.Fatalf("no matching snapshot within %v", timeout)
			return nil
		}
	}
}

// storedTally counts what the store holds, from scratch.
func storedTally(t testing.TB, s db.Store, g *model.Gazetteer) model.Tally {
	t.Helper()
	tl, err := model.Count(g, "fair", nil, db.Walk(context.Background(), s, "fair"))
	if err != nil {
		t.Fatal(err)
	}
	return tl.Tally()
}

package db

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"standmap/model"
)

// saveWishes stores one response per wish, in order, in the event.
func saveWishes(t *testing.T, s *SQLite, event string, wishes ...string) {
	t.Helper()
	for i, w := range wishes {
		r := model.Response{ID: fmt.Sprintf("w%d", i), Event: event, Marks: []model.Mark{{Wish: w}},
			CreatedAt: time.Date(2025, 5, 1, 10, i, 0, 0, time.UTC)}
		if _, err := s.SaveResponse(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
}

// curatedWishes counts the event under its stored curation, as
// "text=count" in ranking order.
func curatedWishes(t *testing.T, s *SQLite, event string) string {
	t.Helper()
	ctx := context.Background()
	c, err := s.Curation(ctx, event)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := model.NewGazetteer([]model.Neighbourhood{{Name: "Centrs"}})
	tl := model.NewTallier(g, event)
	tl.SetCuration(c)
	if err := s.EachResponse(ctx, event, func(r model.Response) error { tl.Put(r); return nil }); err != nil {
		t.Fatal(err)
	}
	out := ""
	for _, w := range tl.Tally().Wishes {
		out += fmt.Sprintf("%s=%d ", w.Text, w.Count)
	}
	return out
}

func mustCurate(t *testing.T, s *SQLite, who string, a model.CurationAction) CurationEntry {
	t.Helper()
	e, err := s.Curate(context.Background(), "fair", who, a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCurationRoundTripsAndUndo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	mustEvent(t, s, "fair")
	saveWishes(t, s, "fair", "Veloceliņi", "velocelini", "bike paths", "bike paths!", "Больше велодорожек", "benches")
	if got, want := curatedWishes(t, s, "fair"), "bike paths=2 Veloceliņi=2 benches=1 Больше велодорожек=1 "; got != want {
		t.Fatalf("before: %s, want %s", got, want)
	}
	mustCurate(t, s, "local", model.CurationAction{Verb: model.VerbMerge, Keys: []string{"velocelini", "больше велодорожек"}, Into: "bike paths"})
	if got, want := curatedWishes(t, s, "fair"), "bike paths=5 benches=1 "; got != want {
		t.Fatalf("merged: %s, want %s", got, want)
	}
	mustCurate(t, s, "SHA256:abc", model.CurationAction{Verb: model.VerbRename, Keys: []string{"Bike paths"}, Text: "Veloceliņi"})
	mustCurate(t, s, "local", model.CurationAction{Verb: model.VerbHide, Keys: []string{"benches"}})
	if got, want := curatedWishes(t, s, "fair"), "Veloceliņi=5 "; got != want {
		t.Fatalf("renamed and hidden: %s, want %s", got, want)
	}
	if _, err := s.Curate(ctx, "fair", "local", model.CurationAction{Verb: model.VerbHide, Keys: []string{"benches"}}); !errors.Is(err, model.ErrNothingToDo) {
		t.Fatalf("hiding twice: %v", err)
	}
	mustCurate(t, s, "local", model.CurationAction{Verb: model.VerbUnmerge, Keys: []string{"bike paths"}})
	if got, want := curatedWishes(t, s, "fair"), "Veloceliņi=2 Veloceliņi=2 Больше велодорожек=1 "; got != want {
		t.Fatalf("unmerged: %s, want %s", got, want)
	}

	// Undo walks back: the unmerge, then the hide.
	for _, want := range []string{"Veloceliņi=5 ", "Veloceliņi=5 benches=1 "} {
		if _, err := s.UndoCuration(ctx, "fair", "local", 0); err != nil {
			t.Fatal(err)
		}
		if got := curatedWishes(t, s, "fair"); got != want {
			t.Fatalf("after undo: %s, want %s", got, want)
		}
	}

	// The log survives closing and opening the file.
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log, err := s.CurationLog(ctx, "fair")
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, e := range log {
		got += fmt.Sprintf("%d:%s:%s:%d ", e.Seq, e.Who, e.Action, e.UndoneBy)
	}
	if want := "1:local:merge:0 2:SHA256:abc:rename:0 3:local:hide:6 4:local:unmerge:5 5:local:undo:0 6:local:undo:0 "; got != want {
		t.Fatalf("log %s\nwant %s", got, want)
	}
	if c := log[0].Cells; len(c) != 2 || c[0] != (CellChange{model.CurateMerge, "velocelini", "", "bike paths"}) {
		t.Errorf("merge cells %+v", c)
	}

	// Undoing an undo redoes; an older action whose cells changed since
	// cannot be undone before the later one.
	if _, err := s.UndoCuration(ctx, "fair", "local", 6); err != nil {
		t.Fatal(err)
	}
	if got, want := curatedWishes(t, s, "fair"), "Veloceliņi=5 "; got != want {
		t.Fatalf("redo: %s, want %s", got, want)
	}
	mustCurate(t, s, "local", model.CurationAction{Verb: model.VerbRename, Keys: []string{"bike paths"}, Text: "Cycling"})
	if _, err := s.UndoCuration(ctx, "fair", "local", 2); !errors.Is(err, ErrUndoConflict) {
		t.Fatalf("undo under a later change: %v", err)
	}
	if _, err := s.UndoCuration(ctx, "fair", "local", 6); err == nil {
		t.Fatal("undid an undone action twice")
	}
	if v, err := s.CurationVersion(ctx); err != nil || v != 8 {
		t.Fatalf("version %d, %v", v, err)
	}
}

// TestTwoCuratorsAtOnce writes through two handles on one file at once,
// as two facilitators would: every action lands and is logged.
func TestTwoCuratorsAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	mustEvent(t, s, "fair")
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	const each = 20
	var wg sync.WaitGroup
	for i, st := range []*SQLite{s, other} {
		wg.Go(func() {
			for k := range each {
				a := model.CurationAction{Verb: model.VerbMerge, Keys: []string{fmt.Sprintf("k%d-%d", i, k)}, Into: fmt.Sprintf("g%d", i)}
				if _, err := st.Curate(ctx, "fair", fmt.Sprintf("curator%d", i), a); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	c, err := s.Curation(ctx, "fair")
	if err != nil {
		t.Fatal(err)
	}
	log, err := other.CurationLog(ctx, "fair")
	if err != nil {
		t.Fatal(err)
	}
	who := map[string]int{}
	for _, e := range log {
		who[e.Who]++
	}
	if len(c.Members("g0")) != each || len(c.Members("g1")) != each || who["curator0"] != each || who["curator1"] != each {
		t.Fatalf("members %d and %d, log %v", len(c.Members("g0")), len(c.Members("g1")), who)
	}
}

func TestCurationOfUnknownEvent(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	_, err := s.Curate(context.Background(), "nope", "local", model.CurationAction{Verb: model.VerbModerate, On: true})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("curate an unknown event: %v", err)
	}
	if _, err := s.UndoCuration(context.Background(), "nope", "local", 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("undo in an unknown event: %v", err)
	}
}

// TestMigrationGapIsFilled opens a file on which a later migration was
// applied before an earlier one existed: the earlier one is applied now.
func TestMigrationGapIsFilled(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	if _, err := s.writer.Exec(`DELETE FROM schema_migrations WHERE version = 2;
		DROP TRIGGER events_started; DROP TABLE current_event; DROP TABLE event_settings`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.reader.QueryRow("SELECT count(*) FROM event_settings").Scan(&n); err != nil {
		t.Fatalf("migration 2 not applied after 3: %v", err)
	}
}

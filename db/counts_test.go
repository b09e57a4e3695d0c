package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"standmap/internal/reftally"
	"standmap/model"
)

// countsOf reads the event's stored mark counts, by key.
func countsOf(t *testing.T, q *sql.DB, event string) map[model.CountKey]model.MarkCount {
	t.Helper()
	tx, err := q.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	ec, err := eventCounts(context.Background(), tx, event)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[model.CountKey]model.MarkCount)
	for _, mc := range ec.Marks {
		out[mc.Of()] = mc
	}
	return out
}

// countedAfresh adds up model.CountMarks over the event's stored responses.
func countedAfresh(t *testing.T, q querier, event string) map[model.CountKey]model.MarkCount {
	t.Helper()
	keys := model.NewWishKeys()
	out := make(map[model.CountKey]model.MarkCount)
	err := scanResponses(context.Background(), q, func(r model.Response) error {
		for _, mc := range model.CountMarks(r, keys) {
			if old, ok := out[mc.Of()]; ok {
				mc = old.Add(mc, +1)
			}
			out[mc.Of()] = mc
		}
		return nil
	}, selectResponses+"WHERE e.name = ? AND"+live+"ORDER BY r.seq, m.position", event)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// mustCountRight fails unless the stored counts of every event are
// current and what counting the responses afresh gives.
func mustCountRight(t *testing.T, s *SQLite, step string, events ...string) {
	t.Helper()
	tx, err := s.reader.Begin()
	if err != nil {
		t.Fatal(err)
	}
	ok, err := countsCurrent(context.Background(), tx)
	tx.Rollback()
	if err != nil || !ok {
		t.Fatalf("%s: counts not current (%v)", step, err)
	}
	for _, ev := range events {
		got, want := countsOf(t, s.reader, ev), countedAfresh(t, s.reader, ev)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: counts of %q\n got %v\nwant %v", step, ev, got, want)
		}
	}
}

var countWishes = []string{"", "Veloceliņi", "velocelini!", "Āra trenažieri", "ara trenazieri", "x", "X.", "benches"}

// randomResponse returns a response with random marks and time.
func randomResponse(rng *rand.Rand, event, id string) model.Response {
	r := model.Response{ID: id, Event: event, CreatedAt: time.Date(2025, 5, 1, 10, rng.IntN(5), 0, 0, time.UTC)}
	for n := 1 + rng.IntN(4); n > 0; n-- {
		m := model.Mark{Neighbourhood: []string{"", "Centrs", "Grīva", "Centrs"}[rng.IntN(4)],
			Wish: countWishes[rng.IntN(len(countWishes))], Category: []string{"", "cycle", "fitness"}[rng.IntN(3)]}
		if m.Neighbourhood == "" && model.Spelling(m.Wish) == "" {
			m.Wish = "benches"
		}
		r.Marks = append(r.Marks, m)
	}
	return r
}

// TestCountsKeptByEveryWrite saves, edits, deletes, restores and imports
// at random in two events and checks the stored counts after each write.
func TestCountsKeptByEveryWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	events := []string{"fair", "school"}
	for _, ev := range events {
		mustEvent(t, s, ev)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	deleted := map[string]model.Response{}
	for step := range 300 {
		ev := events[rng.IntN(2)]
		id := fmt.Sprint("r", rng.IntN(40))
		what := ""
		switch op := rng.IntN(10); {
		case op < 5:
			what = "save " + id
			if _, err := s.SaveResponse(ctx, randomResponse(rng, ev, id)); err != nil {
				t.Fatal(err)
			}
		case op < 7:
			what = "delete " + id
			r, err := s.DeleteResponse(ctx, ev, id, "test")
			if err == nil {
				deleted[ev+id] = r
			}
		case op == 7:
			r, ok := deleted[ev+id]
			if !ok {
				continue
			}
			what = "restore " + id
			delete(deleted, ev+id)
			if step%2 == 0 { // as the application's ctrl+y does
				if _, err := s.RestoreResponse(ctx, ev, id); err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrNotDeleted) {
					t.Fatal(err)
				}
			} else if _, err := s.SaveResponse(ctx, r); err != nil {
				t.Fatal(err)
			}
		default:
			what = "import"
			var rs []model.Response
			for range 1 + rng.IntN(8) {
				rs = append(rs, randomResponse(rng, events[rng.IntN(2)], fmt.Sprint("r", rng.IntN(60))))
			}
			if _, err := s.Import(ctx, rs, true); err != nil {
				t.Fatal(err)
			}
		}
		mustCountRight(t, s, fmt.Sprintf("step %d (%s)", step, what), events...)
	}
}

// TestCountsBehindAreNotTrusted: a write that does not keep the counts
// (here plain SQL) leaves them behind; tallies count the responses until
// the next write counts the event afresh.
func TestCountsBehindAreNotTrusted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	for i := range 20 {
		if _, err := s.SaveResponse(ctx, sample("fair", i)); err != nil {
			t.Fatal(err)
		}
	}
	g, err := model.NewGazetteer([]model.Neighbourhood{{Name: "Centrs"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.TallyCounted(ctx, g, "fair"); !ok || err != nil {
		t.Fatalf("counts not used: %v", err)
	}
	if _, err := s.writer.Exec("DELETE FROM responses WHERE response_id IN ('r000003', 'r000004')"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.TallyCounted(ctx, g, "fair"); ok || err != nil {
		t.Fatalf("counts behind a delete trusted (%v)", err)
	}
	if _, err := s.SaveResponse(ctx, sample("fair", 30)); err != nil {
		t.Fatal(err)
	}
	mustCountRight(t, s, "after the next save", "fair")
	tl, ok, err := s.TallyCounted(ctx, g, "fair")
	if !ok || err != nil || tl.Responses != 19 {
		t.Fatalf("tally %+v, %v, %v; want 19 responses", tl, ok, err)
	}
}

// TestCountsOfAnotherFoldVersionAreRedone: counts made by another
// FoldVersion are counted afresh when the file is next opened.
func TestCountsOfAnotherFoldVersionAreRedone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	for i := range 10 {
		if _, err := s.Import(ctx, []model.Response{sample("fair", i)}, false); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.writer.Exec(`UPDATE mark_counts SET marks = 99, wish_key = 'stale';
		UPDATE mark_counts_state SET fold_version = 0`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCountRight(t, s, "reopened", "fair")
}

// TestTallyCountedAsTheReference tallies from the counts, through SQL,
// responses that name a neighbourhood by two of its names, hidden
// mentions and merged groups, and compares with the reference count.
func TestTallyCountedAsTheReference(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	g, err := model.NewGazetteer([]model.Neighbourhood{{Name: "Centrs"}, {Name: "Grīva", Aliases: []string{"Griva"}}})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 200 {
		r := randomResponse(rng, "fair", fmt.Sprint("r", i))
		for j := range r.Marks {
			if r.Marks[j].Neighbourhood == "Grīva" && rng.IntN(2) == 0 {
				r.Marks[j].Neighbourhood = "griva" // as an older map spelt it
			}
		}
		if _, err := s.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []model.CurationAction{
		{Verb: model.VerbMerge, Keys: []string{"x", "benches"}, Into: "velocelini"},
		{Verb: model.VerbHide, Marks: []string{"r0:0", "r1:1", "r7:0"}},
	} {
		if _, err := s.Curate(ctx, "fair", "test", a); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.TallyCounted(ctx, g, "fair")
	if err != nil || !ok {
		t.Fatalf("not counted: %v", err)
	}
	cur, err := s.Curation(ctx, "fair")
	if err != nil {
		t.Fatal(err)
	}
	ref := reftally.New(g, "fair")
	ref.SetCuration(cur)
	if err := s.EachResponse(ctx, "fair", func(r model.Response) error { ref.Put(r); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := ref.Tally(); !reflect.DeepEqual(got, want) {
		t.Fatalf("tally\n got %+v\nwant %+v", got, want)
	}
}

// TestTallyCountedHiddenFirstMention: when the earliest mention of a
// spelling is hidden, the earliest one shown decides a tie.
func TestTallyCountedHiddenFirstMention(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	for i, wish := range []string{"Bike paths", "bike paths", "Bike paths"} {
		r := model.Response{ID: fmt.Sprint("r", i), Event: "fair", CreatedAt: time.Date(2025, 5, 1, 10, i, 0, 0, time.UTC),
			Marks: []model.Mark{{Neighbourhood: "Centrs", Wish: wish}}}
		if _, err := s.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Curate(ctx, "fair", "test", model.CurationAction{Verb: model.VerbHide, Marks: []string{"r0:0"}}); err != nil {
		t.Fatal(err)
	}
	g, err := model.NewGazetteer([]model.Neighbourhood{{Name: "Centrs"}})
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.TallyCounted(ctx, g, "fair")
	if err != nil || !ok || len(got.Wishes) != 1 || got.Wishes[0].Text != "bike paths" || got.Wishes[0].Count != 2 {
		t.Fatalf("tally %+v, %v, %v; want bike paths (the earliest shown) counting 2", got, ok, err)
	}
}

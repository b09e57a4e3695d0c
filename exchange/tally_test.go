package exchange

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"standmap/db"
	"standmap/internal/fairgen"
	"standmap/internal/reftally"
	"standmap/model"
)

// referenceTally counts the event's stored responses the reference way.
func referenceTally(t *testing.T, s *db.SQLite, g *model.Gazetteer, event string) model.Tally {
	t.Helper()
	ctx := context.Background()
	cur, err := s.Curation(ctx, event)
	if err != nil {
		t.Fatal(err)
	}
	ref := reftally.New(g, event)
	ref.SetCuration(cur)
	if err := s.EachResponse(ctx, event, func(r model.Response) error { ref.Put(r); return nil }); err != nil {
		t.Fatal(err)
	}
	return ref.Tally()
}

// TestTallyEqualsReference imports a generated fair, then curates, edits,
// deletes and imports at random, and compares the tally from the stored
// counts with the reference count of the responses after every step.
func TestTallyEqualsReference(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := daugavpils(t)
	s := openStore(t)
	mustImport(t, s, g, generated(t, fairgen.Options{Seed: 11, Visitors: 700}))
	rng := rand.New(rand.NewPCG(11, 17))
	for step := range 80 {
		event := fairgen.Events[rng.IntN(len(fairgen.Events))].Name
		var rs []model.Response
		if err := s.EachResponse(ctx, event, func(r model.Response) error { rs = append(rs, r); return nil }); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, r := range rs {
			for _, m := range r.Marks {
				if k := model.WishKey(m.Wish); k != "" {
					keys = append(keys, k)
				}
			}
		}
		what := randomChange(t, s, rng, event, rs, keys)
		got, ok, err := s.TallyCounted(ctx, g, event)
		if err != nil || !ok {
			t.Fatalf("step %d (%s): the counts were not used (%v)", step, what, err)
		}
		if want := referenceTally(t, s, g, event); !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d (%s): tally\n got %+v\nwant %+v", step, what, got, want)
		}
		if viaTally, err := Tally(ctx, s, g, event); err != nil || !reflect.DeepEqual(viaTally, got) {
			t.Fatalf("step %d: Tally differs from TallyCounted (%v)", step, err)
		}
	}
}

// randomChange curates, edits, deletes or imports something in the
// event at random, and says what.
func randomChange(t *testing.T, s *db.SQLite, rng *rand.Rand, event string, rs []model.Response, keys []string) string {
	t.Helper()
	ctx := context.Background()
	key := func() string { return keys[rng.IntN(len(keys))] }
	mark := func() string {
		r := rs[rng.IntN(len(rs))]
		return model.MarkRef(r.ID, rng.IntN(len(r.Marks)))
	}
	var a model.CurationAction
	switch rng.IntN(12) {
	case 0, 1, 2:
		a = model.CurationAction{Verb: model.VerbMerge, Keys: []string{key(), key()}, Into: key()}
	case 3:
		a = model.CurationAction{Verb: model.VerbUnmerge, Keys: []string{key()}}
	case 4:
		a = model.CurationAction{Verb: model.VerbHide, Keys: []string{key()}}
	case 5:
		a = model.CurationAction{Verb: model.VerbHide, Marks: []string{mark(), mark(), mark()}}
	case 6:
		a = model.CurationAction{Verb: model.VerbModerate, On: rng.IntN(2) == 0}
	case 7:
		a = model.CurationAction{Verb: model.VerbApprove, Keys: []string{key(), key()}}
	case 8:
		a = model.CurationAction{Verb: model.VerbRename, Keys: []string{key()}, Text: "Renamed"}
	case 9: // an edit: marks reordered, one wish spelt otherwise
		r := rs[rng.IntN(len(rs))]
		rng.Shuffle(len(r.Marks), func(i, j int) { r.Marks[i], r.Marks[j] = r.Marks[j], r.Marks[i] })
		r.Marks[0].Wish = "ĀRA  trenažieri!!"
		r.CreatedAt = r.CreatedAt.Add(-time.Duration(rng.IntN(3)) * time.Hour)
		if _, err := s.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
		return "edit " + r.ID
	case 10:
		r := rs[rng.IntN(len(rs))]
		if _, err := s.DeleteResponse(ctx, event, r.ID, "test"); err != nil {
			t.Fatal(err)
		}
		return "delete " + r.ID
	default:
		r := rs[rng.IntN(len(rs))]
		r.ID = fmt.Sprint("new-", rng.Int())
		if _, err := s.Import(ctx, []model.Response{r}, false); err != nil {
			t.Fatal(err)
		}
		return "import " + r.ID
	}
	_, err := s.Curate(ctx, event, "test", a)
	if err != nil && !errors.Is(err, model.ErrNothingToDo) {
		return fmt.Sprintf("%s (refused: %v)", a.Describe(), err)
	}
	return a.Describe()
}

// TestTallyOfEveryEvent: event "" tallies every event's responses, which
// the per-event counts cannot.
func TestTallyOfEveryEvent(t *testing.T) {
	t.Parallel()
	g := daugavpils(t)
	s := openStore(t)
	mustImport(t, s, g, generated(t, fairgen.Options{Seed: 3, Visitors: 50}))
	all, err := Tally(context.Background(), s, g, "")
	if err != nil || all.Responses != 50 {
		t.Fatalf("%d responses (%v), want 50", all.Responses, err)
	}
}

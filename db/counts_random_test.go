package db

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"standmap/internal/reftally"
	"standmap/model"
)

// randomAction returns a curation action on the wishes and marks that
// randomResponse writes.
func randomAction(rng *rand.Rand) model.CurationAction {
	keys := []string{"velocelini", "ara trenazieri", "x", "benches"}
	key := func() string { return keys[rng.IntN(len(keys))] }
	switch rng.IntN(9) {
	case 7:
		return model.CurationAction{Verb: model.VerbModerate, On: rng.IntN(2) == 0}
	case 8:
		return model.CurationAction{Verb: model.VerbApprove, Keys: []string{key()}}
	case 0:
		return model.CurationAction{Verb: model.VerbMerge, Keys: []string{key()}, Into: key()}
	case 1:
		return model.CurationAction{Verb: model.VerbUnmerge, Keys: []string{key()}}
	case 2:
		return model.CurationAction{Verb: model.VerbRename, Keys: []string{key()}, Text: []string{"Bike paths", ""}[rng.IntN(2)]}
	case 3:
		return model.CurationAction{Verb: model.VerbCategorise, Keys: []string{key()}, Code: []string{"cycle", "fitness", ""}[rng.IntN(3)]}
	case 4:
		return model.CurationAction{Verb: model.VerbHide, Marks: []string{fmt.Sprintf("r%d:%d", rng.IntN(40), rng.IntN(3))}}
	case 5:
		return model.CurationAction{Verb: model.VerbHide, Keys: []string{key()}}
	default:
		return model.CurationAction{Verb: model.VerbShow, Keys: []string{key()}}
	}
}

// mustTallyAsReference fails unless each event's tally from the stored
// counts is taken from them (not counted again) and is the reference
// count of its counted responses under its curation.
func mustTallyAsReference(t *testing.T, s *SQLite, g *model.Gazetteer, step string, events ...string) {
	t.Helper()
	ctx := context.Background()
	for _, ev := range events {
		got, ok, err := s.TallyCounted(ctx, g, ev)
		if err != nil || !ok {
			t.Fatalf("%s: %q not tallied from the counts (%v)", step, ev, err)
		}
		cur, err := s.Curation(ctx, ev)
		if err != nil {
			t.Fatal(err)
		}
		ref := reftally.New(g, ev)
		ref.SetCuration(cur)
		if err := s.EachResponse(ctx, ev, func(r model.Response) error { ref.Put(r); return nil }); err != nil {
			t.Fatal(err)
		}
		if want := ref.Tally(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: tally of %q\n got %+v\nwant %+v", step, ev, got, want)
		}
	}
}

// mustNumberOnce fails unless every response and every draft of the
// events has a number of its own.
func mustNumberOnce(t *testing.T, s *SQLite, step string) {
	t.Helper()
	var dup int
	if err := s.reader.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM (SELECT event_id, number FROM responses
		UNION ALL SELECT event_id, number FROM drafts) GROUP BY event_id, number HAVING count(*) > 1)`).Scan(&dup); err != nil {
		t.Fatal(err)
	}
	if dup > 0 {
		t.Fatalf("%s: a number given twice", step)
	}
}

// TestCountsKeptByEveryWriteWithDrafts is TestCountsKeptByEveryWrite with
// every writer: two facilitators' drafted saves and edits, plain saves,
// deletes, restores, imports carrying deleted responses (with and without
// conflicts), and curation actions and their undoing. After every write
// the counts are current and what counting afresh gives, a tally from
// them is the reference tally, and no number is given twice.
func TestCountsKeptByEveryWriteWithDrafts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	g, err := model.NewGazetteer([]model.Neighbourhood{{Name: "Centrs"}, {Name: "Grīva", Aliases: []string{"Griva"}}})
	if err != nil {
		t.Fatal(err)
	}
	events := []string{"fair", "school"}
	for _, ev := range events {
		mustEvent(t, s, ev)
	}
	who := []string{"local:ann", "SHA256:bob"}
	rng := rand.New(rand.NewPCG(7, 11))
	for step := range 400 {
		ev := events[rng.IntN(2)]
		id := fmt.Sprint("r", rng.IntN(40))
		var what string
		switch op := rng.IntN(14); {
		case op < 3:
			what = "drafted save " + id
			if rng.IntN(2) == 0 {
				if err := s.PutDraft(ctx, ev, who[rng.IntN(2)], `{"marks":[]}`); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, err := s.SaveDrafted(ctx, randomResponse(rng, ev, id), who[rng.IntN(2)]); err != nil {
				t.Fatal(err)
			}
		case op < 5:
			what = "save " + id
			if _, err := s.SaveResponse(ctx, randomResponse(rng, ev, id)); err != nil {
				t.Fatal(err)
			}
		case op < 7:
			what = "delete " + id
			if _, err := s.DeleteResponse(ctx, ev, id, who[rng.IntN(2)]); err != nil && !errors.Is(err, ErrNotFound) {
				t.Fatal(err)
			}
		case op < 9:
			what = "restore " + id
			if _, err := s.RestoreResponse(ctx, ev, id); err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrNotDeleted) {
				t.Fatal(err)
			}
		case op < 11:
			what = "import"
			var rs []model.Response
			seen := map[string]bool{}
			for range 1 + rng.IntN(8) {
				r := randomResponse(rng, events[rng.IntN(2)], fmt.Sprint("r", rng.IntN(60)))
				if seen[r.Event+r.ID] {
					continue
				}
				seen[r.Event+r.ID] = true
				if rng.IntN(3) == 0 {
					r.DeletedAt, r.DeletedBy = time.Date(2025, 5, 2, 9, 0, 0, 0, time.UTC), "import test"
				}
				rs = append(rs, r)
			}
			skip := rng.IntN(2) == 0
			if _, err := s.Import(ctx, rs, skip); err != nil && !(errors.Is(err, ErrConflict) && !skip) {
				t.Fatal(err)
			}
		case op < 13:
			a := randomAction(rng)
			what = "curate " + a.Describe()
			if _, err := s.Curate(ctx, ev, who[rng.IntN(2)], a); err != nil && !errors.Is(err, model.ErrNothingToDo) {
				what += fmt.Sprintf(" (refused: %v)", err)
			}
		default:
			what = "undo curation"
			if _, err := s.UndoCuration(ctx, ev, who[rng.IntN(2)], 0); err != nil {
				what += fmt.Sprintf(" (refused: %v)", err)
			}
		}
		step := fmt.Sprintf("step %d (%s)", step, what)
		mustCountRight(t, s, step, events...)
		mustTallyAsReference(t, s, g, step, events...)
		mustNumberOnce(t, s, step)
	}
}

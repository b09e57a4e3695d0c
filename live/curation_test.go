package live

import (
	"context"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// TestBoardFollowsCurationOfAnotherProcess merges, hides and undoes
// through a second handle on the file, as the wishes command does, and
// watches every step reach the board within a second.
func TestBoardFollowsCurationOfAnotherProcess(t *testing.T) {
	ctx := context.Background()
	s, path := openStore(t)
	for i := range 10 {
		if _, err := s.SaveResponse(ctx, response("fair", i)); err != nil {
			t.Fatal(err)
		}
	}
	h := startHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	want := storedTally(t, s, testGaz(t))
	count := func(w []model.WishCount, key string) int {
		for _, c := range w {
			if c.Key == key {
				return c.Count
			}
		}
		return 0
	}
	fit, velo := count(want.Wishes, "ara trenazieri"), count(want.Wishes, "velocelini")
	if fit == 0 || velo == 0 {
		t.Fatalf("fixture lacks the wishes: %v", want.Wishes)
	}
	steps := []struct {
		act  func() error
		done func(*model.Snapshot) bool
	}{
		{func() error {
			_, err := other.Curate(ctx, "fair", "other", model.CurationAction{Verb: model.VerbMerge, Keys: []string{"velocelini"}, Into: "ara trenazieri", Text: "Sports"})
			return err
		}, func(s *model.Snapshot) bool {
			return count(s.Wishes, "velocelini") == 0 && s.Wishes[0].Text == "Sports" && s.Wishes[0].Count > fit
		}},
		{func() error {
			_, err := other.Curate(ctx, "fair", "other", model.CurationAction{Verb: model.VerbHide, Keys: []string{"ara trenazieri"}})
			return err
		}, func(s *model.Snapshot) bool { return count(s.Wishes, "ara trenazieri") == 0 }},
		{func() error {
			_, err := other.UndoCuration(ctx, "fair", "other", 0)
			return err
		}, func(s *model.Snapshot) bool { return count(s.Wishes, "ara trenazieri") > fit }},
	}
	for _, st := range steps {
		if err := st.act(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, sub, time.Second, st.done)
	}
}

// TestModeratedBoard holds a new wish back from the board until another
// process approves it; the facilitator's snapshot lists it meanwhile.
func TestModeratedBoard(t *testing.T) {
	ctx := context.Background()
	s, path := openStore(t)
	h := startHub(t, s)
	sub := h.Subscribe()
	defer sub.Close()
	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Curate(ctx, "fair", "other", model.CurationAction{Verb: model.VerbModerate, On: true}); err != nil {
		t.Fatal(err)
	}
	r := model.Response{ID: "m1", Event: "fair", Marks: []model.Mark{{Neighbourhood: "Centrs", Wish: "Skate park"}}}
	if _, err := s.SaveResponse(ctx, r); err != nil {
		t.Fatal(err)
	}
	h.Changed()
	waitFor(t, sub, time.Second, func(s *model.Snapshot) bool {
		return s.Responses == 1 && len(s.Wishes) == 0 && len(s.Held) == 1 && s.Counts["Centrs"] == 1
	})
	if _, err := other.Curate(ctx, "fair", "other", model.CurationAction{Verb: model.VerbApprove, Keys: []string{"skate park"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, sub, time.Second, func(s *model.Snapshot) bool {
		return len(s.Wishes) == 1 && s.Wishes[0].Text == "Skate park" && len(s.Held) == 0
	})
}

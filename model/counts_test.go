package model_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"standmap/internal/reftally"
	"standmap/model"
)

// sumCounts adds up the responses' mark counts, as a store keeps them.
func sumCounts(rs []model.Response) model.EventCounts {
	keys := model.NewWishKeys()
	sums := make(map[model.CountKey]model.MarkCount)
	for _, r := range rs {
		for _, mc := range model.CountMarks(r, keys) {
			if old, ok := sums[mc.Of()]; ok {
				mc = old.Add(mc, +1)
			}
			sums[mc.Of()] = mc
		}
	}
	ec := model.EventCounts{Responses: len(rs)}
	for _, mc := range sums {
		ec.Marks = append(ec.Marks, mc)
	}
	return ec
}

// memSource answers TallyCounts' questions from rs, as a store would,
// and counts the responses it returned.
type memSource struct {
	rs      []model.Response
	fetched int
}

func (m *memSource) Responses(w model.Wanted) ([]model.Response, error) {
	twice := func(sets [][]string, texts []string) bool {
		for _, set := range sets {
			n := 0
			for _, x := range texts {
				if slices.Contains(set, x) {
					n++
				}
			}
			if n > 1 {
				return true
			}
		}
		return false
	}
	var out []model.Response
	for _, r := range m.rs {
		var wishes, hoods []string
		for _, mk := range r.Marks {
			wishes, hoods = append(wishes, mk.Wish), append(hoods, mk.Neighbourhood)
		}
		if slices.Contains(w.IDs, r.ID) || twice(w.WishSets, wishes) || twice(w.NeighbourhoodSets, hoods) {
			out = append(out, r)
		}
	}
	m.fetched += len(out)
	return out, nil
}

func (m *memSource) FirstShown(keys []model.CountKey, hidden []string) (map[model.CountKey]model.Mention, error) {
	out := make(map[model.CountKey]model.Mention)
	for _, r := range m.rs {
		for i, mk := range r.Marks {
			k := model.CountKey(mk)
			at := model.Mention{At: r.CreatedAt, Seq: r.Seq, Position: i}
			if f, ok := out[k]; slices.Contains(keys, k) && !slices.Contains(hidden, model.MarkRef(r.ID, i)) && (!ok || at.Before(f)) {
				out[k] = at
			}
		}
	}
	return out, nil
}

// TestTallyCountsEqualsReference tallies random responses from their
// summed counts under random curations, and compares with the reference.
func TestTallyCountsEqualsReference(t *testing.T) {
	t.Parallel()
	fetchedAll := 0
	for seed := range uint64(300) {
		w := newWorld(t, seed)
		n := 1 + w.rng.IntN(60)
		rs := make([]model.Response, n)
		ids := make([]string, n)
		for i := range rs {
			ids[i] = fmt.Sprint("r", i)
			rs[i] = w.response(ids[i], int64(i+1))
		}
		c := w.curation(ids)
		ref := reftally.New(w.gaz, "e")
		ref.SetCuration(c)
		for _, r := range rs {
			ref.Put(r)
		}
		src := &memSource{rs: rs}
		got, err := model.TallyCounts(w.gaz, "e", sumCounts(rs), c, src)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if want := ref.Tally(); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d, curation %v:\n got %+v\nwant %+v", seed, c.Cells(), got, want)
		}
		fetchedAll += src.fetched
	}
	t.Logf("fetched %d responses one by one", fetchedAll)
}

// TestTallyCountsFetchesNothingPlain: without a curation that merges,
// hides mentions, or two names of a neighbourhood, no response is read.
func TestTallyCountsFetchesNothingPlain(t *testing.T) {
	t.Parallel()
	w := newWorld(t, 1)
	var rs []model.Response
	for i := range 200 {
		r := w.response(fmt.Sprint("r", i), int64(i+1))
		for j := range r.Marks {
			if r.Marks[j].Neighbourhood == "griva" || r.Marks[j].Neighbourhood == "Jaunā Forštate" {
				r.Marks[j].Neighbourhood = "Centrs"
			}
		}
		rs = append(rs, r)
	}
	c := model.NewCuration([]model.CurationCell{{Kind: model.CurateHide, Ref: "benches", Value: "1"},
		{Kind: model.CurateText, Ref: "x", Value: "Ex"}, {Kind: model.CurateModerate, Value: "on"},
		{Kind: model.CurateApprove, Ref: "x", Value: "1"}})
	src := &memSource{rs: rs}
	got, err := model.TallyCounts(w.gaz, "e", sumCounts(rs), c, src)
	if err != nil || src.fetched != 0 {
		t.Fatalf("err %v, fetched %d", err, src.fetched)
	}
	want := reftally.New(w.gaz, "e")
	want.SetCuration(c)
	for _, r := range rs {
		want.Put(r)
	}
	if !reflect.DeepEqual(got, want.Tally()) {
		t.Fatalf("got %+v\nwant %+v", got, want.Tally())
	}
}

// TestTallyCountsRefusesWrongCounts: counts that are not the responses'
// sums are an error, not a wrong tally.
func TestTallyCountsRefusesWrongCounts(t *testing.T) {
	t.Parallel()
	w := newWorld(t, 2)
	r := model.Response{ID: "a", Seq: 1, Marks: []model.Mark{{Neighbourhood: "Centrs", Wish: "x"}, {Wish: "X!"}}}
	c := model.NewCuration([]model.CurationCell{{Kind: model.CurateHideMark, Ref: "a:1", Value: "1"}})
	_, err := model.TallyCounts(w.gaz, "e", model.EventCounts{Responses: 1}, c, &memSource{rs: []model.Response{r}})
	if err == nil {
		t.Fatal("no error")
	}
}

// TestTallyCountsHiddenFirstMention: a spelling whose earliest mention is
// hidden is shown by its earliest one left, which the counts do not know.
func TestTallyCountsHiddenFirstMention(t *testing.T) {
	t.Parallel()
	w := newWorld(t, 3)
	at := func(min int) model.Response {
		return model.Response{ID: fmt.Sprint("r", min), Seq: int64(min + 1), CreatedAt: t0.Add(time.Duration(min) * time.Minute)}
	}
	rs := []model.Response{at(0), at(1), at(2)}
	rs[0].Marks = []model.Mark{{Neighbourhood: "Centrs", Wish: "Bike paths"}} // hidden
	rs[1].Marks = []model.Mark{{Neighbourhood: "Centrs", Wish: "bike paths"}}
	rs[2].Marks = []model.Mark{{Neighbourhood: "Centrs", Wish: "Bike paths"}}
	c := model.NewCuration([]model.CurationCell{{Kind: model.CurateHideMark, Ref: "r0:0", Value: "1"}})
	got, err := model.TallyCounts(w.gaz, "e", sumCounts(rs), c, &memSource{rs: rs})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Wishes) != 1 || got.Wishes[0].Text != "bike paths" || got.Wishes[0].Count != 2 {
		t.Fatalf("wishes %+v, want bike paths (the earliest shown) counting 2", got.Wishes)
	}
}

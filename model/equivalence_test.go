package model_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"standmap/internal/reftally"
	"standmap/model"
)

// world makes random responses and curations over a small map, with the
// awkward cases the contract names: spellings of one key, aliases and
// names not on the map, equal times, repeated wishes and neighbourhoods.
type world struct {
	rng *rand.Rand
	gaz *model.Gazetteer
}

func newWorld(t testing.TB, seed uint64) *world {
	t.Helper()
	g, err := model.NewGazetteer([]model.Neighbourhood{
		{Name: "Centrs"}, {Name: "Grīva"}, {Name: "Jaunā Forštadte", Aliases: []string{"Jaunā Forštate"}},
		{Name: "Ķīmija", Aliases: []string{"Ķīmiķu ciemats"}}, {Name: "Jaunbūve"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &world{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b9)), gaz: g}
}

var (
	worldHoods  = []string{"", "", "Centrs", "Grīva", "griva", "Jaunā Forštadte", "Jaunā Forštate", "Ķīmija", "Jaunbūve", "Atlantis"}
	worldWishes = []string{"", "Veloceliņi", "velocelini", "VELOCELIŅI!!", "  veloceliņi. ", "Āra trenažieri", "ara trenazieri",
		"bike paths", "Bike paths", "benches", "Benches?", "Sakārtot vidi", "sakartot vidi", "...", "x", "X", "\u0301", "ﬁ", "fi"}
	worldCats = []string{"", "", "cycle", "fitness", "clean", "other"}
	worldKeys = []string{"velocelini", "ara trenazieri", "bike paths", "benches", "sakartot vidi", "x", "fi", "", "nothing"}
)

// t0 is when the random responses begin.
var t0 = time.Date(2025, 4, 24, 9, 0, 0, 0, time.UTC)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// response returns a random response with the id and seq given.
func (w *world) response(id string, seq int64) model.Response {
	r := model.Response{ID: id, Seq: seq, CreatedAt: t0.Add(time.Duration(w.rng.IntN(4)) * time.Minute)}
	for n := 1 + w.rng.IntN(4); n > 0; n-- {
		m := model.Mark{Neighbourhood: pick(w.rng, worldHoods), Wish: pick(w.rng, worldWishes), Category: pick(w.rng, worldCats)}
		if w.rng.IntN(6) == 0 && len(r.Marks) > 0 { // the same mark again
			m = r.Marks[w.rng.IntN(len(r.Marks))]
		}
		r.Marks = append(r.Marks, m)
	}
	return r
}

// curation returns a random curation: merges, texts, categories, hidden
// groups and mentions, approvals and moderation.
func (w *world) curation(ids []string) *model.Curation {
	var cells []model.CurationCell
	add := func(kind, ref, value string) {
		cells = append(cells, model.CurationCell{Kind: kind, Ref: ref, Value: value})
	}
	for n := w.rng.IntN(4); n > 0; n-- {
		add(model.CurateMerge, pick(w.rng, worldKeys), pick(w.rng, worldKeys))
	}
	for n := w.rng.IntN(3); n > 0; n-- {
		add(model.CurateText, pick(w.rng, worldKeys), pick(w.rng, []string{"Cycling", "Trenažieri"}))
	}
	for n := w.rng.IntN(3); n > 0; n-- {
		add(model.CurateCategory, pick(w.rng, worldKeys), pick(w.rng, worldCats[2:]))
	}
	if w.rng.IntN(3) == 0 {
		add(model.CurateHide, pick(w.rng, worldKeys), "1")
	}
	for n := w.rng.IntN(4); n > 0 && len(ids) > 0; n-- {
		add(model.CurateHideMark, model.MarkRef(pick(w.rng, ids), w.rng.IntN(4)), "1")
	}
	if w.rng.IntN(3) == 0 {
		add(model.CurateModerate, "", "on")
		for n := w.rng.IntN(4); n > 0; n-- {
			add(model.CurateApprove, pick(w.rng, worldKeys), "1")
		}
	}
	if w.rng.IntN(5) == 0 {
		return nil
	}
	return model.NewCuration(cells)
}

// same fails unless the two Talliers count alike: their snapshots, every
// group's spellings and their sizes.
func same(t *testing.T, step string, got *model.Tallier, want *reftally.Tallier) {
	t.Helper()
	gs, ws := got.Snapshot(), want.Snapshot()
	if !reflect.DeepEqual(gs, ws) {
		t.Fatalf("%s: snapshots differ:\n got %+v\nwant %+v", step, gs, ws)
	}
	for _, wc := range ws.Wishes {
		if a, b := got.Spellings(wc.Key), want.Spellings(wc.Key); !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: spellings of %q: got %v, want %v", step, wc.Key, a, b)
		}
	}
	if got.Len() != ws.Responses {
		t.Fatalf("%s: Len %d, want %d", step, got.Len(), ws.Responses)
	}
}

// TestTallierEqualsReference puts, replaces and removes responses and
// changes the curation at random, and compares the Tallier with the
// reference count after every step.
func TestTallierEqualsReference(t *testing.T) {
	t.Parallel()
	for seed := range uint64(12) {
		w := newWorld(t, seed)
		got, want := model.NewTallier(w.gaz, "e"), reftally.New(w.gaz, "e")
		var ids []string
		var seq int64
		for step := range 400 {
			id := fmt.Sprint("r", w.rng.IntN(40))
			switch op := w.rng.IntN(20); {
			case op == 0:
				c := w.curation(ids)
				got.SetCuration(c)
				want.SetCuration(c)
			case op < 4:
				got.Remove(id)
				want.Remove(id)
			default:
				var s int64 // a store's order of entry; none: the Tallier's
				if seed%2 == 0 {
					seq++
					s = seq
				}
				r := w.response(id, s)
				got.Put(r)
				want.Put(r)
				ids = append(ids, id)
			}
			same(t, fmt.Sprintf("seed %d step %d", seed, step), got, want)
		}
	}
}

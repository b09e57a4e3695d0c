package model

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// curationFixture is six visitors writing one wish in several spellings
// and languages, another wish, and a swear word.
func curationFixture() []Response {
	return []Response{
		resp("a", 0, Mark{"Centrs", "Veloceliņi", "cycle"}, Mark{"Centrs", "bike paths", ""}),
		resp("b", 1, Mark{"Grīva", "velocelini", ""}),
		resp("c", 2, Mark{"", "Больше велодорожек", "transport"}),
		resp("d", 3, Mark{"Centrs", "bike paths!", "cycle"}),
		resp("e", 4, Mark{"Grīva", "Āra trenažieri", "fitness"}),
		resp("f", 5, Mark{"", "sūds", ""}),
	}
}

// curate plans the actions one after another on c and returns the result.
func curate(t *testing.T, c *Curation, as ...CurationAction) *Curation {
	t.Helper()
	for _, a := range as {
		cells, err := c.Plan(a)
		if err != nil {
			t.Fatalf("%s: %v", a.Describe(), err)
		}
		c = c.With(cells)
	}
	return c
}

// talliedUnder counts the fixture under c.
func talliedUnder(t *testing.T, c *Curation) *Tallier {
	t.Helper()
	tl := NewTallier(testGazetteer(t), "fair")
	tl.SetCuration(c)
	for _, r := range curationFixture() {
		tl.Put(r)
	}
	return tl
}

func wantWishes(t *testing.T, what string, got, want []WishCount) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

func TestCurationNoneKeepsTheContract(t *testing.T) {
	t.Parallel()
	// Without a curation even the swear word counts, as the contract says.
	got := talliedUnder(t, nil).Tally().Wishes
	wantWishes(t, "no curation", got, []WishCount{
		{"bike paths", "bike paths", "cycle", 2},
		{"Veloceliņi", "velocelini", "cycle", 2}, // a and b, one spelling each: the first entered
		{"Āra trenažieri", "ara trenazieri", "fitness", 1},
		{"sūds", "suds", "", 1},
		{"Больше велодорожек", "больше велодорожек", "transport", 1},
	})
}

func TestCurationMergeRenameUnmergeHide(t *testing.T) {
	t.Parallel()
	c := NewCuration(nil)
	tl := talliedUnder(t, c)
	// An empty stored curation keeps the contract: the flagged word is only
	// flagged, and counts until a facilitator hides it.
	if len(tl.Tally().Wishes) != 5 {
		t.Errorf("wishes %v", tl.Tally().Wishes)
	}
	if held := tl.Held(); len(held) != 0 {
		t.Errorf("held without moderation: %v", held)
	}
	if !Flagged("sūds") {
		t.Error("sūds not flagged")
	}

	c = curate(t, c, CurationAction{Verb: VerbMerge, Keys: []string{"Veloceliņi", "больше велодорожек"}, Into: "Bike paths"})
	tl = talliedUnder(t, c)
	// Group "bike paths" = a (two keys, counted once), b, c, d = 4. Spellings:
	// "bike paths" 2 (a, d), the three others 1 each. Categories: cycle 2, transport 1.
	wantWishes(t, "merged", tl.Tally().Wishes, []WishCount{
		{"bike paths", "bike paths", "cycle", 4},
		{"Āra trenažieri", "ara trenazieri", "fitness", 1},
		{"sūds", "suds", "", 1},
	})
	wantWishes(t, "Centrs", tl.WishesIn("Centrs"), []WishCount{{"bike paths", "bike paths", "cycle", 2}})
	wantWishes(t, "city-wide", tl.WishesIn(""), []WishCount{{"bike paths", "bike paths", "cycle", 1}, {"sūds", "suds", "", 1}})

	c = curate(t, c,
		CurationAction{Verb: VerbRename, Keys: []string{"bike paths"}, Text: "Veloceliņi / bike paths"},
		CurationAction{Verb: VerbCategorise, Keys: []string{"velocelini"}, Code: "transport"}) // a member names its group
	wantWishes(t, "renamed", talliedUnder(t, c).Tally().Wishes[:1], []WishCount{
		{"Veloceliņi / bike paths", "bike paths", "transport", 4},
	})

	c = curate(t, c, CurationAction{Verb: VerbUnmerge, Keys: []string{"velocelini"}})
	// bike paths keeps a, c, d = 3; velocelini is a and b again = 2.
	wantWishes(t, "one unmerged", talliedUnder(t, c).Tally().Wishes, []WishCount{
		{"Veloceliņi / bike paths", "bike paths", "transport", 3},
		{"Veloceliņi", "velocelini", "cycle", 2},
		{"Āra trenažieri", "ara trenazieri", "fitness", 1},
		{"sūds", "suds", "", 1},
	})

	c = curate(t, c,
		CurationAction{Verb: VerbHide, Keys: []string{"ara trenazieri", "suds"}},
		CurationAction{Verb: VerbHide, Marks: []string{MarkRef("d", 0)}})
	tl = talliedUnder(t, c)
	// Without d's mention, bike paths is a and c = 2; Āra trenažieri is gone.
	wantWishes(t, "hidden", tl.Tally().Wishes, []WishCount{
		{"Veloceliņi / bike paths", "bike paths", "transport", 2},
		{"Veloceliņi", "velocelini", "cycle", 2},
	})
	if got := tl.Tally().Neighbourhoods[0]; got != (NeighbourhoodCount{"Centrs", 2}) {
		t.Errorf("a hidden wish still marks its neighbourhood: %v", got)
	}

	c = curate(t, c, CurationAction{Verb: VerbShow, Keys: []string{"Āra trenažieri", "suds"}, Marks: []string{"d:0"}},
		CurationAction{Verb: VerbUnmerge, Keys: []string{"bike paths"}}, // the whole group
		CurationAction{Verb: VerbRename, Keys: []string{"bike paths"}},
		CurationAction{Verb: VerbCategorise, Keys: []string{"bike paths"}})
	got := talliedUnder(t, c).Tally().Wishes
	want := talliedUnder(t, NewCuration(nil)).Tally().Wishes
	wantWishes(t, "all undone by hand", got, want)
	if cells := c.Cells(); len(cells) != 0 {
		t.Errorf("cells left: %v", cells)
	}
}

func TestCurationModeration(t *testing.T) {
	t.Parallel()
	c := curate(t, NewCuration(nil), CurationAction{Verb: VerbModerate, On: true})
	tl := talliedUnder(t, c)
	if w := tl.Tally().Wishes; len(w) != 0 {
		t.Fatalf("moderated wishes shown: %v", w)
	}
	if len(tl.Held()) != 5 || tl.Tally().Responses != 6 || tl.Tally().Neighbourhoods[0].Count != 2 {
		t.Fatalf("held %v, tally %+v", tl.Held(), tl.Tally())
	}
	// Approving a group approves the keys merged into it.
	c = curate(t, c,
		CurationAction{Verb: VerbMerge, Keys: []string{"velocelini"}, Into: "bike paths"},
		CurationAction{Verb: VerbApprove, Keys: []string{"bike paths", "sūds"}})
	tl = talliedUnder(t, c)
	wantWishes(t, "approved", tl.Tally().Wishes, []WishCount{
		{"bike paths", "bike paths", "cycle", 3},
		{"sūds", "suds", "", 1},
	})
	if _, err := c.Plan(CurationAction{Verb: VerbApprove, Keys: []string{"bike paths"}}); !errors.Is(err, ErrNothingToDo) {
		t.Errorf("approving twice: %v", err)
	}
}

func TestCurationPlanMergesNeverChain(t *testing.T) {
	t.Parallel()
	c := curate(t, NewCuration(nil),
		CurationAction{Verb: VerbMerge, Keys: []string{"b", "c"}, Into: "a"},
		CurationAction{Verb: VerbMerge, Keys: []string{"a"}, Into: "x"}, // the whole group moves
		CurationAction{Verb: VerbMerge, Keys: []string{"y"}, Into: "b"}) // b is a member: its group
	want := map[string]string{"a": "x", "b": "x", "c": "x", "y": "x"}
	for k, g := range want {
		if got := c.Group(k); got != g {
			t.Errorf("group of %q = %q, want %q", k, got, g)
		}
	}
	if m := c.Members("x"); !reflect.DeepEqual(m, []string{"a", "b", "c", "y"}) {
		t.Errorf("members %v", m)
	}
	for _, a := range []CurationAction{
		{Verb: VerbMerge, Keys: []string{"a"}, Into: "y"}, // already one group
		{Verb: VerbUnmerge, Keys: []string{"zzz"}},
		{Verb: VerbHide, Marks: []string{"no-position"}},
		{Verb: VerbCategorise, Keys: []string{"a"}, Code: "nonsense"},
		{Verb: VerbRename, Keys: []string{"a"}, Text: "bad\x1b[2J"},
		{Verb: "explode"},
	} {
		if _, err := c.Plan(a); err == nil {
			t.Errorf("%s accepted", a.Describe())
		}
	}
}

func TestFlagged(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"Sūds!", "SUDS", "what the fuck", "FUCKING benches", "ты сука", "Хуй", "blyat", "pisties"} {
		if !Flagged(s) {
			t.Errorf("Flagged(%q) = false", s)
		}
	}
	for _, s := range []string{"Veloceliņi", "piste", "Scunthorpe", "sudoku", "ski pistes", "больше скамеек", "Dickens"} {
		if Flagged(s) {
			t.Errorf("Flagged(%q) = true", s)
		}
	}
}

func TestMarkRef(t *testing.T) {
	t.Parallel()
	id, pos, ok := ParseMarkRef(MarkRef("0196:abc", 3))
	if !ok || id != "0196:abc" || pos != 3 {
		t.Errorf("round trip: %q %d %v", id, pos, ok)
	}
	for _, s := range []string{"", ":1", "a:", "a:-1", "a:x"} {
		if _, _, ok := ParseMarkRef(s); ok {
			t.Errorf("ParseMarkRef(%q) accepted", s)
		}
	}
}

// TestTallierCuratedIncrementalEqualsBatch checks that putting under a
// curation and setting it afterwards count alike.
func TestTallierCuratedIncrementalEqualsBatch(t *testing.T) {
	t.Parallel()
	c := curate(t, NewCuration(nil),
		CurationAction{Verb: VerbMerge, Keys: []string{"velocelini"}, Into: "bike paths"},
		CurationAction{Verb: VerbHide, Marks: []string{"a:1"}})
	before := talliedUnder(t, c)
	after := talliedUnder(t, nil)
	after.SetCuration(c)
	after.Remove("e")
	before.Remove("e")
	if !reflect.DeepEqual(before.Snapshot(), after.Snapshot()) {
		t.Errorf("differ:\n%+v\n%+v", before.Snapshot(), after.Snapshot())
	}
}

// TestTallierCuratedRandom puts, edits and removes at random under a
// curation and compares with a batch count of what remains.
func TestTallierCuratedRandom(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	rng := rand.New(rand.NewSource(7))
	wishes := []string{"", "Veloceliņi", "velocelini", "bike paths", "Āra trenažieri", "sūds", "benches"}
	c := curate(t, NewCuration(nil),
		CurationAction{Verb: VerbMerge, Keys: []string{"velocelini", "benches"}, Into: "bike paths", Text: "Cycling"},
		CurationAction{Verb: VerbHide, Marks: []string{"r3:0", "r7:1"}},
		CurationAction{Verb: VerbCategorise, Keys: []string{"ara trenazieri"}, Code: "sport"})
	inc := NewTallier(g, "e")
	inc.SetCuration(c)
	live := map[string]Response{}
	for step := range 2000 {
		id := fmt.Sprint("r", rng.Intn(30))
		if rng.Intn(4) == 0 {
			inc.Remove(id)
			delete(live, id)
			continue
		}
		r := Response{ID: id, Seq: int64(step + 1), CreatedAt: t0.Add(time.Duration(rng.Intn(9)) * time.Minute)}
		if old, ok := live[id]; ok {
			r.Seq = old.Seq
		}
		for n := 1 + rng.Intn(3); n > 0; n-- {
			r.Marks = append(r.Marks, Mark{"Centrs", wishes[rng.Intn(len(wishes))], ""})
		}
		inc.Put(r)
		live[id] = r
	}
	batch := NewTallier(g, "e")
	for _, r := range live {
		batch.Put(r)
	}
	batch.SetCuration(c)
	if a, b := inc.Snapshot(), batch.Snapshot(); !reflect.DeepEqual(a, b) {
		t.Fatalf("incremental and batch differ:\n%+v\n%+v", a, b)
	}
}

// TestRemoveLeavesNoEmptyGroup removes the only response of a group that
// mentions it twice: in one key, and in two keys merged.
func TestRemoveLeavesNoEmptyGroup(t *testing.T) {
	t.Parallel()
	c := curate(t, NewCuration(nil), CurationAction{Verb: VerbMerge, Keys: []string{"y"}, Into: "x"})
	for _, cur := range []*Curation{nil, c} {
		tl := NewTallier(testGazetteer(t), "e")
		tl.SetCuration(cur)
		tl.Put(resp("a", 0, Mark{"Centrs", "x", ""}, Mark{"Grīva", "X!", "sport"}, Mark{"", "y", ""}))
		tl.Put(resp("b", 1, Mark{"", "zebra", ""}))
		tl.Remove("a")
		want := []WishCount{{"zebra", "zebra", "", 1}}
		if w := tl.Tally().Wishes; !reflect.DeepEqual(w, want) {
			t.Errorf("curation %v: wishes %+v", cur.Cells(), w)
		}
		if w := tl.WishesIn("Centrs"); len(w) != 0 {
			t.Errorf("Centrs %+v", w)
		}
	}
}

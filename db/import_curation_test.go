package db

import (
	"context"
	"slices"
	"testing"

	"standmap/model"
)

// TestImportCurated: the actions are taken with the responses, logged as
// cur.Who; an event with a log keeps its curation; a response stored with
// its marks in another order keeps the file's curation out.
func TestImportCurated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	rs := []model.Response{sample("A", 1), sample("A", 2), sample("B", 3)}
	hide := []model.CurationAction{{Verb: model.VerbHide, Keys: []string{"wish 1"}}}
	cur := ImportCuration{Who: "import f.csv", Actions: map[string][]model.CurationAction{"A": hide, "B": hide}}
	res, err := s.ImportCurated(ctx, rs, false, cur)
	if err != nil {
		t.Fatal(err)
	}
	// B has no "wish 1" but hiding it is still a fact: logged.
	if res.Added != 3 || res.CurationActions != 2 || !slices.Equal(res.Curated, []string{"A", "B"}) {
		t.Fatalf("%+v", res)
	}
	log, err := s.CurationLog(ctx, "A")
	if err != nil || len(log) != 1 || log[0].Who != "import f.csv" || log[0].Describe() != `hide "wish 1"` {
		t.Fatalf("log %+v %v", log, err)
	}

	// Again: the log is not empty, nothing is taken.
	res, err = s.ImportCurated(ctx, rs, false, cur)
	if err != nil || res.Skipped != 3 || res.CurationActions != 0 || !slices.Equal(res.CurationKept, []string{"A", "B"}) {
		t.Fatalf("%+v %v", res, err)
	}

	// C's stored response has its marks in the other order.
	c := sample("C", 4)
	if _, err := s.Import(ctx, []model.Response{c}, false); err != nil {
		t.Fatal(err)
	}
	c.Marks = []model.Mark{c.Marks[1], c.Marks[0]}
	res, err = s.ImportCurated(ctx, []model.Response{c}, false, ImportCuration{Who: "import f.csv",
		Actions: map[string][]model.CurationAction{"C": {{Verb: model.VerbHide, Marks: []string{"r000004:1"}}}}})
	if err != nil || res.Skipped != 1 || res.CurationActions != 0 || !slices.Equal(res.CurationDiffers, []string{"C"}) {
		t.Fatalf("%+v %v", res, err)
	}
}

// TestImportCuratedAllOrNothing: an action that fails writes neither
// the responses nor the actions before it.
func TestImportCuratedAllOrNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	cur := ImportCuration{Who: "import f.csv", Actions: map[string][]model.CurationAction{"A": {
		{Verb: model.VerbHide, Keys: []string{"wish 1"}},
		{Verb: model.VerbCategorise, Keys: []string{"wish 2"}, Code: "no-such-code"},
	}}}
	if _, err := s.ImportCurated(ctx, []model.Response{sample("A", 1)}, false, cur); err == nil {
		t.Fatal("an unknown category was taken")
	}
	evs, err := s.Events(ctx)
	if err != nil || len(evs) != 0 {
		t.Fatalf("events %v %v", evs, err)
	}
	if v, err := s.CurationVersion(ctx); err != nil || v != 0 {
		t.Fatalf("curation version %d %v", v, err)
	}
}

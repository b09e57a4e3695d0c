package live

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// TestHubFollowsEveryWrite writes at random through two stores on one
// file (another process, as far as the hub can tell): saves, drafted
// saves, edits, deletes, restores, imports carrying deleted responses and
// curation. After each, a refreshed hub's snapshot is the one a new hub
// counts from scratch, and its recent list holds no deleted response.
func TestHubFollowsEveryWrite(t *testing.T) {
	ctx := context.Background()
	s, path := openStore(t)
	other, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	h := newHub(t, s)
	rng := rand.New(rand.NewPCG(3, 4))
	deleted := time.Date(2025, 5, 2, 9, 0, 0, 0, time.UTC)
	for step := range 250 {
		st := []*db.SQLite{s, other}[rng.IntN(2)]
		i := rng.IntN(30)
		id := response("fair", i).ID
		var what string
		switch op := rng.IntN(8); op {
		case 0, 1:
			what = "save " + id
			r := response("fair", rng.IntN(60))
			r.ID = id
			_, err = st.SaveResponse(ctx, r)
		case 2:
			what = "drafted save " + id
			_, _, err = st.SaveDrafted(ctx, response("fair", i), "local:ann")
		case 3:
			what = "delete " + id
			if _, err = st.DeleteResponse(ctx, "fair", id, "local"); errors.Is(err, db.ErrNotFound) {
				err = nil
			}
		case 4:
			what = "restore " + id
			if _, err = st.RestoreResponse(ctx, "fair", id); errors.Is(err, db.ErrNotFound) || errors.Is(err, db.ErrNotDeleted) {
				err = nil
			}
		case 5:
			what = "import"
			var rs []model.Response
			for k := range 1 + rng.IntN(5) {
				r := response("fair", 30+rng.IntN(30)+100*k)
				if rng.IntN(2) == 0 {
					r.DeletedAt, r.DeletedBy = deleted, "import"
				}
				rs = append(rs, r)
			}
			_, err = st.Import(ctx, rs, true)
		case 6:
			what = "merge"
			_, err = st.Curate(ctx, "fair", "local", model.CurationAction{Verb: model.VerbMerge,
				Keys: []string{"more benches"}, Into: "ara trenazieri"})
			if errors.Is(err, model.ErrNothingToDo) {
				_, err = st.UndoCuration(ctx, "fair", "local", 0)
			}
		default:
			what = "hide a mention"
			_, err = st.Curate(ctx, "fair", "local", model.CurationAction{Verb: model.VerbHide, Marks: []string{id + ":0"}})
			if errors.Is(err, model.ErrNothingToDo) {
				err = nil
			}
		}
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		if err := h.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		fresh := newHub(t, s)
		got, want := *h.Snapshot(), *fresh.Snapshot()
		for _, sn := range []*model.Snapshot{&got, &want} {
			sn.Version, sn.Display = 0, model.DisplayState{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d (%s): the hub's snapshot\n%+v\nfrom scratch\n%+v", step, what, got, want)
		}
		for _, r := range got.Recent {
			if r.Deleted() {
				t.Fatalf("step %d (%s): deleted %s in the recent list", step, what, r.ID)
			}
		}
	}
	if h.Snapshot().Responses == 0 {
		t.Fatal("nothing counted at the end: the test wrote nothing")
	}
}

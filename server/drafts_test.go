package server

import (
	"context"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// TestDraftWaitsForTheFacilitatorsWrites: a facilitator's new session
// reads the draft only once their earlier session and its write have
// ended (a save emptying it), never before; another facilitator's writes
// do not hold it up.
func TestDraftWaitsForTheFacilitatorsWrites(t *testing.T) {
	defer func(d time.Duration) { draftWait = d }(draftWait)
	draftWait = time.Hour // a wait that ends is one for the writes, not the time
	ts := startServer(t, nil)
	ctx := context.Background()
	old, other := ts.storeFor(Facilitator, "SHA256:a"), ts.storeFor(Facilitator, "SHA256:b")
	if _, err := old.CreateEvent(ctx, "fair"); err != nil {
		t.Fatal(err)
	}
	session := ts.byWho.begin("SHA256:a") // a's first session, still ending
	done := old.BeginWrite()              // its save, decided, not yet stored
	otherDone := other.BeginWrite()
	defer otherDone()
	if err := old.PutDraft(ctx, "fair", "SHA256:a", "{}"); err != nil {
		t.Fatal(err)
	}
	read := make(chan db.Draft)
	go func() {
		st := ts.storeFor(Facilitator, "SHA256:a") // a's new session
		st.counted = 1
		defer ts.byWho.begin("SHA256:a")()
		d, err := st.Draft(ctx, "fair", "SHA256:a")
		if err != nil {
			t.Error(err)
		}
		read <- d
	}()
	if _, _, err := old.SaveDrafted(ctx, model.Response{ID: "r1", Event: "fair",
		Marks: []model.Mark{{Neighbourhood: "Centrs"}}}, "SHA256:a"); err != nil {
		t.Fatal(err)
	}
	done()
	session()
	if d := <-read; d.Form != "" || d.Number != 2 {
		t.Errorf("the new session read %+v: the draft before the save emptied it", d)
	}
	// b's write is still under way: c's session reads at once.
	if _, err := ts.storeFor(Facilitator, "SHA256:c").Draft(ctx, "fair", "SHA256:c"); err != nil {
		t.Error(err)
	}
}

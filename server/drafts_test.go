package server

import (
	"context"
	"testing"
	"time"

	"standmap/db"
	"standmap/model"
)

// formOf returns a facilitator's store with a form session of its own,
// open until the test ends (or close is called), its client answering
// as answers says (nil: it answers).
func formOf(t *testing.T, ts *testServer, who string, answers func(time.Duration) bool) (st *sessionStore, close func()) {
	st = ts.storeFor(Facilitator, who)
	st.form = &formSession{who: who, answers: answers}
	close = ts.byWho.open(st.form)
	t.Cleanup(close)
	return st, close
}

// TestDraftWaitsForTheFacilitatorsWrites: a facilitator's new session
// reads the draft only once their earlier session, which is ending, and
// its write have ended (a save emptying it), never before; another
// facilitator's writes do not hold it up.
func TestDraftWaitsForTheFacilitatorsWrites(t *testing.T) {
	defer func(d time.Duration) { draftWait = d }(draftWait)
	draftWait = time.Hour // a wait that ends is one for the writes, not the time
	ts := startServer(t, nil)
	ctx := context.Background()
	old, session := formOf(t, ts, "SHA256:a", nil)
	other := ts.storeFor(Facilitator, "SHA256:b")
	if _, err := old.CreateEvent(ctx, "fair"); err != nil {
		t.Fatal(err)
	}
	if err := old.PutDraft(ctx, "fair", "SHA256:a", "{}"); err != nil {
		t.Fatal(err)
	}
	old.form.ended.Store(true) // a's first session, its connection dropped, still ending
	done := old.BeginWrite()   // its save, decided, not yet stored
	otherDone := other.BeginWrite()
	defer otherDone()
	read := make(chan db.Draft)
	go func() {
		st, _ := formOf(t, ts, "SHA256:a", nil) // a's new session
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
	if d := <-read; d.Form != "" || d.Number != 2 || d.Who != "SHA256:a" {
		t.Errorf("the new session read %+v: the draft before the save emptied it", d)
	}
	// b's write is still under way: c's session reads at once.
	if _, err := ts.storeFor(Facilitator, "SHA256:c").Draft(ctx, "fair", "SHA256:c"); err != nil {
		t.Error(err)
	}
}

// TestOneLiveSessionOwnsADraft: two live sessions of one key (two
// windows) each keep their own visitor: the second gets a draft of its
// own, without waiting; once it ends, the next session of the key takes
// its draft back (its visitor comes back) while the first lives on; a
// session whose client no longer answers leaves its draft to the next.
func TestOneLiveSessionOwnsADraft(t *testing.T) {
	defer func(d time.Duration) { draftWait = d }(draftWait)
	draftWait = time.Hour // a wait would hang the test: none is expected
	ts := startServer(t, nil)
	ctx := context.Background()
	const who = "SHA256:k"
	first, _ := formOf(t, ts, who, nil)
	if _, err := first.CreateEvent(ctx, "fair"); err != nil {
		t.Fatal(err)
	}
	d1, err := first.Draft(ctx, "fair", who)
	if err != nil || d1.Who != who {
		t.Fatalf("the first window's draft: %+v, %v", d1, err)
	}
	second, closeSecond := formOf(t, ts, who, nil)
	d2, err := second.Draft(ctx, "fair", who)
	if err != nil || d2.Who != who+"/2" || d2.Number == d1.Number {
		t.Fatalf("the second window's draft: %+v, %v (the first's: %+v)", d2, err, d1)
	}
	if err := first.PutDraft(ctx, "fair", who, "visitor one"); err != nil {
		t.Fatal(err)
	}
	if err := second.PutDraft(ctx, "fair", who, "visitor two"); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{who: "visitor one", who + "/2": "visitor two"} {
		if d, err := ts.store.Draft(ctx, "fair", key); err != nil || d.Form != want {
			t.Errorf("draft %s: %+v, %v; want %q", key, d, err, want)
		}
	}
	// The second window's connection drops: the next session of the key
	// gets visitor two back, the first window keeps visitor one.
	closeSecond()
	third, _ := formOf(t, ts, who, nil)
	if d, err := third.Draft(ctx, "fair", who); err != nil || d.Form != "visitor two" {
		t.Fatalf("the session after the second: %+v, %v; want visitor two", d, err)
	}
	// A session whose client never answers (its network gone without a
	// word) leaves its draft to the next: once it has ended, or when the
	// wait for its end runs out (here at once: it never ends).
	defer func(d time.Duration) { probeWait = d }(probeWait)
	probeWait, draftWait = time.Millisecond, time.Millisecond
	silent, _ := formOf(t, ts, "SHA256:s", func(time.Duration) bool { return false })
	if err := silent.PutDraft(ctx, "fair", "SHA256:s", "visitor three"); err != nil {
		t.Fatal(err)
	}
	next, _ := formOf(t, ts, "SHA256:s", nil)
	if d, err := next.Draft(ctx, "fair", "SHA256:s"); err != nil || d.Form != "visitor three" || d.Who != "SHA256:s" {
		t.Fatalf("after a silent session: %+v, %v; want its draft, visitor three", d, err)
	}
	// The silent session is waited for once: a later session of the key
	// (while it still hangs on, as a lost client's connection does until
	// the idle limit) does not wait for it again. It waited the whole
	// draftWait for every session after it, longer than the application
	// waits for its draft, and no later window of the key kept its form.
	draftWait = time.Hour
	got := make(chan db.Draft, 1)
	go func() {
		later, _ := formOf(t, ts, "SHA256:s", nil)
		d, err := later.Draft(ctx, "fair", "SHA256:s")
		if err != nil {
			t.Error(err)
		}
		got <- d
	}()
	select {
	case d := <-got:
		if d.Who != "SHA256:s/2" {
			t.Errorf("a later session beside the live one: %+v, want SHA256:s/2", d)
		}
	case <-time.After(time.Minute): // not a timing: it waits an hour on the old code
		t.Fatal("a later session waited again for the silent one")
	}
}

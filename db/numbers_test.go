package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"standmap/model"
)

// TestNumbersNeverReused: each event numbers its responses 1, 2, 3…; a
// deleted response keeps its number and the next save gets a new one,
// also when the highest was deleted.
func TestNumbersNeverReused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "a")
	mustEvent(t, s, "b")
	var got []string
	save := func(event string, i int) model.Response {
		t.Helper()
		r, err := s.SaveResponse(ctx, sample(event, i))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s#%d", event, r.Number))
		return r
	}
	save("a", 1)
	save("b", 2)
	save("a", 3)
	third := save("a", 4)
	if _, err := s.DeleteResponse(ctx, "a", third.ID, "local"); err != nil {
		t.Fatal(err)
	}
	save("a", 5)
	if want := "[a#1 b#1 a#2 a#3 a#4]"; fmt.Sprint(got) != want {
		t.Fatalf("numbers %v, want %s", got, want)
	}
	// An edit keeps its number; a restored response has its own.
	edit := sample("a", 1)
	edit.Marks = edit.Marks[:1]
	if r, err := s.SaveResponse(ctx, edit); err != nil || r.Number != 1 {
		t.Fatalf("edit: number %d, %v", r.Number, err)
	}
	if r, err := s.RestoreResponse(ctx, "a", third.ID); err != nil || r.Number != 3 {
		t.Fatalf("restore: number %d, %v", r.Number, err)
	}
}

// TestDraftsReserveNumbers: two facilitators' forms show different
// numbers, and each save gets the number its form showed, whoever saves
// first; a save without a form takes none of the reserved ones.
func TestDraftsReserveNumbers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	ann, err := s.Draft(ctx, "fair", "local:ann")
	if err != nil {
		t.Fatal(err)
	}
	bob, err := s.Draft(ctx, "fair", "SHA256:bob")
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Draft(ctx, "fair", "local:ann"); again.Number != ann.Number || ann.Number != 1 || bob.Number != 2 {
		t.Fatalf("reserved ann %d (again %d), bob %d; want 1, 1, 2", ann.Number, again.Number, bob.Number)
	}
	if err := s.PutDraft(ctx, "fair", "SHA256:bob", `{"place":"gri"}`); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Draft(ctx, "fair", "SHA256:bob"); d.Form != `{"place":"gri"}` || d.Number != 2 {
		t.Fatalf("bob's draft %+v", d)
	}
	plain, err := s.SaveResponse(ctx, sample("fair", 9)) // an import, the demo: no form
	if err != nil || plain.Number != 3 {
		t.Fatalf("a save without a form got #%d, %v; want 3", plain.Number, err)
	}
	r, next, err := s.SaveDrafted(ctx, sample("fair", 1), "SHA256:bob")
	if err != nil || r.Number != 2 || next.Number != 4 || next.Form != "" {
		t.Fatalf("bob saved #%d, next %+v, %v; want #2 and a new empty draft with #4", r.Number, next, err)
	}
	if d, _ := s.Draft(ctx, "fair", "SHA256:bob"); d != next {
		t.Fatalf("stored draft %+v, returned %+v", d, next)
	}
	r, next, err = s.SaveDrafted(ctx, sample("fair", 2), "local:ann")
	if err != nil || r.Number != 1 || next.Number != 5 {
		t.Fatalf("ann saved #%d, next #%d, %v; want #1, next #5", r.Number, next.Number, err)
	}
	// An edit from the form keeps its number and the reservation.
	if err := s.PutDraft(ctx, "fair", "local:ann", "editing"); err != nil {
		t.Fatal(err)
	}
	edit := sample("fair", 1)
	edit.AgeGroup = "19+"
	r, next, err = s.SaveDrafted(ctx, edit, "local:ann")
	if err != nil || r.Number != 2 || next.Number != 5 || next.Form != "" {
		t.Fatalf("edit saved #%d, next %+v, %v; want #2, the draft emptied, #5 kept", r.Number, next, err)
	}
	if _, err := s.Draft(ctx, "nowhere", "local"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("draft of no event: %v", err)
	}
}

// TestImportDeletedAndNumbers: an import numbers its new responses after
// every number given or reserved, writes a response deleted in the file
// deleted, and never deletes or restores a stored one (same content:
// skipped, as it is).
func TestImportDeletedAndNumbers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	if _, err := s.Draft(ctx, "fair", "local"); err != nil { // reserves #1
		t.Fatal(err)
	}
	live, gone := sample("fair", 1), sample("fair", 2)
	gone.DeletedAt, gone.DeletedBy = time.Date(2025, 5, 1, 11, 0, 0, 0, time.UTC), "import x.csv"
	res, err := s.Import(ctx, []model.Response{live, gone}, false)
	if err != nil || res.Added != 2 {
		t.Fatalf("import %+v, %v", res, err)
	}
	if r, err := s.Response(ctx, "fair", live.ID); err != nil || r.Number != 2 {
		t.Fatalf("imported response: number %d, %v; want 2 (1 is reserved)", r.Number, err)
	}
	deleted, _ := s.DeletedResponses(ctx, "fair")
	if len(deleted) != 1 || deleted[0].ID != gone.ID || deleted[0].Number != 3 || !deleted[0].DeletedAt.Equal(gone.DeletedAt) {
		t.Fatalf("deleted after import: %+v", deleted)
	}
	// Again, with the deleted states swapped: both skipped, nothing changes.
	live2, gone2 := live, gone
	live2.DeletedAt, gone2.DeletedAt = gone.DeletedAt, time.Time{}
	res, err = s.Import(ctx, []model.Response{live2, gone2}, false)
	if err != nil || res.Added != 0 || res.Skipped != 2 {
		t.Fatalf("import again %+v, %v", res, err)
	}
	if _, err := s.Response(ctx, "fair", gone.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the import restored a deleted response: %v", err)
	}
	if _, err := s.Response(ctx, "fair", live.ID); err != nil {
		t.Fatalf("the import deleted a counted response: %v", err)
	}
	if r, err := s.SaveResponse(ctx, sample("fair", 3)); err != nil || r.Number != 4 {
		t.Fatalf("after the import: #%d, %v; want 4", r.Number, err)
	}
	if evs, _ := s.Events(ctx); len(evs) != 1 || evs[0].Responses != 2 {
		t.Fatalf("events %+v: want 2 counted responses", evs)
	}
}

// TestMigrationNumbersExisting: a database of schema 4 with responses of
// two events, interleaved, gets them numbered per event in order of entry,
// and the next save continues after them.
func TestMigrationNumbersExisting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", fileURI(path)+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
	for _, m := range ms {
		if m.version > 4 {
			continue
		}
		exec(m.sql)
		exec("INSERT INTO schema_migrations VALUES (?, 'then')", m.version)
	}
	exec("INSERT INTO events(id, name, created_at) VALUES (1, 'a', 'then'), (2, 'b', 'then')")
	for i, ev := range []int{1, 2, 1, 1, 2} {
		exec("INSERT INTO responses(seq, event_id, response_id, created_at) VALUES (?, ?, ?, '2025-05-01T10:00:00Z')", 10+i, ev, fmt.Sprint("r", i))
		exec("INSERT INTO marks(response_seq, position, neighbourhood) VALUES (?, 0, 'Centrs')", 10+i)
	}
	raw.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []string
	for _, ev := range []string{"a", "b"} {
		s.EachResponse(ctx, ev, func(r model.Response) error {
			got = append(got, fmt.Sprintf("%s:%s#%d", ev, r.ID, r.Number))
			return nil
		})
	}
	if want := "[a:r0#1 a:r2#2 a:r3#3 b:r1#1 b:r4#2]"; fmt.Sprint(got) != want {
		t.Fatalf("numbered %v, want %s", got, want)
	}
	if r, err := s.SaveResponse(ctx, sample("b", 7)); err != nil || r.Number != 3 {
		t.Fatalf("next in b: #%d, %v", r.Number, err)
	}
}

// TestSaveTakesNoReservedNumber: a new response given to SaveResponse
// with a number (a caller's stale copy) gets the event's next number,
// never one a facilitator's form shows: that form saves under its own.
func TestSaveTakesNoReservedNumber(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	d, err := s.Draft(ctx, "fair", "local:ann") // the form shows #1
	if err != nil || d.Number != 1 {
		t.Fatalf("draft %+v, %v", d, err)
	}
	stale := sample("fair", 1)
	stale.Number = 1
	if r, err := s.SaveResponse(ctx, stale); err != nil || r.Number != 2 {
		t.Fatalf("a save with a number of its own got #%d, %v; want 2", r.Number, err)
	}
	if r, _, err := s.SaveDrafted(ctx, sample("fair", 2), "local:ann"); err != nil || r.Number != 1 {
		t.Fatalf("the form showing #1 saved #%d, %v", r.Number, err)
	}
}

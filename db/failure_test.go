package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"standmap/model"
)

// TestLockedDatabaseWritesNothing holds the write lock from another
// connection: a save must fail with an error, and nothing may be written.
func TestLockedDatabaseWritesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the busy timeout")
	}
	s, path := openTemp(t)
	mustEvent(t, s, "fair")
	raw, err := sql.Open("sqlite3", fileURI(path)+"?_busy_timeout=100")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now() // the save waits for the busy timeout (5 s)
	_, err = s.SaveResponse(context.Background(), sample("fair", 1))
	t.Logf("locked save returned after %v: %v", time.Since(start), err)
	if err == nil {
		t.Fatal("save succeeded while another connection held the write lock")
	}
	// Opening needs no write lock when the schema is current: a report or
	// export started beside a busy writer opens and reads at once.
	reader, err := Open(path)
	if err != nil {
		t.Fatalf("open while another connection holds the write lock: %v", err)
	}
	if evs, err := reader.Events(context.Background()); err != nil || len(evs) != 1 {
		t.Fatalf("read while locked: %v, %v", evs, err)
	}
	reader.Close()
	conn.ExecContext(context.Background(), "ROLLBACK")
	if _, err := s.Response(context.Background(), "fair", sample("fair", 1).ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after a failed save: %v", err)
	}
	if _, err := s.SaveResponse(context.Background(), sample("fair", 1)); err != nil {
		t.Fatalf("save after the lock was released: %v", err)
	}
}

// TestFullDiskWritesNothing caps the file's size so that writes fail as on
// a full disk: the failed import and save leave no trace.
func TestFullDiskWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	mustEvent(t, s, "fair")
	var pages int
	if err := s.writer.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+20)); err != nil {
		t.Fatal(err)
	}
	_, err := s.Import(ctx, fairResponses("fair", 5000), false)
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("import into a full database: %v", err)
	}
	big := sample("fair", 1)
	for i := range 2000 {
		big.Marks = append(big.Marks, model.Mark{Wish: strings.Repeat("x", 200) + fmt.Sprint(i)})
	}
	if _, err := s.SaveResponse(ctx, big); err == nil {
		t.Fatal("save into a full database succeeded")
	}
	n := 0
	if err := s.EachResponse(ctx, "", func(model.Response) error { n++; return nil }); err != nil || n != 0 {
		t.Fatalf("%d responses after failed writes (%v)", n, err)
	}
	if _, newest, _ := s.Changes(ctx, 0, 0); newest != 0 {
		t.Fatalf("change log at %d after failed writes", newest)
	}
	if _, err := s.SaveResponse(ctx, sample("fair", 2)); err != nil {
		t.Fatalf("a small save still fits: %v", err)
	}
}

package db

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"
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
	conn.ExecContext(context.Background(), "ROLLBACK")
	if _, err := s.Response(context.Background(), "fair", sample("fair", 1).ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after a failed save: %v", err)
	}
	if _, err := s.SaveResponse(context.Background(), sample("fair", 1)); err != nil {
		t.Fatalf("save after the lock was released: %v", err)
	}
}

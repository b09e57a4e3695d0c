package db

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"standmap/model"
)

// openTemp opens a fresh database in the test's temporary folder.
func openTemp(t testing.TB) (*SQLite, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "standmap.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// mustEvent creates the event or fails the test.
func mustEvent(t testing.TB, s *SQLite, name string) {
	t.Helper()
	if _, err := s.CreateEvent(context.Background(), name); err != nil {
		t.Fatal(err)
	}
}

// sample returns a response of the event with two marks.
func sample(event string, i int) model.Response {
	return model.Response{
		ID:        fmt.Sprintf("r%06d", i),
		Event:     event,
		CreatedAt: time.Date(2025, 5, 1, 10, 0, 0, i*1001, time.UTC),
		AgeGroup:  "16-18",
		Marks: []model.Mark{
			{Neighbourhood: "Centrs", Wish: "Āra trenažieri!", Category: "fitness"},
			{Wish: fmt.Sprintf("wish %d", i%50)},
		},
	}
}

package tui

import (
	"context"
	"path/filepath"
	"testing"

	"standmap/db"
)

// BenchmarkCurateDetail reads the details the curation view asks for
// after each action and snapshot: the curation and 2,000 responses from
// a real SQLite file, counted unfiltered, with every group's spellings.
func BenchmarkCurateDetail(b *testing.B) {
	s, err := db.Open(filepath.Join(b.TempDir(), "standmap.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	city := testCity(b)
	ctx := context.Background()
	if _, err := s.CreateEvent(ctx, "Bench"); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(ctx, fixedResponses(city.Gazetteer, "Bench", 2000), false); err != nil {
		b.Fatal(err)
	}
	o := CurateOptions{Curator: s, Reader: s, Gazetteer: city.Gazetteer, Event: "Bench"}
	b.ResetTimer()
	for b.Loop() {
		if _, err := loadDetail(o, nil); err != nil {
			b.Fatal(err)
		}
	}
}

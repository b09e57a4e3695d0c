package live

import (
	"bytes"
	"context"
	"testing"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/exchange"
	"standmap/internal/fairgen"
	"standmap/model"
)

// fairStore imports the generated fair of docs/benchmarks.md (seed 1,
// 100,000 rows: 44,839 responses with 100,000 marks, one event) into a
// fresh database, and returns it with the map and the event's name.
func fairStore(b *testing.B) (*db.SQLite, *model.Gazetteer, string) {
	b.Helper()
	var csv bytes.Buffer
	if _, err := fairgen.Write(&csv, fairgen.Options{Seed: 1, Visitors: 1 << 30, MaxRows: 100_000}); err != nil {
		b.Fatal(err)
	}
	city, err := ascii_maps.Load("daugavpils")
	if err != nil {
		b.Fatal(err)
	}
	s, _ := openStore(b)
	if _, err := exchange.Import(context.Background(), s, city.Gazetteer, "fair", &csv, false); err != nil {
		b.Fatal(err)
	}
	return s, city.Gazetteer, fairgen.Events[0].Name
}

// BenchmarkHubStart100k builds a hub, and its first snapshot, over the
// 100,000 marks of the generated fair: what a board pays when it opens.
func BenchmarkHubStart100k(b *testing.B) {
	s, g, event := fairStore(b)
	for b.Loop() {
		h, err := NewHub(s, g, event)
		if err != nil {
			b.Fatal(err)
		}
		if h.Snapshot().Responses != 44_839 {
			b.Fatalf("%d responses", h.Snapshot().Responses)
		}
	}
}

// BenchmarkCurationAction100k merges two wish groups of the generated
// fair, or unmerges them, and refreshes the hub until its snapshot
// shows it: what every board pays for a facilitator's curation action.
func BenchmarkCurationAction100k(b *testing.B) {
	s, g, event := fairStore(b)
	h, err := NewHub(s, g, event)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	ws := h.Snapshot().Wishes
	merge := model.CurationAction{Verb: model.VerbMerge, Keys: []string{ws[1].Key}, Into: ws[0].Key}
	unmerge := model.CurationAction{Verb: model.VerbUnmerge, Keys: []string{ws[1].Key}}
	i := 0
	for b.Loop() {
		a := merge
		if i%2 == 1 {
			a = unmerge
		}
		i++
		if _, err := s.Curate(ctx, event, "bench", a); err != nil {
			b.Fatal(err)
		}
		if err := h.Refresh(ctx); err != nil {
			b.Fatal(err)
		}
		if merged := h.Snapshot().Wishes[0].Count > ws[0].Count; merged != (i%2 == 1) {
			b.Fatalf("action %d not shown", i)
		}
	}
}

package exchange

import (
	"bytes"
	"context"
	"testing"

	"standmap/internal/fairgen"
	"standmap/model"
)

// BenchmarkImport100k imports a generated 100,000-row CSV into a fresh
// database.
func BenchmarkImport100k(b *testing.B) {
	csv := generated(b, fairgen.Options{Seed: 1, Visitors: 1 << 30, MaxRows: 100_000})
	g := daugavpils(b)
	b.SetBytes(int64(len(csv)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openStore(b)
		b.StartTimer()
		if _, err := Import(context.Background(), s, g, "Default", bytes.NewReader(csv), false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTally10k(b *testing.B)  { benchmarkTally(b, 10_000, Tally) }
func BenchmarkTally100k(b *testing.B) { benchmarkTally(b, 100_000, Tally) }

// BenchmarkTallyResponses100k is BenchmarkTally100k counting response by
// response, as a tally does while the store's counts are behind.
func BenchmarkTallyResponses100k(b *testing.B) {
	benchmarkTally(b, 100_000, func(ctx context.Context, s TallyReader, g *model.Gazetteer, event string) (model.Tally, error) {
		return TallyResponses(ctx, s, g, event)
	})
}

// benchmarkTally stores n generated responses (seed 2: 60 % of them in the
// fair's first event) and tallies the first event.
func benchmarkTally(b *testing.B, n int, tally func(context.Context, TallyReader, *model.Gazetteer, string) (model.Tally, error)) {
	g := daugavpils(b)
	s := openStore(b)
	mustImport(b, s, g, generated(b, fairgen.Options{Seed: 2, Visitors: n}))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t, err := tally(context.Background(), s, g, fairgen.Events[0].Name)
		if err != nil {
			b.Fatal(err)
		}
		if t.Responses != n*3/5 {
			b.Fatalf("%d responses, want %d", t.Responses, n*3/5)
		}
	}
}

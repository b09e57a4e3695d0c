package exchange

import (
	"bytes"
	"context"
	"testing"

	"standmap/testdata/gen"
)

// BenchmarkImport100k imports a generated 100,000-row CSV into a fresh
// database.
func BenchmarkImport100k(b *testing.B) {
	csv := generated(b, gen.Options{Seed: 1, Visitors: 1 << 30, MaxRows: 100_000})
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

func BenchmarkTally10k(b *testing.B)  { benchmarkTally(b, 10_000) }
func BenchmarkTally100k(b *testing.B) { benchmarkTally(b, 100_000) }

// benchmarkTally loads n stored responses and computes their tally.
func benchmarkTally(b *testing.B, n int) {
	g := daugavpils(b)
	s := openStore(b)
	mustImport(b, s, g, generated(b, gen.Options{Seed: 2, Visitors: n}))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t, err := Tally(context.Background(), s, g, "")
		if err != nil {
			b.Fatal(err)
		}
		if t.Responses != n {
			b.Fatalf("%d responses, want %d", t.Responses, n)
		}
	}
}

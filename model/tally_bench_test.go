package model

import (
	"fmt"
	"testing"
	"time"
)

// benchTallier holds n responses over 40 wish groups.
func benchTallier(b *testing.B, n int) *Tallier {
	g := testGazetteer(b)
	names := []string{"Centrs", "Grīva", "Jaunbūve", "Ķīmija", ""}
	tl := NewTallier(g, "bench")
	for i := 0; i < n; i++ {
		tl.Put(Response{ID: fmt.Sprint(i), CreatedAt: t0.Add(time.Duration(i) * time.Second), Marks: []Mark{
			{names[i%4], fmt.Sprintf("Wish number %d", i%40), "other"},
			{names[(i+1)%5], fmt.Sprintf("wish number %d!", (i*7)%40), ""},
		}})
	}
	return tl
}

func benchmarkSnapshot(b *testing.B, n int) {
	tl := benchTallier(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tl.Put(Response{ID: "new", CreatedAt: t0, Marks: []Mark{{"Centrs", "Wish number 1", ""}}})
		_ = tl.Snapshot()
	}
}

// BenchmarkSnapshot10k is one change (Put) and a new Snapshot at 10,000 responses.
func BenchmarkSnapshot10k(b *testing.B) { benchmarkSnapshot(b, 10_000) }

// BenchmarkSnapshot100k is the same at 100,000 responses.
func BenchmarkSnapshot100k(b *testing.B) { benchmarkSnapshot(b, 100_000) }

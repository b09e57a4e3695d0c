package model

import (
	"fmt"
	"testing"
)

// benchCuration merges the 40 groups of benchTallier into 10 and hides
// one of them.
func benchCuration(b *testing.B) *Curation {
	var cells []CurationCell
	for i := 10; i < 40; i++ {
		cells = append(cells, CurationCell{CurateMerge, fmt.Sprintf("wish number %d", i), fmt.Sprintf("wish number %d", i%10)})
	}
	return NewCuration(append(cells, CurationCell{CurateHide, "wish number 3", "1"}))
}

// BenchmarkSetCuration100k counts 100,000 responses again under a new
// curation: what a board pays once per curation action.
func BenchmarkSetCuration100k(b *testing.B) {
	tl, c := benchTallier(b, 100_000), benchCuration(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tl.SetCuration(c)
	}
}

// BenchmarkCuratedSnapshot100k is BenchmarkSnapshot100k under a curation.
func BenchmarkCuratedSnapshot100k(b *testing.B) {
	tl := benchTallier(b, 100_000)
	tl.SetCuration(benchCuration(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tl.Put(Response{ID: "new", CreatedAt: t0, Marks: []Mark{{"Centrs", "Wish number 12", ""}}})
		_ = tl.Snapshot()
	}
}

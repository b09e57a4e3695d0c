package tui

import (
	"fmt"
	"testing"

	"standmap/model"
)

// benchSnapshot tallies n fixed responses. Every tenth (and, with few
// responses, every one, three times) also carries wishes of its own, so
// that the number of wish groups grows with n and the screen is full
// either way: the benchmarks compare the same drawing over 10 and 100,000
// responses.
func benchSnapshot(b *testing.B, n int) *model.Snapshot {
	b.Helper()
	city := testCity(b)
	rs := fixedResponses(city.Gazetteer, "Bench", n)
	t := model.NewTallier(city.Gazetteer, "Bench")
	for i, r := range rs {
		switch {
		case n < 100:
			for k := 0; k < 3; k++ {
				r.Marks = append(r.Marks, model.Mark{Wish: fmt.Sprintf("Wish number %d", 3*i+k)})
			}
		case i%10 == 0:
			r.Marks = append(r.Marks, model.Mark{Wish: fmt.Sprintf("Wish number %d", i)})
		}
		t.Put(r)
	}
	s := t.Snapshot()
	s.Event, s.Version = "Bench", 1 // a hub numbers its snapshots
	for i := len(rs) - 1; i >= 0 && len(s.Recent) < 20; i-- {
		s.Recent = append(s.Recent, rs[i])
	}
	return s
}

// BenchmarkBoardView draws the board alone at 160×48 for a new snapshot
// every frame (two copies take turns, so nothing drawn is reused): the cost
// of showing a change.
func BenchmarkBoardView(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		s := benchSnapshot(b, n)
		s2 := *s
		s2.Version++
		b.Run(fmt.Sprintf("responses=%d", n), func(b *testing.B) {
			m := testModel(b, Options{Role: Viewer}, s, 160, 48)
			m2 := send(m, SnapshotMsg{Snapshot: &s2})
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if i%2 == 0 {
					_ = m.View()
				} else {
					_ = m2.View()
				}
			}
		})
	}
}

// BenchmarkBoardRedraw draws the board again for the same snapshot (a
// keystroke elsewhere, a resize back): the board's drawing is reused.
func BenchmarkBoardRedraw(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		s := benchSnapshot(b, n)
		b.Run(fmt.Sprintf("responses=%d", n), func(b *testing.B) {
			m := testModel(b, Options{Role: Viewer}, s, 160, 48)
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkAppView draws capture and board side by side at 160×48.
func BenchmarkAppView(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		s := benchSnapshot(b, n)
		b.Run(fmt.Sprintf("responses=%d", n), func(b *testing.B) {
			m := testModel(b, Options{Store: nilStore{}}, s, 160, 48)
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeystroke is one typed letter in the wish field (type-ahead
// over the wish groups included) and the redraw, with 100,000 responses.
func BenchmarkKeystroke(b *testing.B) {
	s := benchSnapshot(b, 100_000)
	m := testModel(b, Options{Store: nilStore{}}, s, 160, 48)
	for _, k := range keys("gri<enter>ar") {
		m = send(m, k)
	}
	a, bs := namedKey("a"), namedKey("backspace")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := a
		if i%2 == 1 {
			k = bs
		}
		m = send(m, k)
		_ = m.View()
	}
}

// BenchmarkPlaceKeystroke is one typed letter in the place field.
func BenchmarkPlaceKeystroke(b *testing.B) {
	s := benchSnapshot(b, 100_000)
	m := testModel(b, Options{Store: nilStore{}}, s, 160, 48)
	m = send(m, namedKey("j"))
	a, bs := namedKey("a"), namedKey("backspace")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := a
		if i%2 == 1 {
			k = bs
		}
		m = send(m, k)
		_ = m.View()
	}
}

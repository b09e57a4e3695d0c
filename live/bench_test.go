package live

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"standmap/db"
	"standmap/model"
)

// filledHub stores n responses and builds a hub over them.
func filledHub(b *testing.B, n int) (*db.SQLite, *Hub) {
	b.Helper()
	s, _ := openStore(b)
	rs := make([]model.Response, n)
	for i := range rs {
		rs[i] = response("fair", i)
	}
	if _, err := s.Import(context.Background(), rs, false); err != nil {
		b.Fatal(err)
	}
	h, err := NewHub(s, testGaz(b), "fair")
	if err != nil {
		b.Fatal(err)
	}
	return s, h
}

// saveAndRefresh saves one new response and publishes its snapshot.
func saveAndRefresh(b *testing.B, s *db.SQLite, h *Hub, i int) {
	ctx := context.Background()
	if _, err := s.SaveResponse(ctx, response("fair", i)); err != nil {
		b.Fatal(err)
	}
	if err := h.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRefresh measures one save until its snapshot is published.
func BenchmarkRefresh(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			s, h := filledHub(b, n)
			i := n
			for b.Loop() {
				i++
				saveAndRefresh(b, s, h, i)
			}
		})
	}
}

// BenchmarkFanOut is BenchmarkRefresh at 10,000 responses with
// subscribers that each read every snapshot they can.
func BenchmarkFanOut(b *testing.B) {
	for _, subs := range []int{1, 100, 500} {
		b.Run(fmt.Sprintf("subscribers=%d", subs), func(b *testing.B) {
			s, h := filledHub(b, 10_000)
			var wg sync.WaitGroup
			all := make([]*Subscription, subs)
			for k := range all {
				sub := h.Subscribe()
				all[k] = sub
				wg.Go(func() {
					for range sub.C() {
					}
				})
			}
			i := 10_000
			for b.Loop() {
				i++
				saveAndRefresh(b, s, h, i)
			}
			b.StopTimer()
			for _, sub := range all {
				sub.Close()
			}
			wg.Wait()
		})
	}
}

// BenchmarkPublish measures handing one snapshot to stalled subscribers
// (each mailbox full, so every offer replaces).
func BenchmarkPublish(b *testing.B) {
	for _, subs := range []int{1, 100, 500} {
		b.Run(fmt.Sprintf("subscribers=%d", subs), func(b *testing.B) {
			s, _ := openStore(b)
			h, err := NewHub(s, testGaz(b), "fair")
			if err != nil {
				b.Fatal(err)
			}
			for range subs {
				h.Subscribe()
			}
			snap := h.Snapshot()
			for b.Loop() {
				h.subsMu.Lock()
				for sub := range h.subs {
					sub.offer(snap)
				}
				h.subsMu.Unlock()
			}
		})
	}
}

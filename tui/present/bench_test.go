package present

import (
	"testing"
)

// benchView draws a 200×60 projection of n responses b.N times.
func benchView(b *testing.B, n int) {
	s := testSnapshot(b, n)
	m := sized(New(Options{City: testCity(b), Snapshot: s, JoinLine: "ssh -p 2222 192.168.1.5"}), 200, 60)
	m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.View()
	}
}

// BenchmarkScreenPresent100k draws a whole frame afresh (no screen cache)
// with 100,000 responses counted; the map is cached as in a live frame.
func BenchmarkScreenPresent100k(b *testing.B) { benchScreen(b, 100_000) }

// BenchmarkScreenPresent10 draws a whole frame afresh with 10 responses.
func BenchmarkScreenPresent10(b *testing.B) { benchScreen(b, 10) }

// benchScreen draws a 200×60 screen of n responses b.N times, uncached.
func benchScreen(b *testing.B, n int) {
	m := sized(New(Options{City: testCity(b), Snapshot: testSnapshot(b, n), JoinLine: "ssh -p 2222 192.168.1.5"}), 200, 60)
	m.Screen()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Screen()
	}
}

// BenchmarkViewPresent100k draws a frame with 100,000 responses counted.
func BenchmarkViewPresent100k(b *testing.B) { benchView(b, 100_000) }

// BenchmarkViewPresent10 draws a frame with 10 responses counted.
func BenchmarkViewPresent10(b *testing.B) { benchView(b, 10) }

// BenchmarkViewPresentNewSnapshot100k draws the first frame of each new
// snapshot (100,000 responses): the map is drawn afresh every time.
func BenchmarkViewPresentNewSnapshot100k(b *testing.B) {
	s := testSnapshot(b, 100_000)
	m := sized(New(Options{City: testCity(b), Snapshot: s}), 200, 60)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, _ = send(m, SnapshotMsg{Snapshot: s})
		m.View()
	}
}

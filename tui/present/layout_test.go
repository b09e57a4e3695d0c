package present

import (
	"fmt"
	"testing"

	"charm.land/lipgloss/v2"
)

// checkFits fails when a line of the screen is wider than w or there are
// more lines than h.
func checkFits(t *testing.T, m Model, w, h int, what string) {
	t.Helper()
	ls := lines(m.Screen())
	if len(ls) > h {
		t.Fatalf("%s at %d×%d: %d lines", what, w, h, len(ls))
	}
	for i, l := range ls {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("%s at %d×%d: line %d is %d cells: %q", what, w, h, i, lw, l)
		}
	}
}

// TestEverySizeFits draws every panel, hidden, frozen and with help, in
// every theme, on a grid of sizes from 80×24 to 300×90 (odd ones too) and
// on tiny screens.
func TestEverySizeFits(t *testing.T) {
	city := testCity(t)
	snap := testSnapshot(t, 412)
	sizes := [][2]int{{1, 1}, {10, 3}, {39, 11}, {40, 12}, {41, 13}, {59, 19}, {60, 20}, {79, 23}}
	for w := 80; w <= 300; w += 31 {
		for h := 24; h <= 90; h += 13 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{149, 60}, [2]int{150, 33}, [2]int{151, 34}, [2]int{300, 90}, [2]int{81, 25})
	for _, th := range Themes {
		base := New(Options{City: city, Theme: th, Snapshot: snap, Lang: "lv",
			JoinLine: "ssh -p 2222 192.168.1.5 — skatiet rezultātus tiešraidē savā datorā", Display: DisplayState{RevealAt: "15:00"}})
		for _, sz := range sizes {
			m := sized(base, sz[0], sz[1])
			for p := range panelCount {
				m.panel = p
				checkFits(t, m, sz[0], sz[1], fmt.Sprintf("%s panel %d", th, p))
			}
			m, _ = send(m, press("?"))
			checkFits(t, m, sz[0], sz[1], string(th)+" help")
			m, _ = send(m, press("h"))
			m, _ = send(m, press("space"))
			checkFits(t, m, sz[0], sz[1], string(th)+" hidden frozen")
		}
	}
}

// TestEmptyFits draws a projection before any snapshot and with an empty
// one.
func TestEmptyFits(t *testing.T) {
	city := testCity(t)
	empty := testSnapshot(t, 0)
	for _, s := range []*Model{ptr(New(Options{City: city})), ptr(New(Options{City: city, Snapshot: empty}))} {
		for _, sz := range [][2]int{{80, 24}, {200, 60}, {45, 14}} {
			m := sized(*s, sz[0], sz[1])
			for p := range panelCount {
				m.panel = p
				checkFits(t, m, sz[0], sz[1], "empty")
			}
		}
	}
}

func ptr(m Model) *Model { return &m }

// TestTooSmall shows a short message below 40×12.
func TestTooSmall(t *testing.T) {
	m := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 12)}), 39, 20)
	if got := plain(m); got != "make the window at least 40×12" {
		t.Fatalf("screen = %q", got)
	}
}

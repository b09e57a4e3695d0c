package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPhoneBoard: a viewer's board at phone sizes is one readable
// column — the most marked place (in big letters from 40×20) with its
// count, bars and top wishes — not a request for a bigger window.
func TestPhoneBoard(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Profesiju gadatirgus 2025", 412)
	top := snap.Neighbourhoods[0]
	for _, sz := range [][2]int{{40, 20}, {45, 30}, {59, 15}, {30, 12}} {
		m := testModel(t, Options{Role: Viewer}, snap, sz[0], sz[1])
		screen := ansi.Strip(m.View().Content)
		lines := strings.Split(screen, "\n")
		if len(lines) != sz[1] {
			t.Fatalf("%v: %d lines", sz, len(lines))
		}
		for i, l := range lines {
			if ansi.StringWidth(l) != sz[0] {
				t.Errorf("%v: line %d is %d wide", sz, i, ansi.StringWidth(l))
			}
		}
		if strings.Contains(screen, "make the window") {
			t.Fatalf("%v: a refusal:\n%s", sz, screen)
		}
		count := "· " + itoa(top.Count)
		if sz[1] < 20 {
			count = strings.ToUpper(top.Name) + " " + itoa(top.Count)
		}
		for _, want := range []string{count, "Where they spend", "What they want", snap.Wishes[0].Text} {
			if !strings.Contains(screen, want) {
				t.Errorf("%v: no %q:\n%s", sz, want, screen)
			}
		}
		if sz == [2]int{40, 20} {
			t.Logf("\n%s", screen)
		}
	}
}

// TestPhoneTooSmall: below the phone size, and for a facilitator below
// the application's, the screen asks for a bigger window.
func TestPhoneTooSmall(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 12)
	for _, c := range []struct {
		o    Options
		w, h int
	}{{Options{Role: Viewer}, 29, 20}, {Options{Role: Viewer}, 40, 11}, {Options{Store: nilStore{}}, 40, 20}} {
		m := testModel(t, c.o, snap, c.w, c.h)
		if s := ansi.Strip(m.View().Content); !strings.Contains(s, "make the window") {
			t.Errorf("%d×%d: %q", c.w, c.h, s)
		}
	}
}

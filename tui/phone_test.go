package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
// the application's, the screen asks for a bigger window, naming the
// role's own minimum, in the interface language.
func TestPhoneTooSmall(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 12)
	for _, c := range []struct {
		o    Options
		w, h int
		want string
	}{
		{Options{Role: Viewer}, 29, 20, "make the window at least 30×12"},
		{Options{Role: Viewer}, 40, 11, "make the window at least 30×12"},
		{Options{Role: Viewer, Lang: "lv"}, 40, 11, "palieliniet logu līdz vismaz 30×12"},
		{Options{Role: Viewer, Lang: "ru"}, 40, 11, "увеличьте окно хотя бы до 30×12"},
		{Options{Store: nilStore{}}, 40, 20, "make the window at least 60×16"},
		{Options{Store: nilStore{}}, 59, 40, "make the window at least 60×16"},
		{Options{Store: nilStore{}, Lang: "ru"}, 80, 15, "увеличьте окно хотя бы до 60×16"},
	} {
		m := testModel(t, c.o, snap, c.w, c.h)
		checkFits(t, m, c.w, c.h)
		// Too narrow for it on one line, the request takes two.
		if s := strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " "); !strings.Contains(s, c.want) {
			t.Errorf("%+v %d×%d: %q, want %q", c.o.Role, c.w, c.h, s, c.want)
		}
	}
	// The help, a viewer's too, needs the application's size.
	m := testModel(t, Options{Role: Viewer}, snap, 40, 20)
	m = send(m, tea.KeyPressMsg{Code: '?', Text: "?"})
	if s := ansi.Strip(m.View().Content); !strings.Contains(s, "make the window at least 60×16") {
		t.Errorf("a viewer's help at 40×20: %q", s)
	}
}

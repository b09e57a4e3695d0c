package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestLayoutFits checks every screen at many sizes, including resizes, in
// English and in Russian (the longest words).
func TestLayoutFits(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Profesiju gadatirgus 2025", 412)
	sizes := [][2]int{{80, 24}, {81, 25}, {100, 30}, {119, 40}, {120, 40}, {160, 48}, {200, 60}, {250, 70}, {60, 16}, {90, 20}}
	for w := 80; w <= 250; w += 17 {
		for h := 24; h <= 70; h += 9 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	states := map[string]string{
		"empty":    "",
		"place":    "jaunf",
		"wish":     "gri<enter>ara",
		"marks":    "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter>2",
		"recent":   "<ctrl+e>",
		"board":    "<ctrl+b>",
		"filter":   "<ctrl+b>f<down>gri",
		"filtered": "<ctrl+f>gri<enter>",
		"long":     "<tab>" + strings.Repeat("ļoti gara vēlme ", 20),
		// Choosing the place on the map (the map replaces the recent list
		// unless the board beside shows it).
		"mappick":       "<ctrl+g><right><down>",
		"mappick_arrow": "gri<enter><enter><left>",
		"mappick_marks": "gri<enter>ara<tab><enter>cen<enter>vel<tab><enter>2<ctrl+g><up>",
		"mappick_help":  "<ctrl+g><right>?",
		// The projection (facilitators; a viewer's ctrl+p does nothing).
		"projection":      "<ctrl+p>",
		"projection_keys": "<ctrl+p>?",
		"projection_back": "<ctrl+p>h<esc>",
	}
	for name, seq := range states {
		for i, role := range []Role{Facilitator, Viewer, Facilitator, Viewer} {
			lang := []string{"en", "en", "ru", "ru"}[i]
			o := Options{Role: role, Lang: lang, DBPath: "/home/facilitator/.local/share/standmap/ļoti-garš-ceļš/standmap.db"}
			if role == Facilitator {
				o.Store = nilStore{}
			}
			m := testModel(t, o, snap, 160, 48)
			for _, k := range keys(seq) {
				m = send(m, k)
			}
			for _, sz := range sizes {
				m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				t.Run(fmt.Sprintf("%s/%s/%d/%dx%d", name, lang, role, sz[0], sz[1]), func(t *testing.T) {
					checkFits(t, m, sz[0], sz[1])
				})
			}
		}
	}
}

// TestTooSmall shows the request for a bigger window, centred, below 60×16.
func TestTooSmall(t *testing.T) {
	m := testModel(t, Options{Store: nilStore{}}, nil, 59, 16)
	for _, sz := range [][2]int{{59, 16}, {60, 15}, {20, 5}, {1, 1}, {0, 0}} {
		m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, m, sz[0], sz[1])
		if sz[0] >= 40 && !strings.Contains(m.View().Content, "make the window at least 60×16") {
			t.Errorf("%v: no request for a bigger window:\n%s", sz, m.View().Content)
		}
	}
}

// TestWidth compares the quick width with ansi.StringWidth.
func TestWidth(t *testing.T) {
	for _, s := range []string{"", "abc", "Jaunā Forštadte ███▍ 12", "\x1b[1;96mĀra\x1b[m ▸ …", "Больше скамеек",
		"日本", "e\u0301", "👍🏽", "a\tb", "\x1b]0;x\x07y", "╭─ x ─╮"} {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestFilterKeepsBarInView: filtering to a neighbourhood far down the
// ranking scrolls its bar into view.
func TestFilterKeepsBarInView(t *testing.T) {
	city := testCity(t)
	snap := fixedSnapshot(city.Gazetteer, "Fair", 412)
	last := snap.Neighbourhoods[len(snap.Neighbourhoods)-1].Name
	m := testModel(t, Options{Role: Viewer}, snap, 80, 24)
	if strings.Contains(ansi.Strip(m.View().Content), last) {
		t.Fatalf("%s already in view", last)
	}
	m = send(m, namedKey("f"))
	for _, k := range keys(last + "<enter>") {
		m = send(m, k)
	}
	if m.board.filter != last || !strings.Contains(ansi.Strip(m.View().Content), "│"+last) {
		t.Errorf("filter %q; %s not in view:\n%s", m.board.filter, last, ansi.Strip(m.View().Content))
	}
}

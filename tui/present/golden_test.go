package present

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// goldenSizes are the sizes every screen is compared at.
var goldenSizes = [][2]int{{80, 24}, {120, 36}, {160, 48}, {250, 70}}

// goldenLooks are the themes and terminals compared: dark in true
// colour, 16 colours and none (NO_COLOR), and light in true colour.
var goldenLooks = []struct {
	theme   ThemeName
	profile colorprofile.Profile
}{
	{Dark, colorprofile.TrueColor}, {Dark, colorprofile.ANSI}, {Dark, colorprofile.ASCII}, {Light, colorprofile.TrueColor},
}

// TestGolden draws the projection with a fixed snapshot for each look at
// each size, as a terminal of that profile receives it (the model told
// its profile, its output downsampled), and compares the screens with
// testdata/TestGolden/*.golden (go test ./tui/present -run TestGolden
// -update rewrites them).
func TestGolden(t *testing.T) {
	snap := testSnapshot(t, 412)
	city := testCity(t)
	for _, look := range goldenLooks {
		for _, size := range goldenSizes {
			name := string(look.theme) + "_" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1]) + "_" + look.profile.String()
			t.Run(name, func(t *testing.T) {
				m := sized(New(Options{City: city, Theme: look.theme, Snapshot: snap,
					JoinLine: "ssh -p 2222 192.168.1.5 — see the live board"}), size[0], size[1])
				m, _ = m.Handle(tea.ColorProfileMsg{Profile: look.profile})
				golden.RequireEqual(t, downsample(t, m.Screen(), look.profile))
			})
		}
	}
}

// downsample returns s with its colours reduced to profile p.
func downsample(tb testing.TB, s string, p colorprofile.Profile) string {
	tb.Helper()
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	if _, err := w.WriteString(s); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// TestGoldenStates draws the other panels, the hidden results and the keys
// at 80×24 in plain text (testdata/TestGoldenStates/*.golden), and the
// contrast theme.
func TestGoldenStates(t *testing.T) {
	base := sized(New(Options{City: testCity(t), Snapshot: testSnapshot(t, 412), Lang: "lv",
		JoinLine: "ssh -p 2222 192.168.1.5", Display: DisplayState{RevealAt: "15:00"}}), 80, 24)
	cases := []struct {
		name string
		set  func(m *Model)
	}{
		{"map", func(m *Model) { m.panel = panelMap }},
		{"wishes", func(m *Model) { m.panel = panelWishes }},
		{"byplace", func(m *Model) { m.panel = panelByPlace }},
		{"hidden", func(m *Model) { m.display.Hidden = true }},
		{"frozen_help", func(m *Model) { m.display.Frozen, m.help = true, true }},
		{"contrast_map", func(m *Model) { m.setTheme(Contrast); m.panel = panelMap }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := base
			c.set(&m)
			golden.RequireEqual(t, plain(m))
		})
	}
}

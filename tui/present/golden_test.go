package present

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden draws each theme at 80×24 and 200×60 with a fixed snapshot,
// downsampled to plain text and to 256 colours, and compares the screens
// with testdata/TestGolden/*.golden (go test ./tui/present -run TestGolden
// -update rewrites them).
func TestGolden(t *testing.T) {
	snap := testSnapshot(t, 412)
	city := testCity(t)
	for _, th := range Themes {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			for _, p := range []colorprofile.Profile{colorprofile.Ascii, colorprofile.ANSI256} {
				name := string(th) + "_" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1]) + "_" + p.String()
				t.Run(name, func(t *testing.T) {
					m := sized(New(Options{City: city, Theme: th, Snapshot: snap,
						JoinLine: "ssh -p 2222 192.168.1.5 — see the live board"}), size[0], size[1])
					golden.RequireEqual(t, downsample(t, m.Screen(), p))
				})
			}
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
// at 80×24 in plain text (testdata/TestGoldenStates/*.golden).
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := base
			c.set(&m)
			golden.RequireEqual(t, plain(m))
		})
	}
}

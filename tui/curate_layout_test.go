package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// TestCurateLayoutFits checks the curation view in every mode at many
// sizes: exactly h lines, none wider than w.
func TestCurateLayoutFits(t *testing.T) {
	sizes := [][2]int{{80, 24}, {81, 25}, {60, 16}, {40, 10}, {20, 5}, {19, 4}, {1, 1}, {100, 30}, {160, 48}, {250, 70}}
	for w := 60; w <= 250; w += 23 {
		for h := 16; h <= 70; h += 9 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	states := map[string]string{
		"list":     "<down><space>",
		"rename":   "<down>r" + strings.Repeat("ļoti gara vēlme ", 12),
		"category": "c<down>",
		"suggest":  "s<down>",
		"help":     "?",
		"refused":  "r<ctrl+u><enter>",
		"merged":   "<down><space><up>m",
	}
	for _, lang := range []string{"en", "lv", "ru"} {
		for name, seq := range states {
			r := newCurateRig(t, lang, 160, 48)
			r.press(seq)
			for _, sz := range sizes {
				r.do(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				t.Run(fmt.Sprintf("%s/%s/%dx%d", lang, name, sz[0], sz[1]), func(t *testing.T) {
					lines := strings.Split(r.c.View().Content, "\n")
					if len(lines) != max(sz[1], 1) {
						t.Errorf("%d lines", len(lines))
					}
					for i, l := range lines {
						if lw := lipgloss.Width(l); lw > sz[0] {
							t.Errorf("line %d is %d wide: %q", i, lw, l)
						}
					}
				})
			}
		}
	}
}

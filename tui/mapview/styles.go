// Package mapview draws a city's map shaded by tallies: a pure renderer
// from an ascii_maps.City and counts to exactly w×h terminal cells.
package mapview

import "charm.land/lipgloss/v2"

// Shades are the characters of the tally steps, low to high; they carry
// the scale when there is no colour.
var Shades = [4]rune{'░', '▒', '▓', '█'}

// Characters of the cells that are not shaded.
const (
	// ZeroRune fills a neighbourhood nobody has marked yet.
	ZeroRune = '·'
	// WaterRune fills rivers and lakes.
	WaterRune = '~'
)

// Styles colours the map. Every meaning is also carried by a character
// (░▒▓█, ·, ~, the [brackets] of the highlight), so NO_COLOR loses nothing.
type Styles struct {
	// Steps colour the shades ░ ▒ ▓ █, lowest tally first.
	Steps [4]lipgloss.Style
	// Zero colours neighbourhoods without marks.
	Zero lipgloss.Style
	// Water colours rivers and lakes.
	Water lipgloss.Style
	// Label is a neighbourhood's name; WaterLabel a river's or lake's.
	Label, WaterLabel lipgloss.Style
	// Highlight colours the cells of the picked neighbourhood and
	// HighlightLabel its [label].
	Highlight, HighlightLabel lipgloss.Style
	// Legend is the text of the legend line.
	Legend lipgloss.Style
}

// DefaultStyles returns a yellow-to-dark-red scale chosen so that it stays
// in order when downsampled: 256 colours 228, 142, 202, 124 and the 16
// colours bright yellow, yellow, bright red, red.
func DefaultStyles() Styles {
	fg := func(hex string) lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color(hex)) }
	return Styles{
		Steps:          [4]lipgloss.Style{fg("#ffff87"), fg("#c0a000"), fg("#ff5f00"), fg("#af0000")},
		Zero:           fg("#8a8a8a"),
		Water:          fg("#5fafff"),
		Label:          lipgloss.NewStyle().Bold(true),
		WaterLabel:     fg("#5fafff").Italic(true),
		Highlight:      fg("#ff5fff").Bold(true),
		HighlightLabel: lipgloss.NewStyle().Bold(true).Reverse(true),
		Legend:         fg("#8a8a8a"),
	}
}

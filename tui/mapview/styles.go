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

// palette is the colours of one theme, as hex.
type palette struct {
	steps                  [4]string
	zero, water, highlight string
}

// DefaultStyles returns the styles for a dark background: a yellow to
// dark red scale chosen to stay in order when downsampled, in 256 colours
// (228, 142, 202, 124) and in 16 (bright yellow, yellow, bright red, red).
func DefaultStyles() Styles {
	return newStyles(palette{[4]string{"#ffff87", "#c0a000", "#ff5f00", "#af0000"}, "#8a8a8a", "#5fafff", "#ff5fff"})
}

// LightStyles returns the styles for a light background (a projector in a
// bright room): olive to purple, in 16 colours yellow, bright red, red,
// magenta.
func LightStyles() Styles {
	return newStyles(palette{[4]string{"#afaf00", "#d75f00", "#af0000", "#870087"}, "#5f5f5f", "#005faf", "#00af00"})
}

// newStyles builds the styles of palette p.
func newStyles(p palette) Styles {
	fg := func(hex string) lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color(hex)) }
	return Styles{
		Steps:          [4]lipgloss.Style{fg(p.steps[0]), fg(p.steps[1]), fg(p.steps[2]), fg(p.steps[3])},
		Zero:           fg(p.zero),
		Water:          fg(p.water),
		Label:          lipgloss.NewStyle().Bold(true),
		WaterLabel:     fg(p.water).Italic(true),
		Highlight:      fg(p.highlight).Bold(true),
		HighlightLabel: lipgloss.NewStyle().Bold(true).Reverse(true),
		Legend:         fg(p.zero),
	}
}

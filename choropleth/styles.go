// Package choropleth draws a city's map shaded by tallies: a pure
// renderer from an ascii_maps.City and counts to exactly w×h terminal
// cells, for the screens (tui) and the report alike. In
// colour each cell draws two map rows with half blocks; without colour
// (NO_COLOR, plain text) the shade is in the glyph (palette.Patterns).
package choropleth

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"standmap/palette"
)

// Styles is how the map is drawn: the theme's ramp, in the colours the
// terminal's profile allows, and the legend's words. The zero value
// draws patterns without colour, in English.
type Styles struct {
	// Ramp is the theme's colours.
	Ramp palette.Ramp
	// Profile is the terminal's: ASCII and NoTTY draw patterns and no
	// colour, ANSI the ramp's 16-colour picks, ANSI256 and TrueColor its
	// true colours (downsampled to 256 here, never more than allowed).
	Profile colorprofile.Profile
	// Words are the legend's texts.
	Words Words
}

// Words are the map's texts in the interface language.
type Words struct {
	// NoMarks replaces the legend before the first mark.
	NoMarks string
	// Steps says how the classes are cut and when that changes, taking
	// the class width and the scale's top ("steps of %d; changes past %d").
	Steps string
}

// English are the default words.
var English = Words{NoMarks: "no marks yet", Steps: "steps of %d; changes past %d"}

// DefaultStyles returns the dark theme in true colour.
func DefaultStyles() Styles { return NewStyles(palette.Dark, colorprofile.TrueColor) }

// LightStyles returns the light theme in true colour.
func LightStyles() Styles { return NewStyles(palette.Light, colorprofile.TrueColor) }

// NewStyles returns ramp r drawn for a terminal of profile p.
func NewStyles(r palette.Ramp, p colorprofile.Profile) Styles {
	return Styles{Ramp: r, Profile: p, Words: English}
}

// patterns reports whether the map is drawn in glyphs, without colour.
func (st Styles) patterns() bool { return st.Profile < colorprofile.ANSI }

// words returns the legend's words, English when unset.
func (st Styles) words() Words {
	w := st.Words
	if w.NoMarks == "" {
		w.NoMarks = English.NoMarks
	}
	if w.Steps == "" {
		w.Steps = English.Steps
	}
	return w
}

// ink names a colour of the map. Its zero is the terminal's own.
type ink uint8

// The inks; inkZero+c is class c (0 to palette.Classes), inkText+c the
// text written on it.
const (
	inkNone ink = iota
	inkZero
	inkWater      = inkZero + palette.Classes + 1
	inkWave       = inkWater + 1
	inkHighlight  = inkWave + 1
	inkText       = inkHighlight + 1
	inkHighText   = inkText + palette.Classes + 1
	inkCount      = inkHighText + 1
	inkClassFirst = inkZero + 1
)

// colour returns ink k in the profile's colours (nil: the terminal's).
func (st Styles) colour(k ink) color.Color {
	if st.patterns() {
		return nil
	}
	r := st.Ramp
	var c palette.Colour
	switch {
	case k == inkNone:
		return nil
	case k < inkWater:
		c = r.Zero
		if k > inkZero {
			c = r.Steps[k-inkClassFirst]
		}
	case k == inkWater:
		c = r.Water
	case k == inkWave:
		c = r.Wave
	case k == inkHighlight:
		c = r.Highlight
	case k == inkHighText:
		c = r.Ink[0]
	default:
		c = r.Ink[k-inkText]
	}
	if st.Profile == colorprofile.ANSI {
		return ansi.BasicColor(c.ANSI)
	}
	tc := lipgloss.Color(c.Hex)
	if st.Profile == colorprofile.ANSI256 {
		return colorprofile.ANSI256.Convert(tc)
	}
	return tc
}

// look is how one screen cell is drawn.
type look struct {
	fg, bg                ink
	bold, italic, reverse bool
}

// sgr returns the sequence that starts look lk ("" for the plain look,
// and for every look on NoTTY or an unknown profile: plain text).
func (st Styles) sgr(lk look) string {
	if st.Profile <= colorprofile.NoTTY {
		return ""
	}
	s := ansi.Style{}
	if c := st.colour(lk.fg); c != nil {
		s = s.ForegroundColor(c)
	}
	if c := st.colour(lk.bg); c != nil {
		s = s.BackgroundColor(c)
	}
	if lk.bold {
		s = s.Bold()
	}
	if lk.italic && !st.patterns() {
		s = s.Italic(true)
	}
	if lk.reverse {
		s = s.Reverse(true)
	}
	if len(s) == 0 {
		return ""
	}
	return s.String()
}

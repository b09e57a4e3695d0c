package present

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"standmap/choropleth"
	"standmap/i18n"
	"standmap/palette"
)

// ThemeName names a palette of the projection.
type ThemeName string

// The themes. Their colours are ordered scales readable by colour-blind
// viewers (Okabe–Ito hues, viridis-like steps; no red–green opposition),
// and whatever a colour says a character says too (░▒▓█, ▲, [ ]), so
// NO_COLOR loses nothing.
const (
	// Dark is light text on a dark background.
	Dark ThemeName = "dark"
	// Light is dark text on a light background: projectors wash out dark.
	Light ThemeName = "light"
	// Contrast uses no colour at all, only the terminal's own, bold and
	// reverse video.
	Contrast ThemeName = "contrast"
)

// Themes lists the themes in the order the theme key cycles them.
var Themes = []ThemeName{Dark, Light, Contrast}

// ParseTheme returns the theme named s.
func ParseTheme(s string) (ThemeName, error) {
	for _, t := range Themes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown theme %q: use dark, light or contrast", s)
}

// next returns the theme after t.
func (t ThemeName) next() ThemeName {
	for i, u := range Themes {
		if u == t {
			return Themes[(i+1)%len(Themes)]
		}
	}
	return Dark
}

// styles holds everything the projection draws with, by meaning.
type styles struct {
	fg, bg  color.Color // the screen's colours (nil: the terminal's)
	Figure  paint
	Word    paint
	Caption paint
	Title   paint
	Bar     paint
	Rose    paint
	Muted   paint
	Join    paint
	Status  paint
}

// mapStyles returns the map's styles of theme t for a terminal of
// profile p: the palette's ramp, and patterns without colour (the
// contrast theme, NO_COLOR).
func mapStyles(t ThemeName, p colorprofile.Profile, lang string) choropleth.Styles {
	r := palette.Dark
	switch t {
	case Light:
		r = palette.Light
	case Contrast:
		p = min(p, colorprofile.ASCII)
	}
	st := choropleth.NewStyles(r, p)
	st.Words = choropleth.Words{NoMarks: tr(lang, i18n.MapNoMarks), Steps: tr(lang, i18n.MapSteps)}
	return st
}

// paint is a one-line style whose escape sequences are worked out once,
// so that drawing with it costs a concatenation.
type paint struct{ pre, post string }

// newPaint works out the sequences that open and close st.
func newPaint(st lipgloss.Style) paint {
	out := st.Render("X")
	i := strings.Index(out, "X")
	if i < 0 {
		return paint{}
	}
	return paint{out[:i], out[i+1:]}
}

// Render returns one line of plain text in the style.
func (p paint) Render(s string) string {
	if s == "" || p.pre == "" && p.post == "" {
		return s
	}
	return p.pre + s + p.post
}

// colours are the colours of a theme as hex ("" = the terminal's own).
type colours struct {
	fg, bg, figure, bar, rose, muted string
}

var palettes = map[ThemeName]colours{
	// Okabe–Ito sky blue and orange; viridis steps rising in lightness.
	Dark: {fg: "#ffffff", bg: "#000000", figure: "#f0e442", bar: "#56b4e9", rose: "#e69f00", muted: "#a8a8a8"},
	// Okabe–Ito blue and vermillion; blue to purple steps darkening.
	Light:    {fg: "#000000", bg: "#ffffff", figure: "#0072b2", bar: "#0072b2", rose: "#d55e00", muted: "#4e4e4e"},
	Contrast: {},
}

// newStyles returns the styles of theme t.
func newStyles(t ThemeName) styles {
	p, ok := palettes[t]
	if !ok {
		p = palettes[Dark]
	}
	fg := func(hex string) lipgloss.Style {
		if hex == "" {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(lipgloss.Color(hex))
	}
	figure, caption, rose := fg(p.figure).Bold(true), fg(p.muted), fg(p.rose).Bold(true)
	if t == Contrast {
		rose = lipgloss.NewStyle().Bold(true).Reverse(true)
	}
	st := styles{
		Figure: newPaint(figure), Word: newPaint(fg(p.fg).Bold(true)), Caption: newPaint(caption),
		Title: newPaint(figure), Bar: newPaint(fg(p.bar)), Rose: newPaint(rose),
		Muted: newPaint(caption), Join: newPaint(fg(p.fg).Bold(true)), Status: newPaint(caption),
	}
	if p.fg != "" {
		st.fg, st.bg = lipgloss.Color(p.fg), lipgloss.Color(p.bg)
	}
	return st
}

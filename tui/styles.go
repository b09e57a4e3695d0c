package tui

import (
	"image/color"
	"strings"
	"sync"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"standmap/choropleth"
	"standmap/palette"
)

// Theme picks the palette: dark or light terminal background.
type Theme int

// The themes.
const (
	// Auto follows the terminal's reported background (dark until told).
	Auto Theme = iota
	// Dark suits a dark terminal background.
	Dark
	// Light suits a light background, e.g. a projector in a bright room.
	Light
)

// Styles holds every style the interface draws with, by meaning. Colours are
// the 16 basic ANSI ones, so they survive small palettes; whatever colour
// says is also said by a character (▸, ✓, !) or an attribute (reverse,
// bold), so NO_COLOR loses nothing.
type Styles struct {
	// Title is a screen's or panel's title.
	Title Style
	// Header is the top line.
	Header Style
	// Bar draws the bars of the charts.
	Bar Style
	// BarAlt draws the bar of the neighbourhood in focus.
	BarAlt Style
	// Text is what the room reads: names of places, wishes.
	Text Style
	// Muted is secondary text: hints, categories.
	Muted Style
	// Danger is an error message.
	Danger Style
	// Success is a confirmation ("saved #12 ✓").
	Success Style
	// Accent marks what is active: the focused field's label.
	Accent Style
	// Selected is the selected row of a list (also marked with ▸).
	Selected Style
	// Panel draws a panel's frame; PanelFocus the focused one's.
	Panel, PanelFocus Style
	// Input is the text of an input field.
	Input Style
	// Cursor is the block cursor of the focused text field.
	Cursor Style
	// Help styles the help bar and the full help.
	Help help.Styles
	// Map draws the city map: the palette's ramp in the terminal's
	// colours (set by the model when it learns the profile).
	Map choropleth.Styles
}

// NewStyles returns the styles of theme t.
func NewStyles(t Theme) Styles {
	var fg, accent, muted, bar, danger, ok color.Color
	if t == Light {
		fg, accent, muted, bar = lipgloss.Black, lipgloss.Blue, lipgloss.BrightBlack, lipgloss.Blue
		danger, ok = lipgloss.Red, lipgloss.Green
	} else {
		fg, accent, muted, bar = lipgloss.BrightWhite, lipgloss.BrightCyan, lipgloss.BrightBlack, lipgloss.Cyan
		danger, ok = lipgloss.BrightRed, lipgloss.BrightGreen
	}
	keyStyle := lipgloss.NewStyle().Foreground(accent)
	desc := lipgloss.NewStyle().Foreground(muted)
	hs := help.Styles{ShortKey: keyStyle, ShortDesc: desc, ShortSeparator: desc, Ellipsis: desc,
		FullKey: keyStyle, FullDesc: desc, FullSeparator: desc}
	return Styles{
		Map:        choropleth.NewStyles(palette.For(t == Light), colorprofile.TrueColor),
		Help:       hs,
		Title:      newStyle(lipgloss.NewStyle().Bold(true).Foreground(fg)),
		Header:     newStyle(lipgloss.NewStyle().Bold(true)),
		Bar:        newStyle(lipgloss.NewStyle().Foreground(bar)),
		BarAlt:     newStyle(lipgloss.NewStyle().Foreground(accent).Bold(true)),
		Text:       newStyle(lipgloss.NewStyle().Foreground(fg)),
		Muted:      newStyle(lipgloss.NewStyle().Foreground(muted)),
		Danger:     newStyle(lipgloss.NewStyle().Foreground(danger).Bold(true)),
		Success:    newStyle(lipgloss.NewStyle().Foreground(ok)),
		Accent:     newStyle(lipgloss.NewStyle().Foreground(accent).Bold(true)),
		Selected:   newStyle(lipgloss.NewStyle().Reverse(true)),
		Panel:      newStyle(lipgloss.NewStyle().Foreground(muted)),
		PanelFocus: newStyle(lipgloss.NewStyle().Foreground(accent)),
		Input:      newStyle(lipgloss.NewStyle().Foreground(fg)),
		Cursor:     newStyle(lipgloss.NewStyle().Foreground(fg).Reverse(true)),
	}
}

// styleKey is what a session's styles depend on.
type styleKey struct {
	theme   Theme
	profile colorprofile.Profile
	lang    string
}

// styled are the styles and help bars made so far, shared by every
// session that draws with them (they are never changed).
var styled sync.Map // styleKey → styledEntry

type styledEntry struct {
	st   *Styles
	help *help.Model
}

// sharedStyles returns the styles of theme t (Light or dark) on a
// terminal of profile p, the map's legend in lang, and a help bar drawn
// with them: made once, shared by every session.
func sharedStyles(t Theme, p colorprofile.Profile, lang string) (*Styles, *help.Model) {
	k := styleKey{t, p, lang}
	if e, ok := styled.Load(k); ok {
		e := e.(styledEntry)
		return e.st, e.help
	}
	st := NewStyles(t)
	st.Map = mapStyles(t == Light, p, lang)
	h := help.New()
	h.Styles = st.Help
	e, _ := styled.LoadOrStore(k, styledEntry{&st, &h})
	return e.(styledEntry).st, e.(styledEntry).help
}

// Style is a Lip Gloss style whose escape sequences are worked out once, so
// that drawing with it costs a concatenation: View stays cheap.
type Style struct {
	lipgloss.Style
	pre, post string
}

// newStyle works out the sequences that open and close s.
func newStyle(s lipgloss.Style) Style {
	out := s.Render("X")
	i := strings.Index(out, "X")
	if i < 0 {
		return Style{Style: s}
	}
	return Style{Style: s, pre: out[:i], post: out[i+1:]}
}

// Render returns text (one line) in the style.
func (s Style) Render(text string) string {
	if text == "" || s.pre == "" && s.post == "" {
		return text
	}
	return s.pre + text + s.post
}

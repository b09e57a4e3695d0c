package tui

import (
	"strings"

	"github.com/charmbracelet/colorprofile"

	"standmap/ascii_maps"
	"standmap/choropleth"
	"standmap/i18n"
	"standmap/model"
	"standmap/palette"
)

// mapDrawer draws the city's map in styles st, shaded by a snapshot's
// counts in exactly w×h, marking the neighbourhood highlight.
type mapDrawer func(st choropleth.Styles, s *model.Snapshot, highlight string, w, h int) []string

// mapViewFor returns the drawer of city c's map (nil when c has no grid).
// The renderer keeps its last drawing, keyed by the snapshot's version, so
// redrawing an unchanged board costs nothing; snapshots without a version
// (tests) are drawn afresh.
func mapViewFor(c *ascii_maps.City) mapDrawer {
	if c == nil || c.Grid.Width == 0 || c.Grid.Height == 0 {
		return nil
	}
	r := choropleth.NewRenderer(c, choropleth.DefaultStyles())
	return func(st choropleth.Styles, s *model.Snapshot, highlight string, w, h int) []string {
		var out string
		if s.Version == 0 {
			out = choropleth.Render(c, s.Counts, 0, w, h, st, highlight)
		} else {
			r.SetStyles(st)
			out = r.Render(s.Counts, s.Version, 0, w, h, highlight)
		}
		return strings.Split(out, "\n")
	}
}

// mapStyles returns the map's styles for a light or dark background on a
// terminal of profile p, with the legend in lang.
func mapStyles(light bool, p colorprofile.Profile, lang string) choropleth.Styles {
	st := choropleth.NewStyles(palette.For(light), p)
	st.Words = choropleth.Words{NoMarks: tr(lang, i18n.MapNoMarks), Steps: tr(lang, i18n.MapSteps)}
	return st
}

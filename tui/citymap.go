package tui

import (
	"strings"

	"standmap/ascii_maps"
	"standmap/model"
	"standmap/tui/mapview"
)

// mapDrawer draws the city's map shaded by a snapshot's counts in exactly
// w×h, marking the neighbourhood highlight.
type mapDrawer func(s *model.Snapshot, highlight string, w, h int) []string

// mapViewFor returns the drawer of city c's map (nil when c has no grid).
// The renderer keeps its last drawing, keyed by the snapshot's version, so
// redrawing an unchanged board costs nothing; snapshots without a version
// (tests) are drawn afresh.
func mapViewFor(c *ascii_maps.City) mapDrawer {
	if c == nil || c.Grid.Width == 0 || c.Grid.Height == 0 {
		return nil
	}
	st := mapview.DefaultStyles()
	r := mapview.NewRenderer(c, st)
	return func(s *model.Snapshot, highlight string, w, h int) []string {
		var out string
		if s.Version == 0 {
			out = mapview.Render(c, s.Counts, 0, w, h, st, highlight)
		} else {
			out = r.Render(s.Counts, s.Version, 0, w, h, highlight)
		}
		return strings.Split(out, "\n")
	}
}

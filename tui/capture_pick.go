package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/ascii_maps"
)

// Choosing a neighbourhood on the map with the arrow keys, in the
// capture form (ctrl+g: its own key, so an arrow never opens it unasked).

// startPick marks a neighbourhood on the map for the arrow keys to move
// from: the selected suggestion, else the last mark's, else the one
// nearest the middle of the city. The place field keeps its text.
func (c Capture) startPick() Capture {
	if c.city == nil {
		return c
	}
	start := ""
	switch {
	case len(c.matches) > 0:
		start = c.matches[min(c.placeSel, len(c.matches)-1)].Name
	case len(c.marks) > 0 && c.marks[len(c.marks)-1].Neighbourhood != "":
		start = c.marks[len(c.marks)-1].Neighbourhood
	default:
		start = middleOf(c.city)
	}
	c.focus, c.pickAt = focusMapPick, start
	c.note, c.noteBad = "", false
	return c
}

// updatePick moves the mark on the map: arrows move it (City.Move), Enter
// takes it as if typed and chosen, esc, q or the map key again leave the
// place as it was; typing goes back to the place field, typed.
func (c Capture) updatePick(msg tea.Msg) Capture {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // a paste: typed into the place field
		c.focus = focusPlace
		return c.updatePlace(msg)
	}
	dirs := map[string]ascii_maps.Direction{"up": ascii_maps.Up, "down": ascii_maps.Down, "left": ascii_maps.Left, "right": ascii_maps.Right}
	switch {
	case key.Matches(k, c.keys.MapMove):
		c.pickAt = c.city.Move(c.pickAt, dirs[k.String()])
		return c
	case key.Matches(k, c.keys.Enter):
		return c.placeChosen(c.pickAt)
	case key.Matches(k, c.keys.Back), key.Matches(k, c.keys.MapPick), k.String() == "q":
		c.focus, c.pickAt = focusPlace, ""
		return c
	case k.Text != "" && k.Mod&^tea.ModShift == 0, k.String() == "backspace":
		c.focus, c.pickAt = focusPlace, ""
		return c.updatePlace(msg)
	}
	return c
}

// middleOf returns the neighbourhood whose centre is nearest the middle
// of the city's cells: where choosing on the map starts.
func middleOf(city *ascii_maps.City) string {
	var sc, sr, n float64
	for _, a := range city.Areas {
		sc += a.CentreCol * float64(a.Cells)
		sr += a.CentreRow * float64(a.Cells)
		n += float64(a.Cells)
	}
	if n == 0 {
		return city.Neighbourhoods[0].Name
	}
	sc, sr = sc/n, sr/n
	best, bestD := 0, -1.0
	for i, a := range city.Areas {
		if a.Cells == 0 {
			continue
		}
		dc, dr := a.CentreCol-sc, 2*(a.CentreRow-sr)
		if d := dc*dc + dr*dr; bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return city.Neighbourhoods[best].Name
}

package present

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
)

const (
	// minPlaceColumn is the narrowest column of wishes by neighbourhood.
	minPlaceColumn = 32
	// wishesPerPlace is how many wishes each neighbourhood shows.
	wishesPerPlace = 3
)

// byPlacePanel draws, under a title in h lines of w cells, the top wishes
// of each neighbourhood in ranked order (city-wide ones last), in as many
// columns as fit; neighbourhoods that do not fit are left out.
func (m Model) byPlacePanel(w, h int) []string {
	out := titled(m.styles.Title, tr(m.opts.Lang, i18n.PresentByPlace), w)
	rows := h - len(out)
	if m.snap == nil || rows <= 0 {
		return fill(out, w, h)
	}
	cols := max(1, min(4, (w+gap)/(minPlaceColumn+gap)))
	colW := (w - gap*(cols-1)) / cols
	widths := make([]int, cols)
	for i := range widths {
		widths[i] = colW
	}
	widths[cols-1] = w - (cols-1)*(colW+gap)
	blocks := make([][]string, cols)
	c := 0
	place := func(name string, count int) bool {
		ws := m.snap.ByNeighbourhood[name]
		if len(ws) == 0 {
			return true
		}
		block := m.placeBlock(name, count, ws, widths[c])
		for len(blocks[c])+len(block)-1 > rows { // the blank line may drop
			if c++; c == cols {
				return false
			}
			block = m.placeBlock(name, count, ws, widths[c])
		}
		blocks[c] = append(blocks[c], block...)
		return true
	}
	for _, n := range m.snap.Neighbourhoods {
		if n.Count > 0 && !place(n.Name, n.Count) {
			break
		}
	}
	if c < cols {
		place("", 0)
	}
	if len(blocks[0]) == 0 {
		out = append(out, cell(m.styles.Muted, tr(m.opts.Lang, i18n.PresentNoWishes), w))
	}
	return fill(append(out, beside(rows, widths, blocks...)...), w, h)
}

// placeTop returns the largest count of a wish in any neighbourhood: the
// one scale of the panel's bars, so that equal counts draw equal bars.
func (m Model) placeTop() int {
	top := 1
	for _, ws := range m.snap.ByNeighbourhood {
		if len(ws) > 0 {
			top = max(top, ws[0].Count)
		}
	}
	return top
}

// placeBlock draws one neighbourhood's name and count ("" is city-wide),
// its top wishes indented, and a blank line, each line w cells.
func (m Model) placeBlock(name string, count int, ws []model.WishCount, w int) []string {
	head := strings.ToUpper(model.Sanitize(name))
	if name == "" {
		head = tr(m.opts.Lang, i18n.PresentCityWide)
	} else {
		head += " · " + strconv.Itoa(count)
	}
	out := []string{cell(m.styles.Word, head, w)}
	for _, line := range m.wishRows(ws, false, w-2, wishesPerPlace, m.placeTop()) {
		out = append(out, "  "+line)
	}
	return append(out, spaces(w))
}

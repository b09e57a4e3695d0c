package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/choropleth"
	"standmap/i18n"
	"standmap/model"
)

// Board shows the live results: a bar chart of every neighbourhood and the
// ranked wishes, overall or filtered to one neighbourhood.
type Board struct {
	keys *KeyMap
	gaz  *model.Gazetteer
	// offset is the first bar shown.
	offset int
	// filter names the neighbourhood the ranking is narrowed to ("" = all).
	filter string
	// picking: the filter's place field has focus.
	picking bool
	query   field
	city    string // the map's title
	cache   *boardCache
	sel     int
	matches []model.Neighbourhood
	// mapView draws the city map, or is nil; gridW×gridH are its grid's
	// cells, for its proportions.
	mapView      mapDrawer
	gridW, gridH int
	// mark is the neighbourhood being chosen on the map in the form; it
	// is highlighted (map and bar) instead of the filter's.
	mark string
}

// NewBoard returns a board over the neighbourhoods of gaz.
func NewBoard(keys *KeyMap, gaz *model.Gazetteer) Board {
	return Board{keys: keys, gaz: gaz, query: field{limit: 60}, cache: &boardCache{}}
}

// Typing reports whether a text field of the board has focus.
func (b Board) Typing() bool { return b.picking }

// StartFilter puts the focus on the filter's place field.
func (b Board) StartFilter() Board {
	b.picking, b.sel, b.matches = true, 0, nil
	b.query.SetValue("")
	return b
}

// Update handles a key while the board has focus.
func (b Board) Update(msg tea.Msg) (Board, tea.Cmd) {
	if b.picking {
		return b.updatePicking(msg), nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return b, nil
	}
	switch {
	case key.Matches(k, b.keys.Filter):
		return b.StartFilter(), nil
	case key.Matches(k, b.keys.Back):
		b.filter = ""
	case key.Matches(k, b.keys.Down):
		b.offset++
	case key.Matches(k, b.keys.Up):
		b.offset = max(0, b.offset-1)
	case key.Matches(k, b.keys.PageDown):
		b.offset += 10
	case key.Matches(k, b.keys.PageUp):
		b.offset = max(0, b.offset-10)
	}
	if b.gaz != nil {
		b.offset = min(b.offset, max(0, b.gaz.Len()-1))
	}
	return b, nil
}

// updatePicking edits the filter's place field.
func (b Board) updatePicking(msg tea.Msg) Board {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, b.keys.Back):
			b.picking = false
			return b
		case key.Matches(k, b.keys.Up):
			b.sel = max(0, b.sel-1)
			return b
		case key.Matches(k, b.keys.Down):
			b.sel = min(max(0, len(b.matches)-1), b.sel+1)
			return b
		case key.Matches(k, b.keys.Enter):
			if len(b.matches) > 0 {
				b.filter = b.matches[b.sel].Name
			} else if b.query.Empty() {
				b.filter = ""
			}
			b.picking = false
			return b
		}
	}
	if b.query.update(msg).changed && b.gaz != nil {
		b.matches = b.gaz.Search(b.query.Value())
		if len(b.matches) > 5 {
			b.matches = b.matches[:5]
		}
		b.sel = 0
	}
	return b
}

// boardKey is everything a drawing of the board depends on.
type boardKey struct {
	snap                *model.Snapshot
	w, h, offset, sel   int
	filter, query, lang string
	picking             bool
	palette             string // the styles, by one of their sequences
	mark                string
	mapSt               choropleth.Styles
}

// boardCache keeps the last drawing: typing in the form redraws the screen
// but not the board. View is only ever called from one goroutine.
type boardCache struct {
	key   boardKey
	lines []string
}

// View draws the board in exactly h lines of w cells.
func (b Board) View(st Styles, lang string, s *model.Snapshot, w, h int) []string {
	k := boardKey{s, w, h, b.offset, b.sel, b.filter, b.query.Value(), lang, b.picking, st.Bar.pre + st.Title.pre, b.mark, st.Map}
	if b.cache != nil && b.cache.lines != nil && b.cache.key == k {
		return b.cache.lines
	}
	lines := b.draw(st, lang, s, w, h)
	if b.cache != nil {
		b.cache.key, b.cache.lines = k, lines
	}
	return lines
}

// draw draws the board afresh.
func (b Board) draw(st Styles, lang string, s *model.Snapshot, w, h int) []string {
	if s == nil {
		s = &model.Snapshot{}
	}
	wishes := s.Wishes
	title := tr(lang, i18n.AppWants)
	if b.filter != "" {
		wishes = s.ByNeighbourhood[b.filter]
		title += " · " + tr(lang, i18n.AppFilter, model.Sanitize(b.filter))
	}
	lay := b.layout(s, w, h)
	out := append([]string(nil), b.barsAndMap(st, lang, s, w, lay)...)
	if lay.rankH > 0 {
		var lines []string
		if b.picking {
			lines = append(lines, st.Accent.Render(tr(lang, i18n.AppFilterPick)+" > ")+b.query.View(max(2, w-6-len(tr(lang, i18n.AppFilterPick))), true, st.Input, st.Cursor))
			for i, n := range b.matches {
				lines = append(lines, choice(st, n.Name, i == b.sel))
			}
		}
		lines = append(lines, Ranking{Wishes: wishes}.View(st, lang, w-2, lay.rankH-2-len(lines))...)
		out = append(out, box(lines, title, w, lay.rankH, st.Panel, st.Title)...)
	}
	return out
}

// boardLayout is how a board shares its space: the bars (and the map
// beside them, mapW wide, when there is room) take topH lines, the
// ranking the rankH below.
type boardLayout struct {
	topH, rankH int
	mapW        int // 0: no map
}

// Sizes of the board's parts.
const (
	minBarsW    = 37 // the narrowest bar chart beside the map
	minMapW     = 34 // the narrowest map worth drawing beside the bars
	minMapH     = 12 // its fewest lines
	minMapBoard = 26 // the lowest board with a map: at 80×24 the bars keep the room
)

// wishRowsFor returns how many ranked wishes a board h lines tall keeps
// room for: more as it grows, so the space goes to information.
func wishRowsFor(h int) int {
	switch {
	case h >= 60:
		return 15
	case h >= 30:
		return 8
	}
	return 5
}

// layout shares w×h between the bars, the map and the ranking. The
// ranking keeps room for a few wishes; the map, when it fits beside bars
// of minBarsW, grows with the space as wide as its proportions allow and
// the ranking takes the lines it leaves.
func (b Board) layout(s *model.Snapshot, w, h int) boardLayout {
	wishRows := len(s.Wishes)
	if b.filter != "" {
		wishRows = len(s.ByNeighbourhood[b.filter])
	}
	want := wishRowsFor(h)
	rankMin := min(max(wishRows, 1), want) + 2
	if wishRows > want {
		rankMin++ // "…N more"
	}
	if b.picking {
		rankMin += 1 + len(b.matches)
	}
	rows := len(s.Neighbourhoods)
	lay := boardLayout{topH: max(3, min(rows+2, h-rankMin))}
	if b.mapView != nil && b.gridW > 0 && w-minBarsW >= minMapW && h >= minMapBoard && h-rankMin >= minMapH {
		topH := h - rankMin
		// As wide as the lines allow (a grid cell is a terminal cell),
		// leaving the bars their room.
		mw := min(w-minBarsW, (topH-3)*b.gridW/b.gridH+2)
		if mw >= minMapW {
			need := (mw-2)*b.gridH/b.gridW + 1 + 3 // map rows, legend, frame
			lay.mapW = mw
			lay.topH = min(topH, max(need, min(rows+2, topH)))
		}
	}
	lay.rankH = h - lay.topH
	if lay.rankH < 3 {
		lay.topH, lay.rankH = h, 0
	}
	return lay
}

// ShowsMap reports whether the board drawn in w×h shows the map.
func (b Board) ShowsMap(s *model.Snapshot, w, h int) bool {
	if s == nil {
		s = &model.Snapshot{}
	}
	return b.layout(s, w, h).mapW > 0
}

// barsAndMap draws the bar chart panel, with the map beside it when the
// layout has room for it.
func (b Board) barsAndMap(st Styles, lang string, s *model.Snapshot, w int, lay boardLayout) []string {
	h := lay.topH
	hl := b.filter
	if b.mark != "" {
		hl = b.mark
	}
	chart := BarChart{Rows: s.Neighbourhoods, Max: s.MaxCount, Offset: b.offset, Highlight: hl}
	// Keep the highlighted neighbourhood's bar in view.
	if rows := h - 3; hl != "" && rows > 0 {
		for i, n := range s.Neighbourhoods {
			if n.Name == hl && (i < chart.Offset || i >= chart.Offset+rows) {
				chart.Offset = max(0, i-rows+1)
			}
		}
	}
	if mw := lay.mapW; mw > 0 {
		bw := w - mw
		bars := box(chart.View(st, lang, bw-2, h-2), tr(lang, i18n.AppWhere), bw, h, st.Panel, st.Title)
		m := box(b.mapView(st.Map, s, hl, mw-2, h-2), b.city, mw, h, st.Panel, st.Title)
		return beside([]int{bw, mw}, bars, m)
	}
	return box(chart.View(st, lang, w-2, h-2), tr(lang, i18n.AppWhere), w, h, st.Panel, st.Title)
}

// choice draws one row of a pick list: ▸ and reverse when selected, so the
// selection shows without colour too.
func choice(st Styles, text string, selected bool) string {
	if selected {
		return " ▸ " + st.Selected.Render(model.Sanitize(text))
	}
	return "   " + model.Sanitize(text)
}

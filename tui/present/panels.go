package present

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/bars"
)

// minBarColumn is the narrowest column of the bar chart.
const minBarColumn = 30

// barsPanel draws the ranked neighbourhoods as bars in h lines of w
// cells: a title, then as many columns as the rows need and the width
// allows, "…N more" when even they run short.
func (m Model) barsPanel(w, h int) []string {
	out := titled(m.styles.Title, tr(m.opts.Lang, i18n.PresentWhere), w)
	rows := h - len(out)
	if m.snap == nil || len(m.snap.Neighbourhoods) == 0 || rows <= 0 {
		return fill(append(out, cell(m.styles.Muted, tr(m.opts.Lang, i18n.PresentNoMarks), w)), w, h)
	}
	ns := m.snap.Neighbourhoods
	cols := min((len(ns)+rows-1)/rows, max(1, (w+gap)/(minBarColumn+gap)))
	colW := (w - gap*(cols-1)) / cols
	shown, more := len(ns), 0
	if len(ns) > cols*rows {
		shown = cols*rows - 1
		more = len(ns) - shown
	}
	nameW := 0
	for _, n := range ns[:shown] {
		nameW = max(nameW, textWidth(model.Sanitize(n.Name)))
	}
	top := max(m.snap.MaxCount, 1)
	countW := len(strconv.Itoa(top))
	nameW = max(1, min(nameW, colW-countW-10))
	barW := max(0, colW-2-nameW-1-1-countW)
	blocks := make([][]string, cols)
	widths := make([]int, cols)
	for i := range cols {
		widths[i] = colW
		if i == cols-1 {
			widths[i] = w - (cols-1)*(colW+gap)
		}
	}
	for i, n := range ns[:shown] {
		c := i / rows
		blocks[c] = append(blocks[c], m.barRow(n, top, widths[c], nameW, barW, countW))
	}
	if more > 0 {
		c := cols - 1
		blocks[c] = append(blocks[c], cell(m.styles.Muted, tr(m.opts.Lang, i18n.PresentMore, more), widths[c]))
	}
	return append(out, beside(rows, widths, blocks...)...)
}

// barRow draws one neighbourhood's bar in exactly w cells: ▲ when its
// count just rose, the name, the bar and the count.
func (m Model) barRow(n model.NeighbourhoodCount, top, w, nameW, barW, countW int) string {
	st := m.styles
	mark, name, bar := "  ", st.Word, st.Bar
	if m.Rose(n.Name) {
		mark, name, bar = "▲ ", st.Rose, st.Rose
	}
	b := bars.Horizontal(n.Count, top, barW)
	var s strings.Builder
	s.WriteString(cell(st.Rose, mark, 2))
	s.WriteString(cell(name, model.Sanitize(n.Name), nameW))
	s.WriteByte(' ')
	s.WriteString(cell(bar, b, barW))
	s.WriteByte(' ')
	s.WriteString(right(st.Muted, strconv.Itoa(n.Count), countW))
	s.WriteString(spaces(w - 2 - nameW - 2 - barW - countW))
	return s.String()
}

// mapPanel draws the shaded map under a title in h lines of w cells; the
// neighbourhood that rose highest in the ranking is marked.
func (m Model) mapPanel(w, h int) []string {
	out := titled(m.styles.Title, tr(m.opts.Lang, i18n.PresentMap), w)
	if m.maps == nil || h <= len(out) {
		return fill(out, w, h)
	}
	highlight := ""
	if m.changed != nil {
		for _, n := range m.snap.Neighbourhoods {
			if m.Rose(n.Name) {
				highlight = n.Name
				break
			}
		}
	}
	drawn := m.maps.Render(m.counts, m.drawn, 0, w, h-len(out), highlight)
	return fill(append(out, strings.Split(drawn, "\n")...), w, h)
}

// mapRows returns the lines the map panel needs at width w: the title,
// the map in its proportions and the legend (0 without a map).
func (m Model) mapRows(w int) int {
	if m.opts.City == nil || m.opts.City.Grid.Width == 0 {
		return 0
	}
	g := m.opts.City.Grid
	return 1 + (w*g.Height+g.Width-1)/g.Width + 1
}

// wishRows draws up to h ranked wishes in lines of w cells: rank, text,
// bar and count, the bars on a scale to top (0: the first wish's count).
// A long text is cut with "…" so that the bars keep half the width.
func (m Model) wishRows(ws []model.WishCount, rank bool, w, h, top int) []string {
	st := m.styles
	n := min(len(ws), h)
	if n == 0 {
		return nil
	}
	if top <= 0 {
		top = max(ws[0].Count, 1)
	}
	countW := len(strconv.Itoa(top))
	rankW := 0
	if rank {
		rankW = 2 + len(strconv.Itoa(n)) + 2 // "▲ 10. "
	}
	textW := 0
	for _, wc := range ws[:n] {
		textW = max(textW, textWidth(model.Sanitize(wc.Text)))
	}
	most := w - rankW - countW - 2 - max(min(8, w/4), (w-rankW)/2)
	if !rank { // blocks side by side: one text column, so one bar length a count
		textW = most
	}
	textW = max(1, min(textW, most))
	barW := max(0, w-rankW-textW-countW-2)
	out := make([]string, 0, n)
	for i, wc := range ws[:n] {
		var s strings.Builder
		text := st.Word
		if rank {
			mark := "  "
			if m.roseWish(wc.Key) {
				mark, text = "▲ ", st.Rose
			}
			s.WriteString(cell(st.Rose, mark, 2))
			s.WriteString(right(st.Muted, strconv.Itoa(i+1)+". ", rankW-2))
		}
		s.WriteString(cell(text, model.Sanitize(wc.Text), textW))
		s.WriteByte(' ')
		s.WriteString(cell(st.Bar, bars.Horizontal(wc.Count, top, barW), barW))
		s.WriteByte(' ')
		s.WriteString(right(st.Muted, strconv.Itoa(wc.Count), countW))
		out = append(out, s.String()+spaces(w-rankW-textW-barW-countW-2))
	}
	return out
}

// wishesPanel draws the top wishes under a title in h lines of w cells:
// the top 10, or up to 20 when the lines are there.
func (m Model) wishesPanel(w, h int) []string {
	var ws []model.WishCount
	if m.snap != nil {
		ws = m.snap.Wishes
	}
	n := min(len(ws), h-1, 20)
	title := tr(m.opts.Lang, i18n.PresentTopWishes)
	if n > 10 {
		title = tr(m.opts.Lang, i18n.PictureTopWishes)
	} else {
		n = min(n, 10)
	}
	out := titled(m.styles.Title, title, w)
	n = min(n, h-len(out))
	if len(ws) == 0 {
		out = append(out, cell(m.styles.Muted, tr(m.opts.Lang, i18n.PresentNoWishes), w))
	}
	return fill(append(out, m.wishRows(ws, true, w, n, 0)...), w, h)
}

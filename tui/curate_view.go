package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"standmap/model"
)

// View draws the title, the list around the selection, the status line
// and the keys.
func (c Curate) View() tea.View {
	v := tea.NewView(strings.Join(c.lines(), "\n"))
	v.AltScreen = true
	v.WindowTitle = c.tr(msgCurateWindow)
	return v
}

// lines returns exactly h lines of at most w cells.
func (c Curate) lines() []string {
	w, h := c.w, c.h
	if w < 20 || h < 5 {
		out := make([]string, max(h, 1))
		out[0] = fit(c.tr(msgTooSmall, 20, 5), w)
		return out
	}
	out := []string{fit(c.st.Title.Render(c.tr(msgCurateTitle, model.Sanitize(c.o.Event))), w), ""}
	dh := 0
	if c.o.Reader != nil && h-4-detailHeight(h) >= 3 {
		dh = detailHeight(h)
	}
	list := h - 4 - dh
	if len(c.rows) == 0 {
		out = append(out, fit(c.st.Muted.Render(c.tr(msgNoWishes)), w))
	}
	first := max(0, min(c.sel-list/2, len(c.rows)-list))
	for i := first; i < len(c.rows) && i < first+list; i++ {
		out = append(out, c.row(i, w))
	}
	for len(out) < h-2-dh {
		out = append(out, "")
	}
	out = append(out, c.detailLines(w, dh)...)
	status := c.st.Success.Render(c.status)
	if c.failed {
		status = c.st.Danger.Render("! " + c.status)
	}
	out = append(out, fit(status, w))
	c.help.SetWidth(w - 1)
	return append(out, fit(" "+c.help.ShortHelpView(c.keys.ShortHelp()), w))
}

// row draws line i: selection, mark, count, text, key and state.
func (c Curate) row(i, w int) string {
	r := c.rows[i]
	sel, mark := "  ", "  "
	if i == c.sel {
		sel = "▸ "
	}
	if c.marked[r.Key] {
		mark = "✓ "
	}
	state := r.Category
	if r.held {
		state = c.tr(msgCurateHeld)
		if model.Flagged(r.Key) {
			state = c.tr(msgCurateHeldFlag)
		}
	}
	line := sel + mark + padLeft(strconv.Itoa(r.Count), 5) + "  " + model.Sanitize(r.Text)
	tail := "  " + model.Sanitize(r.Key) + "  " + state
	line = fit(line, max(0, w-width(tail)))
	if i == c.sel {
		return c.st.Selected.Render(fit(line+tail, w))
	}
	return fit(line+c.st.Muted.Render(tail), w)
}

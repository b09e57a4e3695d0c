package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
)

// View draws the title, the list around the selection (or the category
// list, the suggestions, every key), the selected group's details, the
// status line and the keys.
func (c Curate) View() tea.View {
	v := tea.NewView(strings.Join(c.lines(), "\n"))
	v.AltScreen = true
	v.WindowTitle = c.tr(i18n.AppCurateWindow)
	return v
}

// lines returns exactly h lines of at most w cells.
func (c Curate) lines() []string {
	w, h := c.w, c.h
	if w < 20 || h < 5 {
		out := make([]string, max(h, 1))
		out[0] = fit(c.tr(i18n.TooSmall, 20, 5), w)
		return out
	}
	help := c.helpLines(w, h)
	dh := 0
	if c.o.Reader != nil && h-3-len(help)-detailHeight(h) >= 3 {
		dh = detailHeight(h)
	}
	out := []string{fit(c.st.Title.Render(c.tr(i18n.AppCurateTitle, model.Sanitize(c.o.Event))), w), ""}
	out = append(out, c.body(w, h-3-len(help)-dh)...)
	out = append(out, c.detailLines(w, dh)...)
	status := c.st.Success.Render(c.status)
	if c.failed {
		status = c.st.Danger.Render("! " + c.status)
	}
	out = append(out, fit(status, w))
	return append(out, help...)
}

// helpLines draws the mode's help bar, wrapped at the width: at most
// three lines (one on a screen under 20 lines), the last cut with "…".
func (c Curate) helpLines(w, h int) []string {
	maxLines := 3
	if h < 20 {
		maxLines = 1
	}
	hs := c.st.Help
	sep := hs.ShortSeparator.Render(" • ")
	var out []string
	line := ""
	for _, b := range c.keys.shortHelp(c.mode) {
		item := hs.ShortKey.Render(b.Help().Key) + " " + hs.ShortDesc.Render(b.Help().Desc)
		switch {
		case line == "":
			line = " " + item
		case width(line)+width(sep)+width(item) <= w || len(out) == maxLines-1:
			line += sep + item
		default:
			out = append(out, fit(line, w))
			line = " " + item
		}
	}
	return append(out, fit(line, w))
}

// body draws the mode's list in exactly n lines.
func (c Curate) body(w, n int) []string {
	var out []string
	switch c.mode {
	case modeCategory:
		out = c.categoryLines(w, n)
	case modeSuggest:
		out = c.suggestLines(w, n)
	case modeHelp:
		out = fullHelpView(c.st, c.keys.fullHelp(), w)
	default:
		if len(c.rows) == 0 {
			out = append(out, fit(c.st.Muted.Render(c.tr(i18n.AppNoWishes)), w))
		}
		first := listWindow(c.sel, len(c.rows), n)
		for i := first; i < len(c.rows) && i < first+n; i++ {
			out = append(out, c.row(i, w))
		}
	}
	for i := range out {
		out[i] = fit(out[i], w)
	}
	for len(out) < n {
		out = append(out, "")
	}
	return out[:n]
}

// listWindow returns the first of n items to draw in h lines so that sel
// stays in view, in the middle where it can.
func listWindow(sel, n, h int) int { return max(0, min(sel-h/2, n-h)) }

// row draws line i: selection, mark, count, text (the text field while
// renaming it), key and state.
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
		state = c.tr(i18n.AppCurateHeld)
		if model.Flagged(r.Key) {
			state = c.tr(i18n.AppCurateHeldFlag)
		}
	}
	head := sel + mark + padLeft(strconv.Itoa(r.Count), 5) + "  "
	key := model.Sanitize(r.Key)
	if width(key) > w/4 { // a long key leaves room for the text
		key = fit(key, w/4)
	}
	tail := "  " + key + "  " + state
	if i == c.sel && c.mode == modeRename {
		tail = fit(tail, max(0, min(width(tail), w-width(head)-12)))
		cells := max(0, w-width(head)-width(tail))
		return head + fit(c.edit.View(cells, true, c.st.Input, c.st.Cursor), cells) + c.st.Muted.Render(tail)
	}
	line := fit(head+model.Sanitize(r.Text), max(0, w-width(tail)))
	if i == c.sel {
		return c.st.Selected.Render(fit(line+tail, w))
	}
	return fit(line+c.st.Muted.Render(tail), w)
}

package tui

import (
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
	"standmap/model"
	"standmap/tui/bars"
)

// Ranking draws the top wish groups: rank, shown text, count, category name
// and a bar. Only the rows that fit are looked at, so its cost does not
// grow with the number of groups.
type Ranking struct {
	// Wishes are the ranked wish groups.
	Wishes []model.WishCount
}

// View draws at most h lines, each exactly w cells wide.
func (r Ranking) View(st Styles, lang string, w, h int) []string {
	if h <= 0 || w <= 0 {
		return nil
	}
	if len(r.Wishes) == 0 {
		return []string{fit(st.Muted.Render(tr(lang, i18n.AppNoWishes)), w)}
	}
	n := min(h, len(r.Wishes))
	more := 0
	if len(r.Wishes) > h {
		n, more = h-1, len(r.Wishes)-(h-1)
	}
	top := r.Wishes[0].Count
	rankW := len(strconv.Itoa(n))
	countW := len(strconv.Itoa(top))
	// Columns: rank, text, count, category, bar; the text takes what is
	// left after the others, the category and bar only when there is room.
	catW, barW := 0, 0
	if w >= 60 {
		catW = min(24, w/5)
		barW = min(30, w/5)
	}
	textW := w - rankW - countW - 4 - catW - barW
	if catW > 0 {
		textW--
	}
	if barW > 0 {
		textW--
		longest := 0
		for _, g := range r.Wishes[:n] {
			longest = max(longest, width(model.Sanitize(g.Text)))
		}
		// The bar takes what a long text column would waste: a text
		// longer than that is cut with "…".
		if keep := min(36, max(longest, 12)); textW > keep {
			barW += textW - keep
			textW = keep
		}
	}
	out := make([]string, 0, h)
	for i, g := range r.Wishes[:n] {
		line := " " + padLeft(strconv.Itoa(i+1), rankW) + " " +
			st.Text.Render(fit(model.Sanitize(g.Text), textW)) + " " + padLeft(strconv.Itoa(g.Count), countW)
		if catW > 0 {
			cat := ""
			if c, ok := model.CategoryByCode(g.Category); ok {
				cat = c.Name(lang)
			}
			line += "  " + st.Muted.Render(fit(ansi.Truncate(cat, catW, "…"), catW))
		}
		if barW > 0 {
			bar := bars.Horizontal(g.Count, top, barW)
			line += " " + st.Bar.Render(bar)
		}
		out = append(out, fit(line, w))
	}
	if more > 0 {
		out = append(out, fit(st.Muted.Render(tr(lang, i18n.AppMore, more)), w))
	}
	return out
}

package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"standmap/i18n"
	"standmap/model"
)

// labelW is the width of the form's field labels.
const labelW = 11

// noteLines is the most lines an error under the form wraps over.
const noteLines = 4

// View draws the form in at most h lines of exactly w cells.
func (c Capture) View(st Styles, w, h int) []string {
	lang := c.lang
	var out []string
	add := func(s string) { out = append(out, fit(s, w)) }
	label := func(id i18n.Key, on bool) string {
		l := fit(tr(lang, id), labelW-2)
		if on {
			return st.Accent.Render(l + "> ")
		}
		return st.Muted.Render(l + "  ")
	}
	fw := max(2, w-labelW)

	if c.focus == focusWish || c.focus == focusCategory { // the place the wish is for
		where := c.wishFor
		if where == "" {
			where = tr(lang, i18n.AppCityWide)
		}
		add(label(i18n.AppPlace, false) + st.Title.Render(model.Sanitize(where)))
	} else if c.focus == focusMapPick { // the place marked on the map, and how to move it
		add(label(i18n.AppPlace, true) + st.Selected.Render(" ◆ "+model.Sanitize(c.pickAt)+" "))
		add(st.Muted.Render(" " + tr(lang, i18n.AppMapPickHint)))
	} else {
		add(label(i18n.AppPlace, c.focus == focusPlace) + c.place.View(fw, c.focus == focusPlace, st.Input, st.Cursor))
		top := listWindow(c.placeSel, len(c.matches), placeLines)
		for i := top; i < len(c.matches) && i < top+placeLines; i++ {
			add(choice(st, c.matches[i].Name, i == c.placeSel))
		}
		if more := len(c.matches) - placeLines; more > 0 {
			add(st.Muted.Render("   " + tr(lang, i18n.AppMore, more) + " ↑↓"))
		}
	}
	add(label(i18n.AppWish, c.focus == focusWish) + c.wish.View(fw, c.focus == focusWish, st.Input, st.Cursor))
	switch c.focus {
	case focusWish:
		for i, g := range c.sugs {
			add(choice(st, g.Text, i == c.wishSel) + st.Muted.Render("  "+strconv.Itoa(g.Count)))
		}
		add(st.Muted.Render(fit(tr(lang, i18n.AppCategory), labelW)) + c.categoryView(st))
		if c.category != "" && c.catStems { // say where it came from, on a line of its own: names are long
			add(strings.Repeat(" ", labelW) + st.Muted.Render("↳ "+tr(lang, i18n.FormCatSuggested)))
		}
	case focusCategory: // the list, in the lines the suggestions take
		hint := i18n.FormCatPick
		if c.catForSave {
			hint = i18n.FormCatPickSave
		}
		add(st.Accent.Render(fit(tr(lang, i18n.AppCategory), labelW)) + st.Muted.Render(tr(lang, hint)))
		for _, l := range c.cats.lines(st, lang, tr(lang, i18n.FormCatNone), c.catBefore, false, max(1, w-labelW), catListLines) {
			add(fit(strings.Repeat(" ", labelW), labelW) + l)
		}
	}
	add(st.Muted.Render(fit(tr(lang, i18n.AppAge), labelW)) + c.agesView(st))

	add("")
	if len(c.marks) > 0 {
		head := st.Title.Render(tr(lang, i18n.AppMarks))
		if c.focus == focusMarks {
			head += "  " + st.Muted.Render(tr(lang, i18n.FormMarksHint))
		}
		add(head)
		sel := -1
		switch {
		case c.editMark > 0:
			sel = c.editMark - 1
		case c.focus == focusMarks:
			sel = c.markSel
		}
		out = append(out, marksView(st, lang, c.marks, w, sel)...)
	}
	if c.note != "" { // wrapped: an error says what, why and what to do, in full; a hint says its keys
		text, style := c.note, st.Muted
		if c.noteBad {
			text, style = "! "+c.note, st.Danger
		}
		lines := strings.Split(ansi.Wrap(text, max(1, w), ""), "\n")
		for _, l := range lines[:min(len(lines), noteLines)] {
			add(style.Render(l))
		}
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// agesView lists the age groups with their digit, the chosen one bracketed
// and reversed.
func (c Capture) agesView(st Styles) string {
	var b strings.Builder
	for i, a := range c.ages {
		if i > 0 {
			b.WriteString(" ")
		}
		item := strconv.Itoa(i+1) + " " + a
		if i == c.age {
			b.WriteString(st.Selected.Render("[" + item + "]"))
		} else {
			b.WriteString(st.Muted.Render(" " + item + " "))
		}
	}
	return b.String()
}

// categoryView is the wish's category beside its label: its name; none
// yet, and that Enter asks for it; none chosen on purpose.
func (c Capture) categoryView(st Styles) string {
	lang := c.lang
	switch {
	case c.category != "":
		return categoryName(c.category, lang) + st.Muted.Render("  ctrl+t")
	case c.catManual:
		return tr(lang, i18n.FormCatNone) + st.Muted.Render("  ctrl+t")
	case strings.TrimSpace(c.wish.Value()) != "":
		return "— " + st.Accent.Render(tr(lang, i18n.FormCatAsk))
	}
	return "—" + st.Muted.Render("  ctrl+t")
}

// placeLines is how many matching places show at once, the selection
// kept in view.
const placeLines = 6

// marksView draws numbered marks: neighbourhood, wish, category; the mark
// sel (-1: none) is chosen.
func marksView(st Styles, lang string, marks []model.Mark, w, sel int) []string {
	nameW := 6
	for _, m := range marks {
		nameW = max(nameW, width(m.Neighbourhood))
	}
	nameW = min(nameW, 16)
	out := make([]string, 0, len(marks))
	for i, m := range marks {
		where := m.Neighbourhood
		if where == "" {
			where = tr(lang, i18n.AppCityWide)
		}
		wish := m.Wish
		if wish == "" {
			wish = "—"
		}
		line := padLeft(strconv.Itoa(i+1), 2) + " " + fit(model.Sanitize(where), nameW) + " " + model.Sanitize(wish)
		if i == sel {
			if m.Category != "" {
				line += "  " + categoryName(m.Category, lang)
			}
			out = append(out, st.Selected.Render(fit("▸"+strings.TrimPrefix(line, " "), w)))
			continue
		}
		if m.Category != "" {
			line += st.Muted.Render("  " + categoryName(m.Category, lang))
		}
		out = append(out, fit(line, w))
	}
	return out
}

// catListLines is how many categories the capture form's list shows at
// once, the selection kept in view.
const catListLines = 7

// categoryName returns the category's name in lang, or "—".
func categoryName(code, lang string) string {
	if c, ok := model.CategoryByCode(code); ok {
		return c.Name(lang)
	}
	return "—"
}

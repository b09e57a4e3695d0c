package tui

import (
	"strconv"
	"strings"

	"standmap/i18n"
	"standmap/model"
)

// categoryLines draws the category list in n lines: its title, then the
// most frequent (no choice of the facilitator's) and every category, the
// group's own marked ✓.
func (c Curate) categoryLines(w, n int) []string {
	text, current := "", ""
	for _, r := range c.rows {
		if r.Key == c.editKey {
			text, current = model.Sanitize(r.Text), r.Category
		}
	}
	out := []string{c.st.Accent.Render(c.tr(i18n.AppCurateCatTitle, text))}
	return append(out, c.cat.lines(c.st, c.o.Lang, c.tr(i18n.AppCurateCatAuto), current, true, w, n-1)...)
}

// suggestLines draws the suggested pairs in n lines: the title, then each
// pair as "from (count) → into (count)" and why.
func (c Curate) suggestLines(w, n int) []string {
	out := []string{c.st.Accent.Render(c.tr(i18n.AppCurateSugTitle, len(c.sugs)))}
	if len(c.sugs) == 0 {
		return append(out, c.st.Muted.Render(c.tr(i18n.AppCurateSugNone)))
	}
	first := listWindow(c.sugSel, len(c.sugs), n-1)
	for i := first; i < len(c.sugs) && i < first+n-1; i++ {
		s := c.sugs[i]
		pair := model.Sanitize(s.From.Text) + " (" + strconv.Itoa(s.From.Count) + ") → " +
			model.Sanitize(s.Into.Text) + " (" + strconv.Itoa(s.Into.Count) + ")"
		why := "   " + c.reasons(s.Reasons)
		if i == c.sugSel {
			out = append(out, c.st.Selected.Render(fit("▸ "+pair+why, w)))
			continue
		}
		out = append(out, "  "+pair+c.st.Muted.Render(why))
	}
	return out
}

// reasons says model.Suggest's reasons in the view's language.
func (c Curate) reasons(rs []model.Reason) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		switch r.Kind {
		case model.ReasonSpacing:
			out[i] = c.tr(i18n.AppReasonSpacing)
		case model.ReasonSpelt:
			out[i] = i18n.N(c.o.Lang, i18n.AppReasonSpelt, r.Letters)
		case model.ReasonWords:
			out[i] = c.tr(i18n.AppReasonWord, model.Sanitize(strings.Join(r.Words, " ")))
		default:
			name := r.Category
			if cat, ok := model.CategoryByCode(r.Category); ok {
				name = cat.Name(c.o.Lang)
			}
			out[i] = c.tr(i18n.AppReasonCategory, name)
		}
	}
	return strings.Join(out, " · ")
}

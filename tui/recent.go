package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
)

// Recent lists the newest responses of the snapshot; with focus, one can
// be picked to edit or delete.
type Recent struct {
	keys *KeyMap
	// selID is the selected response, by id, so that the selection stays
	// on it when a new snapshot shifts the list; sel is its last index.
	selID string
	sel   int
}

// index returns the position of the selected response in rs: where its id
// is, else the last index kept within the list.
func (r Recent) index(rs []model.Response) int {
	for i, x := range rs {
		if x.ID == r.selID {
			return i
		}
	}
	return max(0, min(r.sel, len(rs)-1))
}

// selectAt selects rs[i].
func (r Recent) selectAt(rs []model.Response, i int) Recent {
	r.sel = i
	if i >= 0 && i < len(rs) {
		r.selID = rs[i].ID
	}
	return r
}

// recentAction is what the facilitator asked of the selected response.
type recentAction int

const (
	recentNone recentAction = iota
	recentEdit
	recentDelete
	recentClose
	recentType // a letter: close the list and type it in the form
)

// Update moves the selection over rs, or reports an action on rs[sel].
func (r Recent) Update(msg tea.Msg, rs []model.Response) (Recent, recentAction) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, recentNone
	}
	i := r.index(rs)
	switch {
	case key.Matches(k, r.keys.Up):
		r = r.selectAt(rs, max(0, i-1))
	case key.Matches(k, r.keys.Down):
		r = r.selectAt(rs, min(max(0, len(rs)-1), i+1))
	case key.Matches(k, r.keys.Edit):
		if i < len(rs) {
			return r.selectAt(rs, i), recentEdit
		}
	case key.Matches(k, r.keys.Delete):
		if i < len(rs) {
			return r.selectAt(rs, i), recentDelete
		}
	case key.Matches(k, r.keys.Back), key.Matches(k, r.keys.Recent), key.Matches(k, r.keys.QuitQ):
		return r, recentClose
	case k.Text != "" && k.Text != " ": // a letter: back to the form, where it is typed (as from the marks)
		return r, recentType
	}
	return r, recentNone
}

// Selected returns the selected response of rs.
func (r Recent) Selected(rs []model.Response) (model.Response, bool) {
	if i := r.index(rs); i < len(rs) {
		return rs[i], true
	}
	return model.Response{}, false
}

// Open returns the list with the newest response selected.
func (r Recent) Open(rs []model.Response) Recent { return Recent{keys: r.keys}.selectAt(rs, 0) }

// View draws up to h lines of the list, exactly w cells wide; the
// selection (▸, reversed) only when focused.
func (r Recent) View(st Styles, lang string, rs []model.Response, w, h int, focused bool) []string {
	if h <= 0 {
		return nil
	}
	out := []string{fit(st.Title.Render(tr(lang, i18n.AppRecent))+st.Muted.Render("  ctrl+e"), w)}
	if len(rs) == 0 {
		return append(out, fit(st.Muted.Render(" "+tr(lang, i18n.AppNoRecent)), w))
	}
	// Keep the selection in view.
	rows := h - 1
	sel := r.index(rs)
	first := 0
	if focused && sel >= rows {
		first = sel - rows + 1
	}
	for i := first; i < len(rs) && len(out) < h; i++ {
		line := recentLine(lang, rs[i])
		switch {
		case focused && i == sel:
			out = append(out, fit("▸"+st.Selected.Render(line), w))
		default:
			out = append(out, fit(" "+line, w))
		}
	}
	return out
}

// recentLine summarises a response: number, time, places, wishes.
func recentLine(lang string, r model.Response) string {
	var places []string
	wishes := 0
	for _, m := range r.Marks {
		if m.Neighbourhood != "" && len(places) < 3 {
			places = append(places, model.Sanitize(m.Neighbourhood))
		}
		if m.Wish != "" {
			wishes++
		}
	}
	where := strings.Join(places, ", ")
	if where == "" {
		where = tr(lang, i18n.AppCityWide)
	}
	s := "#" + strconv.FormatInt(r.Number, 10) + " " + clock(r.CreatedAt) + " " + where
	if wishes > 0 {
		s += " · " + i18n.N(lang, i18n.AppWishes, wishes)
	}
	return s
}

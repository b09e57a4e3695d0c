package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
)

// Changing one mark of the form (a new visitor's, or a stored response's
// opened from the recent list): ↑ on the empty place field chooses among
// the marks; Enter takes the chosen mark back into the fields, its place
// in the place field and then its wish and category in theirs, each kept
// by Enter or changed; ctrl+t goes straight to its category; ctrl+x (or
// delete) removes it.

// updateMarks moves the choice among the marks and acts on the chosen one.
func (c Capture) updateMarks(msg tea.Msg) Capture {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // a paste: typed into the place field
		c.focus = focusPlace
		return c.updatePlace(msg)
	}
	switch {
	case key.Matches(k, c.keys.Up):
		c.markSel = max(0, c.markSel-1)
	case key.Matches(k, c.keys.Down):
		if c.markSel++; c.markSel >= len(c.marks) {
			c.focus = focusPlace
		}
	case key.Matches(k, c.keys.Enter):
		return c.changeMark(false)
	case key.Matches(k, c.keys.Category):
		return c.changeMark(true)
	case key.Matches(k, c.keys.RemoveMark), k.String() == "delete", k.String() == "backspace":
		i := c.markSel
		c.marks = append(c.marks[:i:i], c.marks[i+1:]...)
		c.note, c.noteBad = tr(c.lang, i18n.FormMarkRemoved, i+1), false
		if c.markSel = min(i, len(c.marks)-1); len(c.marks) == 0 {
			c.focus = focusPlace
		}
	case key.Matches(k, c.keys.Back), k.String() == "q":
		c.focus = focusPlace
	case k.Text != "" && k.Mod&^tea.ModShift == 0: // typing: back to the place field
		c.focus = focusPlace
		return c.updatePlace(msg)
	}
	return c
}

// changeMark takes the chosen mark back into the fields: its place, typed
// as the map spells it (Enter keeps it), or with category straight its
// wish with the list of categories open.
func (c Capture) changeMark(category bool) Capture {
	i := min(c.markSel, len(c.marks)-1)
	if i < 0 {
		c.focus = focusPlace
		return c
	}
	c.editMark, c.markWas = i+1, c.marks[i]
	if category {
		c = c.placeChosen(c.markWas.Neighbourhood)
		return c.openCategories()
	}
	c.focus = focusPlace
	c.place.SetValue(c.markWas.Neighbourhood)
	c.matches, c.placeSel = nil, 0
	if !c.place.Empty() {
		c.matches = c.gaz.Search(c.place.Value())
	}
	c.note, c.noteBad = tr(c.lang, i18n.FormMarkEditing, c.editMark), false
	return c
}

// cancelMark leaves the mark being changed as it was and goes back to
// the marks.
func (c Capture) cancelMark() Capture {
	sel := c.editMark - 1
	c.wish.SetValue("")
	c.place.SetValue("")
	c.matches, c.placeSel, c.wishFor, c.sugs, c.wishSel, c.wishMoved = nil, 0, "", nil, 0, false
	c.category, c.catManual, c.catStems, c.editMark, c.note = "", false, false, 0, ""
	c.focus, c.markSel = focusMarks, sel
	return c
}

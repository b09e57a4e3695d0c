package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
)

// The wish of a mark and its category: autocomplete from the event's wish
// groups, the category a known wish had or a new wish's words suggest,
// and the list of categories, which Enter opens when there is none.

// escOnce says the key before was an esc that kept a typed wish: a typed
// wish is never dropped by a single esc, which a hurried hand presses to
// close the suggestions.
func (c Capture) updateWish(msg tea.Msg, escOnce bool) Capture {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, c.keys.Enter):
			if c.wishMoved { // a suggestion chosen with ↑/↓: Enter takes it
				c = c.acceptWish()
			}
			if c.needsCategory() {
				return c.openCategories()
			}
			return c.finishMark(true)
		case key.Matches(k, c.keys.Back) && c.editMark > 0:
			return c.cancelMark()
		case key.Matches(k, c.keys.Back) && strings.TrimSpace(c.wish.Value()) != "" && !escOnce:
			c.sugs, c.wishSel, c.wishMoved, c.wishEsc = nil, 0, false, true
			c.note, c.noteBad = tr(c.lang, i18n.AppWishEscAgain), false
			return c
		case key.Matches(k, c.keys.Back):
			return c.finishMark(false)
		case key.Matches(k, c.keys.Accept):
			return c.acceptWish()
		case key.Matches(k, c.keys.Up):
			c.wishSel, c.wishMoved = max(0, c.wishSel-1), len(c.sugs) > 0
			return c
		case key.Matches(k, c.keys.Down):
			c.wishSel, c.wishMoved = min(max(0, len(c.sugs)-1), c.wishSel+1), len(c.sugs) > 0
			return c
		case key.Matches(k, c.keys.Category), key.Matches(k, c.keys.CategoryBack):
			return c.openCategories()
		}
	}
	r := c.wish.update(msg)
	switch {
	case r.truncated:
		c.note, c.noteBad = i18n.N(c.lang, i18n.AppWishTooLong, model.MaxWishLen), true
	case r.cleaned:
		c.note, c.noteBad = tr(c.lang, i18n.AppPasteCleaned), true
	case r.changed:
		c.note = ""
	}
	if r.changed {
		c.wishMoved = false
		var exact *model.WishCount
		c.sugs, exact = suggestWishes(c.groups, c.wish.Value(), maxSuggestions)
		c.wishSel = 0
		if !c.catManual {
			code := ""
			if exact != nil {
				code = exact.Category
			}
			c = c.withCategory(code, c.wish.Value())
		}
	}
	return c
}

// withCategory sets the wish's category to code (a known group's), or,
// when that is none, to the one the text's words suggest.
func (c Capture) withCategory(code, text string) Capture {
	c.category, c.catStems = code, false
	if code == "" {
		if code = i18n.SuggestCategory(text); code != "" {
			c.category, c.catStems = code, true
		}
	}
	return c
}

// needsCategory reports whether the wish in progress has no category and
// the facilitator has not chosen none on purpose: its mark waits for one.
func (c Capture) needsCategory() bool {
	return c.stage() == focusWish && strings.TrimSpace(c.wish.Value()) != "" && c.category == "" && !c.catManual
}

// NeedsCategory reports whether the mark in progress waits for its
// category (ctrl+s then asks for it instead of saving).
func (c Capture) NeedsCategory() bool { return c.needsCategory() }

// AskingForSave reports whether the list of categories is open because
// ctrl+s asked for the wish's category (AskCategory): taking one there
// (enter) adds the mark, and the save goes on.
func (c Capture) AskingForSave() bool { return c.focus == focusCategory && c.catForSave }

// WishText is the wish being typed, as the form's messages quote it.
func (c Capture) WishText() string { return model.Sanitize(strings.TrimSpace(c.wish.Value())) }

// AskCategory opens the list of categories for the wish in progress,
// saying that it needs one.
func (c Capture) AskCategory() Capture {
	c = c.openCategories()
	c.catForSave = true
	c.note, c.noteBad = tr(c.lang, i18n.FormCatFirst, c.WishText()), true
	return c
}

// openCategories shows the list of categories, on the wish's category.
func (c Capture) openCategories() Capture {
	c.focus, c.cats, c.catBefore, c.catManualBefore = focusCategory, newCatList(c.category), c.category, c.catManual
	c.catForSave = false
	return c
}

// acceptWish takes the selected suggestion: its shown spelling and its
// category (or, for a group without one, the one its words suggest).
func (c Capture) acceptWish() Capture {
	if len(c.sugs) > 0 {
		g := c.sugs[min(c.wishSel, len(c.sugs)-1)]
		c.wish.SetValue(g.Text)
		c.catManual = false
		c = c.withCategory(g.Category, g.Text)
	}
	c.sugs, c.wishSel, c.wishMoved = nil, 0, false
	return c
}

// finishMark adds the mark in progress (with its wish when keep), or puts
// the mark being changed back in its place, and returns to the place
// field (to the marks, after a change).
func (c Capture) finishMark(keep bool) Capture {
	if !keep {
		c.wish.SetValue("")
	}
	m, ok := c.pendingMark()
	switch {
	case c.editMark > 0 && ok:
		c.marks = append(c.marks[:c.editMark-1:c.editMark-1], append([]model.Mark{m}, c.marks[c.editMark:]...)...)
	case c.editMark > 0: // nothing left of it
		c.marks = append(c.marks[:c.editMark-1:c.editMark-1], c.marks[c.editMark:]...)
	case ok:
		c.marks = append(c.marks[:len(c.marks):len(c.marks)], m)
	}
	c.wish.SetValue("")
	c.wishFor, c.sugs, c.wishSel, c.wishMoved, c.category, c.catManual, c.catStems = "", nil, 0, false, "", false, false
	c.focus, c.note = focusPlace, ""
	if c.editMark > 0 && len(c.marks) > 0 {
		c.focus, c.markSel = focusMarks, min(c.editMark-1, len(c.marks)-1)
	}
	c.editMark = 0
	return c
}

// updateCategory moves through the list of categories (opened with ctrl+t
// or by Enter on a wish with none): ↑/↓ (ctrl+t, shift+tab) move, a
// letter jumps, the wish takes the category under the selection at once;
// enter takes it and adds the mark — on the first line ("none") only once
// the selection was moved there, so a mark never goes without a category
// by accident; esc or q goes back to the wish with the category from
// before.
func (c Capture) updateCategory(msg tea.Msg) Capture {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case c.catForSave && (!ok || k.Text != "" && k.String() != "q"):
		// Typed on after ctrl+s, letters (or a paste) are meant for the
		// next visitor: they must not choose this wish's category.
		c.note, c.noteBad = tr(c.lang, i18n.FormCatTypedAhead, c.WishText()), true
		return c
	case !ok:
		return c
	}
	switch {
	case key.Matches(k, c.keys.Enter):
		if c.needsCategory() { // "— none" not chosen: say what enter does here
			c.note, c.noteBad = tr(c.lang, i18n.FormCatPick), true
			if c.catForSave {
				c.note = tr(c.lang, i18n.FormCatFirst, c.WishText())
			}
			return c
		}
		return c.finishMark(true)
	case key.Matches(k, c.keys.Back), k.String() == "q":
		c.focus, c.category, c.catManual = focusWish, c.catBefore, c.catManualBefore
		c.catForSave, c.note = false, ""
		return c
	case key.Matches(k, c.keys.Category):
		k = tea.KeyPressMsg{Code: tea.KeyDown}
	case key.Matches(k, c.keys.CategoryBack):
		k = tea.KeyPressMsg{Code: tea.KeyUp}
	}
	if cats, moved := c.cats.move(k, c.lang); moved {
		c.cats, c.category, c.catManual, c.catStems, c.note = cats, cats.code(), true, false, ""
	} else if k.Text != "" {
		c.note, c.noteBad = tr(c.lang, i18n.FormCatNoLetter, model.Sanitize(k.Text)), true
	}
	return c
}

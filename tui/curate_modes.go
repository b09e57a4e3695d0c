package tui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/i18n"
	"standmap/model"
)

// curateMode is what the curation view's keys act on.
type curateMode int

const (
	// modeList: the groups (the view as it opens).
	modeList curateMode = iota
	// modeRename: the text field on the selected group.
	modeRename
	// modeCategory: the list of categories for the selected group.
	modeCategory
	// modeSuggest: the suggested merges.
	modeSuggest
	// modeHelp: every key, until any key.
	modeHelp
)

// Modal reports whether the view holds every key but ctrl+c for itself (a
// text field or a list is open): the application then passes esc and q
// through instead of leaving or quitting.
func (c Curate) Modal() bool { return c.mode != modeList }

// modeKey handles a key outside the list; ok is false in the list.
func (c Curate) modeKey(k tea.KeyPressMsg) (Curate, tea.Cmd, bool) {
	if k.String() == "ctrl+c" && c.mode != modeList {
		return c, tea.Quit, true
	}
	switch c.mode {
	case modeRename:
		c, cmd := c.renameKey(k)
		return c, cmd, true
	case modeCategory:
		c, cmd := c.categoryKey(k)
		return c, cmd, true
	case modeSuggest:
		c, cmd := c.suggestKey(k)
		return c, cmd, true
	case modeHelp: // any key closes the full help, and does nothing else
		c.mode = modeList
		return c, nil, true
	}
	return c, nil, false
}

// startRename opens the text field on the selected group, filled with
// its shown text.
func (c Curate) startRename() Curate {
	r := c.rows[c.sel]
	c.mode, c.editKey = modeRename, r.Key
	c.edit = field{limit: 4 * model.MaxWishLen} // longer is refused on enter, with a reason
	c.edit.SetValue(r.Text)
	c.status, c.failed = c.tr(i18n.AppCurateRenameHint), false
	return c
}

// renameKey edits the text; enter shows the group as it (refused when
// empty or too long: the field stays open), esc leaves it as it was.
func (c Curate) renameKey(k tea.KeyPressMsg) (Curate, tea.Cmd) {
	switch {
	case key.Matches(k, c.keys.Cancel):
		c.mode, c.status, c.failed = modeList, "", false
		return c, nil
	case key.Matches(k, c.keys.Apply):
		text := model.Spelling(c.edit.Value())
		switch n := utf8.RuneCountInString(text); {
		case n == 0:
			c.status, c.failed = c.tr(i18n.AppCurateRenameEmpty), true
			return c, nil
		case n > model.MaxWishLen:
			c.status, c.failed = i18n.N(c.o.Lang, i18n.AppWishTooLong, model.MaxWishLen), true
			return c, nil
		}
		c.mode = modeList
		return c, c.curateCmd(model.CurationAction{Verb: model.VerbRename, Keys: []string{c.editKey}, Text: text},
			c.tr(i18n.AppCurateRenamed, model.Sanitize(text)))
	}
	c.edit.update(k)
	return c, nil
}

// startCategory opens the list of categories on the selected group's.
func (c Curate) startCategory() Curate {
	r := c.rows[c.sel]
	c.mode, c.editKey, c.cat = modeCategory, r.Key, newCatList(r.Category)
	return c
}

// categoryKey moves through the categories (a letter jumps to the next
// whose name starts with it); enter gives the group the chosen one (the
// first line: back to the most frequent), esc or q leave it.
func (c Curate) categoryKey(k tea.KeyPressMsg) (Curate, tea.Cmd) {
	switch {
	case key.Matches(k, c.keys.Cancel), k.String() == "q": // no category's name starts with q: back, as from every list
		c.mode = modeList
	case key.Matches(k, c.keys.Apply):
		c.mode = modeList
		code, name := c.cat.code(), c.tr(i18n.AppCurateCatAuto)
		if cat, ok := model.CategoryByCode(code); ok {
			name = cat.Name(c.o.Lang)
		}
		text := ""
		for _, r := range c.rows {
			if r.Key == c.editKey {
				text = model.Sanitize(r.Text)
			}
		}
		return c, c.curateCmd(model.CurationAction{Verb: model.VerbCategorise, Keys: []string{c.editKey}, Code: code},
			c.tr(i18n.AppCurateCategorised, text, name))
	default:
		c.cat, _ = c.cat.move(k, c.o.Lang)
	}
	return c, nil
}

// hasFoldedPrefix reports whether s starts with prefix, both folded.
func hasFoldedPrefix(s, prefix string) bool {
	f := model.Fold(s)
	return prefix != "" && len(f) >= len(prefix) && f[:len(prefix)] == prefix
}

// startSuggest lists the suggested merges of the groups shown.
func (c Curate) startSuggest() Curate {
	c.mode, c.sugSel = modeSuggest, 0
	return c.suggest()
}

// suggest computes the suggestions again (after a snapshot), keeping the
// selection in range.
func (c Curate) suggest() Curate {
	c.sugs = nil
	if c.snap != nil {
		c.sugs = model.Suggest(c.snap.Wishes)
	}
	c.sugSel = min(c.sugSel, max(0, len(c.sugs)-1))
	return c
}

// suggestKey moves through the suggestions; enter merges the selected
// pair (the facilitator's own action), u undoes, esc or q goes back to the
// list (like every list: only ctrl+c quits from one, modeKey).
func (c Curate) suggestKey(k tea.KeyPressMsg) (Curate, tea.Cmd) {
	switch {
	case key.Matches(k, c.keys.Back), k.String() == "q":
		c.mode = modeList
	case c.move(k, &c.sugSel, len(c.sugs)):
	case key.Matches(k, c.keys.Undo):
		return c, c.undoCmd()
	case key.Matches(k, c.keys.MergePair) && len(c.sugs) > 0:
		s := c.sugs[c.sugSel]
		return c, c.curateCmd(model.CurationAction{Verb: model.VerbMerge, Keys: []string{s.From.Key}, Into: s.Into.Key},
			c.tr(i18n.AppCurateMerged, model.Sanitize(s.Into.Text)))
	}
	return c, nil
}

package tui

import (
	"charm.land/bubbles/v2/key"

	"standmap/i18n"
)

// KeyMap holds every key binding of the application, with help texts in
// the interface language.
type KeyMap struct {
	// Quit ends the program from anywhere.
	Quit key.Binding
	// QuitQ ends it too, but only while no text field has focus.
	QuitQ key.Binding
	// Help shows the full help (no text field in focus).
	Help key.Binding
	// Board switches between the capture form and the board.
	Board key.Binding
	// Save stores the visitor's response.
	Save key.Binding
	// Undo takes back the form's last step, or (the form empty) the last
	// save, edit or delete; Redo brings back what Undo took.
	Undo, Redo key.Binding
	// Recent opens the list of recent responses.
	Recent key.Binding
	// Enter takes a suggestion or finishes a mark.
	Enter key.Binding
	// Accept takes the wish suggestion (on an empty place: a city-wide wish).
	Accept key.Binding
	// CityWide documents Accept on the empty place: a city-wide wish.
	CityWide key.Binding
	// Category cycles the wish's category forward; CategoryBack backward.
	Category, CategoryBack key.Binding
	// Up and Down move through suggestions and lists.
	Up, Down key.Binding
	// Back leaves a list, a wish, or clears the filter.
	Back key.Binding
	// Age picks an age group by its number while the place is empty.
	Age key.Binding
	// RemoveMark removes the last mark while the place is empty.
	RemoveMark key.Binding
	// Marks (↑ on the empty place field) chooses a mark to change; in the
	// marks, ChangeMark takes it back into the fields and DropMark
	// removes it.
	Marks, ChangeMark, DropMark key.Binding
	// AddMark (enter in the list of categories) takes the category and
	// adds the mark.
	AddMark key.Binding
	// MapPick chooses the place on the map with the arrow keys (MapMove;
	// the arrows alone start it too on an empty place).
	MapPick, MapMove key.Binding
	// Pick chooses the selected neighbourhood of the filter.
	Pick key.Binding
	// Edit loads the selected recent response into the form.
	Edit key.Binding
	// Delete deletes the selected recent response.
	Delete key.Binding
	// Filter narrows the ranking to one neighbourhood.
	Filter key.Binding
	// PageUp and PageDown scroll the bar chart.
	PageUp, PageDown key.Binding
	// Present switches to the projection and back (facilitators).
	Present key.Binding
	// LeavePresent returns from the projection to capture.
	LeavePresent key.Binding
	// Wishes opens the curation view and back (facilitators; esc returns
	// too). Not ctrl+w: that deletes a word in the form's fields.
	Wishes key.Binding
	// Compare sets the event beside another one (facilitators).
	Compare key.Binding
}

// DefaultKeyMap returns the key bindings with help in lang.
func DefaultKeyMap(lang string) KeyMap {
	b := func(keys []string, help string, id i18n.Key) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return KeyMap{
		Quit:         b([]string{"ctrl+c"}, "ctrl+c", i18n.Quit),
		QuitQ:        b([]string{"q"}, "q", i18n.Quit),
		Help:         b([]string{"?"}, "?", i18n.AppHelpHelp),
		Board:        b([]string{"ctrl+b"}, "ctrl+b", i18n.AppHelpBoard),
		Save:         b([]string{"ctrl+s"}, "ctrl+s", i18n.AppHelpSave),
		Undo:         b([]string{"ctrl+z"}, "ctrl+z", i18n.AppHelpUndo),
		Redo:         b([]string{"ctrl+y"}, "ctrl+y", i18n.FormHelpRedo),
		Recent:       b([]string{"ctrl+e"}, "ctrl+e", i18n.AppHelpRecent),
		Enter:        b([]string{"enter"}, "enter", i18n.AppHelpAdd),
		Accept:       b([]string{"tab"}, "tab", i18n.AppHelpAccept),
		CityWide:     b([]string{"tab"}, "tab", i18n.AppHelpCityWide),
		Category:     b([]string{"ctrl+t"}, "ctrl+t", i18n.AppHelpCategory),
		CategoryBack: b([]string{"shift+tab"}, "shift+tab", i18n.AppHelpCategory),
		Up:           b([]string{"up"}, "↑", i18n.AppHelpUp),
		Down:         b([]string{"down"}, "↓", i18n.AppHelpDown),
		Back:         b([]string{"esc"}, "esc", i18n.AppHelpBack),
		Age:          b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", i18n.AppHelpAge),
		RemoveMark:   b([]string{"ctrl+x"}, "ctrl+x", i18n.AppHelpRemoveMark),
		Marks:        b([]string{"up"}, "↑", i18n.FormHelpMarks),
		ChangeMark:   b([]string{"enter"}, "enter", i18n.FormHelpChangeMark),
		DropMark:     b([]string{"ctrl+x", "delete", "backspace"}, "del", i18n.FormHelpRemoveMark),
		AddMark:      b([]string{"enter"}, "enter", i18n.FormHelpAddMark),
		MapPick:      b([]string{"ctrl+g"}, "ctrl+g", i18n.AppHelpMapPick),
		MapMove:      b([]string{"up", "down", "left", "right"}, "←↑↓→", i18n.AppHelpMapMove),
		Pick:         b([]string{"enter"}, "enter", i18n.AppHelpPick),
		Edit:         b([]string{"enter"}, "enter", i18n.AppHelpEdit),
		Delete:       b([]string{"delete", "backspace"}, "del", i18n.AppHelpDelete),
		Filter:       b([]string{"f", "ctrl+f"}, "f", i18n.AppHelpFilter),
		PageUp:       b([]string{"pgup"}, "pgup", i18n.AppHelpScroll),
		PageDown:     b([]string{"pgdown"}, "pgdn", i18n.AppHelpScroll),
		Present:      b([]string{"ctrl+p"}, "ctrl+p", i18n.AppHelpPresent),
		LeavePresent: b([]string{"esc"}, "esc", i18n.AppHelpLeavePresent),
		Wishes:       b([]string{"ctrl+k"}, "ctrl+k", i18n.AppHelpWishes),
		Compare:      b([]string{"ctrl+o"}, "ctrl+o", i18n.AppHelpCompare),
	}
}

// helpView adapts the KeyMap to bubbles/help for what has focus now.
type helpView struct {
	k      *KeyMap
	focus  focus
	role   Role
	hidden bool // a viewer's board shows the count only
}

// ShortHelp returns the bindings of the help bar.
func (h helpView) ShortHelp() []key.Binding {
	k := h.k
	switch {
	case h.role == Viewer && h.hidden:
		return []key.Binding{k.QuitQ}
	case h.focus == focusFilter:
		return []key.Binding{k.Up, k.Down, k.Pick, k.Back}
	case h.role == Viewer:
		return []key.Binding{k.Filter, k.Back, k.Down, k.QuitQ}
	case h.focus == focusPlace:
		return []key.Binding{k.Enter, k.Accept, k.Save, k.Undo, k.Redo, k.Recent, k.Board, k.MapPick, k.Marks, k.Help}
	case h.focus == focusMapPick:
		return []key.Binding{k.MapMove, k.Pick, k.Back, k.Save}
	case h.focus == focusWish:
		return []key.Binding{k.Enter, k.Accept, k.Category, k.Save, k.Back, k.Undo, k.Board}
	case h.focus == focusCategory:
		return []key.Binding{k.Up, k.Down, k.AddMark, k.Back, k.Save}
	case h.focus == focusMarks:
		return []key.Binding{k.Up, k.Down, k.ChangeMark, k.Category, k.DropMark, k.Back}
	case h.focus == focusRecent:
		return []key.Binding{k.Up, k.Down, k.Edit, k.Delete, k.Back, k.Undo}
	default: // board alone
		return []key.Binding{k.Filter, k.Back, k.PageDown, k.Board, k.Present, k.Help, k.QuitQ}
	}
}

// FullHelp returns every binding, in columns.
func (h helpView) FullHelp() [][]key.Binding {
	k := h.k
	if h.role == Viewer {
		return [][]key.Binding{{k.Filter, k.Back}, {k.Up, k.Down, k.PageUp, k.PageDown}, {k.Help, k.QuitQ, k.Quit}}
	}
	return [][]key.Binding{
		{k.Enter, k.Accept, k.Category, k.CategoryBack, k.AddMark, k.Back},
		{k.CityWide, k.Age, k.RemoveMark, k.MapPick, k.MapMove, k.Up, k.Down},
		{k.Marks, k.ChangeMark, k.DropMark, k.Save, k.Undo, k.Redo},
		{k.Recent, k.Edit, k.Delete, k.Compare, k.Board, k.Present},
		{k.Wishes, k.Filter, k.PageUp, k.PageDown, k.Help, k.QuitQ, k.Quit},
	}
}

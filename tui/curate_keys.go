package tui

import "charm.land/bubbles/v2/key"

// curateKeys are the curation view's key bindings, with help texts in the
// view's language.
type curateKeys struct {
	Up, Down, Mark, Merge, Hide, Approve, Undo, Quit key.Binding
	// Rename, Category, Unmerge and Suggest open the text field, the
	// category list, take a group's members out, and list suggestions.
	Rename, Category, Unmerge, Suggest key.Binding
	// Help shows every key; Apply, Cancel, MergePair and Back work in
	// the field and the lists.
	Help, Apply, Cancel, MergePair, Back key.Binding
	// move is ↑/↓ as the help shows it (one item for both).
	move key.Binding
}

// newCurateKeys returns the bindings with help in lang.
func newCurateKeys(lang string) curateKeys {
	b := func(keys []string, help string, id msgID) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return curateKeys{
		Up:        b([]string{"up", "k"}, "↑", msgHelpUp),
		Down:      b([]string{"down", "j"}, "↓", msgHelpDown),
		Mark:      b([]string{"space"}, "space", msgHelpMark),
		Merge:     b([]string{"m"}, "m", msgHelpMerge),
		Hide:      b([]string{"h"}, "h", msgHelpHide),
		Approve:   b([]string{"a"}, "a", msgHelpApprove),
		Undo:      b([]string{"u"}, "u", msgHelpUndo),
		Quit:      b([]string{"q", "esc", "ctrl+c"}, "q", msgHelpQuit),
		Rename:    b([]string{"r"}, "r", msgHelpRename),
		Category:  b([]string{"c"}, "c", msgHelpCategory),
		Unmerge:   b([]string{"x"}, "x", msgHelpUnmerge),
		Suggest:   b([]string{"s"}, "s", msgHelpSuggest),
		Help:      b([]string{"?"}, "?", msgHelpHelp),
		Apply:     b([]string{"enter"}, "enter", msgHelpApply),
		Cancel:    b([]string{"esc"}, "esc", msgHelpCancel),
		MergePair: b([]string{"enter"}, "enter", msgHelpMergePair),
		Back:      b([]string{"esc"}, "esc", msgHelpBack),
		move:      b([]string{"up", "down"}, "↑↓", msgHelpMove),
	}
}

// shortHelp returns the help bar's bindings in the mode: in the list,
// every key of it.
func (k curateKeys) shortHelp(m curateMode) []key.Binding {
	switch m {
	case modeRename:
		return []key.Binding{k.Apply, k.Cancel}
	case modeCategory:
		return []key.Binding{k.move, k.Apply, k.Cancel}
	case modeSuggest:
		return []key.Binding{k.move, k.MergePair, k.Undo, k.Back}
	}
	return []key.Binding{k.move, k.Mark, k.Merge, k.Unmerge, k.Suggest,
		k.Rename, k.Category, k.Hide, k.Approve, k.Undo, k.Help, k.Quit}
}

// fullHelp returns every binding of the view, in columns.
func (k curateKeys) fullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Mark, k.Merge, k.Unmerge, k.Suggest},
		{k.Rename, k.Category, k.Hide, k.Approve, k.Undo, k.Help, k.Quit},
	}
}

package tui

import (
	"charm.land/bubbles/v2/key"

	"standmap/i18n"
)

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
	b := func(keys []string, help string, id i18n.Key) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return curateKeys{
		Up:        b([]string{"up", "k"}, "↑", i18n.AppHelpUp),
		Down:      b([]string{"down", "j"}, "↓", i18n.AppHelpDown),
		Mark:      b([]string{"space"}, "space", i18n.AppHelpMark),
		Merge:     b([]string{"m"}, "m", i18n.AppHelpMerge),
		Hide:      b([]string{"h"}, "h", i18n.AppHelpHide),
		Approve:   b([]string{"a"}, "a", i18n.AppHelpApprove),
		Undo:      b([]string{"u"}, "u", i18n.AppHelpUndo),
		Quit:      b([]string{"q", "esc", "ctrl+c"}, "q", i18n.Quit),
		Rename:    b([]string{"r"}, "r", i18n.AppHelpRename),
		Category:  b([]string{"c"}, "c", i18n.AppHelpCategory),
		Unmerge:   b([]string{"x"}, "x", i18n.AppHelpUnmerge),
		Suggest:   b([]string{"s"}, "s", i18n.AppHelpSuggest),
		Help:      b([]string{"?"}, "?", i18n.AppHelpHelp),
		Apply:     b([]string{"enter"}, "enter", i18n.AppHelpApply),
		Cancel:    b([]string{"esc"}, "esc", i18n.AppHelpCancel),
		MergePair: b([]string{"enter"}, "enter", i18n.AppHelpMergePair),
		Back:      b([]string{"esc"}, "esc", i18n.AppHelpBack),
		move:      b([]string{"up", "down"}, "↑↓", i18n.AppHelpMove),
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

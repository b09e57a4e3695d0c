package tui

import "charm.land/bubbles/v2/key"

// curateKeys are the curation view's key bindings, with help texts in the
// view's language.
type curateKeys struct {
	Up, Down, Mark, Merge, Hide, Approve, Undo, Quit key.Binding
}

// newCurateKeys returns the bindings with help in lang.
func newCurateKeys(lang string) curateKeys {
	b := func(keys []string, help string, id msgID) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return curateKeys{
		Up:      b([]string{"up", "k"}, "↑", msgHelpUp),
		Down:    b([]string{"down", "j"}, "↓", msgHelpDown),
		Mark:    b([]string{"space"}, "space", msgHelpMark),
		Merge:   b([]string{"m"}, "m", msgHelpMerge),
		Hide:    b([]string{"h"}, "h", msgHelpHide),
		Approve: b([]string{"a"}, "a", msgHelpApprove),
		Undo:    b([]string{"u"}, "u", msgHelpUndo),
		Quit:    b([]string{"q", "esc", "ctrl+c"}, "q", msgHelpQuit),
	}
}

// ShortHelp returns the bindings of the help bar.
func (k curateKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Mark, k.Merge, k.Hide, k.Approve, k.Undo, k.Quit}
}

// FullHelp returns every binding, in columns.
func (k curateKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Mark, k.Merge}, {k.Hide, k.Approve, k.Undo, k.Quit}}
}

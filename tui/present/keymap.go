package present

import "charm.land/bubbles/v2/key"

// KeyMap holds the projection's key bindings, with help in the
// interface language.
type KeyMap struct {
	// Hide hides the results, or reveals them again.
	Hide key.Binding
	// Freeze holds the display still, or lets it follow again.
	Freeze key.Binding
	// Theme switches to the next palette.
	Theme key.Binding
	// Next turns to the next panel now.
	Next key.Binding
	// Help shows or hides the keys.
	Help key.Binding
	// Close closes the keys' overlay.
	Close key.Binding
	// Quit ends the projection.
	Quit key.Binding
}

// DefaultKeyMap returns the key bindings with help in lang.
func DefaultKeyMap(lang string) KeyMap {
	b := func(keys []string, help string, id msgID) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return KeyMap{
		Hide:   b([]string{"h"}, "h", msgKeyHide),
		Freeze: b([]string{"space"}, "space", msgKeyFreeze),
		Theme:  b([]string{"t"}, "t", msgKeyTheme),
		Next:   b([]string{"n", "right", "tab"}, "n/→", msgKeyNext),
		Help:   b([]string{"?"}, "?", msgKeyHelp),
		Close:  b([]string{"esc"}, "esc", msgKeyClose),
		Quit:   b([]string{"q", "ctrl+c"}, "q", msgKeyQuit),
	}
}

// bindings lists the keys in the order the overlay shows them.
func (k KeyMap) bindings() []key.Binding {
	return []key.Binding{k.Hide, k.Freeze, k.Theme, k.Next, k.Help, k.Quit}
}

package present

import (
	"charm.land/bubbles/v2/key"

	"standmap/i18n"
)

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
	b := func(keys []string, help string, id i18n.Key) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return KeyMap{
		Hide:   b([]string{"h"}, "h", i18n.PresentKeyHide),
		Freeze: b([]string{"space"}, "space", i18n.PresentKeyFreeze),
		Theme:  b([]string{"t"}, "t", i18n.PresentKeyTheme),
		Next:   b([]string{"n", "right", "tab"}, "n/→", i18n.PresentKeyNext),
		Help:   b([]string{"?"}, "?", i18n.PresentKeyHelp),
		Close:  b([]string{"esc"}, "esc", i18n.PresentKeyClose),
		Quit:   b([]string{"q", "ctrl+c"}, "q", i18n.Quit),
	}
}

// bindings lists the keys in the order the overlay shows them.
func (k KeyMap) bindings() []key.Binding {
	return []key.Binding{k.Hide, k.Freeze, k.Theme, k.Next, k.Help, k.Quit}
}

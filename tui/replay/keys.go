package replay

import (
	"charm.land/bubbles/v2/key"

	"standmap/i18n"
)

// KeyMap holds the replay's key bindings, with help in the interface
// language.
type KeyMap struct {
	// Next and Prev move one answer forward and back.
	Next, Prev key.Binding
	// Forward and Back move ten minutes of the event forward and back.
	Forward, Back key.Binding
	// Play starts and pauses playing.
	Play key.Binding
	// Start and End go to the start and the end of the event.
	Start, End key.Binding
	// Filter narrows the board's ranking to one neighbourhood (the
	// board's own key, passed on to it).
	Filter key.Binding
	// Scroll scrolls the bar chart (the board's keys, passed on).
	Scroll key.Binding
	// Quit ends the replay.
	Quit key.Binding

	// Step, Jump and Ends show pairs of the keys above as one item of
	// the help line; they match no key themselves.
	Step, Jump, Ends key.Binding
}

// DefaultKeyMap returns the bindings with help in lang.
func DefaultKeyMap(lang string) KeyMap {
	b := func(keys []string, help string, id i18n.Key) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, tr(lang, id)))
	}
	return KeyMap{
		Next:    b([]string{"right"}, "→", i18n.ReplayHelpNext),
		Prev:    b([]string{"left"}, "←", i18n.ReplayHelpPrev),
		Forward: b([]string{"shift+right", "]"}, "shift+→/]", i18n.ReplayHelpForward),
		Back:    b([]string{"shift+left", "["}, "shift+←/[", i18n.ReplayHelpBack),
		Play:    b([]string{"space"}, "space", i18n.ReplayHelpPlay),
		Start:   b([]string{"home"}, "home", i18n.ReplayHelpStart),
		End:     b([]string{"end"}, "end", i18n.ReplayHelpEnd),
		Filter:  b([]string{"f", "ctrl+f"}, "f", i18n.ReplayHelpFilter),
		Scroll:  b([]string{"up", "down", "pgup", "pgdown"}, "↑↓", i18n.ReplayHelpScroll),
		Quit:    b([]string{"q", "ctrl+c"}, "q", i18n.Quit),
		Step:    b([]string{"left", "right"}, "←/→", i18n.ReplayHelpStep),
		Jump:    b([]string{"shift+left", "shift+right", "[", "]"}, "shift+←/→ [/]", i18n.ReplayHelpJump),
		Ends:    b([]string{"home", "end"}, "home/end", i18n.ReplayHelpEnds),
	}
}

// ShortHelp returns every key, paired where they go both ways, in the
// order of the help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Step, k.Jump, k.Play, k.Ends, k.Filter, k.Scroll, k.Quit}
}

// FullHelp returns every binding, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Forward, k.Back}, {k.Play, k.Start, k.End}, {k.Filter, k.Scroll, k.Quit}}
}

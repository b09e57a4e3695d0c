package present

import "standmap/model"

// screenCache keeps the last screen drawn: a frame that nothing changed
// since costs a comparison. Copies of a Model share it; it is used from
// the program's goroutine only.
type screenCache struct {
	key   screenKey
	out   string
	valid bool
}

// screenKey is everything a screen depends on.
type screenKey struct {
	snap     *model.Snapshot
	drawn    uint64
	w, h     int
	theme    ThemeName
	display  DisplayState
	help     bool
	panel    int
	flashGen int
	changed  bool
}

// screenKey returns what m's screen depends on.
func (m Model) screenKey() screenKey {
	return screenKey{m.snap, m.drawn, m.w, m.h, m.theme, m.display, m.help,
		m.panel % panelCount, m.flashGen, m.changed != nil}
}

// cached returns the screen, drawing it only when something it depends
// on changed.
func (m Model) cached() string {
	if m.cache == nil {
		return m.Screen()
	}
	k := m.screenKey()
	if !m.cache.valid || m.cache.key != k {
		m.cache.out, m.cache.key, m.cache.valid = m.Screen(), k, true
	}
	return m.cache.out
}

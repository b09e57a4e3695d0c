package present

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"standmap/choropleth"
	"standmap/model"
)

// Update handles snapshots, the reveal state, ticks and keys.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return m.Handle(msg) }

// Handle is Update returning the concrete type, for a parent model that
// embeds the projection (and draws it with Screen).
func (m Model) Handle(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.ColorProfileMsg:
		m.colour = msg.Profile >= colorprofile.ANSI // NO_COLOR gives ASCII
		m.profile = msg.Profile
		if m.maps != nil {
			m.maps.SetStyles(mapStyles(m.theme, m.profile, m.opts.Lang))
		}
	case SnapshotMsg:
		s := msg.Snapshot
		if s == nil {
			return m, nil
		}
		if s.Display != m.shared { // another screen's h or space
			m.shared, m.display = s.Display, s.Display
		}
		if m.display.Frozen {
			m.pending = s
			return m, nil
		}
		m.pending = nil // s is newer
		return m, m.show(s, true)
	case rotateMsg:
		if msg.gen != m.rotateGen {
			return m, nil
		}
		if !m.display.Frozen { // a frozen display keeps its panel too
			m.panel++
		}
		return m, m.rotateCmd()
	case DisplayRefusedMsg:
		return m, m.setDisplay(m.shared)
	case flashEndMsg:
		if msg.gen == m.flashGen {
			m.changed = nil
		}
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// key handles one key press.
func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case m.help && key.Matches(msg, k.Close):
		m.help = false
	case key.Matches(msg, k.Help):
		m.help = !m.help
	case key.Matches(msg, k.Theme):
		m.setTheme(m.theme.next())
	case key.Matches(msg, k.Next):
		m.panel++
		m.rotateGen++ // a full turn for the panel picked by hand
		return m, m.rotateCmd()
	case m.opts.Locked && (key.Matches(msg, k.Hide) || key.Matches(msg, k.Freeze)):
		return m, nil
	case key.Matches(msg, k.Hide):
		d := m.display
		d.Hidden = !d.Hidden
		return m, tea.Batch(m.setDisplay(d), m.notify(d))
	case key.Matches(msg, k.Freeze):
		d := m.display
		d.Frozen = !d.Frozen
		return m, tea.Batch(m.setDisplay(d), m.notify(d))
	}
	return m, nil
}

// setDisplay takes the reveal state d; unfreezing shows the newest
// snapshot held back.
func (m *Model) setDisplay(d DisplayState) tea.Cmd {
	m.display = d
	if d.Frozen || m.pending == nil {
		return nil
	}
	s := m.pending
	m.pending = nil
	return m.show(s, true)
}

// notify tells the owner about a reveal state set by a key.
func (m Model) notify(d DisplayState) tea.Cmd {
	f := m.opts.OnDisplayChange
	if f == nil {
		return nil
	}
	return func() tea.Msg {
		if f(d) != nil {
			return DisplayRefusedMsg{}
		}
		return nil
	}
}

// DisplayRefusedMsg says a reveal state set by a key was refused by
// OnDisplayChange: the projection goes back to the state shared before.
type DisplayRefusedMsg struct{}

// show draws s from now on; with flash, what rose since the snapshot
// drawn is marked for a while.
func (m *Model) show(s *model.Snapshot, flash bool) tea.Cmd {
	old, oldCounts := m.snap, m.counts
	m.snap, m.drawn = s, m.drawn+1
	m.counts = s.Counts
	if m.counts == nil {
		m.counts = choropleth.CountsOf(s.Neighbourhoods)
	}
	if !flash || old == nil {
		return nil
	}
	c := diff(old, s, oldCounts)
	if c == nil {
		return nil
	}
	m.changed = c
	m.flashGen++
	gen := m.flashGen
	return tea.Tick(flashFor, func(time.Time) tea.Msg { return flashEndMsg{gen} })
}

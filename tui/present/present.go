// Package present is the projection: the board made for a wall, with
// large headline figures, panels that rotate when the screen cannot hold
// them all, and results that can be held back until they are revealed.
package present

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"standmap/ascii_maps"
	"standmap/choropleth"
	"standmap/i18n"
	"standmap/model"
)

// DefaultRotate is how long a panel stays when the panels take turns.
const DefaultRotate = 10 * time.Second

// flashFor is how long what the latest snapshot changed stays marked.
const flashFor = 3 * time.Second

// Options configure a projection.
type Options struct {
	// City is the map drawn and the neighbourhoods it names.
	City *ascii_maps.City
	// Lang is the interface language (i18n.Languages), or a pair of them,
	// "lv,ru", for a bilingual room: headings and captions show in both,
	// what only the facilitator reads (keys, status) in the first.
	Lang string
	// Theme is the starting palette (default dark).
	Theme ThemeName
	// Rotate is how long each panel shows when they take turns (default 10 s).
	Rotate time.Duration
	// JoinLine is shown at the bottom, e.g. how to reach the board by ssh;
	// empty shows none.
	JoinLine string
	// Snapshot is the initial snapshot (nil: nothing counted yet).
	Snapshot *model.Snapshot
	// Display is the starting reveal state.
	Display DisplayState
	// OnDisplayChange, when set, is called (from a command, never from
	// Update) with the new state after a key changed it, so the owner can
	// share it with other sessions. An error (the session may no longer
	// change what the room sees) takes the projection back to the state
	// shared before (DisplayRefusedMsg).
	OnDisplayChange func(DisplayState) error
	// Locked makes the reveal keys (hide, freeze) do nothing, for a
	// viewer's projection: it follows the shared state (SnapshotMsg) only.
	Locked bool
	// ExtraKeys are the owner's keys listed after the projection's own in
	// the keys' overlay, e.g. an application's "esc back to capture".
	ExtraKeys []key.Binding
}

// DisplayState is the reveal state a facilitator controls, shared by the
// hub among every screen of the event (live.DisplayState is the same type).
type DisplayState = model.DisplayState

// SnapshotMsg hands the projection a newer snapshot, and with it the
// reveal state shared among the event's screens: a change of the state
// it carries (another screen's h or space) is followed.
type SnapshotMsg struct {
	// Snapshot replaces the one held; it is never modified.
	Snapshot *model.Snapshot
}

// rotateMsg turns to the next panel; gen tells stale ticks apart.
type rotateMsg struct{ gen int }

// flashEndMsg ends the marking of a snapshot's changes.
type flashEndMsg struct{ gen int }

// Model is the projection's Bubble Tea model.
type Model struct {
	opts   Options
	keys   KeyMap
	theme  ThemeName
	styles styles
	maps   *choropleth.Renderer
	cache  *screenCache

	w, h    int
	colour  bool                 // the terminal shows colours: the theme's background is set
	profile colorprofile.Profile // the terminal's colours (true colour until told)
	display DisplayState
	shared  DisplayState // the state the last snapshot carried: a change of it is followed
	help    bool

	snap    *model.Snapshot // what is drawn
	pending *model.Snapshot // newest held back while frozen
	counts  map[string]int  // snap's counts by name
	drawn   uint64          // increases with every snapshot drawn

	panel     int // the rotating panel shown
	rotateGen int
	changed   *change // what the latest snapshot changed, while marked
	flashGen  int
}

// New returns a projection configured by o.
func New(o Options) Model {
	if o.Rotate <= 0 {
		o.Rotate = DefaultRotate
	}
	if o.Theme == "" {
		o.Theme = Dark
	}
	m := Model{opts: o, keys: DefaultKeyMap(i18n.First(o.Lang)), display: o.Display, cache: &screenCache{},
		profile: colorprofile.TrueColor}
	m.setTheme(o.Theme)
	if o.Snapshot != nil {
		m.shared = o.Snapshot.Display
		m.show(o.Snapshot, false)
	}
	return m
}

// Init starts the rotation of the panels.
func (m Model) Init() tea.Cmd { return m.rotateCmd() }

// Display returns the reveal state.
func (m Model) Display() DisplayState { return m.display }

// HelpShown reports whether the keys' overlay is open (esc closes it).
func (m Model) HelpShown() bool { return m.help }

// Theme returns the palette in use.
func (m Model) Theme() ThemeName { return m.theme }

// Panel returns the index of the rotating panel shown.
func (m Model) Panel() int { return m.panel }

// Snapshot returns the snapshot drawn (nil before the first).
func (m Model) Snapshot() *model.Snapshot { return m.snap }

// setTheme switches the palette and the map drawn with it.
func (m *Model) setTheme(t ThemeName) {
	m.theme = t
	m.styles = newStyles(t)
	if m.opts.City != nil {
		m.maps = choropleth.NewRenderer(m.opts.City, mapStyles(t, m.profile, m.opts.Lang))
	}
}

// rotateCmd waits for the next turn of the panels.
func (m Model) rotateCmd() tea.Cmd {
	gen := m.rotateGen
	return tea.Tick(m.opts.Rotate, func(time.Time) tea.Msg { return rotateMsg{gen} })
}

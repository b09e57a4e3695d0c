// Package replay steps or plays through an event as it happened: the
// ordinary read-only board (tui.Model as a viewer) at any moment of the
// event, with a status line saying which moment and the keys to move.
//
// The responses are loaded once and sorted by the time they were answered;
// a model.Tallier follows the position, counting a response going forward
// (Put) and uncounting it going back (Remove), so a step costs the answers
// stepped over, never the whole event.
package replay

import (
	"context"
	"sort"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/ascii_maps"
	"standmap/exchange"
	"standmap/i18n"
	"standmap/model"
	"standmap/tui"
)

const (
	// DefaultSpeed plays one minute of the event per second.
	DefaultSpeed = 60
	// tickEvery is how often playing moves on, in wall-clock time.
	tickEvery = 200 * time.Millisecond
	// jump is how far shift+→ / shift+← move in event time.
	jump = 10 * time.Minute
	// recentLen is how many newest responses a snapshot carries.
	recentLen = 20
	// boardMinW and boardMinH are the least the board draws in (tui's
	// minimum, which it does not export).
	boardMinW, boardMinH = 60, 16
	// momentLayout shows the moment, in local time.
	momentLayout = "2006-01-02 15:04:05"
)

// Options configure a replay.
type Options struct {
	// City is the event's map.
	City *ascii_maps.City
	// Event is the event replayed.
	Event model.Event
	// Responses are the event's responses, in any order (New sorts a copy
	// by created_at, then Seq).
	Responses []model.Response
	// Curation is counted under, as the live board does (nil: none).
	Curation *model.Curation
	// Lang is the interface language, one of i18n.Languages (any other:
	// English).
	Lang string
	// Speed is event time per wall-clock time while playing; 0 means
	// DefaultSpeed.
	Speed float64
	// At is the moment to start at; zero: the start of the event.
	At time.Time
	// Location is the time zone of the moment shown; nil: time.Local.
	Location *time.Location
	// DBPath is shown in the board's header.
	DBPath string
	// Theme is the board's palette (tui.Auto follows the terminal).
	Theme tui.Theme
}

// tickMsg moves playing on; gen tells the ticks of an earlier play apart.
type tickMsg struct{ gen int }

// Model is the replay: the board, the position in the event and the
// status and help lines. Copies share one Tallier: use only the model
// that Update returns.
type Model struct {
	o     Options
	lang  string
	loc   *time.Location
	speed float64

	rs         []model.Response // sorted by created_at, then Seq
	gaz        *model.Gazetteer
	tally      *model.Tallier // counts rs[:n]
	n          int
	at         time.Time // the moment shown
	start, end time.Time // the first and last moments
	version    uint64

	playing bool
	gen     int // of the current play's ticks

	board     tui.Model
	filtering bool // the board's filter field has the keys

	st        tui.Styles
	keys      KeyMap
	help      help.Model
	helpLines []string
	w, h      int
}

// Load reads the event's responses once, in order of entry, and its
// curation.
func Load(ctx context.Context, store exchange.Reader, event string) ([]model.Response, *model.Curation, error) {
	var rs []model.Response
	err := store.EachResponse(ctx, event, func(r model.Response) error {
		rs = append(rs, r)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	cur, err := store.Curation(ctx, event)
	if err != nil {
		return nil, nil, err
	}
	return rs, cur, nil
}

// Sort orders responses by the time they were answered, then by entry
// (Seq).
func Sort(rs []model.Response) {
	sort.SliceStable(rs, func(a, b int) bool {
		if !rs[a].CreatedAt.Equal(rs[b].CreatedAt) {
			return rs[a].CreatedAt.Before(rs[b].CreatedAt)
		}
		return rs[a].Seq < rs[b].Seq
	})
}

// New returns the replay at o.At (else at the start), paused.
func New(o Options) Model {
	o.Lang = i18n.Lang(o.Lang)
	if o.Speed <= 0 {
		o.Speed = DefaultSpeed
	}
	loc := o.Location
	if loc == nil {
		loc = time.Local
	}
	var gaz *model.Gazetteer
	if o.City != nil {
		gaz = o.City.Gazetteer
	}
	if gaz == nil {
		gaz, _ = model.NewGazetteer(nil)
	}
	rs := append([]model.Response(nil), o.Responses...)
	Sort(rs)
	tally, _ := model.Count(gaz, o.Event.Name, o.Curation, nil) // none yet: Put and Remove follow the position
	m := Model{
		o: o, lang: o.Lang, loc: loc, speed: o.Speed, rs: rs, gaz: gaz,
		tally: tally,
		board: tui.New(tui.Options{City: o.City, Event: o.Event, Lang: o.Lang, Role: tui.Viewer,
			DBPath: o.DBPath, Theme: o.Theme}),
		st: tui.NewStyles(o.Theme), keys: DefaultKeyMap(o.Lang), help: help.New(),
		w: 80, h: 24,
	}
	if len(rs) > 0 {
		m.end = rs[len(rs)-1].CreatedAt
		// The start is the whole minute before the first answer: nothing
		// counted yet.
		first := rs[0].CreatedAt
		m.start = first.Truncate(time.Minute)
		if !m.start.Before(first) {
			m.start = m.start.Add(-time.Minute)
		}
		m.at = m.start
	}
	m.help.Styles = m.st.Help
	m = m.withHelp()
	if !o.At.IsZero() {
		m.seek(o.At)
	}
	m.publish()
	return m
}

// Init asks the board for what it needs (the terminal's background).
func (m Model) Init() tea.Cmd { return m.board.Init() }

// Position returns the number of answers counted and the moment shown.
func (m Model) Position() (n int, at time.Time) { return m.n, m.at }

// Playing reports whether the replay is playing.
func (m Model) Playing() bool { return m.playing }

// Snapshot returns the snapshot the board shows.
func (m Model) Snapshot() *model.Snapshot { return m.board.Snapshot() }

// Update handles one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m = m.withHelp()
		return m.toBoard(tea.WindowSizeMsg{Width: m.w, Height: m.boardHeight()})
	case tea.BackgroundColorMsg:
		if m.o.Theme == tui.Auto && !msg.IsDark() {
			m.st = tui.NewStyles(tui.Light)
			m.help.Styles = m.st.Help
			m.helpLines = nil
			m = m.withHelp()
		}
		return m.toBoard(msg)
	case tickMsg:
		if !m.playing || msg.gen != m.gen {
			return m, nil
		}
		m.seek(m.at.Add(m.step()))
		if !m.at.Before(m.end) {
			m.playing = false
			return m, nil
		}
		return m, m.tick()
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case tea.PasteMsg:
		if m.filtering {
			return m.toBoard(msg)
		}
		return m, nil
	}
	return m.toBoard(msg)
}

// onKey moves through the event, or passes the board's keys on.
func (m Model) onKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.filtering { // the filter's field takes every key until esc or enter
		if s := k.String(); s == "esc" || s == "enter" {
			m.filtering = false
		}
		return m.toBoard(k)
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(k, m.keys.Next):
		m.stepAnswers(+1)
	case key.Matches(k, m.keys.Prev):
		m.stepAnswers(-1)
	case key.Matches(k, m.keys.Forward):
		m.seek(m.at.Add(jump))
	case key.Matches(k, m.keys.Back):
		m.seek(m.at.Add(-jump))
	case key.Matches(k, m.keys.Start):
		m.seek(m.start)
	case key.Matches(k, m.keys.End):
		m.seek(m.end)
	case key.Matches(k, m.keys.Play):
		return m.togglePlay()
	case key.Matches(k, m.keys.Filter):
		m.filtering = true
		return m.toBoard(k)
	case key.Matches(k, m.keys.Scroll), k.String() == "esc":
		return m.toBoard(k)
	}
	return m, nil
}

// togglePlay starts playing (from the start when at the end) or pauses.
func (m Model) togglePlay() (tea.Model, tea.Cmd) {
	if m.playing {
		m.playing = false
		return m, nil
	}
	if len(m.rs) == 0 {
		return m, nil
	}
	if !m.at.Before(m.end) {
		m.seek(m.start)
	}
	m.playing = true
	m.gen++
	return m, m.tick()
}

// tick is the command of the next tick of the current play.
func (m Model) tick() tea.Cmd {
	gen := m.gen
	return tea.Tick(tickEvery, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// step is the event time one tick plays.
func (m Model) step() time.Duration {
	return time.Duration(float64(tickEvery) * m.speed)
}

// toBoard hands msg to the board.
func (m Model) toBoard(msg tea.Msg) (tea.Model, tea.Cmd) {
	b, cmd := m.board.Update(msg)
	if bm, ok := b.(tui.Model); ok {
		m.board = bm
	}
	return m, cmd
}

// seek shows the moment t (kept within the event): every answer given at
// or before it is counted.
func (m *Model) seek(t time.Time) {
	if len(m.rs) == 0 {
		return
	}
	if t.Before(m.start) {
		t = m.start
	}
	if t.After(m.end) {
		t = m.end
	}
	n := sort.Search(len(m.rs), func(i int) bool { return m.rs[i].CreatedAt.After(t) })
	m.at = t
	m.moveTo(n)
}

// stepAnswers moves d answers forward (or back) and shows the moment of
// the last one counted.
func (m *Model) stepAnswers(d int) {
	if len(m.rs) == 0 {
		return
	}
	n := min(max(m.n+d, 0), len(m.rs))
	m.at = m.start
	if n > 0 {
		m.at = m.rs[n-1].CreatedAt
	}
	m.moveTo(n)
}

// moveTo counts exactly rs[:n], putting or removing the answers between
// the position and n (one Put or Remove per answer), and gives the board
// the new snapshot.
func (m *Model) moveTo(n int) {
	if n == m.n {
		return
	}
	for ; m.n < n; m.n++ {
		m.tally.Put(m.rs[m.n])
	}
	for m.n > n {
		m.n--
		m.tally.Remove(m.rs[m.n].ID)
	}
	m.publish()
}

// publish hands the board a snapshot of the counts.
func (m *Model) publish() {
	s := m.tally.Snapshot()
	m.version++
	s.Version = m.version
	if s.Event == "" {
		s.Event = m.o.Event.Name
	}
	lo := max(0, m.n-recentLen)
	s.Recent = make([]model.Response, 0, m.n-lo)
	for i := m.n - 1; i >= lo; i-- {
		s.Recent = append(s.Recent, m.rs[i])
	}
	b, _ := m.board.Update(tui.SnapshotMsg{Snapshot: s})
	if bm, ok := b.(tui.Model); ok {
		m.board = bm
	}
}

// Package replay steps or plays through an event as it happened: the
// position in the event, the snapshot of the board at that moment, and
// the status and help lines that say which moment and the keys to move.
// The replay screen (tui.Replay) draws the ordinary read-only board with
// these lines below it.
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
	// Styles are the looks of the status and help lines.
	Styles Styles
}

// Styles are the looks of the replay's lines, from the screen's palette.
type Styles struct {
	// Title is the moment; Muted the rest of the status line; Accent says
	// it is playing; Bar is the part of the progress bar played.
	Title, Muted, Accent, Bar Paint
	// Help styles the help lines.
	Help help.Styles
}

// Paint draws a text in a style: the screen's (nil: as it is).
type Paint func(string) string

// Render returns text in the style.
func (p Paint) Render(text string) string {
	if p == nil {
		return text
	}
	return p(text)
}

// tickMsg moves playing on; gen tells the ticks of an earlier play apart.
type tickMsg struct{ gen int }

// Model is the replay: the position in the event, its snapshot, and the
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
	snap       *model.Snapshot // of the position

	playing bool
	gen     int // of the current play's ticks

	st        Styles
	keys      KeyMap
	help      help.Model
	helpLines []string
	w         int
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
		st:    o.Styles, keys: DefaultKeyMap(o.Lang), help: help.New(),
		w: 80,
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

// Position returns the number of answers counted and the moment shown.
func (m Model) Position() (n int, at time.Time) { return m.n, m.at }

// Playing reports whether the replay is playing.
func (m Model) Playing() bool { return m.playing }

// Snapshot returns the snapshot of the moment shown: a new one after
// every move, the same while the position stays.
func (m Model) Snapshot() *model.Snapshot { return m.snap }

// Keys returns the replay's keys, the board's that it names too.
func (m Model) Keys() KeyMap { return m.keys }

// SetStyles draws the lines in st from now on (the terminal's background
// turned out light).
func (m Model) SetStyles(st Styles) Model {
	m.st, m.help.Styles, m.helpLines = st, st.Help, nil
	return m.withHelp()
}

// Update handles the window's width, the ticks of playing and the keys
// that move (KeyMap's Next to End, and Play); the screen passes the
// board's keys (Filter, Scroll) and Quit to whom they belong.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w = msg.Width
		return m.withHelp(), nil
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
	}
	return m, nil
}

// onKey moves through the event.
func (m Model) onKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
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
	}
	return m, nil
}

// togglePlay starts playing (from the start when at the end) or pauses.
func (m Model) togglePlay() (Model, tea.Cmd) {
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
// the position and n (one Put or Remove per answer), and takes the new
// snapshot.
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

// publish takes a snapshot of the counts.
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
	m.snap = s
}

package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/exchange"
	"standmap/i18n"
	"standmap/model"
)

// compareTop is how many wish groups of each event the comparison shows.
const compareTop = 10

// compareState is the compare view (ctrl+o): first the list of the other
// events to choose from, then the two events side by side.
type compareState struct {
	open    bool
	events  []string // the other events, oldest first
	sel     int      // the chosen one in events
	loading bool     // a tally is being counted
	other   string   // the event compared with, once chosen
	cmp     *model.Comparison
	err     string
	off     int // the first line of the comparison shown
}

// compareEventsMsg carries the store's events for the compare view.
type compareEventsMsg struct {
	events []model.EventSummary
	err    error
}

// compareTallyMsg carries the other event's tally.
type compareTallyMsg struct {
	event string
	tally model.Tally
	err   error
}

// compareEventsCmd lists the store's events.
func compareEventsCmd(s db.EventReader) tea.Cmd {
	return func() tea.Msg {
		evs, err := s.Events(context.Background())
		return compareEventsMsg{evs, err}
	}
}

// compareTallyCmd counts the event's responses under its curation, as
// `standmap tally` does.
func compareTallyCmd(s exchange.TallyReader, gaz *model.Gazetteer, event string) tea.Cmd {
	return func() tea.Msg {
		t, err := exchange.Tally(context.Background(), s, gaz, event)
		return compareTallyMsg{event: event, tally: t, err: err}
	}
}

// openCompare opens the compare view and asks the store for the events.
func (m Model) openCompare() (Model, tea.Cmd) {
	if m.o.Store == nil {
		return m, nil
	}
	m.cmp = compareState{open: true, loading: true}
	return m, compareEventsCmd(m.o.Store)
}

// compareUpdate handles msg while the compare view is open, and the
// compare view's own messages; ok says whether msg was taken.
func (m Model) compareUpdate(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case compareEventsMsg:
		if !m.cmp.open {
			return m, nil, true
		}
		m.cmp.loading, m.cmp.events = false, nil
		if msg.err != nil {
			m.cmp.err = model.Sanitize(msg.err.Error())
		}
		for _, e := range msg.events {
			if e.Name != m.o.Event.Name {
				m.cmp.events = append(m.cmp.events, e.Name)
			}
		}
		m.cmp.sel = len(m.cmp.events) - 1 // the newest other event
		return m, nil, true
	case compareTallyMsg:
		if !m.cmp.open || msg.event != m.cmp.other {
			return m, nil, true
		}
		m.cmp.loading = false
		if msg.err != nil {
			m.cmp.err = model.Sanitize(msg.err.Error())
			return m, nil, true
		}
		a := m.snap.Tally
		a.Event = m.o.Event.Name
		m.cmp.cmp = model.Compare(a, msg.tally, compareTop)
		return m, nil, true
	case tea.KeyPressMsg:
		if !m.cmp.open {
			return m, nil, false
		}
		mm, cmd := m.compareKey(msg)
		return mm, cmd, true
	}
	return m, nil, false
}

// compareKey handles a key in the compare view: esc goes back (from the
// comparison to the list, from the list to the board).
func (m Model) compareKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	c := &m.cmp
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.askQuit()
	case key.Matches(k, m.keys.Back), key.Matches(k, m.keys.QuitQ), key.Matches(k, m.keys.Compare):
		if c.other != "" && !key.Matches(k, m.keys.Compare) {
			c.other, c.cmp, c.err, c.off, c.loading = "", nil, "", 0, false
			return m, nil
		}
		m.cmp = compareState{}
		return m, nil
	case key.Matches(k, m.keys.Up):
		if c.other != "" {
			c.off = max(0, c.off-1)
		} else if c.sel > 0 {
			c.sel--
		}
	case key.Matches(k, m.keys.Down):
		if c.other != "" {
			c.off++
		} else if c.sel < len(c.events)-1 {
			c.sel++
		}
	case key.Matches(k, m.keys.Pick):
		if c.other == "" && c.sel >= 0 && c.sel < len(c.events) {
			c.other, c.loading, c.err = c.events[c.sel], true, ""
			return m, compareTallyCmd(m.o.Store, m.gaz, c.other)
		}
	}
	return m, nil
}

// renderCompare draws the compare view in w×h cells: header, the list or
// the comparison in a box, and its help line.
func (m Model) renderCompare(w, h int) string {
	c := m.cmp
	cur := model.Sanitize(m.o.Event.Name)
	var body []string
	title := tr(m.lang, i18n.AppHelpCompare)
	switch {
	case c.err != "":
		body = []string{c.err}
	case c.loading:
		body = []string{tr(m.lang, i18n.AppCompareLoading)}
	case c.other == "":
		title = tr(m.lang, i18n.AppComparePick, cur)
		if len(c.events) == 0 {
			body = []string{tr(m.lang, i18n.AppCompareNone)}
		}
		for i, e := range c.events {
			mark := "  "
			if i == c.sel {
				mark = "▸ "
			}
			body = append(body, mark+model.Sanitize(e))
		}
	case c.cmp != nil:
		title = cur + " · " + model.Sanitize(c.other)
		body = compareLines(c.cmp, m.lang, w-4)
		off := min(c.off, max(0, len(body)-(h-4)))
		body = body[off:]
	}
	lines := []string{m.header(w)}
	lines = append(lines, box(body, title, w, h-2, m.st.PanelFocus, m.st.Title)...)
	lines = append(lines, fit(" "+tr(m.lang, i18n.AppCompareHint), w))
	return strings.Join(lines, "\n")
}

// compareLines returns the comparison as lines of exactly w cells: the
// visitors, then the neighbourhoods and the top wish groups, each with
// both events' count and rank and the move in rank.
func compareLines(c *model.Comparison, lang string, w int) []string {
	const numW, moveW = 12, 5
	nameW := max(6, w-2*(numW+1)-(moveW+1))
	row := func(name, a, b, move string) string {
		return fit(fit(name, nameW)+" "+cell(a, numW)+" "+cell(b, numW)+" "+cell(move, moveW), w)
	}
	evA, evB := model.Sanitize(c.A.Event), model.Sanitize(c.B.Event)
	lines := []string{
		row(tr(lang, i18n.AppVisitors), fmt.Sprint(c.A.Responses), fmt.Sprint(c.B.Responses), signed(c.A.Responses-c.B.Responses)),
		"",
	}
	part := func(head string, rows []model.CompareRow) {
		lines = append(lines, row(head, evA, evB, tr(lang, i18n.AppCompareMove)))
		for _, r := range rows {
			if r.CountA == 0 && r.CountB == 0 {
				continue
			}
			lines = append(lines, row(model.Sanitize(r.Name), r.ShownA(), r.ShownB(), r.Change(tr(lang, i18n.AppCompareNew))))
		}
		lines = append(lines, "")
	}
	part(tr(lang, i18n.AppCompareHood), c.Hoods)
	part(tr(lang, i18n.AppWish), c.Wishes)
	return lines[:len(lines)-1]
}

// cell cuts or pads s on the left to exactly w cells.
func cell(s string, w int) string {
	if width(s) < w {
		return padLeft(s, w)
	}
	return fit(s, w)
}

// signed shows a difference with its sign: "+3", "-2", "0".
func signed(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}

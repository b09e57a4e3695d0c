package server

import (
	"fmt"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

// displayHub is a fakeHub whose subscriptions also deliver the reveal
// state, as live's do.
type displayHub struct {
	*fakeHub
	mu   sync.Mutex
	subs map[*displaySub]bool
}

type displaySub struct {
	Subscription
	hub *displayHub
	ch  chan model.DisplayState
}

func (h *displayHub) Subscribe() Subscription {
	s := &displaySub{Subscription: h.fakeHub.Subscribe(), hub: h, ch: make(chan model.DisplayState, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.subs[s] = true
	return s
}

// setDisplay hands d to every subscriber, replacing an unread older one.
func (h *displayHub) setDisplay(d model.DisplayState) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		select {
		case <-s.ch:
		default:
		}
		s.ch <- d
	}
}

// count returns the number of subscribers with a display mailbox.
func (h *displayHub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (s *displaySub) Display() <-chan model.DisplayState { return s.ch }

func (s *displaySub) Close() {
	s.hub.mu.Lock()
	delete(s.hub.subs, s)
	s.hub.mu.Unlock()
	s.Subscription.Close()
}

// dispMsg is the display app's reveal state message.
type dispMsg model.DisplayState

// displayApp shows its role and whether the results are hidden.
type displayApp struct {
	info   Session
	hidden bool
}

func (m displayApp) Init() tea.Cmd { return nil }

func (m displayApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if d, ok := msg.(dispMsg); ok {
		m.hidden = d.Hidden
	}
	return m, nil
}

func (m displayApp) View() tea.View {
	return tea.NewView(fmt.Sprintf("role=%s present=%v\nhidden=%v.", m.info.Role, m.info.Present, m.hidden))
}

// TestDisplayReachesEverySession: a reveal state set on the hub reaches a
// facilitator's projection and a viewer's board; a program that takes no
// reveal state still gets its snapshots.
func TestDisplayReachesEverySession(t *testing.T) {
	var hub *displayHub
	ts := startServer(t, func(c *Config) {
		hub = &displayHub{fakeHub: c.Hub.(*fakeHub), subs: map[*displaySub]bool{}}
		c.Hub = hub
		c.App = func(s Session) Program {
			if s.Role == Facilitator && !s.Present {
				return fakeProgram(fakeApp{info: s})
			}
			return Program{Model: displayApp{info: s},
				SnapshotMsg: func(*model.Snapshot) tea.Msg { return nil },
				DisplayMsg:  func(d model.DisplayState) tea.Msg { return dispMsg(d) }}
		}
	})
	proj := openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "present")
	board := openScreen(t, ts.dial(t, noKey), "")
	plain := openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "")
	proj.waitFor(t, "role=facilitator present=true", 30*time.Second)
	board.waitFor(t, "hidden=false.", 30*time.Second)
	plain.waitFor(t, "got v=1.", 30*time.Second)
	for hub.count() < 3 {
		time.Sleep(time.Millisecond)
	}
	hub.setDisplay(model.DisplayState{Hidden: true})
	proj.waitFor(t, "true.", 30*time.Second) // the renderer writes the difference only
	board.waitFor(t, "true.", 30*time.Second)
	hub.publish(&model.Snapshot{Version: 2})
	plain.waitFor(t, "got v=2.", 30*time.Second)
}

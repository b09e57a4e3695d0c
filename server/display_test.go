package server

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

// dispMsg is the display app's snapshot message.
type dispMsg struct{ s *model.Snapshot }

// displayApp shows its role and whether its newest snapshot hides the
// results.
type displayApp struct {
	info   Session
	hidden bool
}

func (m displayApp) Init() tea.Cmd { return nil }

func (m displayApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if d, ok := msg.(dispMsg); ok && d.s != nil {
		m.hidden = d.s.Display.Hidden
	}
	return m, nil
}

func (m displayApp) View() tea.View {
	return tea.NewView(fmt.Sprintf("role=%s present=%v\nhidden=%v.", m.info.Role, m.info.Present, m.hidden))
}

// TestDisplayReachesEverySession: the display state travels in the
// snapshot, on the one stream: a snapshot that hides the results reaches a
// facilitator's projection, a viewer's board and a facilitator's
// application alike.
func TestDisplayReachesEverySession(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.App = func(s Session) Program {
			if s.Role == Facilitator && !s.Present {
				return fakeProgram(fakeApp{info: s})
			}
			return Program{Model: displayApp{info: s},
				SnapshotMsg: func(s *model.Snapshot) tea.Msg { return dispMsg{s} }}
		}
	})
	proj := openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "present")
	board := openScreen(t, ts.dial(t, noKey), "")
	plain := openScreen(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "")
	proj.waitFor(t, "role=facilitator present=true", 30*time.Second)
	board.waitFor(t, "hidden=false.", 30*time.Second)
	plain.waitFor(t, "got v=1.", 30*time.Second)
	for ts.hub.subscribers() < 3 {
		time.Sleep(time.Millisecond)
	}
	ts.hub.publish(&model.Snapshot{Version: 2, Display: model.DisplayState{Hidden: true}})
	proj.waitFor(t, "true.", 30*time.Second) // the renderer writes the difference only
	board.waitFor(t, "true.", 30*time.Second)
	plain.waitFor(t, "got v=2.", 30*time.Second)
}

package server

import (
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

// keyApp reports every key it gets on keys: a side effect in Update, as
// a save command's would be.
type keyApp struct{ keys chan<- string }

func (m keyApp) Init() tea.Cmd { return nil }

func (m keyApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		m.keys <- k.String()
	}
	return m, nil
}

func (m keyApp) View() tea.View { return tea.NewView("ready.") }

// TestKeysBeforeDropReachProgram: the last key a client sends before its
// connection (or only its session) closes still reaches the program, and
// the program ends.
func TestKeysBeforeDropReachProgram(t *testing.T) {
	keys := make(chan string, 100)
	ts := startServer(t, func(c *Config) {
		c.App = func(Session) Program {
			return Program{Model: keyApp{keys: keys}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
	for i, whole := range []bool{true, false, true, false, true, false} {
		c := ts.dial(t, noKey)
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		in, _ := sess.StdinPipe()
		out := &screen{sess: sess}
		sess.Stdout = out
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		out.waitFor(t, "ready.", 5*time.Second)
		io.WriteString(in, "xyz")
		if whole {
			c.Close()
		} else {
			sess.Close()
		}
		var got string
		for got != "z" {
			select {
			case got = <-keys:
			case <-time.After(5 * time.Second):
				t.Fatalf("drop %d (whole connection %v): the program never got the last key", i, whole)
			}
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for ts.active.Load() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions still running after their clients went", ts.active.Load())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

package server

import (
	"context"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/db"
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
		sess, in := typedSession(t, c)
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

// typedSession opens an interactive session on a PTY with its input in
// the test's hands, once the program shows "ready.".
func typedSession(t *testing.T, c *gossh.Client) (*gossh.Session, io.Writer) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out := &screen{sess: sess}
	sess.Stdout = out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "ready.", 5*time.Second)
	return sess, in
}

// lateSaveApp starts a save when it gets "s", after a pause in Update:
// the save of a session's last key, handled as the server shuts down.
type lateSaveApp struct {
	store db.Store
	got   chan<- struct{}
}

func (m lateSaveApp) Init() tea.Cmd { return nil }

func (m lateSaveApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "s" {
		m.got <- struct{}{}
		time.Sleep(100 * time.Millisecond)
		// As the application does (tui.WriteTracker): the write counts
		// from Update, though its command reaches the store later.
		done := m.store.(interface{ BeginWrite() func() }).BeginWrite()
		return m, func() tea.Msg {
			defer done()
			time.Sleep(30 * time.Millisecond) // a check, a busy scheduler
			m.store.SaveResponse(context.Background(), model.Response{ID: "late"})
			return nil
		}
	}
	return m, nil
}

func (m lateSaveApp) View() tea.View { return tea.NewView("ready.") }

// TestShutdownWaitsForLastKeysSave: a save that a session's last key
// starts only after Shutdown began, while its program is ending, is
// waited for like any save in flight.
func TestShutdownWaitsForLastKeysSave(t *testing.T) {
	saved, got := make(chan struct{}), make(chan struct{}, 1)
	ts := startServer(t, func(c *Config) {
		c.Store = slowStore{Store: c.Store, saved: saved}
		c.App = func(s Session) Program {
			return Program{Model: lateSaveApp{store: s.Store, got: got}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
	_, in := typedSession(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)))
	io.WriteString(in, "s")
	select {
	case <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("the program never got the key")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ts.Shutdown(ctx)
	select {
	case <-saved:
	default:
		t.Error("Shutdown returned before the save of the session's last key finished")
	}
}

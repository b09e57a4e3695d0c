package server

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

// keyApp reports every key it gets on keys: a side effect in Update, as
// a save command's would be. The first key waits for hold when there is
// one: a program busy for a while, as under load.
type keyApp struct {
	keys chan<- string
	hold <-chan struct{}
}

func (m keyApp) Init() tea.Cmd { return nil }

func (m keyApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if m.hold != nil {
			<-m.hold
		}
		m.keys <- k.String()
		if k.String() == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m keyApp) View() tea.View { return tea.NewView("ready.") }

// keyServer serves keyApp programs reporting on keys.
func keyServer(t *testing.T, keys chan string, hold <-chan struct{}) *testServer {
	return startServer(t, func(c *Config) {
		c.App = func(Session) Program {
			return Program{Model: keyApp{keys: keys, hold: hold}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
}

// TestKeysBeforeDropReachProgram: every key a facilitator's client sent
// before its connection (or only its session) closed reaches the
// program, however
// long the program takes for them (here the first key holds it 2.5 s,
// longer than the 2 s after which the server used to quit a program
// whose client had gone, losing the keys not yet handled); then the
// program ends and no reader is left behind.
func TestKeysBeforeDropReachProgram(t *testing.T) {
	const n = 200
	keys, hold := make(chan string, 4*n), make(chan struct{})
	ts := keyServer(t, keys, hold)
	base := readers()
	want := strings.Repeat("x", n-1) + "z"
	for _, whole := range []bool{true, false} {
		c := ts.dial(t, gossh.PublicKeys(ts.keys.fac)) // a viewer's keys after it went are dropped
		sess, in := typedSession(t, c)
		io.WriteString(in, want)
		if whole {
			c.Close()
		} else {
			sess.Close()
		}
	}
	time.Sleep(2500 * time.Millisecond) // the programs are busy meanwhile
	close(hold)
	var got strings.Builder
	for got.Len() < 2*n {
		select {
		case k := <-keys:
			got.WriteString(k)
		case <-time.After(30 * time.Second):
			t.Fatalf("the programs got %d of the %d keys sent before the drops", got.Len(), 2*n)
		}
	}
	if strings.Count(got.String(), "z") != 2 || strings.Count(got.String(), "x") != 2*(n-1) {
		t.Errorf("the programs got %q", got.String())
	}
	waitSessionsEnded(t, ts)
	waitReaders(t, base)
}

// TestQuitLeavesNoReader: a program that quits while its client is still
// sending keys (q, then more in the same write) ends, and the server's
// terminal reader does not wait on the keys after q for good, as Bubble
// Tea's own used to (ultraviolet's TerminalReader.sendEvents). A few of
// them may reach the model before its quit command does, as in any
// Bubble Tea program; the filter drops the rest.
func TestQuitLeavesNoReader(t *testing.T) {
	keys := make(chan string, 1000)
	ts := keyServer(t, keys, nil)
	base := readers()
	for range 5 {
		sess, in := typedSession(t, ts.dial(t, noKey))
		io.WriteString(in, "abq"+strings.Repeat("x", 300))
		done := make(chan error, 1)
		go func() { done <- sess.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatal("the session did not end after q")
		}
	}
	waitSessionsEnded(t, ts)
	waitReaders(t, base)
	close(keys)
	var got strings.Builder
	for k := range keys {
		got.WriteString(k)
	}
	if strings.Count(got.String(), "abq") != 5 {
		t.Errorf("the programs got %q; want abq from each", got.String())
	}
}

// readers counts the goroutines running a terminal reader or a session
// input's pump.
func readers() int {
	buf := make([]byte, 1<<22)
	stacks := string(buf[:runtime.Stack(buf, true)])
	return strings.Count(stacks, "ultraviolet.(*TerminalReader)") + strings.Count(stacks, "server.(*sessionInput).pump")
}

// waitReaders waits until no more readers run than base.
func waitReaders(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for readers() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<22)
			t.Fatalf("%d terminal readers left (before: %d):\n%s", readers(), base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitSessionsEnded waits until every session's handler has returned.
func waitSessionsEnded(t *testing.T, ts *testServer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
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
	out.waitFor(t, "ready.", 30*time.Second)
	return sess, in
}

// lateSaveApp starts a save when it gets "s", after a pause in Update:
// the save of a session's last key, handled as the server shuts down.
type lateSaveApp struct {
	store SessionStore
	got   chan<- struct{}
}

func (m lateSaveApp) Init() tea.Cmd { return nil }

func (m lateSaveApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "s" {
		m.got <- struct{}{}
		time.Sleep(100 * time.Millisecond)
		// As the application does (tui.WriteTracker): the write counts
		// from Update, though its command reaches the store later.
		done := m.store.BeginWrite()
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
	case <-time.After(30 * time.Second):
		t.Fatal("the program never got the key")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ts.Shutdown(ctx)
	select {
	case <-saved:
	default:
		t.Error("Shutdown returned before the save of the session's last key finished")
	}
}

// bgApp shows whether the terminal said its background is light.
type bgApp struct{ light bool }

func (m bgApp) Init() tea.Cmd { return tea.RequestBackgroundColor }

func (m bgApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if bg, ok := msg.(tea.BackgroundColorMsg); ok {
		m.light = !bg.IsDark()
	}
	return m, nil
}

func (m bgApp) View() tea.View {
	if m.light {
		return tea.NewView("ready. bg=PALE") // no letter in common: the renderer redraws it whole
	}
	return tea.NewView("ready. bg=dark")
}

// TestBackgroundAsked: the server asks each session's terminal for its
// background colour (Bubble Tea does not, now that the server reads the
// input), and the answer reaches the program: the application's theme
// follows a light terminal over SSH as it does locally.
func TestBackgroundAsked(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.App = func(Session) Program {
			return Program{Model: bgApp{}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
	sess, err := ts.dial(t, noKey).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out := &screen{sess: sess}
	sess.Stdout = out
	sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
	in, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "\x1b]11;?\a", 30*time.Second)
	out.waitFor(t, "bg=dark", 30*time.Second)
	io.WriteString(in, "\x1b]11;rgb:ffff/ffff/ffff\x1b\\")
	out.waitFor(t, "PALE", 30*time.Second)
}

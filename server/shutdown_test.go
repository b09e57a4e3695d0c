package server

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/db"
	"standmap/model"
)

// TestStalledViewerDoesNotHoldShutdown: a viewer whose client stopped
// reading (its program blocked on a full SSH window) does not hold
// Shutdown back: Shutdown returns without giving up on anything, well
// within its minute.
// The same holds for viewers on shared frames, whose terminal's writer
// is the one blocked.
func TestStalledViewerDoesNotHoldShutdown(t *testing.T) {
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprintf("shared=%v", shared), func(t *testing.T) { stalledViewerShutdown(t, shared) })
	}
}

func stalledViewerShutdown(t *testing.T, shared bool) {
	var lb logBuffer
	var first sync.Once
	var views atomic.Int32
	ts := startServer(t, func(c *Config) {
		c.Logger = log.New(&lb)
		c.App = func(s Session) Program {
			app := fakeApp{info: s}
			first.Do(func() { app.noise = true })
			if shared {
				return Program{Model: sharedApp{app, &views}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
			}
			return fakeProgram(app)
		}
	})
	stalled, err := ts.dial(t, noKey).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	stalled.RequestPty("xterm", 200, 1000, gossh.TerminalModes{}) // 100 KB a frame at the clamp
	if _, err := stalled.StdoutPipe(); err != nil {               // never read
		t.Fatal(err)
	}
	if err := stalled.Shell(); err != nil {
		t.Fatal(err)
	}
	others := openScreens(t, ts, 2)
	for v := uint64(2); v < 60; v++ { // far past the 2 MiB window
		ts.hub.publish(&model.Snapshot{Version: v})
		awaitAll(t, others, fmt.Sprintf("got v=%d.", v), 30*time.Second)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if ctx.Err() != nil || strings.Contains(lb.String(), "giving up") {
		t.Errorf("Shutdown waited for the stalled viewer:\n%s", lb.String())
	}
}

// numberedStore saves slowly and gives every response the number 412.
type numberedStore struct {
	db.Store
	saved chan struct{}
}

func (s numberedStore) SaveResponse(ctx context.Context, r model.Response) (model.Response, error) {
	time.Sleep(300 * time.Millisecond)
	close(s.saved)
	r.Number = 412
	return r, nil
}

// saveApp saves on s, as the application does: counted from Update
// (tui.WriteTracker), stored by its command.
type saveApp struct{ store SessionStore }

func (m saveApp) Init() tea.Cmd { return nil }

func (m saveApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "s" {
		done := m.store.BeginWrite()
		return m, func() tea.Msg {
			defer done()
			m.store.SaveResponse(context.Background(), model.Response{ID: "r"})
			return nil
		}
	}
	return m, nil
}

func (m saveApp) View() tea.View { return tea.NewView("ready.") }

// TestShutdownShowsSaved: a save in flight when the server shuts down is
// waited for, and the facilitator is told it was saved, under its
// number, after the program's screen is gone.
func TestShutdownShowsSaved(t *testing.T) {
	saved := make(chan struct{})
	ts := startServer(t, func(c *Config) {
		c.Store = numberedStore{Store: c.Store, saved: saved}
		c.App = func(s Session) Program {
			return Program{Model: saveApp{store: s.Store}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
	sess, err := ts.dial(t, gossh.PublicKeys(ts.keys.fac)).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &screen{sess: sess}
	sess.Stdout, sess.Stderr = out, out
	sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
	in, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "ready.", 30*time.Second)
	io.WriteString(in, "s")
	for ts.writes.Load() == 0 { // the key was handled: the save is in flight
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ts.Shutdown(ctx)
	select {
	case <-saved:
	default:
		t.Error("Shutdown returned before the save finished")
	}
	out.waitFor(t, "the server is shutting down; 1 saved in this session, the last: #412 ✓", 30*time.Second)
}

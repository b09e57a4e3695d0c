package server

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"standmap/model"
)

// sharedApp is the fake app as a frames.Screen: its key is all its View
// depends on, and views counts the screens drawn.
type sharedApp struct {
	fakeApp
	views *atomic.Int32
}

type sharedKey struct {
	version uint64
	w, h    int
	role    Role
	noise   bool
}

func (m sharedApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.fakeApp.Update(msg)
	m.fakeApp = next.(fakeApp)
	return m, cmd
}

func (m sharedApp) View() tea.View {
	m.views.Add(1)
	v := m.fakeApp.View()
	v.AltScreen = true
	return v
}

func (m sharedApp) ScreenKey() (any, bool) {
	return sharedKey{m.version, m.w, m.h, m.info.Role, m.noise}, true
}

func startShared(t testing.TB, views *atomic.Int32) *testServer {
	return startServer(t, func(c *Config) {
		c.App = func(s Session) Program {
			return Program{Model: sharedApp{fakeApp{info: s}, views}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
}

// TestViewersShareFrames: twenty viewers of the same screen make the
// room draw each new snapshot's screen once, not twenty times; each
// viewer's screen shows it; the room holds no frame once they have gone.
func TestViewersShareFrames(t *testing.T) {
	var views atomic.Int32
	ts := startShared(t, &views)
	const n = 20
	screens := make([]*screen, n)
	for i := range screens {
		screens[i] = openScreen(t, ts.dial(t, noKey), "")
	}
	awaitAll(t, screens, "got v=1.", 10*time.Second)
	start := views.Load()
	const versions = 5
	for v := uint64(2); v < 2+versions; v++ {
		ts.hub.publish(&model.Snapshot{Version: v})
		awaitAll(t, screens, fmt.Sprintf("got v=%d.", v), 10*time.Second)
	}
	if got := views.Load() - start; got != versions {
		t.Errorf("%d screens drawn for %d snapshots shown to %d viewers, want one a snapshot", got, versions, n)
	}
	for _, s := range screens {
		s.sess.Close()
	}
	waitUntil(t, func() bool { return ts.room.Len() == 0 }, "the room to let go of every frame")
}

// TestSharedViewerQuits: a viewer on shared frames quits with q; its
// terminal gets the cursor and the main screen back.
func TestSharedViewerQuits(t *testing.T) {
	var views atomic.Int32
	ts := startShared(t, &views)
	sess, err := ts.dial(t, noKey).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	sess.RequestPty("xterm-256color", 24, 80, nil)
	s := &screen{sess: sess}
	sess.Stdout = s
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	s.waitFor(t, "got v=1.", 10*time.Second)
	if !strings.Contains(s.String(), "\x1b[?1049h\x1b[?25l") {
		t.Errorf("the alternate screen was not entered: %q", tail(s.String(), 200))
	}
	in.Write([]byte("q"))
	done := make(chan error, 1)
	go func() { done <- s.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end after q")
	}
	if !strings.HasSuffix(s.String(), "\x1b[?25h\x1b[?1049l") {
		t.Errorf("the terminal was not given back: %q", tail(s.String(), 60))
	}
}

// waitUntil polls ok until it holds, failing after 10 s.
func waitUntil(t testing.TB, ok func() bool, what string) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); !ok(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("waited 10 s for %s", what)
		}
	}
}

// TestStalledSharedViewerDelaysNoOne: a viewer that shares its screen
// with five others and never reads fills its SSH window; its writer
// blocks, and the others, on the very same frames, get every snapshot.
func TestStalledSharedViewerDelaysNoOne(t *testing.T) {
	var views atomic.Int32
	ts := startServer(t, func(c *Config) {
		c.App = func(s Session) Program {
			return Program{Model: sharedApp{fakeApp{info: s, noise: true}, &views}, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
		}
	})
	var wg sync.WaitGroup
	open := func(m *marker) {
		sess, err := ts.dial(t, noKey).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { sess.Close() })
		sess.RequestPty("xterm", MaxHeight, MaxWidth, nil) // 100 KB a frame
		if m != nil {
			wg.Add(1)
			m.expect("got v=1.", wg.Done)
			sess.Stdout = m
		} else if _, err := sess.StdoutPipe(); err != nil { // never read
			t.Fatal(err)
		}
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
	}
	await := func(what string) {
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(time.Minute): // a guard, not a measure: failing beats hanging
			t.Fatalf("the others did not all show %s", what)
		}
	}
	open(nil)
	others := make([]*marker, 5)
	for i := range others {
		others[i] = &marker{}
		open(others[i])
	}
	await("their first screen")
	for v := uint64(2); v < 40; v++ { // far past the 2 MiB window
		wg.Add(len(others))
		for _, m := range others {
			m.expect(fmt.Sprintf("got v=%d.", v), wg.Done)
		}
		ts.hub.publish(&model.Snapshot{Version: v})
		await(fmt.Sprintf("v=%d", v))
	}
}

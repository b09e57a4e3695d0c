package server

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"standmap/db"
	"standmap/model"
)

// openScreens opens n viewer PTY sessions, each on its own connection,
// and waits until each shows the first snapshot.
func openScreens(t testing.TB, ts *testServer, n int) []*screen {
	t.Helper()
	screens := make([]*screen, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range screens {
		screens[i] = openScreen(t, ts.dial(t, noKey), "")
		wg.Add(1)
		go func(s *screen) {
			defer wg.Done()
			if err := s.await("got v=1.", 30*time.Second); err != nil {
				errs <- err
			}
		}(screens[i])
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return screens
}

// awaitAll waits until every screen shows want.
func awaitAll(t testing.TB, screens []*screen, want string, within time.Duration) {
	t.Helper()
	var wg sync.WaitGroup
	var failed sync.Once
	for _, s := range screens {
		wg.Add(1)
		go func(s *screen) {
			defer wg.Done()
			if err := s.await(want, within); err != nil {
				failed.Do(func() { t.Error(err) })
			}
		}(s)
	}
	wg.Wait()
}

func TestFanOut(t *testing.T) {
	ts := startServer(t, nil)
	screens := openScreens(t, ts, 50)
	ts.hub.publish(&model.Snapshot{Version: 2})
	awaitAll(t, screens, "got v=2.", 30*time.Second)
	ts.hub.publish(&model.Snapshot{Version: 3})
	awaitAll(t, screens, "got v=3.", 30*time.Second)
}

// A client that never reads its channel fills its SSH window; the others
// keep getting every snapshot.
func TestStalledClientDelaysNoOne(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		var first sync.Once
		c.App = func(s Session) Program {
			app := fakeApp{info: s}
			first.Do(func() { app.noise = true })
			return fakeProgram(app)
		}
	})
	stalled, err := ts.dial(t, noKey).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	stalled.RequestPty("xterm", 200, 1000, gossh.TerminalModes{}) // 200 KB a frame
	if _, err := stalled.StdoutPipe(); err != nil {               // never read
		t.Fatal(err)
	}
	if err := stalled.Shell(); err != nil {
		t.Fatal(err)
	}
	others := openScreens(t, ts, 5)
	for v := uint64(2); v < 40; v++ { // far past the 2 MiB window
		ts.hub.publish(&model.Snapshot{Version: v})
		awaitAll(t, others, fmt.Sprintf("got v=%d.", v), 30*time.Second)
	}
}

func TestSessionsReleased(t *testing.T) {
	ts := startServer(t, nil)
	warm := ts.dial(t, noKey) // the first connection starts lasting goroutines
	openScreen(t, warm, "").waitFor(t, "got v=1.", 30*time.Second)
	warm.Close()
	time.Sleep(50 * time.Millisecond)
	before := runtime.NumGoroutine()

	var clients []*gossh.Client
	for i := 0; i < 20; i++ {
		c, err := ts.tryDial(noKey)
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
		openScreen(t, c, "").waitFor(t, "got v=1.", 30*time.Second)
		run(t, c, "tally")
	}
	if n := ts.hub.subscribers(); n != 20 {
		t.Errorf("%d subscribers, want 20", n)
	}
	for _, c := range clients {
		c.Close()
	}
	deadline := time.Now().Add(30 * time.Second)
	for runtime.NumGoroutine() > before+2 || ts.hub.subscribers() > 0 || ts.active.Load() > 0 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines %d, before %d; subscribers %d; active %d\n%s", runtime.NumGoroutine(), before,
				ts.hub.subscribers(), ts.active.Load(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestMaxViewers: with the viewer cap reached, another viewer is refused
// (board or command), and a facilitator still gets the application and
// export; a viewer gets in again once one leaves.
func TestMaxViewers(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxViewers = 2 })
	first := ts.dial(t, noKey)
	openScreen(t, first, "").waitFor(t, "got v=1.", 30*time.Second)
	openScreens(t, ts, 1)
	if _, errOut, code := run(t, ts.dial(t, noKey), "tally"); code != 1 || !strings.Contains(errOut, "the server is full: it admits 2 viewers at once") {
		t.Errorf("third viewer: exit %d, stderr %q", code, errOut)
	}
	fac := ts.dial(t, gossh.PublicKeys(ts.keys.fac))
	for range 3 {
		openScreen(t, fac, "").waitFor(t, "role=facilitator", 30*time.Second)
	}
	if _, errOut, code := run(t, fac, "export"); code != 0 {
		t.Errorf("facilitator export at the cap: exit %d, %q", code, errOut)
	}
	first.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, _, code := run(t, ts.dial(t, noKey), "tally")
		if code == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no viewer got in after one left")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		app := c.App
		c.App = func(s Session) Program {
			if s.Present {
				panic("boom")
			}
			return app(s)
		}
	})
	c := ts.dial(t, noKey)
	sess, _ := c.NewSession()
	sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
	done := make(chan error, 1)
	go func() { done <- sess.Run("present") }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the panicking session did not end")
	}
	openScreen(t, ts.dial(t, noKey), "").waitFor(t, "got v=1.", 30*time.Second)
}

// slowStore makes saves take a while.
type slowStore struct {
	db.Store
	saved chan struct{}
}

func (s slowStore) SaveResponse(ctx context.Context, r model.Response) (model.Response, error) {
	time.Sleep(300 * time.Millisecond)
	close(s.saved)
	return r, nil
}

func TestShutdownLetsSavesFinish(t *testing.T) {
	saved := make(chan struct{})
	ts := startServer(t, func(c *Config) { c.Store = slowStore{Store: c.Store, saved: saved} })
	screen := openScreen(t, ts.dial(t, noKey), "")
	screen.waitFor(t, "got v=1.", 30*time.Second)
	go ts.storeFor(Facilitator, "fac").SaveResponse(context.Background(), model.Response{ID: "x"})
	for ts.writes.Load() == 0 {
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
	if ctx.Err() != nil {
		t.Error("Shutdown used up its minute")
	}
	screen.waitFor(t, "shutting down", 30*time.Second)
}

func TestViewerStoreIsReadOnly(t *testing.T) {
	ts := startServer(t, nil)
	st := ts.storeFor(Viewer, "")
	if _, err := st.SaveResponse(context.Background(), model.Response{}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("viewer save: %v, want ErrReadOnly", err)
	}
	if _, err := st.CreateEvent(context.Background(), "x"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("viewer create event: %v, want ErrReadOnly", err)
	}
	ctx := context.Background()
	for what, err := range map[string]error{
		"rename event":       st.RenameEvent(ctx, "a", "b"),
		"switch event":       st.SwitchEvent(ctx, "a"),
		"set event settings": st.SetEventSettings(ctx, "a", db.EventSettings{}),
		"set the display":    st.SetDisplay(ctx, "a", model.DisplayState{Hidden: true}),
		"delete a response":  second(st.DeleteResponse(ctx, "a", "x", "viewer")),
		"restore a response": second(st.RestoreResponse(ctx, "a", "x")),
		"read a draft":       second(db.Drafts(st).Draft(ctx, "a", "viewer")),
		"store a draft":      db.Drafts(st).PutDraft(ctx, "a", "viewer", "{}"),
		"save from a draft":  third(db.Drafts(st).SaveDrafted(ctx, model.Response{}, "viewer")),
	} {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("viewer %s: %v, want ErrReadOnly", what, err)
		}
	}
	if _, err := st.Events(ctx); err != nil {
		t.Errorf("viewer read: %v", err)
	}
}

// second returns the error of a call's two results.
func second[T any](_ T, err error) error { return err }

// third returns the error of a call's three results.
func third[T, U any](_ T, _ U, err error) error { return err }

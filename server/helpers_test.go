package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"standmap/db"
	"standmap/model"
)

// fakeHub stands in for live.Hub: the newest snapshot, and subscribers
// with a mailbox of one.
type fakeHub struct {
	mu   sync.Mutex
	snap *model.Snapshot
	subs map[*fakeSub]bool
}

type fakeSub struct {
	hub *fakeHub
	ch  chan *model.Snapshot
}

func newFakeHub() *fakeHub {
	return &fakeHub{snap: &model.Snapshot{Version: 1, Tally: model.Tally{Event: "test"}}, subs: map[*fakeSub]bool{}}
}

func (h *fakeHub) Snapshot() *model.Snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.snap
}

func (h *fakeHub) Subscribe() Subscription {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := &fakeSub{hub: h, ch: make(chan *model.Snapshot, 1)}
	h.subs[s] = true
	s.ch <- h.snap
	return s
}

func (h *fakeHub) subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// publish replaces the snapshot and hands it to every subscriber, the
// newest replacing an unread older one.
func (h *fakeHub) publish(s *model.Snapshot) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.snap = s
	for sub := range h.subs {
		select {
		case <-sub.ch:
		default:
		}
		sub.ch <- s
	}
}

func (s *fakeSub) C() <-chan *model.Snapshot { return s.ch }

func (s *fakeSub) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	delete(s.hub.subs, s)
}

// snapMsg is the fake app's SnapshotMsg.
type snapMsg struct{ snap *model.Snapshot }

func fakeProgram(m fakeApp) Program {
	return Program{Model: m, SnapshotMsg: func(s *model.Snapshot) tea.Msg { return snapMsg{s} }}
}

// fakeApp is the fake tui: it shows its role and the snapshot's version
// as "got v=N.", alternately on two lines so that the renderer, which
// redraws by difference, always writes it whole. With noise it fills the
// window with the version's last digit, to make a lot of output.
type fakeApp struct {
	info    Session
	version uint64
	noise   bool
	w, h    int
}

func (m fakeApp) Init() tea.Cmd { return nil }

func (m fakeApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case snapMsg:
		m.version = msg.snap.Version
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m fakeApp) View() tea.View {
	got := fmt.Sprintf("got v=%d.", m.version)
	lines := []string{fmt.Sprintf("role=%s present=%v who=%.20s size=%dx%d", m.info.Role, m.info.Present, m.info.Who, m.w, m.h), got, ""}
	if m.version%2 == 0 {
		lines[1], lines[2] = "", got
	}
	if m.noise {
		for i := 3; i < m.h; i++ {
			lines = append(lines, strings.Repeat(fmt.Sprint(m.version%10), m.w))
		}
	}
	return tea.NewView(strings.Join(lines, "\n"))
}

// evilText is what fakeCommands' "evil" writes: escape sequences, a
// terminal title, a bidi override.
const evilText = "Bad\x1b]0;pwned\x07 wish\u202e\x1b[2J\n"

// fakeCommands stands in for the command line's tree (cli): it writes
// the role and arguments it got and exits 0; "export" refuses a viewer as
// the tree does (exit 1); "exit N" exits N with a line on stderr; "evil"
// writes evilText on stdout and stderr.
func fakeCommands(_ context.Context, role Role, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	switch args[0] {
	case "export":
		if role != Facilitator {
			fmt.Fprintln(stderr, "standmap export: export is for facilitators")
			return 1
		}
	case "exit":
		code, _ := strconv.Atoi(args[1])
		fmt.Fprintf(stderr, "standmap: exit %d\n", code)
		return code
	case "evil":
		io.WriteString(stdout, evilText)
		io.WriteString(stderr, evilText)
		return 0
	}
	fmt.Fprintf(stdout, "role=%s args=%q\n", role, args)
	return 0
}

// keys are a facilitator's and a viewer's key pairs.
type keys struct{ fac, viewer gossh.Signer }

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testServer is a server on 127.0.0.1:0 with a fresh database, a fake hub
// and the facilitator's key authorized.
type testServer struct {
	*Server
	addr  string
	hub   *fakeHub
	store *db.SQLite
	keys  keys
	dir   string
}

func startServer(t testing.TB, mutate func(*Config)) *testServer {
	t.Helper()
	dir := t.TempDir()
	store, err := db.Open(filepath.Join(dir, "standmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ks := keys{fac: newSigner(t), viewer: newSigner(t)}
	auth := "# facilitators\n\n" + string(gossh.MarshalAuthorizedKey(ks.fac.PublicKey()))
	if err := os.WriteFile(filepath.Join(dir, AuthorizedKeysName), []byte(auth), 0o600); err != nil {
		t.Fatal(err)
	}
	hub := newFakeHub()
	cfg := Config{
		Listen: "127.0.0.1:0", DBPath: store.Path(), Store: store, Hub: hub,
		App:      func(s Session) Program { return fakeProgram(fakeApp{info: s}) },
		Commands: fakeCommands,
		Logger:   log.New(io.Discard),
		// the tests' clients all come from 127.0.0.1: the cap per
		// address is tested on its own (limits_test.go)
		MaxPerAddress: -1,
	}
	if mutate != nil {
		mutate(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	})
	return &testServer{Server: srv, addr: ln.Addr().String(), hub: hub, store: store, keys: ks, dir: dir}
}

// dial connects with the given auth methods.
func (ts *testServer) dial(t testing.TB, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := ts.tryDial(auth...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func (ts *testServer) tryDial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: "visitor", Auth: auth, Timeout: 5 * time.Second,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
}

// noKey authenticates by keyboard-interactive, answering nothing.
var noKey = gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })

// run runs one command and returns its output and exit status.
func run(t testing.TB, c *gossh.Client, cmd string) (stdout, stderr string, code int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	err = sess.Run(cmd)
	if ee, ok := err.(*gossh.ExitError); ok {
		code = ee.ExitStatus()
	} else if err != nil {
		t.Fatalf("run %q: %v", cmd, err)
	}
	return o.String(), e.String(), code
}

// screen is a PTY session whose output is collected.
type screen struct {
	sess *gossh.Session
	mu   sync.Mutex
	buf  bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// openScreen starts an interactive session on a 80×24 PTY.
func openScreen(t testing.TB, c *gossh.Client, cmd string) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	s := &screen{sess: sess}
	sess.Stdout, sess.Stderr = s, s
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitFor polls the screen until it shows want, failing at the deadline.
func (s *screen) waitFor(t testing.TB, want string, within time.Duration) {
	t.Helper()
	if err := s.await(want, within); err != nil {
		t.Fatal(err)
	}
}

func (s *screen) await(want string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for !strings.Contains(s.String(), want) {
		if time.Now().After(deadline) {
			return fmt.Errorf("screen never showed %q within %v; it shows %q", want, within, tail(s.String(), 300))
		}
		time.Sleep(2 * time.Millisecond)
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

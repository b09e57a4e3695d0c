package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"standmap/model"
)

// TestWindowClamped: no window a client asks for, in its PTY request, a
// window change, or a size report typed into its input, makes a session
// drawn larger than MaxWidth×MaxHeight; a later small window shows, so
// the large ones were taken (and clamped), not skipped.
func TestWindowClamped(t *testing.T) {
	ts := startServer(t, nil)
	huge, err := ts.dial(t, noKey).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer huge.Close()
	out := &screen{sess: huge}
	huge.Stdout = out
	if err := huge.RequestPty("xterm-256color", 4000, 8000, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := huge.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := huge.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "size=500x200", 30*time.Second)
	if err := huge.WindowChange(20000, 20000); err != nil {
		t.Fatal(err)
	}
	if err := huge.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "size=100x30", 30*time.Second)
	io.WriteString(in, "\x1b[8;1000;1000t") // "my window is 1000×1000", as a terminal reports it
	for deadline := time.Now().Add(30 * time.Second); strings.Count(out.String(), "size=500x200") < 2; time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the size report was not taken: %q", tail(out.String(), 300))
		}
	}
	if err := huge.WindowChange(31, 101); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "size=101x31", 30*time.Second)
	if s := out.String(); strings.Contains(s, "size=1000") || strings.Contains(s, "size=8000") || strings.Contains(s, "size=20000") {
		t.Errorf("a session was drawn past the clamp: %q", tail(s, 300))
	}
}

// TestEndlessPasteRefused: a client that sends more than maxUnreadInput
// without making a key (a bracketed paste that never ends, which the
// terminal reader would keep whole) has its input refused and its
// session ended; the server goes on serving others. An escape sequence
// that never ends is kept only until the input pauses (the reader's
// 50 ms), and then is keys: paced, and bounded the same way.
func TestEndlessPasteRefused(t *testing.T) {
	ts := startServer(t, nil)
	sess, err := ts.dial(t, noKey).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out := &screen{sess: sess}
	sess.Stdout, sess.Stderr = out, out
	sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
	in, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "got v=1.", 30*time.Second)
	go func() {
		io.WriteString(in, "\x1b[200~")
		chunk := strings.Repeat("a", 4096)
		for range 64 { // 256 KB, four times the limit
			if _, err := io.WriteString(in, chunk); err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the session did not end")
	}
	if !strings.Contains(out.String(), "input refused") {
		t.Errorf("the client was not told: %q", tail(out.String(), 200))
	}
	openScreen(t, ts.dial(t, noKey), "").waitFor(t, "got v=1.", 30*time.Second)
}

// TestFloodThenGone: a client that sent far more keys than anyone types
// and went: a viewer's session ends without handling them (its keys can
// change nothing), a facilitator's after handling afterGoneInput bytes of
// them, the rest logged as cut. Either way the session ends, instead of
// the server spending minutes on keys for no one (paced at eventRate
// while the client was there, they would take hours).
func TestFloodThenGone(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	for _, auth := range []gossh.AuthMethod{noKey, gossh.PublicKeys(ts.keys.fac)} {
		c := ts.dial(t, auth)
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		out := &screen{sess: sess}
		sess.Stdout = out
		sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
		in, _ := sess.StdinPipe()
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		out.waitFor(t, "got v=1.", 30*time.Second)
		flood := strings.Repeat("x", 256<<10)
		go io.WriteString(in, flood) // blocks once the SSH window is full
		time.Sleep(200 * time.Millisecond)
		c.Close()
	}
	waitSessionsEnded(t, ts)
	if !strings.Contains(lb.String(), "input cut") {
		t.Errorf("the facilitator's cut input is not logged:\n%s", lb.String())
	}
}

// windowChange is a window-change request's payload.
func windowChange(cols, rows int) []byte {
	return gossh.Marshal(struct{ Cols, Rows, WidthPx, HeightPx uint32 }{uint32(cols), uint32(rows), 0, 0})
}

// within runs f, failing the test if it has not returned by the deadline
// (a hang guard, not a timing).
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still waiting after %v", what, d)
	}
}

// TestWindowChangesNeverBlock: window changes that no program reads (a
// PTY asked for and no shell yet, as a hostile client may leave it)
// freeze nothing: the same connection still runs a command, and its
// goroutines end with it. charm.land/ssh handed each change to a channel
// of one that only a running program reads, and x/crypto/ssh stops
// reading a connection whose channel has 16 requests unread.
func TestWindowChangesNeverBlock(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(t, noKey)
	idle, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := idle.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	within(t, time.Minute, "sending window changes", func() {
		for i := range 200 {
			if _, err := idle.SendRequest("window-change", false, windowChange(80+i%50, 24)); err != nil {
				t.Error(err)
				return
			}
		}
	})
	within(t, time.Minute, "a command on the same connection", func() {
		if out, _, code := run(t, c, "tally"); code != 0 || !strings.Contains(out, "tally") {
			t.Errorf("tally: %q, exit %d", out, code)
		}
	})
}

// TestWindowChangeFlood: a client that sends 100 000 window changes, of
// every size, as fast as it can, is drawn at the last one (clamped, the
// older ones coalesced), another viewer's board goes on showing new
// snapshots, and the flooder's goroutines end with its connection.
func TestWindowChangeFlood(t *testing.T) {
	ts := startServer(t, nil)
	other := openScreen(t, ts.dial(t, noKey), "")
	other.waitFor(t, "got v=1.", 30*time.Second)
	before := runtime.NumGoroutine()

	c, err := ts.tryDial(noKey)
	if err != nil {
		t.Fatal(err)
	}
	flooder := openScreen(t, c, "")
	flooder.waitFor(t, "got v=1.", 30*time.Second)
	within(t, 5*time.Minute, "sending 100 000 window changes", func() {
		for i := range 100_000 {
			if _, err := flooder.sess.SendRequest("window-change", false, windowChange(1+i%9000, 1+i%7000)); err != nil {
				t.Error(err)
				return
			}
		}
		flooder.sess.SendRequest("window-change", false, windowChange(9999, 9999))
		flooder.sess.SendRequest("window-change", false, windowChange(77, 33))
	})
	flooder.waitFor(t, "size=77x33", time.Minute)
	ts.hub.publish(&model.Snapshot{Version: 2})
	awaitAll(t, []*screen{other, flooder}, "got v=2.", time.Minute)
	c.Close()
	deadline := time.Now().Add(time.Minute)
	for runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines %d, before the flooder %d\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestEnvFlood: a session sets at most maxEnvVars variables of
// maxEnvBytes in all; the requests beyond are refused and logged once,
// and the session then opens its board as usual.
func TestEnvFlood(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	c := ts.dial(t, noKey)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	accepted := 0
	for i := range 1000 {
		if sess.Setenv(fmt.Sprintf("V%d", i), "x") == nil {
			accepted++
		}
	}
	if accepted != maxEnvVars {
		t.Errorf("%d of 1000 variables accepted, want %d", accepted, maxEnvVars)
	}
	big, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer big.Close()
	value := strings.Repeat("v", 3<<10)
	if err := big.Setenv("BIG", value); err != nil {
		t.Errorf("a 3 KB variable was refused: %v", err)
	}
	if err := big.Setenv("BIGGER", value); err == nil {
		t.Errorf("a second 3 KB variable was accepted (past %d bytes)", maxEnvBytes)
	}
	for range 100 {
		big.Setenv("HUGE", strings.Repeat("h", 30<<10))
	}
	out := &screen{sess: sess}
	sess.Stdout = out
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "got v=1.", 30*time.Second)
	if n := strings.Count(lb.String(), "env refused"); n != 2 {
		t.Errorf("%d env refusals logged, want one a session:\n%s", n, lb.String())
	}
}

// TestSessionsPerConnection: one connection opens at most
// MaxSessionsPerConnection sessions; the next is rejected as a resource
// shortage with words for the user, logged once; a facilitator on
// another connection still gets in; once one closes, the connection
// opens a board again.
func TestSessionsPerConnection(t *testing.T) {
	ts, lb := loggedServer(t, nil)
	c := ts.dial(t, noKey)
	var open []*gossh.Session
	for range MaxSessionsPerConnection {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		open = append(open, s)
	}
	for range 3 {
		_, err := c.NewSession()
		var oce *gossh.OpenChannelError
		if !errors.As(err, &oce) || oce.Reason != gossh.ResourceShortage || !strings.Contains(oce.Message, "at most 10 sessions") {
			t.Fatalf("session %d: %v, want a resource shortage that says the limit", MaxSessionsPerConnection+1, err)
		}
	}
	if n := strings.Count(lb.String(), "session refused: too many on one connection who=viewer"); n != 1 {
		t.Errorf("%d refusals logged, want 1:\n%s", n, lb.String())
	}
	if out, _, code := run(t, ts.dial(t, gossh.PublicKeys(ts.keys.fac)), "export"); code != 0 || !strings.Contains(out, "role=facilitator") {
		t.Errorf("the facilitator's export: %q, exit %d", out, code)
	}
	open[0].Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s, err := c.NewSession()
		if err == nil {
			s.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no session after one closed: %v", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestIdleConnectionClosed: a connection that authenticates (as a
// viewer or as a facilitator) or not, and opens no session, or opens
// one and never starts it, is closed by the server. The test waits for
// the close; HandshakeTimeout is short to keep it quick.
func TestIdleConnectionClosed(t *testing.T) {
	// short, to keep the test quick, but long enough for a loaded machine's
	// handshake: the connections are opened first, then waited for
	ts := startServer(t, func(c *Config) { c.HandshakeTimeout = 3 * time.Second })
	viewer := ts.dial(t, noKey)
	fac := ts.dial(t, gossh.PublicKeys(ts.keys.fac))
	unstarted := ts.dial(t, noKey)
	if _, err := unstarted.NewSession(); err != nil {
		t.Fatal(err)
	}
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for what, closed := range map[string]func() error{
		"a viewer with no session":      viewer.Wait,
		"a facilitator with no session": fac.Wait,
		"a session never started":       unstarted.Wait,
		"no handshake":                  func() error { _, err := io.Copy(io.Discard, raw); return err },
	} {
		within(t, time.Minute, what+": the server did not close the connection", func() { closed() })
	}
}

// dialFrom connects from the local address from (any of 127.0.0.0/8 is
// this machine), as a client elsewhere in the room would.
func (ts *testServer) dialFrom(from string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, &gossh.ClientConfig{
		User: "visitor", Auth: auth, Timeout: 5 * time.Second, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

// holdConns opens n TCP connections from 127.0.0.1 that never speak, as
// a stranger holding the server's connections does.
func holdConns(t *testing.T, addr string, n int) []net.Conn {
	t.Helper()
	conns := make([]net.Conn, n)
	for i := range conns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		// the server's version line: it took the connection in
		if _, err := bufio.NewReader(c).ReadString('\n'); err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		conns[i] = c
	}
	return conns
}

// TestConnectionsPerAddress: an address holding MaxPerAddress
// connections gets no more (refused before the handshake, logged once
// with the address), a facilitator from another address still gets in,
// and once one of the stranger's closes, the address connects again.
func TestConnectionsPerAddress(t *testing.T) {
	ts, lb := loggedServer(t, func(c *Config) {
		c.MaxPerAddress = 3
		c.HandshakeTimeout = -1 // the stranger's connections stay until the test closes them
	})
	held := holdConns(t, ts.addr, 3)
	for range 3 {
		if c, err := ts.tryDial(noKey); err == nil {
			c.Close()
			t.Fatal("a fourth connection from 127.0.0.1 was let in")
		}
	}
	if n := strings.Count(lb.String(), "connection refused: too many open"); n != 1 {
		t.Errorf("%d refusals logged, want 1:\n%s", n, lb.String())
	}
	if !strings.Contains(lb.String(), "remote-addr=127.0.0.1") || !strings.Contains(lb.String(), "cap=max-per-address") {
		t.Errorf("the refusal does not name the address and the cap:\n%s", lb.String())
	}
	fac, err := ts.dialFrom("127.0.0.2", gossh.PublicKeys(ts.keys.fac))
	if err != nil {
		t.Fatalf("the facilitator from 127.0.0.2 was refused: %v", err)
	}
	defer fac.Close()
	if out, _, code := run(t, fac, "export"); code != 0 || !strings.Contains(out, "role=facilitator") {
		t.Errorf("the facilitator's export: %q, exit %d", out, code)
	}
	held[0].Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := ts.tryDial(noKey)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("127.0.0.1 cannot connect after closing one: %v", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestConnectionsInAll: the server holds at most MaxViewers +
// FacilitatorConnections connections, whatever their addresses; the
// next is refused, logged with the cap.
func TestConnectionsInAll(t *testing.T) {
	ts, lb := loggedServer(t, func(c *Config) {
		c.MaxViewers = 1
		c.HandshakeTimeout = -1
	})
	holdConns(t, ts.addr, 1+FacilitatorConnections)
	if c, err := ts.dialFrom("127.0.0.2", gossh.PublicKeys(ts.keys.fac)); err == nil {
		c.Close()
		t.Fatalf("connection %d was let in", 2+FacilitatorConnections)
	}
	if !strings.Contains(lb.String(), "cap=max-connections") || !strings.Contains(lb.String(), "remote-addr=127.0.0.2") {
		t.Errorf("the refusal does not name the cap and the address:\n%s", lb.String())
	}
}

// TestViewersPerAddress: the viewers of one address hold at most
// MaxPerAddress sessions however they spread them over connections (10
// connections of 10 sessions would be 100 boards, twice the default
// viewer cap); the next is refused with words, logged once; another
// address's viewer and the same address's facilitator still get in, and
// a closed board makes room again.
func TestViewersPerAddress(t *testing.T) {
	ts, lb := loggedServer(t, func(c *Config) { c.MaxPerAddress = 3 })
	board := ts.dial(t, noKey)
	boards := make([]*screen, 3)
	for i := range boards {
		boards[i] = openScreen(t, board, "")
		boards[i].waitFor(t, "got v=1.", 30*time.Second)
	}
	second := ts.dial(t, noKey)
	for range 2 {
		_, errOut, code := run(t, second, "tally")
		if code != 1 || !strings.Contains(errOut, "at most 3 boards or commands at once from one address") {
			t.Fatalf("a fourth viewer's session from 127.0.0.1: exit %d, stderr %q", code, errOut)
		}
	}
	if n := strings.Count(lb.String(), "viewer refused: too many from one address"); n != 1 {
		t.Errorf("%d refusals logged, want 1:\n%s", n, lb.String())
	}
	other, err := ts.dialFrom("127.0.0.2", noKey)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, errOut, code := run(t, other, "tally"); code != 0 {
		t.Errorf("a viewer from 127.0.0.2: exit %d, %q", code, errOut)
	}
	fac := ts.dial(t, gossh.PublicKeys(ts.keys.fac))
	if out, _, code := run(t, fac, "export"); code != 0 || !strings.Contains(out, "role=facilitator") {
		t.Errorf("the facilitator from 127.0.0.1: %q, exit %d", out, code)
	}
	boards[0].sess.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, _, code := run(t, second, "tally")
		if code == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("127.0.0.1 has no room for a viewer after closing a board")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

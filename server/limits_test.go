package server

import (
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
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

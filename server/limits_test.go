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

// TestEndlessInputRefused: a client that sends more than maxUnreadInput
// without making a key (an escape sequence or a bracketed paste that
// never ends) has its input refused and its session ended; the server
// goes on serving others.
func TestEndlessInputRefused(t *testing.T) {
	ts := startServer(t, nil)
	for name, start := range map[string]string{"OSC": "\x1b]", "paste": "\x1b[200~", "CSI": "\x1b[", "unknown": "\x1b[\x01"} {
		sess, err := ts.dial(t, noKey).NewSession()
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
		out.waitFor(t, "got v=1.", 30*time.Second)
		fill := "1"
		if name == "OSC" || name == "paste" {
			fill = "a"
		}
		go func() {
			io.WriteString(in, start)
			chunk := strings.Repeat(fill, 4096)
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
			t.Fatalf("%s: the session did not end", name)
		}
		if !strings.Contains(out.String(), "input refused") {
			t.Errorf("%s: the client was not told: %q", name, tail(out.String(), 200))
		}
		sess.Close()
	}
	openScreen(t, ts.dial(t, noKey), "").waitFor(t, "got v=1.", 30*time.Second)
}

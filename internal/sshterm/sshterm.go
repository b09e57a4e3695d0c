// Package sshterm is a terminal at the far end of an SSH session, for
// tests: an x/crypto/ssh client session on a PTY whose output feeds a
// real terminal emulator (charmbracelet/x/vt), so a test reads the screen
// a person would see rather than raw bytes, and types as a person would.
// The emulator's answers to terminal queries go back to the server, as a
// real terminal's do.
package sshterm

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// Keys a test types, as a terminal sends them.
const (
	// Enter is the return key.
	Enter = "\r"
	// CtrlS is ctrl+s.
	CtrlS = "\x13"
	// CtrlC is ctrl+c.
	CtrlC = "\x03"
	// Esc is the escape key.
	Esc = "\x1b"
)

// Term is one interactive SSH session on a PTY, drawn by an emulator.
type Term struct {
	end func() // ends the session (and its connection when Dial made it)

	inMu  sync.Mutex // one writer at a time on the session's input
	stdin io.WriteCloser

	mu      sync.Mutex    // guards vt, last, changed, ended
	vt      *vt.Emulator  // nil once the output has ended
	last    string        // the screen when the output ended
	changed chan struct{} // closed and replaced on every output
	ended   bool

	done chan struct{} // closed when the session's output has ended
}

// Dial connects to addr as user with auth (a key signer, or keyboard-
// interactive answering nothing when auth is nil) and opens a w×h terminal
// running cmd ("" for the shell, i.e. the application).
func Dial(addr string, auth gossh.Signer, cmd string, w, h int) (*Term, error) {
	m := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	if auth != nil {
		m = gossh.PublicKeys(auth)
	}
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "sshterm", Auth: []gossh.AuthMethod{m}, Timeout: 10 * time.Second,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		return nil, err
	}
	t, err := Open(c, cmd, w, h)
	if err != nil {
		c.Close()
		return nil, err
	}
	end := t.end
	t.end = func() { end(); c.Close() }
	return t, nil
}

// Open starts a w×h terminal session running cmd on an open connection,
// which the caller keeps and closes.
func Open(c *gossh.Client, cmd string, w, h int) (*Term, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		sess.Close()
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		sess.Close()
		return nil, err
	}
	sess.Stderr = io.Discard
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		sess.Close()
		return nil, fmt.Errorf("request pty: %w", err)
	}
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err != nil {
		sess.Close()
		return nil, err
	}
	return Attach(stdin, stdout, w, h, func() { sess.Close() }), nil
}

// Attach is a w×h terminal on any session's input and output, e.g. the
// real ssh client's in a terminal made by script(1): in takes the keys
// and the emulator's replies, out feeds the emulator, and end (called by
// Close) must make out end.
func Attach(in io.WriteCloser, out io.Reader, w, h int, end func()) *Term {
	t := &Term{end: end, stdin: in, vt: vt.NewEmulator(w, h), changed: make(chan struct{}), done: make(chan struct{})}
	go t.answer(t.vt)
	go t.draw(out)
	return t
}

// draw feeds the session's output to the emulator until it ends.
func (t *Term) draw(stdout io.Reader) {
	defer close(t.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := stdout.Read(buf)
		if n > 0 {
			t.mu.Lock()
			t.vt.Write(buf[:n]) //nolint:errcheck // the emulator never fails a write while open
			close(t.changed)
			t.changed = make(chan struct{})
			t.mu.Unlock()
		}
		if err != nil {
			break
		}
	}
	t.mu.Lock()
	t.ended = true
	close(t.changed)
	t.changed = make(chan struct{})
	if pw, ok := t.vt.InputPipe().(io.Closer); ok {
		pw.Close() // ends answer
	}
	// A test may keep thousands of ended terminals: keep their last
	// screen, not their emulators.
	t.last, t.vt = t.vt.String(), nil
	t.mu.Unlock()
}

// answer sends what the emulator replies to terminal queries (cursor
// position, modes, colours) to the session, as a terminal does; without
// a reader the emulator's replies would block its writes. The replies go
// through a queue to a writer of their own, so that a server not reading
// its input can never block the emulator (and draw, holding t.mu, and
// with it WaitUntil's timeout): past 64 replies unsent, more are dropped.
func (t *Term) answer(em *vt.Emulator) {
	replies := make(chan string, 64)
	defer close(replies)
	go func() {
		for r := range replies {
			t.Type(r) //nolint:errcheck // a session gone is noticed by its owner
		}
	}()
	buf := make([]byte, 1024)
	for {
		n, err := em.Read(buf)
		if n > 0 {
			select {
			case replies <- string(buf[:n]):
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// Type sends text as typed keys: runes, or key sequences such as Enter
// and CtrlS.
func (t *Term) Type(text string) error {
	t.inMu.Lock()
	defer t.inMu.Unlock()
	_, err := io.WriteString(t.stdin, text)
	return err
}

// Screen returns the screen's text, trailing blanks trimmed.
func (t *Term) Screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.screen()
}

// screen is the screen's text; t.mu is held.
func (t *Term) screen() string {
	if t.vt == nil {
		return t.last
	}
	return t.vt.String()
}

// Line returns the text of the screen's line y (0 is the top), trailing
// blanks trimmed: cheaper than Screen for a test that watches one line.
func (t *Term) Line(y int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.line(y)
}

// line is the text of line y; t.mu is held.
func (t *Term) line(y int) string {
	if t.vt == nil {
		lines := strings.Split(t.last, "\n")
		if y < len(lines) {
			return lines[y]
		}
		return ""
	}
	var b strings.Builder
	for x := range t.vt.Width() {
		if c := t.vt.CellAt(x, y); c != nil {
			b.WriteString(c.Content)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// Done is closed when the session's output has ended.
func (t *Term) Done() <-chan struct{} { return t.done }

// ErrEnded is returned by WaitFor when the session ended before the
// screen showed what was awaited.
var ErrEnded = errors.New("the session ended")

// WaitFor waits until the screen contains want.
func (t *Term) WaitFor(want string, within time.Duration) error {
	return t.WaitUntil(func(s string) bool { return strings.Contains(s, want) }, fmt.Sprintf("%q", want), within)
}

// WaitUntil waits until ok holds for the screen's text; what names the
// condition in the error, which includes the screen.
func (t *Term) WaitUntil(ok func(screen string) bool, what string, within time.Duration) error {
	return t.wait(t.screen, ok, what, within)
}

// WaitLine waits until ok holds for the text of line y (Line).
func (t *Term) WaitLine(y int, ok func(line string) bool, what string, within time.Duration) error {
	return t.wait(func() string { return t.line(y) }, ok, what, within)
}

// wait waits until ok holds for what read returns (called with t.mu
// held) after the output changed.
func (t *Term) wait(read func() string, ok func(string) bool, what string, within time.Duration) error {
	timer := time.NewTimer(within)
	defer timer.Stop()
	for {
		t.mu.Lock()
		screen, changed, ended := read(), t.changed, t.ended
		t.mu.Unlock()
		if ok(screen) {
			return nil
		}
		if ended {
			return fmt.Errorf("waiting for %s: %w; the screen:\n%s", what, ErrEnded, screen)
		}
		select {
		case <-changed:
		case <-timer.C:
			return fmt.Errorf("the screen did not show %s within %v; it shows:\n%s", what, within, screen)
		}
	}
}

// Close ends the session (and the connection when Dial made it) at once,
// as a client that drops, and waits for the output to end.
func (t *Term) Close() {
	t.end()
	<-t.done
}

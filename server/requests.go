package server

import (
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// A session's requests (env, pty-req, window-change, shell, …) reach
// charm.land/ssh's session loop one at a time, and while that loop
// waits, so does the connection's: golang.org/x/crypto/ssh queues 16 of
// a channel's requests, then stops reading the connection. The loop
// keeps every env request (no bound), and hands each window change to
// a channel of one that only a running program reads: a client that
// sent two window changes before its shell, during a command, or after
// its board ended froze its connection for good — every session on it,
// and the goroutines, even once the client had gone. filterRequests
// stands in front of that loop: it bounds the environment, and takes
// the window changes itself, keeping only the newest for the program.

// The environment a session may set (env requests): OpenSSH sends LANG
// and LC_* (SendEnv), a handful; beyond either bound the request is
// refused, logged once a session.
const (
	// maxEnvVars is the variables a session may set.
	maxEnvVars = 32
	// maxEnvBytes is their size in all (names and values).
	maxEnvBytes = 4 << 10
)

// boundedChannel is a session channel whose requests pass
// filterRequests before charm.land/ssh's session loop sees them.
type boundedChannel struct {
	gossh.NewChannel
	s   *Server
	ctx *sessionContext
}

// Accept accepts the channel and returns its requests, filtered.
func (c *boundedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	win := &windowBox{ready: make(chan struct{}, 1)}
	c.ctx.SetValue(windowBoxKey{}, win)
	out := make(chan *gossh.Request)
	go c.s.filterRequests(c.ctx, reqs, out, win)
	return ch, out, nil
}

// filterRequests passes a session's requests from in to out (the session
// loop), but for env requests beyond the bounds, refused, and window
// changes once a PTY was asked for, which it answers and puts in win.
// It never waits but for the session loop, which (window changes taken
// from it) waits for nothing but the client; it closes out when in ends.
func (s *Server) filterRequests(ctx ssh.Context, in <-chan *gossh.Request, out chan<- *gossh.Request, win *windowBox) {
	defer close(out)
	vars, size, logged, pty := 0, 0, false, false
	for req := range in {
		switch req.Type {
		case "env":
			if vars+1 > maxEnvVars || size+len(req.Payload) > maxEnvBytes {
				if !logged {
					s.log.Warn("env refused: the session's environment is full", "who", s.who(ctx), "remote-addr", ctx.RemoteAddr(),
						"vars", vars, "bytes", size, "max-vars", maxEnvVars, "max-bytes", maxEnvBytes)
					logged = true
				}
				_ = req.Reply(false, nil)
				continue
			}
			vars, size = vars+1, size+len(req.Payload)
		case "pty-req":
			pty = true
		case "window-change":
			if !pty {
				break // the session loop refuses it
			}
			var w struct{ Cols, Rows, WidthPx, HeightPx uint32 }
			err := gossh.Unmarshal(req.Payload, &w)
			if err == nil {
				win.set(ssh.Window{Width: int(w.Cols), Height: int(w.Rows), WidthPixels: int(w.WidthPx), HeightPixels: int(w.HeightPx)})
			}
			_ = req.Reply(err == nil, nil)
			continue
		}
		out <- req
	}
}

// windowBoxKey finds a session's windowBox in its context.
type windowBoxKey struct{}

// windowBox holds a session's newest window change not yet taken: a
// client that sends thousands costs one.
type windowBox struct {
	mu    sync.Mutex
	win   ssh.Window
	fresh bool
	ready chan struct{} // one token while a change waits
}

// windowChanges returns the session's window changes (never nil; a box
// that never fills for a session without one).
func windowChanges(sess ssh.Session) *windowBox {
	if b, ok := sess.Context().Value(windowBoxKey{}).(*windowBox); ok {
		return b
	}
	return &windowBox{}
}

// set replaces the waiting change with w.
func (b *windowBox) set(w ssh.Window) {
	b.mu.Lock()
	b.win, b.fresh = w, true
	b.mu.Unlock()
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

// take returns the waiting change, if there is one.
func (b *windowBox) take() (ssh.Window, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	w, ok := b.win, b.fresh
	b.fresh = false
	return w, ok
}

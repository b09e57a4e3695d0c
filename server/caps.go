package server

import (
	"net"
	"sync"
	"sync/atomic"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"standmap/i18n"
)

// Connection limits: what one client can hold open. A connection costs
// a few goroutines and buffers before it authenticates, and its session
// channels each a program; the caps bound both before any of it is spent.
const (
	// DefaultMaxPerAddress is the TCP connections one remote address may
	// hold open when Config leaves MaxPerAddress zero. A person in the
	// room needs one or two (a board, a command); a facilitator's laptop
	// a few more (the projection, a form, tmux panes). Ten lets all of
	// that in and keeps one stranger from taking the room's share of
	// MaxConnections. It caps the viewers' sessions of one address too
	// (admit). Clients behind one NAT share an address: there give more,
	// or none (a negative MaxPerAddress, --max-per-address 0).
	DefaultMaxPerAddress = 10
	// FacilitatorConnections is the room MaxConnections keeps beyond the
	// viewer cap: facilitators' connections, and connections not yet
	// known to be either.
	FacilitatorConnections = 100
	// MaxSessionsPerConnection is the session channels one connection
	// may have open at once (each an interactive board or a command);
	// the next is rejected with ResourceShortage. OpenSSH's own server
	// allows 10 (MaxSessions).
	MaxSessionsPerConnection = 10
)

// connState is what the server keeps about one TCP connection.
type connState struct {
	sessions atomic.Int64 // open session channels
	refused  atomic.Bool  // a session was refused: logged once a connection
}

// connStateKey finds a connection's connState in its context.
type connStateKey struct{}

// connCounter counts the open TCP connections, per remote address and
// in total.
type connCounter struct {
	mu       sync.Mutex
	byAddr   map[string]int
	refusing map[string]bool // over its cap since it last closed one: logged once
	full     bool            // over the total since one closed: logged once
	total    int
}

func newConnCounter() *connCounter {
	return &connCounter{byAddr: map[string]int{}, refusing: map[string]bool{}}
}

// take counts a new connection from addr unless addr already holds
// perAddr (0 or less: no limit) or the server total; it says which cap refused
// it, and whether that refusal is the first since a connection closed
// (the one to log).
func (c *connCounter) take(addr string, perAddr, total int) (refused string, first bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case perAddr > 0 && c.byAddr[addr] >= perAddr: // addr holds some: release clears refusing
		first = !c.refusing[addr]
		c.refusing[addr] = true
		return "max-per-address", first
	case c.total >= total:
		first = !c.full
		c.full = true
		return "max-connections", first
	}
	c.byAddr[addr]++
	c.total++
	return "", false
}

// release uncounts a connection from addr.
func (c *connCounter) release(addr string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total--
	if c.byAddr[addr]--; c.byAddr[addr] <= 0 {
		delete(c.byAddr, addr)
	}
	delete(c.refusing, addr)
	c.full = false
}

// open returns the connections counted, in total.
func (c *connCounter) open() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// maxConnections is the cap on open TCP connections in all: the viewer
// cap and room for the facilitators.
func (s *Server) maxConnections() int { return s.cfg.MaxViewers + FacilitatorConnections }

// acceptConn is the ConnCallback: it refuses a connection over the caps
// at once, before the handshake costs anything (nil: charm.land/ssh
// closes it), and bounds the others in time (boundConn); the count is
// released when the connection closes.
func (s *Server) acceptConn(ctx ssh.Context, conn net.Conn) net.Conn {
	addr := hostOf(conn.RemoteAddr())
	if refused, first := s.conns.take(addr, s.cfg.MaxPerAddress, s.maxConnections()); refused != "" {
		if first {
			s.log.Warn("connection refused: too many open", "cap", refused, "remote-addr", addr,
				"max-per-address", max(s.cfg.MaxPerAddress, 0), "max-connections", s.maxConnections(), "open", s.conns.open())
		}
		return nil
	}
	st := &connState{}
	ctx.SetValue(connStateKey{}, st)
	return boundConn(ctx, conn, s.cfg.HandshakeTimeout, s.cfg.IdleTimeout, func() { s.conns.release(addr) })
}

// sessionChannel is the handler of "session" channels: it rejects a
// connection's session beyond MaxSessionsPerConnection, and otherwise
// runs charm.land/ssh's own handler on requests that filterRequests has
// bounded, with a context of the session's own (sessionContext).
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	st, _ := ctx.Value(connStateKey{}).(*connState)
	if st == nil {
		st = &connState{}
	}
	if n := st.sessions.Add(1); n > MaxSessionsPerConnection {
		st.sessions.Add(-1)
		if !st.refused.Swap(true) {
			s.log.Warn("session refused: too many on one connection", "who", s.who(ctx), "remote-addr", conn.RemoteAddr(), "max", MaxSessionsPerConnection)
		}
		_ = ch.Reject(gossh.ResourceShortage, "standmap: "+i18n.N(s.cfg.Lang, i18n.ServerTooManySessions, MaxSessionsPerConnection))
		return
	}
	defer st.sessions.Add(-1)
	sctx := newSessionContext(ctx)
	ssh.DefaultSessionHandler(srv, conn, &boundedChannel{NewChannel: ch, s: s, ctx: sctx}, sctx)
}

// who is the connection's key fingerprint when it is a facilitator's,
// else "viewer", for log lines written before admit decides (identify).
func (s *Server) who(ctx ssh.Context) string {
	key, _ := ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey)
	if k, ok := s.keys.lookup(key, ctx.RemoteAddr()); ok {
		return gossh.FingerprintSHA256(k.key)
	}
	return "viewer"
}

// sessionContext is one session's context: the connection's, with values
// of its own, so that what the server keeps per session (its identity,
// its window) is not shared by the other sessions of a connection.
type sessionContext struct {
	ssh.Context
	mu     sync.Mutex
	values map[any]any
}

func newSessionContext(parent ssh.Context) *sessionContext {
	return &sessionContext{Context: parent, values: map[any]any{}}
}

// Value is the session's own value for key, else the connection's.
func (c *sessionContext) Value(key any) any {
	c.mu.Lock()
	v, ok := c.values[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	return c.Context.Value(key)
}

// SetValue sets a value of the session's own.
func (c *sessionContext) SetValue(key, value any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.values[key] = value
}

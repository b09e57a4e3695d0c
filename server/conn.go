package server

import (
	"net"
	"sync"
	"time"

	"charm.land/ssh"
)

// deadlineKey finds a connection's deadlineConn in its context.
type deadlineKey struct{}

// deadlineConn applies the handshake and idle timeouts. charm.land/ssh
// v0.4.2's own HandshakeTimeout and IdleTimeout raced with its reader
// goroutine (go test -race; fixed in v0.4.3), so the server leaves them
// unset and wraps each connection instead, which also bounds the time
// until the first session, not only the handshake; MaxTimeout reaches it
// through SetDeadline.
//
// Until the first session starts, no deadline lies past the handshake
// limit; after that, each read or write extends the deadline by idle.
type deadlineConn struct {
	net.Conn
	idle    time.Duration
	release func() // uncounts the connection (acceptConn), once
	closed  sync.Once

	mu    sync.Mutex
	limit time.Time // handshake limit; zero once a session started
	max   time.Time // the deadline set from outside (MaxTimeout)
}

// boundConn wraps a connection acceptConn admitted; release runs when
// it closes.
func boundConn(ctx ssh.Context, conn net.Conn, handshake, idle time.Duration, release func()) net.Conn {
	c := &deadlineConn{Conn: conn, idle: idle, release: release}
	if handshake > 0 {
		c.limit = time.Now().Add(handshake)
	}
	c.mu.Lock()
	c.apply()
	c.mu.Unlock()
	ctx.SetValue(deadlineKey{}, c)
	return c
}

// Close closes the connection and releases its count, once.
func (c *deadlineConn) Close() error {
	err := c.Conn.Close()
	c.closed.Do(func() {
		if c.release != nil {
			c.release()
		}
	})
	return err
}

// apply sets the earliest of the deadlines; c.mu is held.
func (c *deadlineConn) apply() {
	d := c.max
	earlier := func(t time.Time) {
		if !t.IsZero() && (d.IsZero() || t.Before(d)) {
			d = t
		}
	}
	earlier(c.limit)
	if c.idle > 0 {
		earlier(time.Now().Add(c.idle))
	}
	_ = c.Conn.SetDeadline(d)
}

// touch extends the idle deadline.
func (c *deadlineConn) touch() {
	if c.idle > 0 {
		c.mu.Lock()
		c.apply()
		c.mu.Unlock()
	}
}

// Read reads, extending the idle deadline.
func (c *deadlineConn) Read(p []byte) (int, error) { c.touch(); return c.Conn.Read(p) }

// Write writes, extending the idle deadline.
func (c *deadlineConn) Write(p []byte) (int, error) { c.touch(); return c.Conn.Write(p) }

// SetDeadline records the outside deadline and applies the earliest.
func (c *deadlineConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.max = t
	c.apply()
	return nil
}

// sessionStarted lifts the handshake limit of the session's connection.
func sessionStarted(sess ssh.Session) {
	if c, ok := sess.Context().Value(deadlineKey{}).(*deadlineConn); ok {
		c.mu.Lock()
		c.limit = time.Time{}
		c.apply()
		c.mu.Unlock()
	}
}

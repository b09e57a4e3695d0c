package server

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"sync"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Role is what a session may do.
type Role int

const (
	// Viewer sees the live board and runs read-only commands.
	Viewer Role = iota
	// Facilitator has the full application and every command.
	Facilitator
)

// String names the role in the log.
func (r Role) String() string {
	if r == Facilitator {
		return "facilitator"
	}
	return "viewer"
}

// authorizedKeys is the facilitators' keys, read again whenever the file
// changes, so a facilitator can be added or removed without a restart.
// One rule holds at start and at every read: the file's valid lines are
// the facilitators, each bad line is logged with its number and makes
// no one a facilitator, and a file that others can write (or that
// cannot be read) makes no one a facilitator at all.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu    sync.Mutex
	read  bool   // the file has been read (or found missing) once
	data  []byte // its content at the last read; nil when missing
	keys  []facilitatorKey
	fault string // why the file was refused at the last read, if it was
}

// loadAuthorizedKeys reads the file; a missing one means no
// facilitators. A file refused (its mode, its owner, unreadable) is an
// error here, so that serve does not start on it.
func loadAuthorizedKeys(path string, logger *log.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: logger}
	if err := a.reload(); err != nil {
		return nil, err
	}
	if len(a.keys) == 0 {
		logger.Warn("no facilitators: add their public keys to the authorized keys file", "path", path)
	}
	return a, nil
}

// reload reads the file again; a changed content is parsed and logged
// (the facilitators, and every bad line). A refused file leaves no
// facilitators, logged once, and is returned.
func (a *authorizedKeys) reload() error {
	data, err := a.readFile()
	if err != nil {
		if msg := err.Error(); a.read && msg != a.fault { // at start, New returns it
			a.log.Error("no facilitators: the authorized keys file is refused", "err", msg)
		}
		a.read, a.keys, a.data, a.fault = true, nil, nil, err.Error()
		return err
	}
	if a.read && a.fault == "" && bytes.Equal(data, a.data) && (data == nil) == (a.data == nil) {
		return nil
	}
	f := parseKeyFile(data)
	a.read, a.keys, a.data, a.fault = true, f.keys, data, ""
	for _, bad := range f.bad {
		a.log.Warn("authorized keys: line ignored, its key is no facilitator's", "path", a.path, "problem", bad)
	}
	if data == nil {
		a.log.Info("authorized keys read: no file, no facilitators", "path", a.path)
	} else {
		a.log.Info("authorized keys read", "path", a.path, "facilitators", len(f.keys), "bad-lines", len(f.bad))
	}
	return nil
}

// readFile returns the file's content, nil when it does not exist, or
// why it is refused.
func (a *authorizedKeys) readFile() ([]byte, error) {
	fi, err := os.Stat(a.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	if err := checkPrivate("authorized keys", a.path, fi, false); err != nil {
		return nil, err
	}
	if fi.Size() > maxKeysFile {
		return nil, fmt.Errorf("authorized keys %s: over %d bytes", a.path, maxKeysFile)
	}
	data, err := os.ReadFile(a.path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// lookup returns the facilitator's entry for key coming from addr, as
// the file says now: the key's line must be valid, its from= must allow
// addr, and it must not have expired.
func (a *authorizedKeys) lookup(key ssh.PublicKey, addr net.Addr) (facilitatorKey, bool) {
	if key == nil {
		return facilitatorKey{}, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	_ = a.reload() // a refused file leaves no keys, and is logged
	var ip net.IP
	if tcp, ok := addr.(*net.TCPAddr); ok {
		ip = tcp.IP
	}
	for _, k := range a.keys {
		if ssh.KeysEqual(key, k.key) && k.fromAllowed(ip) && (k.expires.IsZero() || time.Now().Before(k.expires)) {
			return k, true
		}
	}
	return facilitatorKey{}, false
}

// stillFacilitator returns the check a facilitator's session store makes
// before each write (sessionStore.still): the session's key, from its
// address, as the authorized keys file says at that moment (read again
// when it changed: a stat and a read of a small file, far less than the
// write's own transaction). A key taken out, expired or no longer
// admitted from the address gets ErrKeyRemoved, logged.
func (s *Server) stillFacilitator(sess ssh.Session, who string) func() error {
	key, addr := sess.PublicKey(), sess.RemoteAddr()
	return func() error {
		if _, ok := s.keys.lookup(key, addr); ok {
			return nil
		}
		s.log.Warn("write refused: the session's key is no longer a facilitator's", "who", who, "remote-addr", addr)
		return ErrKeyRemoved
	}
}

func (a *authorizedKeys) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

// publicKeyAuth admits every key unless NoViewers. It decides no role: a
// client may offer several keys before signing with one, so the role
// comes from the key that authenticated (roleOf).
func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	if !s.cfg.NoViewers {
		return true
	}
	_, ok := s.keys.lookup(key, ctx.RemoteAddr())
	return ok
}

// keyboardInteractive admits clients without a key as viewers, asking
// nothing; with NoViewers it is left out.
func (s *Server) keyboardInteractive() ssh.Option {
	return func(srv *ssh.Server) error {
		if !s.cfg.NoViewers {
			srv.KeyboardInteractiveHandler = func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }
		}
		return nil
	}
}

// ptyAllowed is the PTY callback: a facilitator's key with no-pty (or
// restrict) gets no terminal, as with OpenSSH; the client goes on
// without one.
func (s *Server) ptyAllowed(ctx ssh.Context, _ ssh.Pty) bool {
	key, _ := ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey)
	if k, ok := s.keys.lookup(key, ctx.RemoteAddr()); ok && k.noPty {
		s.log.Info("terminal refused: the key's line says no-pty or restrict", "who", gossh.FingerprintSHA256(key), "line", k.line)
		return false
	}
	return true
}

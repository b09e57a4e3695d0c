package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
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
// changes, so a facilitator can be added without a restart.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu    sync.Mutex
	keys  []gossh.PublicKey
	mtime time.Time
	size  int64
}

// loadAuthorizedKeys reads the file; a missing one means no facilitators.
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

// reload reads the file again when its size or time changed.
func (a *authorizedKeys) reload() error {
	fi, err := os.Stat(a.path)
	if errors.Is(err, fs.ErrNotExist) {
		a.keys, a.mtime, a.size = nil, time.Time{}, 0
		return nil
	}
	if err != nil {
		return fmt.Errorf("authorized keys: %w", err)
	}
	if fi.ModTime().Equal(a.mtime) && fi.Size() == a.size && a.keys != nil {
		return nil
	}
	data, err := os.ReadFile(a.path)
	if err != nil {
		return fmt.Errorf("authorized keys: %w", err)
	}
	keys, err := parseAuthorizedKeys(data)
	if err != nil {
		return fmt.Errorf("authorized keys %s: %w", a.path, err)
	}
	a.keys, a.mtime, a.size = keys, fi.ModTime(), fi.Size()
	return nil
}

// parseAuthorizedKeys reads OpenSSH's authorized_keys format: one key a
// line, options allowed, blank lines and # comments skipped.
func parseAuthorizedKeys(data []byte) ([]gossh.PublicKey, error) {
	keys := []gossh.PublicKey{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		keys = append(keys, k)
	}
	return keys, sc.Err()
}

// contains reports whether key is a facilitator's. A file made unreadable
// since the last read keeps the keys read before, and says so in the log.
func (a *authorizedKeys) contains(key ssh.PublicKey) bool {
	if key == nil {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.reload(); err != nil {
		a.log.Error("keeping the previous facilitators", "err", err)
	}
	for _, k := range a.keys {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	return false
}

func (a *authorizedKeys) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

// publicKeyAuth admits every key unless NoViewers. It decides no role: a
// client may offer several keys before signing with one, so the role
// comes from the key that authenticated (roleOf).
func (s *Server) publicKeyAuth(_ ssh.Context, key ssh.PublicKey) bool {
	return !s.cfg.NoViewers || s.keys.contains(key)
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

// roleOf is the session's role, from the key it authenticated with.
func (s *Server) roleOf(sess ssh.Session) (Role, string) {
	pk := sess.PublicKey()
	if pk != nil && s.keys.contains(pk) {
		return Facilitator, gossh.FingerprintSHA256(pk)
	}
	return Viewer, ""
}

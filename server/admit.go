package server

import (
	"math"
	"net"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"standmap/i18n"
)

// DefaultMaxViewers is the viewers admitted at once when Config leaves
// MaxViewers zero. A viewer holds about 0.24 MB of heap (BenchmarkViewerMemory,
// docs/benchmarks.md), and each distinct screen, shared by the viewers of
// one size (frames), up to about 20 MB at the largest window drawn
// (MaxWidth×MaxHeight): the cap bounds what viewers of 50 different large
// sizes could make the server hold (about 1 GB, which a laptop survives);
// a room of 50 at 80×24 is about 25 MB.
const DefaultMaxViewers = 50

// identity is who a session is, decided once from the key that
// authenticated and the address it came from.
type identity struct {
	role Role
	key  facilitatorKey // the facilitator's key line
	who  string         // the key's fingerprint (SHA256:…), or "viewer"
}

// identityKey finds a session's identity in its context.
type identityKey struct{}

// identify returns the identity admit gave the session.
func identify(sess ssh.Session) identity {
	id, _ := sess.Context().Value(identityKey{}).(identity)
	if id.who == "" {
		id.who = "viewer"
	}
	return id
}

// admit decides the session's identity, and refuses a viewer when
// viewers are not admitted, when the viewers from its address hold
// MaxPerAddress sessions already (one address must not take the room's
// share: 10 connections of 10 sessions each would be 100 boards), or when
// MaxViewers are already in; facilitators always get in and never count
// against the caps.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		sessionStarted(sess)
		s.active.Add(1)
		defer s.active.Add(-1)
		id := identity{who: "viewer"}
		if k, ok := s.keys.lookup(sess.PublicKey(), sess.RemoteAddr()); ok {
			id = identity{role: Facilitator, key: k, who: gossh.FingerprintSHA256(k.key)}
		}
		sess.Context().SetValue(identityKey{}, id)
		if id.role == Facilitator {
			s.facilitators.Add(1)
			defer s.facilitators.Add(-1)
		} else {
			if s.cfg.NoViewers {
				fail(sess, 1, "standmap: %s", s.say(i18n.ServerFacilitatorsOnly))
				return
			}
			addr := hostOf(sess.RemoteAddr())
			if refused, first := s.viewerAddrs.take(addr, s.cfg.MaxPerAddress, math.MaxInt); refused != "" {
				if first {
					s.log.Warn("viewer refused: too many from one address", "remote-addr", addr, "max-per-address", s.cfg.MaxPerAddress)
				}
				fail(sess, 1, "standmap: %s", i18n.N(s.cfg.Lang, i18n.ServerAddressFull, s.cfg.MaxPerAddress))
				return
			}
			defer s.viewerAddrs.release(addr)
			n := s.viewers.Add(1)
			defer s.viewers.Add(-1)
			if max := s.cfg.MaxViewers; n > int64(max) {
				s.log.Warn("viewer refused: the viewer cap is reached", "who", id.who, "max-viewers", max, "remote-addr", sess.RemoteAddr())
				fail(sess, 1, "standmap: %s", i18n.N(s.cfg.Lang, i18n.ServerFull, max))
				return
			}
		}
		next(sess)
	}
}

// hostOf is the host of a remote address, without its port: what the caps
// per address count by.
func hostOf(addr net.Addr) string {
	if addr == nil {
		return ""
	}
	s := addr.String()
	if host, _, err := net.SplitHostPort(s); err == nil {
		return host
	}
	return s
}

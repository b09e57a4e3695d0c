package server

import (
	"fmt"
	"time"

	"charm.land/ssh"

	"standmap/i18n"
	"standmap/model"
)

// maxCommand is the longest command line a session may give: standmap's
// commands are a few words. A longer one is refused before anything
// splits, parses or logs it (the splitter's cost grew with the square of
// its length: 100 KB took 8 s of CPU).
const maxCommand = 4 << 10

// maxLogged is how much of a client's text (command, user name, client
// version) a log line carries.
const maxLogged = 200

// refuseLong refuses a command longer than maxCommand, logging only its
// length; admit, before it, looks at the key and the address, not at the
// command.
func (s *Server) refuseLong(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := len(sess.RawCommand()); n > maxCommand {
			s.log.Warn("command refused: too long", "who", identify(sess).who, "bytes", n, "max", maxCommand, "remote-addr", sess.RemoteAddr())
			fail(sess, 2, "standmap: %s", s.say(i18n.ServerCommandTooLong, n, maxCommand))
			return
		}
		next(sess)
	}
}

// logSession logs each admitted session's start and end, with who it is
// (the key's fingerprint, or "viewer") and the client's own texts
// truncated and sanitised.
func (s *Server) logSession(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		pty, _, _ := sess.Pty()
		id := identify(sess)
		s.log.Info("connect", "user", logged(sess.User()), "who", id.who, "remote-addr", sess.RemoteAddr().String(),
			"command", logged(sess.RawCommand()), "term", logged(pty.Term), "width", pty.Window.Width, "height", pty.Window.Height,
			"client-version", logged(sess.Context().ClientVersion()))
		next(sess)
		s.log.Info("disconnect", "user", logged(sess.User()), "who", id.who, "remote-addr", sess.RemoteAddr().String(),
			"duration", time.Since(start).Round(time.Millisecond))
	}
}

// say is the catalogue's text for key in the server's language.
func (s *Server) say(key i18n.Key, args ...any) string { return i18n.T(s.cfg.Lang, key, args...) }

// logged is a client's text as a log line carries it: control and bidi
// characters removed (model.Sanitize), at most maxLogged bytes.
func logged(s string) string {
	if len(s) > maxLogged {
		return fmt.Sprintf("%s… (%d bytes)", model.Sanitize(s[:maxLogged]), len(s))
	}
	return model.Sanitize(s)
}

package server

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"standmap/model"
)

// limit refuses a session beyond MaxSessions with a message and exit 1.
func (s *Server) limit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		sessionStarted(sess)
		n := s.active.Add(1)
		defer s.active.Add(-1)
		if max := s.cfg.MaxSessions; max > 0 && n > int64(max) {
			s.log.Warn("session refused: limit reached", "max-sessions", max, "remote-addr", sess.RemoteAddr())
			fail(sess, 1, "standmap: the server is full (%d sessions); try again later", max)
			return
		}
		next(sess)
	}
}

// dispatch runs the command given as arguments, or the program.
func (s *Server) dispatch(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer next(sess)
		role, who := s.roleOf(sess)
		if role == Viewer && s.cfg.NoViewers {
			fail(sess, 1, "standmap: this server admits facilitators only")
			return
		}
		args := sess.Command()
		if len(args) == 0 || (len(args) == 1 && args[0] == "present") {
			s.interactive(sess, Session{Role: role, Who: who, Present: len(args) == 1})
			return
		}
		sess.Exit(s.command(sess, role, args))
	}
}

// interactive runs one Bubble Tea program for the session through wish's
// middleware, fed by the hub until the session ends.
func (s *Server) interactive(sess ssh.Session, info Session) {
	if _, _, ok := sess.Pty(); !ok {
		fail(sess, 2, "standmap: the board needs a terminal: ssh -t … (or give a command: %s)", commandList)
		return
	}
	st := s.storeFor(info.Role, info.Who)
	if info.Role == Facilitator && !info.Present { // a form: its draft waits for this session to end
		st.own = 1
		defer st.byWho.begin(info.Who)()
	}
	info.Store = st
	// The connection's context outlives this session when the client
	// multiplexes sessions; ctx ends with the session and with Shutdown.
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	stop := context.AfterFunc(s.base, cancel)
	defer stop()
	s.log.Info("session", "role", info.Role, "who", info.Who, "present", info.Present, "remote-addr", sess.RemoteAddr())
	app := s.cfg.App(info)
	end := &inputEnd{}
	p := tea.NewProgram(app.Model, programOptions(sess, end)...)
	go forward(ctx, s.cfg.Hub.Subscribe(), p, app)
	runProgram(sess, p, end, s.base.Done())
	if s.closing.Load() {
		fmt.Fprint(sess.Stderr(), "\nstandmap: the server is shutting down\n")
	}
}

// forward hands each new snapshot, and each reveal state when both the
// subscription and the program take them, to the program until ctx ends.
// Send waits for this program only: the hub's mailboxes of one keep the
// newest, so a slow session skips frames and delays no one.
func forward(ctx context.Context, sub Subscription, p *tea.Program, app Program) {
	defer sub.Close()
	var display <-chan model.DisplayState // nil: never ready
	if ds, ok := sub.(DisplaySubscription); ok && app.DisplayMsg != nil {
		display = ds.Display()
	}
	for {
		select {
		case <-ctx.Done():
			return
		case snap, ok := <-sub.C():
			if !ok {
				return
			}
			p.Send(app.SnapshotMsg(snap))
		case d, ok := <-display:
			if !ok {
				return
			}
			p.Send(app.DisplayMsg(d))
		}
	}
}

// fail writes one line on the session's stderr and exits with code.
func fail(sess ssh.Session, code int, format string, args ...any) {
	fmt.Fprintf(sess.Stderr(), format+"\n", args...)
	sess.Exit(code)
}

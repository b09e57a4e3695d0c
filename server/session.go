package server

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/anmitsu/go-shlex"

	"standmap/i18n"
	"standmap/live"
	"standmap/model"
	"standmap/server/frames"
)

// dispatch runs the command given as arguments, or the program.
func (s *Server) dispatch(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer next(sess)
		id := identify(sess)
		who, args := "", sess.Command()
		if id.role == Facilitator {
			who = id.who
			if id.key.command != "" { // the key's line decides, not the client
				args, _ = shlex.Split(id.key.command, true)
				s.log.Info("forced command", "who", who, "line", id.key.line, "command", id.key.command)
			}
		}
		if len(args) == 0 || (len(args) == 1 && args[0] == "present") {
			s.interactive(sess, Session{Role: id.role, Who: who, Present: len(args) == 1})
			return
		}
		sess.Exit(s.command(sess, id.role, args))
	}
}

// storeWait bounds how long a session that ended waits for its saves in
// flight before its last words (a save's own limit is 15 s).
const storeWait = 20 * time.Second

// interactive runs one Bubble Tea program for the session through wish's
// middleware, fed by the hub until the session ends.
func (s *Server) interactive(sess ssh.Session, info Session) {
	if _, _, ok := sess.Pty(); !ok {
		fail(sess, 2, "standmap: %s", s.say(i18n.ServerNeedsTerminal, "ssh … help"))
		return
	}
	store := s.storeFor(info.Role, info.Who)
	if info.Role == Facilitator {
		store.still = s.stillFacilitator(sess, info.Who)
	}
	if info.Role == Facilitator && !info.Present { // a form: it holds a draft until this session ends
		store.form = &formSession{who: info.Who, closed: func() bool { return sess.Context().Err() != nil }, answers: clientAnswers(sess, s.log)}
		defer store.byWho.open(store.form)()
	}
	info.Store = store
	// The connection's context outlives this session when the client
	// multiplexes sessions; ctx ends with the session and with Shutdown.
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	stop := context.AfterFunc(s.base, cancel)
	defer stop()
	s.log.Info("session", "role", info.Role, "who", identify(sess).who, "present", info.Present, "remote-addr", sess.RemoteAddr())
	app := s.cfg.App(info)
	end := &programEnd{in: newSessionInput(sess), viewer: info.Role == Viewer}
	m, opts := app.Model, programOptions(sess, end)
	var term *frames.Terminal
	if shareable(info, app.Model) {
		term = s.newSharedTerminal(sess)
		m = sharedScreen{m: app.Model, term: term}
		opts = append(opts, tea.WithoutRenderer(), tea.WithFPS(sharedFPS))
	}
	p := tea.NewProgram(m, opts...)
	io.WriteString(sess, startupQueries(sess.Environ()))
	go forward(ctx, s.cfg.Hub.Subscribe(), p, app)
	runProgram(sess, p, end, s.base.Done())
	if store.form != nil {
		store.form.ended.Store(true) // its draft goes to the next session once its writes end
	}
	if term != nil {
		term.Close(end.clientGone())
	}
	if end.in.refused.Load() {
		s.log.Warn("input refused: too long without a key", "who", identify(sess).who, "limit", maxUnreadInput, "remote-addr", sess.RemoteAddr())
		fmt.Fprintf(sess.Stderr(), "\nstandmap: %s\n", s.say(i18n.ServerInputRefused, maxUnreadInput>>10))
	}
	if n := end.in.cut.Load(); n > 0 {
		s.log.Warn("input cut: the client went with more typed ahead than is handled", "who", identify(sess).who, "bytes", n, "handled", afterGoneInput)
	}
	if !end.clientGone() {
		s.lastWords(sess, store)
	}
}

// lastWords tells a client whose program has ended how its saves ended,
// once those in flight are done: the program's screen is gone, and a
// save it did not show as saved (the server shutting down, a quit right
// after ctrl+s) must not be entered twice.
func (s *Server) lastWords(sess ssh.Session, store *sessionStore) {
	var words []string
	if s.closing.Load() {
		words = append(words, s.say(i18n.ServerShuttingDown))
	}
	if saves, last, failed := store.settled(storeWait); failed != nil {
		words = append(words, s.say(i18n.ServerNotSaved, model.Sanitize(i18n.Reason(s.cfg.Lang, failed))))
	} else if saves > 0 {
		words = append(words, s.say(i18n.ServerSaved, saves, last))
	}
	if len(words) > 0 {
		fmt.Fprintf(sess.Stderr(), "\nstandmap: %s\n", strings.Join(words, "; "))
	}
}

// forward hands each new snapshot (which carries the display state) to
// the program until ctx ends, through live.Forward (the one forward loop).
// Send waits for this program only: the hub's mailbox of one keeps the
// newest, so a slow session skips frames and delays no one.
func forward(ctx context.Context, sub Subscription, p *tea.Program, app Program) {
	defer sub.Close()
	live.Forward(ctx, sub.C(), func(s *model.Snapshot) { p.Send(app.SnapshotMsg(s)) })
}

// fail writes one line on the session's stderr and exits with code.
func fail(sess ssh.Session, code int, format string, args ...any) {
	fmt.Fprintf(sess.Stderr(), format+"\n", args...)
	sess.Exit(code)
}

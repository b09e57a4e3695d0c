// Package server serves standmap over SSH with wish: the key that
// authenticated decides the role, each interactive session runs its own
// Bubble Tea program fed by the hub, and commands run as arguments.
package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"standmap/db"
	"standmap/model"
	"standmap/server/frames"
)

// DefaultListen is the address served when Config.Listen is empty.
const DefaultListen = "127.0.0.1:2222"

// Default file names, beside the database.
const (
	// HostKeyName is the host key's file name.
	HostKeyName = "standmap_host_ed25519"
	// AuthorizedKeysName is the facilitators' keys' file name.
	AuthorizedKeysName = "authorized_keys"
)

// Default timeouts, used when the Config leaves them zero.
const (
	// DefaultHandshakeTimeout bounds authentication and the first session.
	DefaultHandshakeTimeout = 15 * time.Second
	// DefaultIdleTimeout ends a connection without traffic either way
	// (a board that redraws is not idle).
	DefaultIdleTimeout = 2 * time.Hour
	// DefaultMaxTimeout ends any connection after a day.
	DefaultMaxTimeout = 24 * time.Hour
)

// Hub is the live state the sessions show: *live.Hub, adapted.
type Hub interface {
	// Snapshot returns the newest snapshot.
	Snapshot() *model.Snapshot
	// Subscribe starts delivering new snapshots.
	Subscribe() Subscription
}

// Subscription delivers snapshots, only the newest one when unread, until
// closed.
type Subscription interface {
	// C delivers the snapshots.
	C() <-chan *model.Snapshot
	// Close ends the subscription.
	Close()
}

// Session is what App learns about one interactive session.
type Session struct {
	// Role decides what the session may do.
	Role Role
	// Who is the facilitator's key fingerprint (SHA256:…), "" for viewers.
	Who string
	// Present is set when the client asked for the projection view.
	Present bool
	// Store is the store the session may use: writes are tracked so that
	// shutdown lets them finish; for viewers it refuses every write.
	Store SessionStore
}

// SessionStore is a session's store: the database, every write guarded
// by the session's role and counted from the key that decides on it.
type SessionStore interface {
	db.Store
	// BeginWrite counts a write until done is called: a program calls it
	// in the Update that decides on the write, before the command that
	// writes runs, so that Shutdown never misses it.
	BeginWrite() (done func())
	// Allowed reports whether the session may write now: nil, or why not
	// (ErrReadOnly for a viewer, ErrKeyRemoved for a key taken out of the
	// facilitators since the session began). For what changes the room
	// without the store, as hiding the results through the hub.
	Allowed() error
}

// Program is an interactive session's Bubble Tea model, and how it takes
// a snapshot.
type Program struct {
	// Model is the program's model.
	Model tea.Model
	// SnapshotMsg wraps a snapshot into the message Model expects.
	SnapshotMsg func(*model.Snapshot) tea.Msg
}

// Config is how New builds a server.
type Config struct {
	// Listen is the TCP address (DefaultListen when empty).
	Listen string
	// DBPath places the host key and the authorized keys beside the
	// database when their paths are empty.
	DBPath string
	// HostKeyPath is the ed25519 host key, created (0600) when missing.
	HostKeyPath string
	// AuthorizedKeysPath lists the facilitators' public keys; a missing
	// file means no facilitators.
	AuthorizedKeysPath string
	// MaxViewers refuses viewers' sessions beyond this many at once
	// (0: DefaultMaxViewers); facilitators always get in.
	MaxViewers int
	// NoViewers admits facilitators only.
	NoViewers bool
	// MaxPerAddress refuses a TCP connection from a remote address that
	// holds this many open already, and a viewer's session (a board, a
	// command) from an address whose viewers hold this many (0:
	// DefaultMaxPerAddress; negative: no limit). Connections in all are
	// capped at MaxViewers + FacilitatorConnections.
	MaxPerAddress int
	// Lang is the language of the server's words to clients (i18n; ""
	// is English).
	Lang string
	// HandshakeTimeout, IdleTimeout and MaxTimeout bound each connection
	// (the defaults above when zero; negative: none).
	HandshakeTimeout, IdleTimeout, MaxTimeout time.Duration

	// Store is the database.
	Store db.Store
	// Hub delivers the snapshots of the event served (its sessions'
	// programs know which: App and Commands build them).
	Hub Hub
	// App builds the program of an interactive session.
	App func(Session) Program
	// Commands runs the commands given as arguments (nil: none).
	Commands Commands
	// Logger receives the log (log.Default() when nil).
	Logger *log.Logger
}

// Server is standmap's SSH server.
type Server struct {
	cfg     Config
	log     *log.Logger
	srv     *ssh.Server
	keys    *authorizedKeys
	hostKey gossh.Signer
	created bool // the host key was generated by New

	base    context.Context // cancelled by Shutdown: ends every program
	stop    context.CancelFunc
	closing atomic.Bool
	active  atomic.Int64 // open sessions
	viewers atomic.Int64 // viewers' open sessions
	// facilitators counts the facilitators' open sessions.
	facilitators atomic.Int64
	writes       atomic.Int64 // saves in flight
	byWho        *facilitatorWrites
	room         *frames.Room // viewers' shared frames
	viewerTurns  viewerTurns  // viewers' commands running (busy.go)
	conns        *connCounter // open TCP connections
	viewerAddrs  *connCounter // viewers' open sessions, per address
	listenMu     sync.Mutex
	addr         net.Addr
	ln           net.Listener
}

// New checks the configuration, loads or creates the host key, reads the
// authorized keys, and builds the server without listening yet.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Hub == nil || cfg.App == nil {
		return nil, errors.New("server: Store, Hub and App are required")
	}
	cfg.Listen = cmpOr(cfg.Listen, DefaultListen)
	cfg.HostKeyPath, cfg.AuthorizedKeysPath = filePaths(cfg)
	cfg.HandshakeTimeout = timeout(cfg.HandshakeTimeout, DefaultHandshakeTimeout)
	cfg.IdleTimeout = timeout(cfg.IdleTimeout, DefaultIdleTimeout)
	cfg.MaxTimeout = timeout(cfg.MaxTimeout, DefaultMaxTimeout)
	if cfg.MaxViewers <= 0 {
		cfg.MaxViewers = DefaultMaxViewers
	}
	if cfg.MaxPerAddress == 0 {
		cfg.MaxPerAddress = DefaultMaxPerAddress
	}
	s := &Server{cfg: cfg, log: cfg.Logger, byWho: newFacilitatorWrites(), room: frames.NewRoom(),
		viewerTurns: newViewerTurns(), conns: newConnCounter(), viewerAddrs: newConnCounter()}
	if s.log == nil {
		s.log = log.Default()
	}
	s.base, s.stop = context.WithCancel(context.Background())
	var err error
	if s.keys, err = loadAuthorizedKeys(cfg.AuthorizedKeysPath, s.log); err != nil {
		return nil, err
	}
	if s.hostKey, s.created, err = loadHostKey(cfg.HostKeyPath); err != nil { // last: a refusal creates no key
		return nil, err
	}
	s.srv, err = wish.NewServer(
		wish.WithAddress(cfg.Listen),
		wish.WithVersion("standmap"),
		func(srv *ssh.Server) error { srv.AddHostKey(s.hostKey); return nil },
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		s.keyboardInteractive(),
		wish.WithMaxTimeout(cfg.MaxTimeout),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.acceptConn
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
			srv.PtyCallback = s.ptyAllowed
			return nil
		},
		// The last listed runs first: recover outermost, then who the
		// session is and whether it is admitted, the refusal of junk
		// before anything parses or logs it, the log, and the commands
		// or the program.
		wish.WithMiddleware(
			s.dispatch,
			s.logSession,
			s.refuseLong,
			s.admit,
			recover.MiddlewareWithLogger(s.log),
		),
	)
	if err != nil {
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	s.srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.log.Debug("connection failed", "remote-addr", c.RemoteAddr(), "err", err)
	}
	return s, nil
}

// ListenAndServe listens on the configured address and serves until
// Shutdown; it then returns nil.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Listen, err)
	}
	return s.Serve(l)
}

// Serve serves on l until Shutdown; it then returns nil.
func (s *Server) Serve(l net.Listener) error {
	s.listenMu.Lock()
	if s.closing.Load() {
		s.listenMu.Unlock()
		return l.Close()
	}
	s.addr, s.ln = l.Addr(), l
	s.listenMu.Unlock()
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) || (s.closing.Load() && errors.Is(err, net.ErrClosed)) {
		return nil
	}
	return err
}

// Addr returns the address being served, or nil before Serve.
func (s *Server) Addr() net.Addr {
	s.listenMu.Lock()
	defer s.listenMu.Unlock()
	return s.addr
}

// Shutdown stops accepting connections and asks every session's program
// to quit once it has handled the keys already read; it waits for the
// facilitators' sessions to end (each tells its client how its saves
// ended) and for the saves in flight, then closes every connection: a
// viewer, which can lose nothing, does not hold it back, not even one
// whose client stopped reading. When ctx ends first, it closes them at
// once.
func (s *Server) Shutdown(ctx context.Context) error {
	s.listenMu.Lock()
	s.closing.Store(true)
	if s.ln != nil {
		s.ln.Close()
	}
	s.listenMu.Unlock()
	s.stop()
	done := make(chan error, 1)
	go func() { done <- s.srv.Shutdown(ctx) }() // closes the listeners, waits for the connections
	s.waitUntil(ctx, "facilitators' sessions", &s.facilitators)
	s.waitUntil(ctx, "saves in flight", &s.writes)
	err := s.srv.Close()
	s.waitUntil(ctx, "sessions", &s.active)
	s.waitUntil(ctx, "saves in flight", &s.writes)
	if serr := <-done; serr != nil && !errors.Is(serr, context.Canceled) && !errors.Is(serr, context.DeadlineExceeded) {
		err = serr
	}
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// waitUntil returns when n is zero, or when ctx ends.
func (s *Server) waitUntil(ctx context.Context, what string, n *atomic.Int64) {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for n.Load() > 0 {
		select {
		case <-ctx.Done():
			s.log.Warn("shutdown: giving up waiting", what, n.Load())
			return
		case <-tick.C:
		}
	}
}

// HostKeyFingerprint is the host key's SHA256 fingerprint, for people to
// check what their ssh client shows on first connection.
func (s *Server) HostKeyFingerprint() string { return gossh.FingerprintSHA256(s.hostKey.PublicKey()) }

// HostKeyCreated reports whether New generated the host key.
func (s *Server) HostKeyCreated() bool { return s.created }

// Facilitators returns how many keys the authorized-keys file lists.
func (s *Server) Facilitators() int { return s.keys.count() }

// Config returns the configuration in use, defaults filled in.
func (s *Server) Config() Config { return s.cfg }

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func timeout(d, def time.Duration) time.Duration {
	switch {
	case d == 0:
		return def
	case d < 0:
		return 0
	}
	return d
}

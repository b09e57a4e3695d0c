package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"

	"standmap/live"
	"standmap/model"
	"standmap/server"
	"standmap/tui"
	"standmap/tui/present"
)

// serve's flags, set anew by every parse.
var serveFlags struct {
	listen, hostKey, authorizedKeys string
	maxViewers                      int
	noViewers, moderate             bool
}

// shutdownGrace is how long a stopping server waits for saves and
// commands in flight.
const shutdownGrace = 10 * time.Second

func init() {
	register(&command{
		name:  "serve",
		short: "serve the live board over SSH (facilitators: keys in the authorized keys file)",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&serveFlags.listen, "listen", server.DefaultListen, "`address` to listen on (:2222 for the room's network)")
			fs.StringVar(&serveFlags.hostKey, "host-key", "", "host key `path` (default: "+server.HostKeyName+" beside the database; created when missing)")
			fs.StringVar(&serveFlags.authorizedKeys, "authorized-keys", "", "facilitators' public keys, OpenSSH `file` (default: "+server.AuthorizedKeysName+" beside the database)")
			fs.IntVar(&serveFlags.maxViewers, "max-viewers", server.DefaultMaxViewers, "admit at most this `number` of viewers at once (facilitators always get in)")
			fs.BoolVar(&serveFlags.noViewers, "no-viewers", false, "admit facilitators only")
			moderateFlag(fs, &serveFlags.moderate)
		},
		run: runServe,
	})
}

// hubAdapter makes *live.Hub a server.Hub.
type hubAdapter struct{ *live.Hub }

func (h hubAdapter) Subscribe() server.Subscription { return h.Hub.Subscribe() }

func runServe(e *env, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	}
	if serveFlags.maxViewers < 1 {
		return usageError{"--max-viewers: give 1 or more (--no-viewers admits none)"}
	}
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	b, err := startBoard(ctx, e, serveFlags.moderate)
	if err != nil {
		return err
	}
	ev, settings, hub := b.event, b.settings, b.hub

	ln, err := net.Listen("tcp", serveFlags.listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", serveFlags.listen, err)
	}
	joins := joinCommands(ln.Addr())
	app := func(s server.Session) server.Program {
		if s.Present {
			return presentProgram(e, hub, joins[0], s.Role == server.Facilitator)
		}
		o := tui.Options{Hub: hub, City: e.city, Event: ev, Lang: e.lang, Role: tui.Viewer,
			AgeGroups: settings.Effective().AgeGroups, JoinLine: joins[0]}
		if s.Role == server.Facilitator {
			o.Role, o.Store, o.Who, o.DBPath = tui.Facilitator, s.Store, s.Who, e.store.Path()
		}
		return server.Program{Model: tui.New(o),
			SnapshotMsg: func(sn *model.Snapshot) tea.Msg { return tui.SnapshotMsg{Snapshot: sn} },
			DisplayMsg:  func(d model.DisplayState) tea.Msg { return tui.DisplayMsg(d) }}
	}
	logger := log.NewWithOptions(e.stderr, log.Options{ReportTimestamp: true, Prefix: "standmap"})
	srv, err := server.New(server.Config{
		Listen: ln.Addr().String(), DBPath: e.store.Path(),
		HostKeyPath: serveFlags.hostKey, AuthorizedKeysPath: serveFlags.authorizedKeys,
		MaxViewers: serveFlags.maxViewers, NoViewers: serveFlags.noViewers, Lang: e.lang,
		Store: e.store, Event: ev.Name, Hub: hubAdapter{hub}, App: app, Logger: logger,
	})
	if err != nil {
		ln.Close()
		return err
	}
	printServeBanner(e.stdout, srv, ev.Name, joins)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-e.ctx.Done():
	}
	logger.Info("shutting down: letting saves finish", "grace", shutdownGrace)
	sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer scancel()
	err = srv.Shutdown(sctx)
	<-errc
	return err
}

// presentProgram is an SSH session's projection (ssh -t … present), with
// the banner's join command at the bottom; a facilitator's hide and freeze
// reach every session through the hub, a viewer's do nothing.
func presentProgram(e *env, hub *live.Hub, join string, facilitator bool) server.Program {
	o := present.Options{City: e.city, Lang: e.lang, JoinLine: join, Snapshot: hub.Snapshot(),
		Display: hub.Display(), Locked: !facilitator}
	if facilitator {
		o.OnDisplayChange = hub.SetDisplay
	}
	return server.Program{Model: present.New(o),
		SnapshotMsg: func(sn *model.Snapshot) tea.Msg { return present.SnapshotMsg{Snapshot: sn} },
		DisplayMsg:  func(d model.DisplayState) tea.Msg { return present.DisplayMsg(d) }}
}

// printServeBanner says what to give the room, then the log follows.
func printServeBanner(w io.Writer, srv *server.Server, event string, joins []string) {
	cfg := srv.Config()
	fmt.Fprintf(w, "standmap serve · %s\n\nthe room connects with:\n", model.Sanitize(event))
	for _, j := range joins {
		fmt.Fprintf(w, "    %s\n", j)
	}
	fmt.Fprintf(w, "the projection:\n    %s present\n\n", strings.Replace(joins[0], "ssh ", "ssh -t ", 1))
	created := ""
	if srv.HostKeyCreated() {
		created = " (new)"
	}
	fmt.Fprintf(w, "host key%s  %s  %s\n", created, srv.HostKeyFingerprint(), cfg.HostKeyPath)
	fmt.Fprintf(w, "facilitators  %d  %s\n", srv.Facilitators(), cfg.AuthorizedKeysPath)
	if cfg.NoViewers {
		fmt.Fprintln(w, "viewers       not admitted (--no-viewers)")
	} else {
		fmt.Fprintf(w, "viewers       up to %d at once (--max-viewers)\n", cfg.MaxViewers)
	}
	fmt.Fprintln(w)
}

// joinCommands are the ssh commands that reach addr: its own host, or,
// when it listens on every interface, each non-loopback IPv4 address.
func joinCommands(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return []string{"ssh " + addr.String()}
	}
	port := ""
	if tcp.Port != 22 {
		port = fmt.Sprintf("-p %d ", tcp.Port)
	}
	hosts := []string{tcp.IP.String()}
	if tcp.IP.IsUnspecified() {
		hosts = nil
		ifaddrs, _ := net.InterfaceAddrs()
		for _, a := range ifaddrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
				hosts = append(hosts, n.IP.String())
			}
		}
		if len(hosts) == 0 {
			hosts = []string{"127.0.0.1"}
		}
	}
	out := make([]string, len(hosts))
	for i, h := range hosts {
		out[i] = "ssh " + port + h
	}
	return out
}

package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"charm.land/log/v2"
	"github.com/spf13/cobra"

	"standmap/live"
	"standmap/model"
	"standmap/server"
	"standmap/tui"
	"standmap/tui/present"
)

// serveOptions are serve's own flags.
type serveOptions struct {
	listen, hostKey, authorizedKeys string
	maxViewers, maxPerAddress       int
	noViewers, moderate             bool
}

// ShutdownGrace is how long a stopping serve waits for saves and
// commands in flight.
const ShutdownGrace = 10 * time.Second

// newServe returns `serve`: the live board over SSH.
func newServe() *cobra.Command {
	p, o := newLocal(), &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the live board over SSH (facilitators: keys in the authorized keys file)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.maxViewers < 1 {
				return usagef("--max-viewers: give 1 or more (--no-viewers admits none)")
			}
			if o.maxPerAddress < 0 {
				return usagef("--max-per-address: give 0 (no limit) or more")
			}
			ln, err := checkServe(p, o)
			if err != nil {
				return err
			}
			defer ln.Close()
			return run(p, cmd, useAll, func(e *env) error { return runServe(e, o, ln) })
		},
	}
	p.flags(cmd, useAll)
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", server.DefaultListen, "address to listen on (:2222 for the room's network)")
	f.StringVar(&o.hostKey, "host-key", "", "host key path (default: "+server.HostKeyName+" beside the database; created when missing)")
	f.StringVar(&o.authorizedKeys, "authorized-keys", "", "facilitators' public keys, an OpenSSH file (default: "+server.AuthorizedKeysName+" beside the database)")
	f.IntVar(&o.maxViewers, "max-viewers", server.DefaultMaxViewers, "admit at most this number of viewers at once (facilitators always get in)")
	f.BoolVar(&o.noViewers, "no-viewers", false, "admit facilitators only")
	f.IntVar(&o.maxPerAddress, "max-per-address", server.DefaultMaxPerAddress,
		"connections one address may hold open, and viewers' boards and commands it may have at once (0: no limit), so that one client cannot take the room's; raise it when clients share an address (NAT)")
	moderateFlag(cmd, &o.moderate)
	return cmd
}

// hubAdapter makes *live.Hub a server.Hub.
type hubAdapter struct{ *live.Hub }

func (h hubAdapter) Subscribe() server.Subscription { return h.Hub.Subscribe() }

func runServe(e *env, o *serveOptions, ln net.Listener) error {
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	b, err := startBoard(ctx, e, o.moderate)
	if err != nil {
		return err
	}
	ev, settings, hub := b.event, b.settings, b.hub

	joins := joinCommands(ln.Addr())
	app := func(s server.Session) server.Program {
		facilitator := s.Role == server.Facilitator
		if s.Present {
			// A facilitator's hide and freeze reach every session through
			// the hub; a viewer's do nothing.
			snap := hub.Snapshot()
			po := present.Options{City: e.city, Lang: e.lang, JoinLine: joins[0], Snapshot: snap,
				Display: snap.Display, Locked: !facilitator}
			if facilitator {
				po.OnDisplayChange = guardedDisplay(s.Store, hub)
			}
			return presentProgram(po)
		}
		to := tui.Options{Hub: hub, City: e.city, Event: ev, Lang: e.lang, Role: tui.Viewer,
			AgeGroups: settings.Effective().AgeGroups, JoinLine: joins[0]}
		if facilitator {
			to.Role, to.Who, to.DBPath = tui.Facilitator, s.Who, e.store.Path()
			to.Store, to.Drafts, to.Writes = s.Store, s.Store, s.Store
			to.SetDisplay = guardedDisplay(s.Store, hub)
		}
		return appProgram(to)
	}
	served := &remote{store: e.store, city: e.city, lang: e.lang, event: func() string {
		if name := hub.Event(); name != "" { // follows a rename
			return name
		}
		return ev.Name
	}}
	logger := log.NewWithOptions(e.stderr, log.Options{ReportTimestamp: true, Prefix: "standmap"})
	srv, err := server.New(server.Config{
		Listen: ln.Addr().String(), DBPath: e.store.Path(),
		HostKeyPath: o.hostKey, AuthorizedKeysPath: o.authorizedKeys,
		MaxViewers: o.maxViewers, NoViewers: o.noViewers, MaxPerAddress: perAddress(o.maxPerAddress), Lang: e.lang,
		Store: e.store, Hub: hubAdapter{hub}, App: app, Commands: served.run, Logger: logger,
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
	logger.Info("shutting down: letting saves finish", "grace", ShutdownGrace)
	sctx, scancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer scancel()
	err = srv.Shutdown(sctx)
	<-errc
	return err
}

// perAddress is --max-per-address as server.Config takes it (0: no limit).
func perAddress(n int) int {
	if n == 0 {
		return -1
	}
	return n
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

// guardedDisplay shares a facilitator's hide, reveal or freeze with every
// screen while the session may still write: a key taken out of the
// facilitators since the session began changes nothing (the store logs
// the refusal; the error takes the session's projection back).
func guardedDisplay(st server.SessionStore, hub *live.Hub) func(live.DisplayState) error {
	return func(d live.DisplayState) error {
		if err := st.Allowed(); err != nil {
			return err
		}
		hub.SetDisplay(d)
		return nil
	}
}

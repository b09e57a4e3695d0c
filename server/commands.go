package server

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"

	"charm.land/ssh"

	"standmap/exchange"
	"standmap/model"
)

// commandList names the commands for usage messages.
const commandList = "tally [--json], export [--format csv|json], present, help"

// usage is the help shown by help and after a wrong command.
const usage = `usage: ssh -p PORT HOST [command]

  (none)                       the live board (the full application for facilitators); needs ssh -t
  present                      the projection view; needs ssh -t
  tally [--json]               the current tallies, as text or JSON
  export [--format csv|json]   every response of the event (facilitators only)
  help                         this text
`

// errUsage marks a wrong use of a command (exit 2).
var errUsage = errors.New("usage")

// command runs one command given as arguments and returns its exit status.
func (s *Server) command(sess ssh.Session, role Role, args []string) int {
	out := newSanitizer(sess)
	defer out.Flush()
	var err error
	switch args[0] {
	case "help", "-h", "--help":
		_, err = io.WriteString(out, usage)
	case "tally":
		err = s.tally(out, sess.Stderr(), args[1:])
	case "export":
		if role != Facilitator {
			fmt.Fprintln(sess.Stderr(), "standmap: export is for facilitators (your key is not in the authorized keys)")
			return 1
		}
		err = s.export(sess, out, sess.Stderr(), args[1:])
	case "present":
		fmt.Fprintln(sess.Stderr(), "standmap: present takes no arguments")
		return 2
	default:
		fmt.Fprintf(sess.Stderr(), "standmap: unknown command %q\n%s", model.Sanitize(args[0]), usage)
		return 2
	}
	if err == nil {
		err = out.Flush()
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case err != nil:
		s.log.Error("command failed", "who", identify(sess).who, "command", logged(args[0]), "err", err)
		fmt.Fprintf(sess.Stderr(), "standmap %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// flags parses a command's flags, refusing arguments left over.
func flags(name string, stderr io.Writer, args []string, define func(fs *flag.FlagSet)) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	define(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "standmap %s: unexpected argument %q\n", name, model.Sanitize(fs.Arg(0)))
		return errUsage
	}
	return nil
}

// tally writes the hub's newest tally, as text or JSON.
func (s *Server) tally(out, stderr io.Writer, args []string) error {
	var asJSON bool
	if err := flags("tally", stderr, args, func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "print the contract's JSON")
	}); err != nil {
		return err
	}
	return exchange.WriteTally(out, sanitizedTally(s.cfg.Hub.Snapshot().Tally), asJSON)
}

// sanitizedTally is a copy of t with every text through model.Sanitize;
// the snapshot itself is shared and never modified.
func sanitizedTally(t model.Tally) model.Tally {
	t.Event = model.Sanitize(t.Event)
	ns := make([]model.NeighbourhoodCount, len(t.Neighbourhoods))
	for i, n := range t.Neighbourhoods {
		ns[i] = model.NeighbourhoodCount{Name: model.Sanitize(n.Name), Count: n.Count}
	}
	ws := make([]model.WishCount, len(t.Wishes))
	for i, w := range t.Wishes {
		ws[i] = model.WishCount{Text: model.Sanitize(w.Text), Key: model.Sanitize(w.Key), Category: model.Sanitize(w.Category), Count: w.Count}
	}
	t.Neighbourhoods, t.Wishes = ns, ws
	return t
}

// export writes the responses of the event served, under its name as of
// the hub's newest snapshot (which follows a rename).
func (s *Server) export(sess ssh.Session, out, stderr io.Writer, args []string) error {
	format := "csv"
	if err := flags("export", stderr, args, func(fs *flag.FlagSet) {
		fs.StringVar(&format, "format", "csv", "output `format`: csv or json")
	}); err != nil {
		return err
	}
	if !slices.Contains(exchange.Formats, format) {
		fmt.Fprintf(stderr, "standmap export: --format %q: use csv or json\n", model.Sanitize(format))
		return errUsage
	}
	event := s.cfg.Hub.Snapshot().Event
	if event == "" { // never "" (every event), whatever the hub holds
		event = s.cfg.Event
	}
	return exchange.Export(sess.Context(), s.cfg.Store, event, format, out)
}

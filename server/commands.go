package server

import (
	"context"
	"fmt"
	"io"

	"charm.land/ssh"

	"standmap/i18n"
)

// Commands runs one command an SSH client gave as arguments (ssh HOST
// tally --json) for a session of role, and returns its exit status. The
// command line's tree is given by whoever runs the server (cli), so that
// SSH runs the very commands of the command line.
type Commands func(ctx context.Context, role Role, args []string, stdin io.Reader, stdout, stderr io.Writer) int

// command runs the command given as arguments through Config.Commands,
// its output and errors sanitized, and returns its exit status.
func (s *Server) command(sess ssh.Session, role Role, args []string) int {
	out, errOut := newSanitizer(sess), newSanitizer(sess.Stderr())
	defer out.Flush()
	defer errOut.Flush()
	if s.cfg.Commands == nil {
		io.WriteString(errOut, "standmap: this server runs no commands; ssh -t HOST for the board\n")
		return 2
	}
	release, ok := s.commandTurn(sess.Context(), role)
	if !ok {
		s.log.Info("command refused: viewers' commands busy", "who", identify(sess).who, "command", logged(args[0]), "at-once", ViewerCommands)
		fmt.Fprintf(errOut, "standmap: %s\n", s.say(i18n.ServerBusy))
		return 1
	}
	defer release()
	code := s.cfg.Commands(sess.Context(), role, args, sess, out, errOut)
	if code != 0 {
		s.log.Info("command failed", "who", identify(sess).who, "command", logged(args[0]), "exit", code)
	}
	if err := out.Flush(); err != nil && code == 0 {
		return 1
	}
	return code
}

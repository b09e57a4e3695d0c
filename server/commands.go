package server

import (
	"context"
	"fmt"
	"io"

	"charm.land/ssh"

	"standmap/i18n"
	"standmap/model"
)

// Commands runs one command an SSH client gave as arguments (ssh HOST
// tally --json) for a session of role, and returns its exit status. The
// command line's tree is given by whoever runs the server (cli), so that
// SSH runs the very commands of the command line.
type Commands func(ctx context.Context, role Role, args []string, stdin io.Reader, stdout, stderr io.Writer) int

// command runs the command given as arguments through Config.Commands,
// its output and errors sanitized, and returns its exit status. While a
// facilitator hides the results from the room, a viewer's command that
// would show them (anything but help) is refused, as the viewer's board
// hides them; facilitators' commands run.
func (s *Server) command(sess ssh.Session, role Role, args []string) int {
	out, errOut := newSanitizer(sess), newSanitizer(sess.Stderr())
	defer out.Flush()
	defer errOut.Flush()
	if s.cfg.Commands == nil {
		io.WriteString(errOut, "standmap: this server runs no commands; ssh -t HOST for the board\n")
		return 2
	}
	if role == Viewer && !helpOnly(args) {
		if d, hidden := s.hidden(); hidden {
			s.log.Info("command refused: the results are hidden from the room", "who", identify(sess).who, "command", logged(args[0]))
			text := s.say(i18n.RoleResultsHidden)
			if d.RevealAt != "" {
				text = s.say(i18n.RoleResultsHiddenTill, model.Sanitize(d.RevealAt))
			}
			io.WriteString(errOut, "standmap: "+text+"\n")
			return 1
		}
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

// hidden reports whether a facilitator has hidden the results from the
// room (the display state the boards follow, as the hub has it now), and
// the state.
func (s *Server) hidden() (model.DisplayState, bool) {
	snap := s.cfg.Hub.Snapshot()
	if snap == nil {
		return model.DisplayState{}, false
	}
	return snap.Display, snap.Display.Hidden
}

// helpOnly reports whether a command line asks for help and nothing
// else (help, help COMMAND, COMMAND -h, present): the commands a viewer
// may run while the results are hidden. Every other command line is
// refused then, a read command added later included: hiding fails closed.
func helpOnly(args []string) bool {
	switch {
	case len(args) == 1:
		return args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "present"
	case len(args) == 2:
		return args[0] == "help" || args[1] == "-h" || args[1] == "--help"
	}
	return false
}

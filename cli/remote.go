package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"standmap/ascii_maps"
	"standmap/db"
	"standmap/server"
)

// remote is the place of the commands an SSH client gives as arguments
// (ssh HOST tally --json): the database, map and event that serve
// serves. The commands are the local ones, built on this place.
type remote struct {
	store *db.SQLite
	city  *ascii_maps.City
	lang  string
	event func() string // the event served, under its name of the moment
	past  pastTallies   // the tallies --at asked for lately
}

func (r *remote) remote() bool { return true }

// flags adds none: the database, the event and the map are the server's.
func (r *remote) flags(*cobra.Command, uses) {}

func (r *remote) open(cmd *cobra.Command, _ uses) (*env, func(), error) {
	e := streams(cmd)
	e.store, e.city, e.lang, e.eventName, e.past = r.store, r.city, r.lang, r.event(), &r.past
	return e, func() {}, nil
}

// facilitatorsOnly is the annotation of a command that only
// facilitators may run over SSH.
const facilitatorsOnly = "standmap/facilitators-only"

// run runs one command line of an SSH client whose key gave it role,
// and returns the exit status (server.Config.Commands). Help and errors
// are plain cobra's: fang's ask the terminal of this process, which is
// serve's log, not the client's.
func (r *remote) run(ctx context.Context, role server.Role, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := r.tree(role)
	prepare(root, args, stdin, stdout, stderr)
	err := root.ExecuteContext(ctx)
	if err != nil {
		fmt.Fprintln(stderr, oneLine(err.Error()))
	}
	return exitStatus(err)
}

// tree is the command tree an SSH client of the role is given: tally for
// everyone, export for facilitators. The role is checked here, for every
// command, before it runs.
func (r *remote) tree(role server.Role) *cobra.Command {
	root := &cobra.Command{
		Use:   "standmap",
		Short: "standmap over SSH: the live board, the projection, and commands given as arguments",
		Long: "standmap over SSH.\n\n" +
			"  ssh -t HOST            the live board (the full application for facilitators)\n" +
			"  ssh -t HOST present    the projection\n" +
			"  ssh HOST COMMAND       one of the commands below",
		Annotations: map[string]string{cobra.CommandDisplayNameAnnotation: "ssh HOST"},
		Args:        noArgs,
		RunE: func(*cobra.Command, []string) error {
			return usagef("give a command (ssh HOST help lists them), or none for the board: ssh -t HOST")
		},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Annotations[facilitatorsOnly] != "" && role != server.Facilitator {
				return fmt.Errorf("%s is for facilitators (your key is not in the authorized keys)", cmd.Name())
			}
			return nil
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	export := newExport(r)
	export.Annotations = map[string]string{facilitatorsOnly: "yes"}
	root.AddCommand(newTally(r), export, &cobra.Command{
		Use:   "present",
		Short: "The projection view; needs a terminal: ssh -t HOST present",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			return usagef("the projection needs a terminal: ssh -t HOST present")
		},
	})
	return root
}

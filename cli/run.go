package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

// version is the version --version and `standmap version` print; it is
// set when linking: go build -ldflags "-X standmap/cli.version=1.2.0".
var version = "dev"

// Exit statuses, as the contract gives them.
const (
	exitOK      = 0
	exitFailure = 1 // a failure, said in one line on stderr
	exitUsage   = 2 // a wrong use of the command line
)

// Run executes one command line of standmap (args without the program's
// name) and returns its exit status; ctx ending (a signal) stops it.
// Help and errors are styled by fang.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot()
	prepare(root, args, stdin, stdout, stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			fmt.Fprintln(w, oneLine(err.Error()))
		}))
	return exitStatus(err)
}

// prepare readies a tree (the local one, or the one served over SSH) to
// run args: its streams, its version, and errors that name their command.
func prepare(root *cobra.Command, args []string, stdin io.Reader, stdout, stderr io.Writer) {
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.Version = version
	root.SetVersionTemplate("standmap {{.Version}}\n")
	root.SilenceErrors, root.SilenceUsage = true, true
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return commandError{label(c), usageError{err.Error()}}
	})
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Run, c.RunE = nil, helpTopic
		}
	}
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// cobra's printed its help for any word, a shell there is
			// not too, and exited 0: a script's typo went unnoticed.
			c.Args, c.RunE = noArgs, func(c *cobra.Command, _ []string) error { return c.Help() }
		}
	}
	labelErrors(root)
}

// helpTopic is `help [command]`: the command's help, or, for a command
// there is not, a wrong use said in one line (exit 2), as an unknown
// command is (cobra's own printed the root's help and exited 0).
func helpTopic(c *cobra.Command, args []string) error {
	cmd, rest, err := c.Root().Find(args)
	if err != nil || cmd == nil || len(rest) > 0 {
		parent := c.Root()
		if cmd != nil && err == nil {
			parent = cmd
		}
		return usagef("unknown command %q (%s --help lists them)", strings.Join(args, " "), parent.CommandPath())
	}
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
	return cmd.Help()
}

// exitStatus is the exit status of a run that returned err.
func exitStatus(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	}
	return exitFailure
}

// usageError is a wrong use of the command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef is a usageError saying format with args.
func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// commandError is err of the command labelled path: "standmap tally: …".
type commandError struct {
	path string
	err  error
}

func (e commandError) Error() string { return e.path + ": " + e.err.Error() }

func (e commandError) Unwrap() error { return e.err }

// label names c as its errors do: "standmap", "standmap wishes merge".
func label(c *cobra.Command) string {
	var names []string
	for ; c.HasParent(); c = c.Parent() {
		names = append([]string{c.Name()}, names...)
	}
	return strings.Join(append([]string{"standmap"}, names...), " ")
}

// labelErrors makes every error of c and its subcommands, their
// arguments' and their runs', say which command it is from.
func labelErrors(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if err := run(cmd, args); err != nil {
				return commandError{label(cmd), err}
			}
			return nil
		}
	}
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			var ue usageError
			if err != nil && !errors.As(err, &ue) {
				err = usageError{err.Error()} // cobra's own checks
			}
			if err != nil {
				return commandError{label(cmd), err}
			}
			return nil
		}
	}
	if pre := c.PersistentPreRunE; pre != nil {
		c.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
			if err := pre(cmd, args); err != nil {
				return commandError{label(cmd), err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		labelErrors(sub)
	}
}

// oneLine is s on one line: the contract's one line on stderr.
func oneLine(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
}

// noArgs refuses any argument: a command without arguments, or a
// command whose subcommands are the only words it takes.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if c.HasAvailableSubCommands() {
		return usagef("unknown command %q (%s --help lists them)", args[0], c.CommandPath())
	}
	return usagef("unexpected argument %q", args[0])
}

// args refuses a number of arguments that ok rejects, saying hint.
func args(ok func(n int) bool, hint string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if !ok(len(args)) {
			return usageError{hint}
		}
		return nil
	}
}

// exactly accepts n arguments.
func exactly(n int) func(int) bool { return func(k int) bool { return k == n } }

// atLeast accepts n or more arguments.
func atLeast(n int) func(int) bool { return func(k int) bool { return k >= n } }

// atMost accepts up to n arguments.
func atMost(n int) func(int) bool { return func(k int) bool { return k <= n } }

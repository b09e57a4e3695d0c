package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// newRoot returns the command tree run on this machine: the application
// at its root, every command below it. The commands that also answer
// over SSH (tally, export) are given their place; the others work here.
func newRoot() *cobra.Command {
	root := newApp()
	root.AddCommand(
		newDemo(),
		newPresent(),
		newServe(),
		newImport(),
		newExport(newLocal()),
		newResponses(),
		newTally(newLocal()),
		newReport(),
		newReplay(),
		newEvents(),
		newWishes(),
		newMaps(),
		newVersion(),
	)
	return root
}

// newVersion returns `version`, which prints what --version prints.
func newVersion() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "standmap %s\n", version)
			return err
		},
	}
	newLocal().flags(cmd, 0) // accepted, unused
	return cmd
}

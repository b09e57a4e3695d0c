package cli

import (
	"regexp"

	"github.com/spf13/cobra"
)

// splitDate and splitClock are the two halves of a --at time given
// unquoted: 2026-05-01 and 14:00.
var (
	splitDate  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	splitClock = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2})?$`)
)

// atArgs is noArgs for a command with --at (at): a time whose date and
// clock came as two words, the shell's or ssh's split of
// --at 2026-05-01 14:00, is refused saying how to quote it, over ssh
// (remote) twice, since ssh joins its arguments with spaces and the
// server splits them again.
func atArgs(at *string, remote bool) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > 0 && splitDate.MatchString(*at) && splitClock.MatchString(args[0]) {
			whole := *at + " " + args[0]
			if remote {
				return usagef("--at got '%s' and then an extra argument '%s': over ssh, quote the time twice: ssh HOST \"%s --at '%s'\"",
					*at, args[0], c.Name(), whole)
			}
			return usagef("--at got '%s' and then an extra argument '%s': quote the time: standmap %s --at '%s'",
				*at, args[0], c.Name(), whole)
		}
		return noArgs(c, args)
	}
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"standmap/exchange"
)

// importOptions are import's own flags.
type importOptions struct {
	skipInvalid bool
}

// newImport returns `import FILE.csv|-`: adds responses, all or nothing.
func newImport() *cobra.Command {
	p, o := newLocal(), &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE.csv|-",
		Short: "Add responses from a CSV file (- = standard input)",
		Args:  args(exactly(1), "give one CSV file, or - for standard input"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(p, cmd, useDB|useEvent|useMap, func(e *env) error { return runImport(e, args[0], o.skipInvalid) })
		},
	}
	p.flags(cmd, useDB|useEvent|useMap)
	cmd.Flags().BoolVar(&o.skipInvalid, "skip-invalid", false,
		"write the valid responses and report the invalid rows (a response with any invalid row is left out whole)")
	return cmd
}

func runImport(e *env, name string, skipInvalid bool) error {
	r := e.stdin
	if name == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	def, err := e.defaultEventName()
	if err != nil {
		return err
	}
	// The whole file is held until it is checked: collecting garbage half
	// as often saves a tenth of a 100,000-row import (docs/benchmarks.md).
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	rep, err := exchange.ImportFrom(e.ctx, e.store, e.city.Gazetteer, def, r, skipInvalid, name)
	for _, le := range rep.Invalid {
		fmt.Fprintln(e.stderr, le)
	}
	switch {
	case errors.Is(err, exchange.ErrInvalid):
		return fmt.Errorf("%s: %s invalid; nothing imported (--skip-invalid imports the rest)",
			name, plural(len(rep.Invalid), "row is", "rows are"))
	case err != nil:
		return fmt.Errorf("%s: %w", name, err)
	}
	if rep.Rejected > 0 {
		fmt.Fprintf(e.stderr, "%s: skipped %s with invalid rows (a response is left out whole)\n",
			name, plural(rep.Rejected, "response", "responses"))
	}
	for _, note := range rep.Notes {
		fmt.Fprintf(e.stderr, "%s: %s\n", name, note)
	}
	printImportSummary(e.stdout, rep)
	if rep.CurationActions > 0 {
		fmt.Fprintf(e.stdout, "carried the file's curation of %s: %s, logged as taken by %q (standmap wishes log)\n",
			quoted(rep.Curated), plural(rep.CurationActions, "action", "actions"), exchange.ImportedBy(name))
	}
	return nil
}

// quoted returns the names quoted and separated by commas.
func quoted(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(out, ", ")
}

// printImportSummary prints the one-line summary of an import.
func printImportSummary(w io.Writer, rep exchange.Report) {
	events := make([]string, len(rep.Events))
	for i, ev := range rep.Events {
		events[i] = fmt.Sprintf("%q", ev)
		for _, n := range rep.NewEvents {
			if n == ev {
				events[i] += " (new)"
			}
		}
	}
	into := "no event"
	if len(events) > 0 {
		into = "event(s) " + strings.Join(events, ", ")
	}
	marks := plural(rep.AddedMarks, "mark", "marks")
	if rep.AddedDeleted > 0 {
		marks += fmt.Sprintf("; %d of them deleted in the file, counted nowhere", rep.AddedDeleted)
	}
	fmt.Fprintf(w, "imported %s (%s), %d already stored, into %s\n",
		plural(rep.Added, "response", "responses"), marks, rep.Skipped, into)
}

// plural returns "1 thing" or "N things".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

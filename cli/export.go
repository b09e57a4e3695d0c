package cli

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"standmap/exchange"
)

// exportOptions are export's own flags.
type exportOptions struct {
	format, out    string
	includeDeleted bool
}

// newExport returns `export`, here or over SSH (p): the responses as CSV
// or JSON. Over SSH it covers the event served and writes no file.
func newExport(p place) *cobra.Command {
	o := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write responses as CSV or JSON (every event, or the --event one)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(exchange.Formats, o.format) {
				return usagef("--format %q: use csv or json", o.format)
			}
			return run(p, cmd, useDB|useEvent, func(e *env) error {
				event := "" // every event
				if e.eventName != "" {
					ev, err := e.namedEvent(e.eventName)
					if err != nil {
						return err
					}
					event = ev.Name
				}
				eo := exchange.ExportOptions{IncludeDeleted: o.includeDeleted}
				if o.out == "" {
					return exchange.ExportWith(e.ctx, e.store, event, o.format, e.stdout, eo)
				}
				return writeAtomically(o.out, func(f *os.File) error {
					return exchange.ExportWith(e.ctx, e.store, event, o.format, f, eo)
				})
			})
		},
	}
	if p.remote() {
		cmd.Short = "Write the event's responses as CSV or JSON (facilitators only)"
	}
	p.flags(cmd, useDB|useEvent)
	cmd.Flags().StringVar(&o.format, "format", "csv", "output format: csv or json")
	cmd.Flags().BoolVar(&o.includeDeleted, "include-deleted", false, "also the deleted (or undone) responses, with a last column deleted_at")
	if !p.remote() {
		cmd.Flags().StringVar(&o.out, "out", "", "write to this file (replaced whole, atomically) instead of standard output")
	}
	return cmd
}

// writeAtomically writes a temporary file beside path and renames it over
// path once complete and synced, so path is never seen half written.
func writeAtomically(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}

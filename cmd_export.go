package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"standmap/exchange"
)

// Export's flags, set anew by every parse.
var (
	exportFormat, exportOut string
	exportDeleted           bool
)

func init() {
	register(&command{
		name:  "export",
		usage: "",
		short: "write responses as CSV or JSON (every event, or the --event one)",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&exportFormat, "format", "csv", "output `format`: csv or json")
			fs.StringVar(&exportOut, "out", "", "write to `FILE` (replaced whole, atomically) instead of standard output")
			fs.BoolVar(&exportDeleted, "include-deleted", false, "also the deleted (or undone) responses, with a last column deleted_at")
		},
		run: runExport,
	})
}

func runExport(e *env, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	}
	if !slices.Contains(exchange.Formats, exportFormat) {
		return usageError{fmt.Sprintf("--format %q: use csv or json", exportFormat)}
	}
	event := ""
	if e.eventName != "" {
		ev, err := e.existingEvent()
		if err != nil {
			return err
		}
		event = ev.Name
	}
	o := exchange.ExportOptions{IncludeDeleted: exportDeleted}
	if exportOut == "" {
		return exchange.ExportWith(e.ctx, e.store, event, exportFormat, e.stdout, o)
	}
	return writeAtomically(exportOut, func(f *os.File) error {
		return exchange.ExportWith(e.ctx, e.store, event, exportFormat, f, o)
	})
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

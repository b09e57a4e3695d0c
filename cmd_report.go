package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"standmap/model"
	"standmap/report"
)

// Report's flags, set anew by every parse.
var (
	reportFormat, reportOut, reportCompare, reportAt string
	reportMinGroup                                   int
)

func init() {
	register(&command{
		name:  "report",
		usage: "",
		short: "write the report of the event (Markdown or self-contained HTML, A4-ready)",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&reportFormat, "format", "md", "output `format`: md or html")
			fs.StringVar(&reportOut, "out", "", "write to `FILE` (replaced whole, atomically) instead of standard output")
			fs.StringVar(&reportCompare, "compare", "", "compare with the `event` of this name, side by side")
			fs.IntVar(&reportMinGroup, "min-group", 0, "privacy threshold: show an age group only with at least `N` responses (default: the event's, else 5)")
			fs.StringVar(&reportAt, "at", "", "the report as it was at `TIME` (RFC 3339, or 2006-01-02 15:04 local time)")
		},
		run: runReport,
	})
}

func runReport(e *env, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
	}
	if reportFormat != "md" && reportFormat != "html" {
		return usageError{fmt.Sprintf("--format %q: use md or html", reportFormat)}
	}
	if reportMinGroup < 0 {
		return usageError{fmt.Sprintf("--min-group %d: give a number of responses, 1 or more", reportMinGroup)}
	}
	at, err := parseAt(reportAt)
	if err != nil {
		return err
	}
	rep, err := e.buildReport(at)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if reportFormat == "html" {
			return rep.WriteHTML(w)
		}
		return rep.WriteMarkdown(w)
	}
	if reportOut == "" {
		return write(e.stdout)
	}
	return writeAtomically(reportOut, func(f *os.File) error { return write(f) })
}

// buildReport computes the report of the event as it was at at (zero:
// now), compared with --compare when given.
func (e *env) buildReport(at time.Time) (*report.Report, error) {
	ev, err := e.existingEvent()
	if err != nil {
		return nil, err
	}
	st, err := e.store.EventSettings(e.ctx, ev.Name)
	if err != nil {
		return nil, err
	}
	st = st.Effective()
	if reportMinGroup > 0 {
		st.MinGroup = reportMinGroup
	}
	rs, err := report.Responses(e.ctx, e.store, ev.Name, at)
	if err != nil {
		return nil, err
	}
	cur, err := e.store.Curation(e.ctx, ev.Name)
	if err != nil {
		return nil, err
	}
	rep := report.Build(e.city, ev.Name, rs, report.Options{
		Lang: e.lang, MinGroup: st.MinGroup, AgeGroups: st.AgeGroups, Generated: generatedAt(), At: at, Curation: cur,
	})
	if reportCompare != "" {
		other, err := e.tallyAt(reportCompare, at)
		if err != nil {
			return nil, err
		}
		rep.Compare = model.Compare(rep.Tally, other, rep.Opts.Top)
	}
	return rep, nil
}

// tallyAt counts the named event's responses answered at or before at
// (zero: all of them) under its curation; the event must exist.
func (e *env) tallyAt(name string, at time.Time) (model.Tally, error) {
	ev, err := e.store.Event(e.ctx, name)
	if err != nil {
		return model.Tally{}, fmt.Errorf("no event %q (standmap events lists them)", name)
	}
	rs, err := report.Responses(e.ctx, e.store, ev.Name, at)
	if err != nil {
		return model.Tally{}, err
	}
	cur, err := e.store.Curation(e.ctx, ev.Name)
	if err != nil {
		return model.Tally{}, err
	}
	return report.Count(e.city.Gazetteer, ev.Name, rs, cur).Tally(), nil
}

// parseAt reads --at: RFC 3339, or a date and time to the minute (or
// second) in local time; "" is the zero time (now).
func parseAt(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageError{fmt.Sprintf("--at %q: give a time as 2025-04-24T10:30:00+03:00 or 2025-04-24 10:30 (local time)", s)}
}

// generatedAt is the report's "generated at": SOURCE_DATE_EPOCH (seconds)
// when set, for reproducible output, else now.
func generatedAt() time.Time {
	if sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(sec, 0)
	}
	return time.Now()
}

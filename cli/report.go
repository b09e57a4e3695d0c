package cli

import (
	"errors"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"standmap/db"
	"standmap/model"
	"standmap/report"
)

// reportOptions are report's own flags.
type reportOptions struct {
	format, out, compare, at string
	minGroup                 int
}

// newReport returns `report`: the event's report for the city.
func newReport() *cobra.Command {
	p, o := newLocal(), &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the report of the event (Markdown or self-contained HTML, A4-ready)",
		Args:  atArgs(&o.at, false),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.format != "md" && o.format != "html" {
				return usagef("--format %q: use md or html", o.format)
			}
			if o.minGroup < 0 {
				return usagef("--min-group %d: give a number of responses, 1 or more", o.minGroup)
			}
			at, err := parseAt(o.at)
			if err != nil {
				return err
			}
			return run(p, cmd, useAll, func(e *env) error { return writeReport(e, o, at) })
		},
	}
	p.flags(cmd, useAll)
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "md", "output format: md or html")
	f.StringVar(&o.out, "out", "", "write to this file (replaced whole, atomically) instead of standard output")
	f.StringVar(&o.compare, "compare", "", "compare with the event of this name, side by side")
	f.IntVar(&o.minGroup, "min-group", 0, "privacy threshold: show an age group only with at least this many responses (default: the event's, else 5)")
	f.StringVar(&o.at, "at", "", "the report as it was at this time (RFC 3339, or 2006-01-02 15:04 local time)")
	return cmd
}

// writeReport builds the report as it was at at (zero: now) and writes
// it where --out says.
func writeReport(e *env, o *reportOptions, at time.Time) error {
	rep, err := e.buildReport(o, at)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if o.format == "html" {
			return rep.WriteHTML(w)
		}
		return rep.WriteMarkdown(w)
	}
	if o.out == "" {
		return write(e.stdout)
	}
	return writeAtomically(o.out, func(f *os.File) error { return write(f) })
}

// buildReport computes the report of the event as it was at at (zero:
// now), compared with --compare when given.
func (e *env) buildReport(o *reportOptions, at time.Time) (*report.Report, error) {
	ev, err := e.readEvent()
	if err != nil {
		return nil, err
	}
	st, err := e.store.EventSettings(e.ctx, ev.Name)
	if err != nil && !(errors.Is(err, db.ErrNotFound) && ev.ID == 0) { // today's, not started yet
		return nil, err
	}
	st = st.Effective()
	if o.minGroup > 0 {
		st.MinGroup = o.minGroup
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
	if o.compare != "" {
		other, err := e.tallyAt(o.compare, at)
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
	ev, err := e.namedEvent(name)
	if err != nil {
		return model.Tally{}, err
	}
	rs, err := report.Responses(e.ctx, e.store, ev.Name, at)
	if err != nil {
		return model.Tally{}, err
	}
	cur, err := e.store.Curation(e.ctx, ev.Name)
	if err != nil {
		return model.Tally{}, err
	}
	t, err := model.Count(e.city.Gazetteer, ev.Name, cur, model.WalkOf(rs))
	return t.Tally(), err
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
	return time.Time{}, usagef("--at %q: give a time as 2025-04-24T10:30:00+03:00 or 2025-04-24 10:30 (local time)", s)
}

// generatedAt is the report's "generated at": SOURCE_DATE_EPOCH (seconds)
// when set, for reproducible output, else now.
func generatedAt() time.Time {
	if sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(sec, 0)
	}
	return time.Now()
}

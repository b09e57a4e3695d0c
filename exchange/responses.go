package exchange

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"standmap/db"
	"standmap/model"
)

// WriteDeleted lists the event's deleted (or undone) responses on w, the
// most recently deleted first: number, id, when (local time), by whom, and
// what they said. `standmap responses deleted` prints it.
func WriteDeleted(ctx context.Context, store db.ResponseReader, event string, w io.Writer) error {
	rs, err := store.DeletedResponses(ctx, event)
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		_, err := fmt.Fprintf(w, "no deleted responses in %q\n", model.Sanitize(event))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tresponse id\tdeleted\tby\twhat")
	for _, r := range rs {
		fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%s\n", r.Number, model.Sanitize(r.ID),
			r.DeletedAt.Local().Format("2006-01-02 15:04:05"), model.Sanitize(orDash(r.DeletedBy)), Summary(r))
	}
	return tw.Flush()
}

// Restore counts the deleted response with that id again, with its id,
// number and marks as they were, and returns it; a counted response is
// an error saying so (db.ErrNotDeleted), as is an unknown id
// (db.ErrNotFound).
func Restore(ctx context.Context, store db.ResponseWriter, event, id string) (model.Response, error) {
	return store.RestoreResponse(ctx, event, id)
}

// Summary is a response's marks on one line: each place (or "city-wide")
// with its wish in quotes and its category code in brackets.
func Summary(r model.Response) string {
	parts := make([]string, len(r.Marks))
	for i, m := range r.Marks {
		s := m.Neighbourhood
		if s == "" {
			s = "city-wide"
		}
		if m.Wish != "" {
			s += " “" + m.Wish + "”"
		}
		if m.Category != "" {
			s += " (" + m.Category + ")"
		}
		parts[i] = s
	}
	return model.Sanitize(strings.Join(parts, ", "))
}

// orDash is s, or "-" when empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

package exchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"standmap/model"
)

// Formats lists the formats Export writes.
var Formats = []string{"csv", "json"}

// ExportOptions change what Export writes.
type ExportOptions struct {
	// IncludeDeleted writes the deleted responses too, in their place,
	// with a last column ColDeletedAt (JSON: a "deleted_at" key on every
	// response), empty for the counted ones.
	IncludeDeleted bool
}

// Export writes the counted responses of the event ("" = every event) to
// w in order of entry: as CSV, one row per mark under Header, or as JSON,
// an array of responses with their marks (docs/formats.md shows the
// shape). Times are UTC RFC 3339 with their sub-second digits, so that
// export and import round-trip exactly; wishes are written as stored.
func Export(ctx context.Context, store Reader, event, format string, w io.Writer) error {
	return ExportWith(ctx, store, event, format, w, ExportOptions{})
}

// ExportWith is Export with options.
func ExportWith(ctx context.Context, store Reader, event, format string, w io.Writer, o ExportOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	each := store.EachResponse
	if o.IncludeDeleted {
		each = store.EachResponseIncludingDeleted
	}
	var err error
	switch format {
	case "csv":
		err = exportCSV(ctx, store, event, each, o.IncludeDeleted, bw)
	case "json":
		err = exportJSON(ctx, store, event, each, o.IncludeDeleted, bw)
	default:
		return fmt.Errorf("unknown format %q (use csv or json)", format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// formatTime is the exported form of a response's time.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// eachFunc walks an event's responses: the store's EachResponse, or
// EachResponseIncludingDeleted.
type eachFunc func(ctx context.Context, event string, fn func(model.Response) error) error

// exportCSV writes Header and then the curated ExtraColumns (and, with
// deleted, ColDeletedAt); the wish is always the text as entered, hidden
// and held ones included.
func exportCSV(ctx context.Context, store Reader, event string, each eachFunc, deleted bool, w io.Writer) error {
	cc, err := loadCurated(ctx, store, event)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := append(slices.Clone(Header), ExtraColumns...)
	if deleted {
		header = append(header, ColDeletedAt)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	curated := rec[len(Header) : len(Header)+len(ExtraColumns)]
	err = each(ctx, event, func(r model.Response) error {
		rec[0], rec[1], rec[2], rec[3] = r.ID, formatTime(r.CreatedAt), r.Event, r.AgeGroup
		if deleted {
			rec[len(rec)-1] = deletedAt(r)
		}
		for i, m := range r.Marks {
			rec[4], rec[5], rec[6] = m.Neighbourhood, m.Wish, m.Category
			cc.fill(curated, r, i)
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// jsonResponse is a response in the JSON export.
type jsonResponse struct {
	ID        string     `json:"response_id"`
	Event     string     `json:"event"`
	CreatedAt string     `json:"created_at"`
	AgeGroup  string     `json:"age_group"`
	Marks     []jsonMark `json:"marks"`
	// DeletedAt is written with IncludeDeleted only.
	DeletedAt *string `json:"deleted_at,omitempty"`
}

// deletedAt is the exported ColDeletedAt of r: its time, or "".
func deletedAt(r model.Response) string {
	if !r.Deleted() {
		return ""
	}
	return formatTime(r.DeletedAt)
}

// jsonMark is a mark in the JSON export, with its curated columns.
type jsonMark struct {
	Neighbourhood string `json:"neighbourhood"`
	Wish          string `json:"wish"`
	Category      string `json:"category"`
	Group         string `json:"wish_group"`
	GroupText     string `json:"wish_group_text"`
	GroupCategory string `json:"wish_group_category"`
	Hidden        string `json:"hidden"`
}

func exportJSON(ctx context.Context, store Reader, event string, each eachFunc, deleted bool, w io.Writer) error {
	cc, err := loadCurated(ctx, store, event)
	if err != nil {
		return err
	}
	cur := make([]string, len(ExtraColumns))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	sep := "[\n  "
	err = each(ctx, event, func(r model.Response) error {
		jr := jsonResponse{ID: r.ID, Event: r.Event, CreatedAt: formatTime(r.CreatedAt),
			AgeGroup: r.AgeGroup, Marks: make([]jsonMark, len(r.Marks))}
		if deleted {
			at := deletedAt(r)
			jr.DeletedAt = &at
		}
		for i, m := range r.Marks {
			cc.fill(cur, r, i)
			jr.Marks[i] = jsonMark{m.Neighbourhood, m.Wish, m.Category, cur[0], cur[1], cur[2], cur[3]}
		}
		buf.Reset()
		buf.WriteString(sep)
		if err := enc.Encode(jr); err != nil {
			return err
		}
		sep = ",\n  "
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	})
	if err != nil {
		return err
	}
	end := "\n]\n"
	if sep == "[\n  " {
		end = "[]\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

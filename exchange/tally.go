package exchange

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"standmap/db"
	"standmap/model"
)

// WriteTally writes the tally as the contract's JSON (indented by two
// spaces) or as a readable text table.
func WriteTally(w io.Writer, t model.Tally, asJSON bool) error {
	if t.Neighbourhoods == nil {
		t.Neighbourhoods = []model.NeighbourhoodCount{}
	}
	if t.Wishes == nil {
		t.Wishes = []model.WishCount{}
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	noun := "responses"
	if t.Responses == 1 {
		noun = "response"
	}
	fmt.Fprintf(tw, "%s: %d %s\n\nresponses\tneighbourhood\n", t.Event, t.Responses, noun)
	for _, n := range t.Neighbourhoods {
		fmt.Fprintf(tw, "%9d\t%s\n", n.Count, n.Name)
	}
	fmt.Fprintf(tw, "\nresponses\tcategory\twish\n")
	if len(t.Wishes) == 0 {
		fmt.Fprintln(tw, "\t\t(no wishes yet)")
	}
	for _, wc := range t.Wishes {
		cat := wc.Category
		if cat == "" {
			cat = "-"
		}
		fmt.Fprintf(tw, "%9d\t%s\t%s\n", wc.Count, cat, wc.Text)
	}
	return tw.Flush()
}

// Tally counts the stored responses of the event on the map gaz, under
// the event's curation: from the store's counts when they are current,
// else (and for event "", every event's responses) response by response.
func Tally(ctx context.Context, store TallyReader, gaz *model.Gazetteer, event string) (model.Tally, error) {
	if event != "" {
		if t, ok, err := store.TallyCounted(ctx, gaz, event); err != nil || ok {
			return t, err
		}
	}
	return TallyResponses(ctx, store, gaz, event)
}

// TallyResponses is Tally that reads every response, as it must when the
// store's counts are behind.
func TallyResponses(ctx context.Context, store Reader, gaz *model.Gazetteer, event string) (model.Tally, error) {
	cur, err := store.Curation(ctx, event)
	if err != nil {
		return model.Tally{}, err
	}
	t, err := model.Count(gaz, event, cur, db.Walk(ctx, store, event))
	if err != nil {
		return model.Tally{}, err
	}
	return t.Tally(), nil
}

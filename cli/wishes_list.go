package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"standmap/db"
	"standmap/model"
)

// curatedTallier counts the event's responses under cur.
func curatedTallier(e *env, event string, cur *model.Curation) (*model.Tallier, error) {
	return model.Count(e.city.Gazetteer, event, cur, db.Walk(e.ctx, e.store, event))
}

// listGroups prints every group, hidden and held ones too (counted as if
// shown, and marked), with its spellings.
func listGroups(e *env, tw *tabwriter.Writer, event string, cur *model.Curation) error {
	t, err := curatedTallier(e, event, cur.Unfiltered())
	if err != nil {
		return err
	}
	ws := t.Tally().Wishes
	if len(ws) == 0 {
		fmt.Fprintln(tw, "no wishes yet")
		return nil
	}
	fmt.Fprintln(tw, "responses\tcategory\tkey\tshown as\tstate\tspellings (mentions)")
	for _, w := range ws {
		var sp []string
		for _, s := range t.Spellings(w.Key) {
			sp = append(sp, fmt.Sprintf("%s (%d)", s.Text, s.Count))
		}
		state := cur.Status(w.Key, "", -1)
		if model.Flagged(w.Key) && state == "" {
			state = "flagged: profanity"
		}
		fmt.Fprintf(tw, "%9d\t%s\t%s\t%s\t%s\t%s\n", w.Count, orDash(w.Category), w.Key, w.Text,
			orDash(state), strings.Join(sp, ", "))
	}
	return nil
}

// listHeld prints the wishes held back for approval.
func listHeld(e *env, tw *tabwriter.Writer, event string, cur *model.Curation) error {
	held, err := heldWishes(e, event, cur)
	if err != nil {
		return err
	}
	if len(held) == 0 {
		fmt.Fprintln(tw, "no wish is held back")
		return nil
	}
	fmt.Fprintln(tw, "responses\tkey\ttext\tflag")
	for _, w := range held {
		flag := ""
		if model.Flagged(w.Key) {
			flag = "profanity"
		}
		fmt.Fprintf(tw, "%9d\t%s\t%s\t%s\n", w.Count, w.Key, w.Text, flag)
	}
	fmt.Fprintln(tw, "\nstandmap wishes approve KEY lets one through; hide KEY keeps it off the boards for good")
	return nil
}

func heldWishes(e *env, event string, cur *model.Curation) ([]model.WishCount, error) {
	t, err := curatedTallier(e, event, cur)
	if err != nil {
		return nil, err
	}
	return t.Held(), nil
}

// heldKeys returns the keys of the wishes held back now.
func heldKeys(e *env, event string) ([]string, error) {
	cur, err := e.store.Curation(e.ctx, event)
	if err != nil {
		return nil, err
	}
	held, err := heldWishes(e, event, cur)
	var keys []string
	for _, w := range held {
		keys = append(keys, w.Key)
	}
	return keys, err
}

// listSuggestions prints groups that probably mean the same, with the
// command that would merge them; it merges nothing.
func listSuggestions(e *env, tw *tabwriter.Writer, event string, cur *model.Curation) error {
	t, err := curatedTallier(e, event, cur)
	if err != nil {
		return err
	}
	ss := model.Suggest(t.Tally().Wishes)
	if len(ss) == 0 {
		fmt.Fprintln(tw, "no suggestions: no two groups look alike")
		return nil
	}
	fmt.Fprintln(tw, "merge\tinto\twhy\tcommand")
	for _, s := range ss {
		fmt.Fprintf(tw, "%s (%d)\t%s (%d)\t%s\tstandmap wishes merge %q --into %q\n",
			s.From.Text, s.From.Count, s.Into.Text, s.Into.Count, s.Why(), s.From.Key, s.Into.Key)
	}
	return nil
}

// printCurationLog prints the audit log, oldest first.
func printCurationLog(e *env, event string) error {
	log, err := e.store.CurationLog(e.ctx, event)
	if err != nil {
		return err
	}
	if len(log) == 0 {
		fmt.Fprintln(e.stdout, "no curation yet")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\twhen\twho\taction")
	for _, en := range log {
		what := en.Describe()
		if en.UndoneBy != 0 {
			what += fmt.Sprintf("  (undone by #%d)", en.UndoneBy)
		}
		fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\n", en.Seq, en.At.Local().Format("2006-01-02 15:04:05"), en.Who, what)
	}
	return tw.Flush()
}

// orDash is s, or "-" when empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

package report

import (
	"fmt"
	"io"
	"text/tabwriter"

	"standmap/model"
)

// WriteComparison writes the comparison as two plain text tables.
func WriteComparison(w io.Writer, c *model.Comparison, lang string) error {
	m := catalogue(lang)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n\n", fmt.Sprintf(m.CompareTitle, clean(c.A.Event), clean(c.B.Event)))
	for _, part := range compareParts(c, m) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", part.head, clean(c.A.Event), clean(c.B.Event), m.Change)
		for _, r := range part.rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", clean(r.Name), r.ShownA(), r.ShownB(), r.Change(m.NewWord))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// comparePart is one table of a comparison: the head of its first
// column and its rows.
type comparePart struct {
	head string
	rows []model.CompareRow
}

// compareParts returns the comparison's tables: neighbourhoods, then wishes.
func compareParts(c *model.Comparison, m *messages) []comparePart {
	return []comparePart{{m.Neighbourhood, c.Hoods}, {m.Wish, c.Wishes}}
}

package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"standmap/choropleth"
	"standmap/i18n"
	"standmap/model"
)

// Size of the text map in the Markdown report: fits 80 columns and a page.
const (
	mapWidth  = 78
	mapHeight = 26
	barWidth  = 40
)

// WriteMarkdown writes the report as Markdown: tables, and the charts and
// the map as text blocks.
func (r *Report) WriteMarkdown(w io.Writer) error {
	m := catalogue(r.Opts.Lang)
	b := &strings.Builder{}
	fmt.Fprintf(b, "# %s\n\n", mdText(fmt.Sprintf(m.Title, clean(r.Event))))
	fmt.Fprintf(b, "%s · %s", fmt.Sprintf(m.Generated, r.stamp(r.Opts.Generated)), mdText(fmt.Sprintf(m.MapName, r.City.Name)))
	if !r.Opts.At.IsZero() {
		fmt.Fprintf(b, " · %s", fmt.Sprintf(m.Replay, r.stamp(r.Opts.At)))
	}
	b.WriteString("\n\n")

	fmt.Fprintf(b, "## %s\n\n| | |\n|---|---:|\n", m.Totals)
	for _, row := range r.totalRows(m) {
		fmt.Fprintf(b, "| %s | %s |\n", row[0], row[1])
	}

	fmt.Fprintf(b, "\n## %s\n\n%s\n\n```text\n", m.Hoods, m.HoodsNote)
	var bars []bar
	for _, n := range r.Tally.Neighbourhoods {
		bars = append(bars, bar{clean(n.Name), n.Count})
	}
	writeBars(b, bars, r.Max)
	b.WriteString("```\n")

	fmt.Fprintf(b, "\n## %s\n\n```text\n%s\n```\n", m.MapTitle, r.mapText())

	fmt.Fprintf(b, "\n## %s\n\n", m.Top)
	writeWishTable(b, m, r.TopWishes(), r.TopMore(), true, true)

	fmt.Fprintf(b, "\n## %s\n\n", m.PerHood)
	for _, h := range r.Hoods {
		fmt.Fprintf(b, "### %s", mdText(m.hoodName(clean(h.Name))))
		if h.Name != "" {
			fmt.Fprintf(b, " (%d)", h.Count)
		}
		b.WriteString("\n\n")
		writeWishTable(b, m, h.Wishes, h.More, false, false)
		b.WriteString("\n")
	}
	if len(r.Hoods) == 0 {
		fmt.Fprintf(b, "%s\n\n", m.None)
	}

	fmt.Fprintf(b, "## %s\n\n", m.PerCat)
	for _, c := range r.Cats {
		fmt.Fprintf(b, "### %s (%d)\n\n", mdText(m.categoryName(c.Code)), c.Count)
		writeWishTable(b, m, c.Wishes, c.More, false, false)
		b.WriteString("\n")
	}
	if len(r.Cats) == 0 {
		fmt.Fprintf(b, "%s\n\n", m.None)
	}

	r.writeAgesMarkdown(b, m)
	r.writeArrivalsMarkdown(b, m)
	r.writeCuratedMarkdown(b, m)
	if r.Compare != nil {
		r.writeCompareMarkdown(b, m)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) writeAgesMarkdown(b *strings.Builder, m *messages) {
	a := r.Ages
	fmt.Fprintf(b, "## %s\n\n", m.Ages)
	if a.TotalOnly {
		fmt.Fprintf(b, "%s\n\n| %s | %d |\n|---|---:|\n\n", m.AgesTotal, m.Total, a.Total)
		return
	}
	if len(a.Rows) == 0 {
		fmt.Fprintf(b, "%s\n\n", m.None)
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s |\n|---|---:|---:|\n", m.Age, m.Count, m.Share)
	for _, row := range a.Rows {
		fmt.Fprintf(b, "| %s | %d | %s |\n", mdText(m.ageName(clean(row.Group))), row.Count, percent(row.Count, a.Total))
	}
	fmt.Fprintf(b, "| **%s** | **%d** | |\n\n%s\n\n", m.Total, a.Total, mdText(fmt.Sprintf(m.AgesNote, a.MinGroup, m.OtherAge)))
}

func (r *Report) writeArrivalsMarkdown(b *strings.Builder, m *messages) {
	fmt.Fprintf(b, "## %s\n\n", m.Arrivals)
	if len(r.Arrival) == 0 {
		fmt.Fprintf(b, "%s\n\n", m.None)
		return
	}
	top := 0
	var bars []bar
	for _, a := range r.Arrival {
		top = max(top, a.Count)
		bars = append(bars, bar{r.slot(a.Start), a.Count})
	}
	b.WriteString("```text\n")
	writeBars(b, bars, top)
	b.WriteString("```\n\n")
}

// writeCuratedMarkdown is where curated merges appear once curation
// fills Report.Curated; without any, the section is left out.
func (r *Report) writeCuratedMarkdown(b *strings.Builder, m *messages) {
	if len(r.Curated) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n| %s | %s | %s |\n|---|---|---:|\n", m.Curated, m.Wish, m.Merged, m.Count)
	for _, c := range r.Curated {
		parts := make([]string, len(c.Merged))
		for i, t := range c.Merged {
			parts[i] = mdText(clean(t))
		}
		fmt.Fprintf(b, "| %s | %s | %d |\n", mdText(clean(c.Text)), strings.Join(parts, "; "), c.Count)
	}
	b.WriteString("\n")
}

func (r *Report) writeCompareMarkdown(b *strings.Builder, m *messages) {
	c := r.Compare
	a, o := mdText(clean(c.A.Event)), mdText(clean(c.B.Event))
	fmt.Fprintf(b, "## %s\n\n", mdText(fmt.Sprintf(m.CompareTitle, clean(c.A.Event), clean(c.B.Event))))
	fmt.Fprintf(b, "| | %s | %s |\n|---|---:|---:|\n| %s | %d | %d |\n\n", a, o, m.Visitors, c.A.Responses, c.B.Responses)
	for _, part := range compareParts(c, m) {
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n|---|---:|---:|---|\n", part.head, a, o, m.Change)
		for _, row := range part.rows {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdText(clean(row.Name)),
				row.ShownA(), row.ShownB(), row.Change(m.NewWord))
		}
		b.WriteString("\n")
	}
}

// writeWishTable writes ranked wishes as a table, with their place when
// ranked and their category when withCategory, and under it how many more
// the list leaves out ("…and 2 more").
func writeWishTable(b *strings.Builder, m *messages, ws []model.WishCount, more int, ranked, withCategory bool) {
	if len(ws) == 0 {
		fmt.Fprintf(b, "%s\n", m.None)
		return
	}
	head, rule := []string{m.Wish}, []string{"---"}
	if ranked {
		head, rule = append([]string{"#"}, head...), append([]string{"---:"}, rule...)
	}
	if withCategory {
		head, rule = append(head, m.Category), append(rule, "---")
	}
	head, rule = append(head, m.Count), append(rule, "---:")
	fmt.Fprintf(b, "| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(rule, "|"))
	for i, w := range ws {
		cells := []string{mdText(clean(w.Text))}
		if ranked {
			cells = append([]string{fmt.Sprint(i + 1)}, cells...)
		}
		if withCategory {
			cells = append(cells, mdText(m.categoryName(w.Category)))
		}
		cells = append(cells, fmt.Sprint(w.Count))
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	if more > 0 { // after a blank line: a line right under a table is one of its rows
		fmt.Fprintf(b, "\n%s\n", fmt.Sprintf(m.More, more))
	}
}

// bar is one labelled line of a text bar chart.
type bar struct {
	label string
	n     int
}

// writeBars writes labelled text bars scaled to top, one per line.
func writeBars(b *strings.Builder, rows []bar, top int) {
	lw, cw := 0, 0
	for _, r := range rows {
		lw, cw = max(lw, len([]rune(r.label))), max(cw, len(fmt.Sprint(r.n)))
	}
	for _, r := range rows {
		line := fmt.Sprintf("%s%s  %*d %s", r.label, strings.Repeat(" ", lw-len([]rune(r.label))), cw, r.n, textBar(r.n, top, barWidth))
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

// textBar is a bar of n on a scale to top over width cells, in eighths.
func textBar(n, top, width int) string {
	if n <= 0 || top <= 0 {
		return ""
	}
	eighths := max(1, n*width*8/top)
	return strings.Repeat("█", eighths/8) + []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}[eighths%8]
}

// mapText is the city drawn by choropleth without colour.
func (r *Report) mapText() string {
	st := choropleth.Styles{Words: choropleth.Words{NoMarks: i18n.T(r.Opts.Lang, i18n.MapNoMarks), Steps: i18n.T(r.Opts.Lang, i18n.MapSteps)}}
	lines := strings.Split(choropleth.Render(r.City, r.Counts, 0, mapWidth, mapHeight, st, ""), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

func (r *Report) totalRows(m *messages) [][2]string {
	t := r.Totals
	rows := [][2]string{
		{m.Visitors, fmt.Sprint(t.Visitors)}, {m.Marks, fmt.Sprint(t.Marks)},
		{m.Wishes, fmt.Sprint(t.Wishes)}, {m.Groups, fmt.Sprint(t.Groups)},
	}
	if t.Visitors > 0 {
		rows = append(rows, [2]string{m.First, r.stamp(t.First)}, [2]string{m.Last, r.stamp(t.Last)})
	}
	return rows
}

// stamp shows a time in the report's zone, to the minute.
func (r *Report) stamp(t time.Time) string { return t.In(r.Opts.Location).Format("2006-01-02 15:04") }

// slot shows the start of a half hour: its clock time, with the date when
// the arrivals span several days.
func (r *Report) slot(t time.Time) string {
	if first := r.Arrival[0].Start; first.YearDay() != r.Arrival[len(r.Arrival)-1].Start.YearDay() {
		return t.Format("01-02 15:04")
	}
	return t.Format("15:04")
}

// percent is n of total as a whole percentage.
func percent(n, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%d%%", (n*100+total/2)/total)
}

// mdText escapes the characters Markdown would read as markup, an HTML
// tag or entity, or table structure; the text must already be clean.
func mdText(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, c := range rs {
		entity := c == '&' && i+1 < len(rs) && (rs[i+1] == '#' || unicode.IsLetter(rs[i+1]))
		if entity || strings.ContainsRune("\\`*_[]<>|~", c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

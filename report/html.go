package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"standmap/model"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// htmlView is what the HTML template draws: the report's text already
// cleaned and in the language, and the charts' geometry.
type htmlView struct {
	Lang, Title, Meta string
	M                 *messages
	Totals            [][2]string
	Hoods             svgBars
	Map               svgMap
	Shades            template.CSS // the palette's classes
	Top               wishList
	PerHood, PerCat   []wishList
	Ages              AgeTable
	AgeRows           []ageRow
	AgeNote           string
	Arrivals          svgBars
	Curated           []CuratedMerge
	Compare           *compareView
}

type wishRow struct {
	Rank           int
	Text, Category string
	Count          int
}

// wishList is a titled wish table with its column heads.
type wishList struct {
	Title, Wish, Category, Count string
	Ranked, WithCategory         bool
	Rows                         []wishRow
	// More says how many more the list leaves out ("" when none).
	More string
}

type ageRow struct {
	Group        string
	Count        int
	Share        string
	IsMergedLine bool
}

type compareView struct {
	Title, A, B          string
	VisitorsA, VisitorsB int
	Parts                []compareTable
}

type compareTable struct {
	Head string
	Rows []compareRowView
}

type compareRowView struct{ Name, A, B, Change string }

// WriteHTML writes the report as one self-contained HTML page (inline CSS
// and SVG, no script, nothing fetched) laid out for A4 printing. Every
// text is escaped by html/template.
func (r *Report) WriteHTML(w io.Writer) error {
	m := catalogue(r.Opts.Lang)
	v := htmlView{Lang: m.Lang, M: m, Title: fmt.Sprintf(m.Title, clean(r.Event)), Totals: r.totalRows(m)}
	v.Meta = fmt.Sprintf(m.Generated, r.stamp(r.Opts.Generated)) + " · " + fmt.Sprintf(m.MapName, clean(r.City.Name))
	if !r.Opts.At.IsZero() {
		v.Meta += " · " + fmt.Sprintf(m.Replay, r.stamp(r.Opts.At))
	}
	var hoods []bar
	for _, n := range r.Tally.Neighbourhoods {
		hoods = append(hoods, bar{clean(n.Name), n.Count})
	}
	v.Hoods = shadedBars(hoods, r.Max)
	v.Shades = shadesCSS()
	v.Map = mapChart(r.City, r.Counts, r.Max)
	v.Top = wishTable(m, "", r.TopWishes(), r.TopMore(), true, true)
	for _, h := range r.Hoods {
		title := m.hoodName(clean(h.Name))
		if h.Name != "" {
			title = fmt.Sprintf("%s (%d)", title, h.Count)
		}
		v.PerHood = append(v.PerHood, wishTable(m, title, h.Wishes, h.More, false, false))
	}
	for _, c := range r.Cats {
		v.PerCat = append(v.PerCat, wishTable(m, fmt.Sprintf("%s (%d)", m.categoryName(c.Code), c.Count), c.Wishes, c.More, false, false))
	}
	v.Ages = r.Ages
	for _, a := range r.Ages.Rows {
		v.AgeRows = append(v.AgeRows, ageRow{m.ageName(clean(a.Group)), a.Count, percent(a.Count, r.Ages.Total), a.Group == ""})
	}
	v.AgeNote = fmt.Sprintf(m.AgesNote, r.Ages.MinGroup, m.OtherAge)
	var arr []bar
	top := 0
	for _, a := range r.Arrival {
		arr, top = append(arr, bar{r.slot(a.Start), a.Count}), max(top, a.Count)
	}
	v.Arrivals = barChart(arr, top)
	v.Curated = r.Curated
	if c := r.Compare; c != nil {
		cv := &compareView{Title: fmt.Sprintf(m.CompareTitle, clean(c.A.Event), clean(c.B.Event)),
			A: clean(c.A.Event), B: clean(c.B.Event), VisitorsA: c.A.Responses, VisitorsB: c.B.Responses}
		for _, part := range compareParts(c, m) {
			t := compareTable{Head: part.head}
			for _, row := range part.rows {
				t.Rows = append(t.Rows, compareRowView{clean(row.Name), row.ShownA(), row.ShownB(), row.Change(m.NewWord)})
			}
			cv.Parts = append(cv.Parts, t)
		}
		v.Compare = cv
	}
	return htmlTemplate.Execute(w, v)
}

// wishTable builds a wish table, with places when ranked and categories
// when withCategory, and how many more it leaves out.
func wishTable(m *messages, title string, ws []model.WishCount, more int, ranked, withCategory bool) wishList {
	t := wishList{Title: title, Wish: m.Wish, Category: m.Category, Count: m.Count, Ranked: ranked, WithCategory: withCategory}
	if more > 0 {
		t.More = fmt.Sprintf(m.More, more)
	}
	for i, w := range ws {
		t.Rows = append(t.Rows, wishRow{Rank: i + 1, Text: clean(w.Text), Category: m.categoryName(w.Category), Count: w.Count})
	}
	return t
}

package tui

import (
	"context"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"standmap/db"
	"standmap/i18n"
	"standmap/model"
)

// CurationReader is what the curation view reads the groups' spellings
// and merges from (a db.Store has both).
type CurationReader interface {
	// Curation returns the event's curation.
	Curation(ctx context.Context, event string) (*model.Curation, error)
	// EachResponse calls fn with every response of the event.
	EachResponse(ctx context.Context, event string, fn func(model.Response) error) error
	// CurationLog returns the event's audit log, oldest first (u finds
	// the facilitator's own newest action in it).
	CurationLog(ctx context.Context, event string) ([]db.CurationEntry, error)
}

// curateDetail is what the snapshot does not hold: the curation, and the
// spellings of every group (hidden and held ones too), by group key.
type curateDetail struct {
	cur       *model.Curation
	spellings map[string][]model.SpellingCount
	of        *model.Snapshot // the snapshot shown when it was asked for
}

// detailCmd reads the curation and counts the event's responses under it,
// unfiltered, for the spellings; the result comes as a curatedMsg (the one
// message the application hands to the view).
func (c Curate) detailCmd() tea.Cmd {
	o, of := c.o, c.snap
	if o.Reader == nil || o.Gazetteer == nil {
		return nil
	}
	return func() tea.Msg {
		d, err := loadDetail(o, of)
		return curatedMsg{detail: d, err: err, quiet: true}
	}
}

// loadDetail does detailCmd's reading.
func loadDetail(o CurateOptions, of *model.Snapshot) (*curateDetail, error) {
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	cur, err := o.Reader.Curation(ctx, o.Event)
	if err != nil {
		return nil, err
	}
	t, err := model.Count(o.Gazetteer, o.Event, cur.Unfiltered(), func(fn func(model.Response) error) error {
		return o.Reader.EachResponse(ctx, o.Event, fn)
	})
	if err != nil {
		return nil, err
	}
	d := &curateDetail{cur: cur, spellings: make(map[string][]model.SpellingCount), of: of}
	for _, w := range t.Tally().Wishes {
		d.spellings[w.Key] = t.Spellings(w.Key)
	}
	return d, nil
}

// refreshDetail asks for the details of the snapshot shown when those
// held are of an older one, unless a read is under way: one read at a
// time, and when it returns for a snapshot since replaced, Update asks
// again; after a failed read, only a newer snapshot asks again.
func (c Curate) refreshDetail() (Curate, tea.Cmd) {
	if c.snap == nil || c.reading || c.readErr == c.snap || c.detail != nil && c.detail.of == c.snap {
		return c, nil
	}
	cmd := c.detailCmd()
	c.reading = cmd != nil
	return c, cmd
}

// detailHeight is the lines the detail area takes of a screen h high.
func detailHeight(h int) int { return min(max(h/4, 3), 8) }

// detailRow is the group whose details show: the selected row's, or with
// the suggestions, the selected pair's group to be merged.
func (c Curate) detailRow() (curateRow, bool) {
	switch {
	case c.mode == modeSuggest && len(c.sugs) > 0:
		return curateRow{WishCount: c.sugs[c.sugSel].From}, true
	case c.mode != modeSuggest && len(c.rows) > 0:
		return c.rows[c.sel], true
	}
	return curateRow{}, false
}

// detailLines draws the details of detailRow in exactly n lines of w
// cells: a rule with its shown text and category, its spellings with
// their mentions, and the keys merged into it.
func (c Curate) detailLines(w, n int) []string {
	out := make([]string, 0, n)
	if r, ok := c.detailRow(); ok && n > 0 {
		head := "── " + model.Sanitize(r.Text)
		if cat, ok := model.CategoryByCode(r.Category); ok {
			head += " · " + cat.Name(c.o.Lang)
		}
		out = append(out, c.st.Title.Render(fit(head+" "+strings.Repeat("─", max(0, w-width(head)-1)), w)))
		out = append(out, c.spellingLines(r, w, n-1)...)
	}
	for len(out) < n {
		out = append(out, "")
	}
	return out[:n]
}

// spellingLines packs the row's spellings into at most n lines (the last
// saying how many more did not fit), then the keys merged into it.
func (c Curate) spellingLines(r curateRow, w, n int) []string {
	switch {
	case n <= 0:
		return nil
	case c.detail == nil:
		return []string{fit(c.st.Muted.Render(c.tr(i18n.AppCompareLoading)), w)}
	}
	var merged []string
	if ms := c.detail.cur.Members(r.Key); len(ms) > 0 && n > 1 {
		n--
		merged = []string{fit(c.st.Muted.Render(c.tr(i18n.AppCurateMembers, model.Sanitize(strings.Join(ms, ", ")))), w)}
	}
	var out []string
	line := c.tr(i18n.AppCurateSpelt)
	sp := c.detail.spellings[r.Key]
	for i, s := range sp {
		item := model.Sanitize(s.Text) + " (" + strconv.Itoa(s.Count) + ")"
		if i > 0 {
			item = " · " + item
		}
		if width(line)+width(item) <= w || i == 0 { // the first goes beside the label, cut if need be
			line += item
			continue
		}
		if len(out) == n-1 { // the last line: say what is left
			more := " " + c.tr(i18n.AppMore, len(sp)-i)
			line = fit(line, max(0, w-width(more))) + more
			break
		}
		out = append(out, fit(line, w))
		line = "  " + strings.TrimPrefix(item, " · ")
	}
	return append(append(out, fit(line, w)), merged...)
}

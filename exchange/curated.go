package exchange

import (
	"context"
	"fmt"
	"slices"

	"standmap/model"
)

// The curated columns, written after Header by every CSV export.
const (
	// ColGroup is the key of the curated group the mark's wish counts in.
	ColGroup = "wish_group"
	// ColGroupText is that group's shown text (a facilitator's, or its
	// most frequent spelling).
	ColGroupText = "wish_group_text"
	// ColGroupCategory is that group's category code.
	ColGroupCategory = "wish_group_category"
	// ColHidden is "hidden" (a facilitator hid the wish or its group),
	// "held" (it waits for approval) or "" (shown).
	ColHidden = "hidden"
)

// curatedColumns derives the curated columns of marks: each event's
// curation and its groups' shown texts and categories.
type curatedColumns struct {
	events map[string]*curatedEvent
}

// curatedEvent is one event's curation, and its groups as they would be
// shown with nothing hidden or held, so that hidden groups have a text.
type curatedEvent struct {
	cur    *model.Curation
	groups map[string]model.WishCount
}

// groupView counts one event's responses twice, as the export shows its
// groups: under the curation, and under its merges, texts and categories
// alone (Unfiltered), so that a hidden or held group has a text too. It
// puts responses into its Talliers itself rather than through
// model.Count: an export walks every event's responses once, handing
// each to its event's view, and drops the places first (the rules of
// counting are still the Tallier's).
type groupView struct {
	cur        *model.Curation
	shown, all *model.Tallier
}

// wishesOnly is the gazetteer of groupView: places do not matter to it.
var wishesOnly, _ = model.NewGazetteer(nil)

func newGroupView(event string, cur *model.Curation) *groupView {
	v := &groupView{cur: cur, shown: model.NewTallier(wishesOnly, event), all: model.NewTallier(wishesOnly, event)}
	v.shown.SetCuration(cur)
	v.all.SetCuration(cur.Unfiltered())
	return v
}

// put counts r; its places are dropped first, as they do not matter here
// and each would cost a fold.
func (v *groupView) put(r model.Response) {
	marks := make([]model.Mark, len(r.Marks))
	for i, m := range r.Marks {
		marks[i] = model.Mark{Wish: m.Wish, Category: m.Category}
	}
	r.Marks = marks
	v.shown.Put(r)
	v.all.Put(r)
}

// event returns the curation with each group's line, the shown one where
// the group is shown.
func (v *groupView) event() *curatedEvent {
	ce := &curatedEvent{cur: v.cur, groups: make(map[string]model.WishCount)}
	for _, t := range []*model.Tallier{v.all, v.shown} { // shown wins
		for _, w := range t.Tally().Wishes {
			ce.groups[w.Key] = w
		}
	}
	return ce
}

// loadCurated reads the curation of the event ("" = every event) and
// counts its responses once to know each group's shown text.
func loadCurated(ctx context.Context, store Reader, event string) (*curatedColumns, error) {
	views := make(map[string]*groupView)
	err := store.EachResponse(ctx, event, func(r model.Response) error {
		v := views[r.Event]
		if v == nil {
			cur, err := store.Curation(ctx, r.Event)
			if err != nil {
				return err
			}
			v = newGroupView(r.Event, cur)
			views[r.Event] = v
		}
		v.put(r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	cc := &curatedColumns{events: make(map[string]*curatedEvent, len(views))}
	for name, v := range views {
		cc.events[name] = v.event()
	}
	return cc, nil
}

// fill writes the curated columns of mark position of r into rec.
func (cc *curatedColumns) fill(rec []string, r model.Response, position int) {
	clear(rec)
	if ce := cc.events[r.Event]; ce != nil {
		ce.fill(rec, r, position)
	}
}

// fill writes the curated columns of mark position of r, a response of
// the event, into rec, which must be clear.
func (ce *curatedEvent) fill(rec []string, r model.Response, position int) {
	key := model.WishKey(r.Marks[position].Wish)
	if key == "" {
		return
	}
	g := ce.groups[ce.cur.Group(key)]
	rec[0], rec[1], rec[2] = ce.cur.Group(key), g.Text, g.Category
	rec[3] = ce.cur.Status(key, r.ID, position)
}

// checkCurated validates an imported value of a curated column (what
// they describe is carried by carry.go).
func checkCurated(column, value string) error {
	switch {
	case column == ColHidden && !slices.Contains([]string{model.StatusShown, model.StatusHidden, model.StatusHeld}, value):
		return &model.FieldError{Field: column, Reason: fmt.Sprintf("%q is not %q, %q or empty", value, model.StatusHidden, model.StatusHeld)}
	case column == ColGroupCategory && value != "":
		if _, ok := model.CategoryByCode(value); !ok {
			return &model.FieldError{Field: column, Reason: fmt.Sprintf("unknown category %q", value)}
		}
	}
	return nil
}

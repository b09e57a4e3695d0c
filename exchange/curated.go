package exchange

import (
	"context"
	"fmt"
	"slices"

	"standmap/db"
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

// loadCurated reads the curation of the event ("" = every event) and
// counts its responses once to know each group's shown text.
func loadCurated(ctx context.Context, store db.Store, event string) (*curatedColumns, error) {
	gaz, err := model.NewGazetteer(nil) // wishes only: places do not matter here
	if err != nil {
		return nil, err
	}
	cc := &curatedColumns{events: make(map[string]*curatedEvent)}
	shown := make(map[string]*model.Tallier)
	all := make(map[string]*model.Tallier)
	err = store.EachResponse(ctx, event, func(r model.Response) error {
		if _, ok := cc.events[r.Event]; !ok {
			cur, err := store.Curation(ctx, r.Event)
			if err != nil {
				return err
			}
			cc.events[r.Event] = &curatedEvent{cur: cur}
			shown[r.Event], all[r.Event] = model.NewTallier(gaz, r.Event), model.NewTallier(gaz, r.Event)
			shown[r.Event].SetCuration(cur)
			all[r.Event].SetCuration(cur.Unfiltered())
		}
		shown[r.Event].Put(r)
		all[r.Event].Put(r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, ce := range cc.events {
		ce.groups = make(map[string]model.WishCount)
		for _, t := range []*model.Tallier{all[name], shown[name]} { // shown wins
			for _, w := range t.Tally().Wishes {
				ce.groups[w.Key] = w
			}
		}
	}
	return cc, nil
}

// fill writes the curated columns of mark position of r into rec.
func (cc *curatedColumns) fill(rec []string, r model.Response, position int) {
	clear(rec)
	key := model.WishKey(r.Marks[position].Wish)
	ce := cc.events[r.Event]
	if key == "" || ce == nil {
		return
	}
	g := ce.groups[ce.cur.Group(key)]
	rec[0], rec[1], rec[2] = ce.cur.Group(key), g.Text, g.Category
	rec[3] = ce.cur.Status(key, r.ID, position)
}

// checkCurated validates an imported value of a curated column; the
// values themselves are not imported (they derive from the curation of
// the database imported into).
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

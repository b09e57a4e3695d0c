package tui

import (
	"encoding/json"

	"standmap/i18n"
	"standmap/model"
)

// formDraft is what the form holds, as its draft is stored (db.Drafts):
// enough to bring the form back after a quit, a crash or a lost
// connection, as it was but for selections and suggestions.
type formDraft struct {
	ID        string          `json:"id,omitempty"` // the new visitor's (Capture.visitor)
	Marks     []model.Mark    `json:"marks,omitempty"`
	Age       string          `json:"age,omitempty"`
	Place     string          `json:"place,omitempty"`
	InWish    bool            `json:"in_wish,omitempty"` // the wish field is open, for WishFor ("" = city-wide)
	WishFor   string          `json:"wish_for,omitempty"`
	Wish      string          `json:"wish,omitempty"`
	Category  string          `json:"category,omitempty"`
	CatManual bool            `json:"category_chosen,omitempty"`
	CatStems  bool            `json:"category_suggested,omitempty"`
	EditMark  int             `json:"edit_mark,omitempty"` // 1-based
	MarkWas   *model.Mark     `json:"mark_was,omitempty"`
	Editing   *model.Response `json:"editing,omitempty"`
}

// Encode returns the form's draft, "" when it is empty.
func (c Capture) Encode() string {
	if c.Empty() {
		return ""
	}
	d := formDraft{Marks: c.marks, Place: c.place.Value(), InWish: c.stage() == focusWish,
		WishFor: c.wishFor, Wish: c.wish.Value(), Category: c.category, CatManual: c.catManual,
		CatStems: c.catStems, EditMark: c.editMark, ID: c.visitor}
	if c.age >= 0 {
		d.Age = c.ages[c.age]
	}
	if c.editMark > 0 {
		was := c.markWas
		d.MarkWas = &was
	}
	if c.Editing() {
		e := c.editing
		d.Editing = &e
	}
	b, err := json.Marshal(d)
	if err != nil { // cannot happen: plain strings and numbers
		return ""
	}
	return string(b)
}

// Restore puts a stored draft into the form, as one step (ctrl+z gives
// back the form as it was); ok is false for a draft it cannot read, which
// leaves the form as it is. Stored text is sanitised again, as typed text
// is.
func (c Capture) Restore(draft string) (Capture, bool) {
	var d formDraft
	if draft == "" || json.Unmarshal([]byte(draft), &d) != nil {
		return c, false
	}
	before := c
	c = c.Reset()
	for _, m := range d.Marks {
		c.marks = append(c.marks, model.Mark{Neighbourhood: model.Sanitize(m.Neighbourhood),
			Wish: model.Sanitize(m.Wish), Category: model.Sanitize(m.Category)})
	}
	for i, a := range c.ages {
		if a == d.Age && d.Age != "" {
			c.age = i
		}
	}
	if d.Editing != nil {
		c.editing = *d.Editing
	} else if model.CheckText("response_id", 0, d.ID) == nil && len(d.ID) <= model.MaxIDLen {
		c.visitor = d.ID
	}
	if d.EditMark > 0 && d.EditMark <= len(c.marks) && d.MarkWas != nil {
		c.editMark, c.markWas = d.EditMark, *d.MarkWas
	}
	if d.InWish {
		c.focus, c.wishFor = focusWish, model.Sanitize(d.WishFor)
		c.wish.SetValue(d.Wish)
		c.category, c.catManual, c.catStems = d.Category, d.CatManual, d.CatStems
		c.sugs, _ = suggestWishes(c.groups, c.wish.Value(), maxSuggestions)
	} else {
		c.place.SetValue(d.Place)
		if !c.place.Empty() {
			c.matches = c.gaz.Search(c.place.Value())
		}
	}
	c.note, c.noteBad = tr(c.lang, i18n.FormRestored), false
	return c.stepFrom(before), true
}

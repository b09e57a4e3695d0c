package tui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"standmap/ascii_maps"
	"standmap/i18n"
	"standmap/model"
)

// focus says which part of the screen takes keys.
type focus int

// The focusable parts.
const (
	focusPlace    focus = iota // the capture form's place field
	focusWish                  // the capture form's wish field
	focusRecent                // the list of recent responses
	focusBoard                 // the board alone
	focusFilter                // the board's filter field
	focusMapPick               // the capture form's place, chosen on the map with arrows
	focusCategory              // the capture form's list of categories for the wish (ctrl+t)
)

// Capture is the form for one visitor's response: marks (a neighbourhood
// with an optional wish and category, or a city-wide wish), an optional
// age group, and the response being edited, if any.
type Capture struct {
	keys  KeyMap
	gaz   *model.Gazetteer
	lang  string
	ages  []string
	focus focus            // focusPlace, focusWish, focusCategory or focusMapPick
	city  *ascii_maps.City // for choosing on the map; nil: no map

	pickAt string // the neighbourhood marked on the map (focusMapPick)

	place    field
	matches  []model.Neighbourhood
	placeSel int

	wish            field
	wishFor         string // the neighbourhood of the wish ("" = city-wide)
	sugs            []model.WishCount
	wishSel         int
	wishMoved       bool // the selection was moved with ↑/↓
	category        string
	catManual       bool    // chosen by hand: typing no longer changes it
	cats            catList // focusCategory: the list, moving category with it
	catBefore       string  // focusCategory: the category to go back to on esc
	catManualBefore bool    // focusCategory: catManual to go back to on esc

	marks []model.Mark
	age   int // index into ages, -1 for none

	// editing is the stored response loaded for editing (ID "" = new).
	editing model.Response
	// groups are the wish groups of the latest snapshot, ranked.
	groups []model.WishCount

	note    string // the inline message
	noteBad bool   // the message is an error
}

// NewCapture returns an empty form for the neighbourhoods of gaz.
func NewCapture(keys KeyMap, gaz *model.Gazetteer, lang string) Capture {
	return Capture{keys: keys, gaz: gaz, lang: lang, ages: model.DefaultAgeGroups, age: -1,
		place: field{limit: 60}, wish: field{limit: model.MaxWishLen}}
}

// Reset empties the form for the next visitor, keeping the wish groups.
func (c Capture) Reset() Capture {
	n := NewCapture(c.keys, c.gaz, c.lang)
	n.groups, n.ages, n.city = c.groups, c.ages, c.city
	return n
}

// SetAgeGroups sets the age groups offered (digits 1–9 pick them); none
// keeps model.DefaultAgeGroups.
func (c Capture) SetAgeGroups(ages []string) Capture {
	if len(ages) > 0 {
		c.ages, c.age = ages[:min(len(ages), 9)], -1
	}
	return c
}

// WithCity gives the form the city's map, to choose places on with the
// arrow keys (nil: no map, typing only).
func (c Capture) WithCity(city *ascii_maps.City) Capture {
	if city != nil && (city.Grid.Width == 0 || len(city.Neighbourhoods) == 0) {
		city = nil
	}
	c.city = city
	return c
}

// Picking returns the neighbourhood marked on the map while the place is
// being chosen with the arrow keys, else "".
func (c Capture) Picking() string {
	if c.focus != focusMapPick {
		return ""
	}
	return c.pickAt
}

// SetGroups gives the form the wish groups to suggest from.
func (c Capture) SetGroups(ws []model.WishCount) Capture {
	c.groups = ws
	return c
}

// Load puts a stored response into the form for editing.
func (c Capture) Load(r model.Response) Capture {
	c = c.Reset()
	c.editing = r
	c.marks = append([]model.Mark(nil), r.Marks...)
	for i, a := range c.ages {
		if a == r.AgeGroup {
			c.age = i
		}
	}
	c.note, c.noteBad = tr(c.lang, i18n.AppEditing, r.Seq), false
	return c
}

// Editing reports whether the form holds a stored response.
func (c Capture) Editing() bool { return c.editing.ID != "" }

// Empty reports whether nothing has been entered.
func (c Capture) Empty() bool {
	return len(c.marks) == 0 && c.place.Empty() && c.wish.Empty() && c.focus == focusPlace && c.age < 0 && !c.Editing()
}

// Say sets the inline message.
func (c Capture) Say(text string, bad bool) Capture {
	c.note, c.noteBad = text, bad
	return c
}

// Draft returns the response the form holds, the mark in progress
// included, checked against the map. A new response has no ID and time
// yet (the save command gives them). The error is shown as is.
func (c Capture) Draft() (model.Response, error) {
	marks := append([]model.Mark(nil), c.marks...)
	switch {
	case c.focus == focusWish, c.focus == focusCategory:
		if m, ok := c.pendingMark(); ok {
			marks = append(marks, m)
		}
	case c.focus == focusMapPick: // the place marked on the map, as Enter would take it
		marks = append(marks, model.Mark{Neighbourhood: c.pickAt})
	case !c.place.Empty(): // the suggestion on screen, as Enter would take it
		if len(c.matches) == 0 {
			return model.Response{}, errors.New(tr(c.lang, i18n.AppNoMatch, c.place.Value()))
		}
		marks = append(marks, model.Mark{Neighbourhood: c.matches[min(c.placeSel, len(c.matches)-1)].Name})
	}
	if len(marks) == 0 {
		return model.Response{}, errors.New(tr(c.lang, i18n.AppNothingToSave))
	}
	r := c.editing
	r.Marks = marks
	r.AgeGroup = ""
	if c.age >= 0 {
		r.AgeGroup = c.ages[c.age]
	}
	probe := r
	if probe.ID == "" {
		probe.ID = "new"
	}
	if _, err := probe.Check(c.gaz); err != nil {
		var fe *model.FieldError
		if errors.As(err, &fe) && fe.Mark > 0 {
			return r, errors.New(strconv.Itoa(fe.Mark) + ": " + fe.Error())
		}
		return r, err
	}
	return r, nil
}

// pendingMark is the mark the wish field is building, if it holds any.
func (c Capture) pendingMark() (model.Mark, bool) {
	w := strings.TrimSpace(c.wish.Value())
	if c.wishFor == "" && w == "" {
		return model.Mark{}, false
	}
	m := model.Mark{Neighbourhood: c.wishFor, Wish: w}
	if w != "" {
		m.Category = c.category
	}
	return m, true
}

// Update handles a key press or paste while the form has focus.
func (c Capture) Update(msg tea.Msg) (Capture, tea.Cmd) {
	switch c.focus {
	case focusWish:
		return c.updateWish(msg), nil
	case focusCategory:
		return c.updateCategory(msg), nil
	case focusMapPick:
		return c.updatePick(msg), nil
	}
	return c.updatePlace(msg), nil
}

func (c Capture) updatePlace(msg tea.Msg) Capture {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, c.keys.Enter), key.Matches(k, c.keys.Accept) && !c.place.Empty():
			return c.takePlace()
		case key.Matches(k, c.keys.Accept): // empty place: a city-wide wish
			c.focus, c.wishFor, c.note = focusWish, "", ""
			return c
		case key.Matches(k, c.keys.MapPick),
			key.Matches(k, c.keys.MapMove) && c.place.Empty() && len(c.matches) == 0:
			return c.startPick()
		case key.Matches(k, c.keys.Up):
			c.placeSel = max(0, c.placeSel-1)
			return c
		case key.Matches(k, c.keys.Down):
			c.placeSel = min(max(0, len(c.matches)-1), c.placeSel+1)
			return c
		case key.Matches(k, c.keys.RemoveMark) && c.place.Empty():
			if n := len(c.marks); n > 0 {
				c.marks = c.marks[:n-1]
			}
			return c
		case key.Matches(k, c.keys.Age) && c.place.Empty():
			i := int(k.Code - '1')
			if i >= 0 && i < len(c.ages) {
				if c.age == i {
					c.age = -1
				} else {
					c.age = i
				}
			}
			return c
		case key.Matches(k, c.keys.Back) && c.place.Empty() && c.Editing():
			return c.Reset().Say(tr(c.lang, i18n.AppEditCancelled, c.editing.Seq), false)
		case key.Matches(k, c.keys.Back):
			c.place.SetValue("")
			c.matches, c.note = nil, ""
			return c
		}
	}
	r := c.place.update(msg)
	if r.changed {
		c.note = ""
		c.matches = c.gaz.Search(c.place.Value())
		if len(c.matches) > maxSuggestions {
			c.matches = c.matches[:maxSuggestions]
		}
		c.placeSel = 0
	}
	if r.cleaned {
		c.note, c.noteBad = tr(c.lang, i18n.AppPasteCleaned), true
	}
	return c
}

// takePlace picks the selected neighbourhood and moves to its wish.
func (c Capture) takePlace() Capture {
	if c.place.Empty() {
		c.note, c.noteBad = tr(c.lang, i18n.AppEmptyPlace), false
		return c
	}
	if len(c.matches) == 0 {
		c.note, c.noteBad = tr(c.lang, i18n.AppNoMatch, c.place.Value()), true
		return c
	}
	c.wishFor = c.matches[min(c.placeSel, len(c.matches)-1)].Name
	c.place.SetValue("")
	c.matches, c.placeSel, c.note = nil, 0, ""
	c.focus = focusWish
	return c
}

func (c Capture) updateWish(msg tea.Msg) Capture {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, c.keys.Enter):
			if c.wishMoved { // a suggestion chosen with ↑/↓: Enter takes it
				c = c.acceptWish()
			}
			return c.finishMark(true)
		case key.Matches(k, c.keys.Back):
			return c.finishMark(false)
		case key.Matches(k, c.keys.Accept):
			return c.acceptWish()
		case key.Matches(k, c.keys.Up):
			c.wishSel, c.wishMoved = max(0, c.wishSel-1), len(c.sugs) > 0
			return c
		case key.Matches(k, c.keys.Down):
			c.wishSel, c.wishMoved = min(max(0, len(c.sugs)-1), c.wishSel+1), len(c.sugs) > 0
			return c
		case key.Matches(k, c.keys.Category), key.Matches(k, c.keys.CategoryBack):
			c.focus, c.cats, c.catBefore, c.catManualBefore = focusCategory, newCatList(c.category), c.category, c.catManual
			return c
		}
	}
	r := c.wish.update(msg)
	switch {
	case r.truncated:
		c.note, c.noteBad = tr(c.lang, i18n.AppWishTooLong, model.MaxWishLen), true
	case r.cleaned:
		c.note, c.noteBad = tr(c.lang, i18n.AppPasteCleaned), true
	case r.changed:
		c.note = ""
	}
	if r.changed {
		c.wishMoved = false
		var exact *model.WishCount
		c.sugs, exact = suggestWishes(c.groups, c.wish.Value(), maxSuggestions)
		c.wishSel = 0
		if !c.catManual {
			c.category = ""
			if exact != nil {
				c.category = exact.Category
			}
		}
	}
	return c
}

// acceptWish takes the selected suggestion: its shown spelling and its
// category.
func (c Capture) acceptWish() Capture {
	if len(c.sugs) > 0 {
		g := c.sugs[min(c.wishSel, len(c.sugs)-1)]
		c.wish.SetValue(g.Text)
		c.category, c.catManual = g.Category, false
	}
	c.sugs, c.wishSel, c.wishMoved = nil, 0, false
	return c
}

// finishMark adds the mark in progress (with its wish when keep) and
// returns to the place field.
func (c Capture) finishMark(keep bool) Capture {
	if !keep {
		c.wish.SetValue("")
	}
	if m, ok := c.pendingMark(); ok {
		c.marks = append(c.marks, m)
	}
	c.wish.SetValue("")
	c.wishFor, c.sugs, c.wishSel, c.wishMoved, c.category, c.catManual = "", nil, 0, false, "", false
	c.focus, c.note = focusPlace, ""
	return c
}

// updateCategory moves through the list of categories (ctrl+t opened it
// from the wish field): ↑/↓ (ctrl+t, shift+tab) move, a letter jumps, the
// wish takes the category under the selection at once; enter goes back to
// the wish with it, esc with the category from before.
func (c Capture) updateCategory(msg tea.Msg) Capture {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c
	}
	switch {
	case key.Matches(k, c.keys.Enter):
		c.focus = focusWish
		return c
	case key.Matches(k, c.keys.Back):
		c.focus, c.category, c.catManual = focusWish, c.catBefore, c.catManualBefore
		return c
	case key.Matches(k, c.keys.Category):
		k = tea.KeyPressMsg{Code: tea.KeyDown}
	case key.Matches(k, c.keys.CategoryBack):
		k = tea.KeyPressMsg{Code: tea.KeyUp}
	}
	if cats, moved := c.cats.move(k, c.lang); moved {
		c.cats, c.category, c.catManual = cats, cats.code(), true
	}
	return c
}

// clock is how a recent response's time is shown.
func clock(t time.Time) string { return t.Local().Format("15:04") }

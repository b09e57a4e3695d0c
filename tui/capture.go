package tui

import (
	"errors"
	"slices"
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
	focusCategory              // the capture form's list of categories for the wish (ctrl+t, or enter with none)
	focusMarks                 // the capture form's list of marks, to choose one to change
)

// Capture is the form for one visitor's response: marks (a neighbourhood
// with an optional wish and category, or a city-wide wish), an optional
// age group, and the response being edited, if any. It keeps its own
// history of steps for ctrl+z and ctrl+y (capture_undo.go).
type Capture struct {
	keys  *KeyMap
	gaz   *model.Gazetteer
	lang  string
	ages  []string
	focus focus            // focusPlace, focusWish, focusCategory, focusMapPick or focusMarks
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
	catManual       bool    // chosen by hand (none too): typing no longer changes it
	catStems        bool    // suggested by the words of a new wish (i18n.SuggestCategory)
	cats            catList // focusCategory: the list, moving category with it
	catBefore       string  // focusCategory: the category to go back to on esc
	catManualBefore bool    // focusCategory: catManual to go back to on esc
	catForSave      bool    // focusCategory: opened by ctrl+s (AskCategory), whose save enter finishes

	marks []model.Mark
	age   int // index into ages, -1 for none

	markSel  int        // focusMarks: the chosen mark
	editMark int        // the mark being changed, 1-based (0: a new mark)
	markWas  model.Mark // the mark being changed as it was, for esc

	// editing is the stored response loaded for editing (ID "" = new).
	editing model.Response
	// visitor is the id a new response is saved under: given when the
	// form first holds anything and kept in its draft, so that the same
	// visitor restored in a second session of the facilitator (a
	// reconnect, another window) and saved there too is one response.
	visitor string
	// groups are the wish groups of the latest snapshot, ranked.
	groups []model.WishCount

	// wishEsc: esc was pressed once on a typed wish, which kept it; the
	// next key, if it is esc again, leaves the wish out of the mark.
	wishEsc bool

	note    string // the inline message
	noteBad bool   // the message is an error

	past, future []Capture // the form's steps, for ctrl+z and ctrl+y
	lastStep     stepKind  // what the newest step changed, to run typing together
}

// NewCapture returns an empty form for the neighbourhoods of gaz.
func NewCapture(keys *KeyMap, gaz *model.Gazetteer, lang string) Capture {
	return Capture{keys: keys, gaz: gaz, lang: lang, ages: model.DefaultAgeGroups, age: -1,
		place: field{limit: 60}, wish: field{limit: model.MaxWishLen}}
}

// Reset empties the form for the next visitor, keeping the wish groups;
// its history starts again.
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

// Load puts a stored response into the form for editing, as one step:
// ctrl+z gives back the form as it was.
func (c Capture) Load(r model.Response) Capture {
	before := c
	c = c.Reset()
	c.editing = r
	c.marks = append([]model.Mark(nil), r.Marks...)
	for i, a := range c.ages {
		if a == r.AgeGroup {
			c.age = i
		}
	}
	c.note, c.noteBad = tr(c.lang, i18n.FormEditingHint, r.Number), false
	return c.stepFrom(before)
}

// WithVisitor gives a form that holds a new visitor the id its response
// will be saved under, when it has none yet.
func (c Capture) WithVisitor(now time.Time) Capture {
	if c.visitor == "" && !c.Editing() && !c.Empty() {
		c.visitor = model.NewResponseID(now)
	}
	return c
}

// Editing reports whether the form holds a stored response.
func (c Capture) Editing() bool { return c.editing.ID != "" }

// Unsaved reports whether the form holds what no save has stored: a new
// visitor with anything in it, or changes to the response being edited.
func (c Capture) Unsaved() bool {
	if !c.Editing() {
		return !c.Empty()
	}
	typing := !c.place.Empty() || !c.wish.Empty() || c.stage() != focusPlace
	age := ""
	if c.age >= 0 && c.age < len(c.ages) {
		age = c.ages[c.age]
	}
	return typing || !slices.Equal(c.marks, c.editing.Marks) || age != c.editing.AgeGroup
}

// Empty reports whether nothing has been entered.
func (c Capture) Empty() bool {
	return len(c.marks) == 0 && c.place.Empty() && c.wish.Empty() && c.stage() == focusPlace && c.age < 0 && !c.Editing()
}

// stage is where the form is in entering a mark: focusPlace (choosing
// its place: typing, on the map or among the marks) or focusWish (its
// wish or category).
func (c Capture) stage() focus {
	if c.focus == focusWish || c.focus == focusCategory {
		return focusWish
	}
	return focusPlace
}

// Say sets the inline message.
func (c Capture) Say(text string, bad bool) Capture {
	c.note, c.noteBad = text, bad
	return c
}

// Draft returns the response the form holds, the mark in progress
// included, checked against the map. A new response has the form's
// visitor id (none before WithVisitor) and no time yet (the save command
// gives it). The error is shown as is.
func (c Capture) Draft() (model.Response, error) {
	marks := append([]model.Mark(nil), c.marks...)
	var m model.Mark
	ok := false
	switch {
	case c.stage() == focusWish:
		m, ok = c.pendingMark()
	case c.focus == focusMapPick: // the place marked on the map, as Enter would take it
		m, ok = model.Mark{Neighbourhood: c.pickAt}, true
	case !c.place.Empty(): // the suggestion on screen, as Enter would take it
		if len(c.matches) == 0 {
			return model.Response{}, errors.New(tr(c.lang, i18n.AppNoMatch, c.place.Value()))
		}
		m, ok = model.Mark{Neighbourhood: c.matches[min(c.placeSel, len(c.matches)-1)].Name}, true
		if c.editMark > 0 { // a new place for the mark being changed: its wish stays
			m.Wish, m.Category = c.markWas.Wish, c.markWas.Category
		}
	}
	switch {
	case ok && c.editMark > 0:
		marks[c.editMark-1] = m
	case ok:
		marks = append(marks, m)
	}
	if len(marks) == 0 {
		return model.Response{}, errors.New(tr(c.lang, i18n.AppNothingToSave))
	}
	r := c.editing
	if !c.Editing() {
		r.ID = c.visitor
	}
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

// Update handles a key press or paste while the form has focus. A change
// of what the form holds is a step that ctrl+z takes back.
func (c Capture) Update(msg tea.Msg) (Capture, tea.Cmd) {
	before := c
	escOnce := c.wishEsc
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		c.wishEsc = false
	}
	switch c.focus {
	case focusWish:
		c = c.updateWish(msg, escOnce)
	case focusCategory:
		c = c.updateCategory(msg)
	case focusMapPick:
		c = c.updatePick(msg)
	case focusMarks:
		c = c.updateMarks(msg)
	default:
		c = c.updatePlace(msg)
	}
	return c.stepFrom(before), nil
}

func (c Capture) updatePlace(msg tea.Msg) Capture {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, c.keys.Enter), key.Matches(k, c.keys.Accept) && !c.place.Empty():
			return c.takePlace()
		case key.Matches(k, c.keys.Accept): // empty place: a city-wide wish
			return c.placeChosen("")
		case key.Matches(k, c.keys.MapPick):
			return c.startPick()
		case key.Matches(k, c.keys.Up) && len(c.matches) == 0 && c.place.Empty() && c.editMark == 0 && len(c.marks) > 0:
			c.focus, c.markSel, c.note = focusMarks, len(c.marks)-1, ""
			return c
		case key.Matches(k, c.keys.Up):
			c.placeSel = max(0, c.placeSel-1)
			return c
		case key.Matches(k, c.keys.Down):
			c.placeSel = min(max(0, len(c.matches)-1), c.placeSel+1)
			return c
		case key.Matches(k, c.keys.RemoveMark) && c.place.Empty() && c.editMark == 0:
			if n := len(c.marks); n > 0 {
				c.marks = c.marks[: n-1 : n-1]
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
		case key.Matches(k, c.keys.Back) && c.editMark > 0:
			return c.cancelMark()
		case key.Matches(k, c.keys.Back) && c.place.Empty() && c.Editing():
			return c.Reset().Say(tr(c.lang, i18n.AppEditCancelled, c.editing.Number), false)
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
		c.placeSel = 0
	}
	if r.cleaned {
		c.note, c.noteBad = tr(c.lang, i18n.AppPasteCleaned), true
	}
	return c
}

// takePlace picks the selected neighbourhood and moves to its wish. While
// a mark is being changed, Enter on the empty field keeps its place.
func (c Capture) takePlace() Capture {
	switch {
	case c.place.Empty() && c.editMark > 0:
		return c.placeChosen(c.markWas.Neighbourhood)
	case c.place.Empty():
		c.note, c.noteBad = tr(c.lang, i18n.AppEmptyPlace), false
		return c
	case len(c.matches) == 0:
		c.note, c.noteBad = tr(c.lang, i18n.AppNoMatch, c.place.Value()), true
		return c
	}
	return c.placeChosen(c.matches[min(c.placeSel, len(c.matches)-1)].Name)
}

// placeChosen moves on to the wish for the neighbourhood ("" = a
// city-wide wish): typed, chosen on the map or kept. The wish field
// starts empty, or, for a mark being changed, with its wish and category.
func (c Capture) placeChosen(name string) Capture {
	c.wishFor = name
	c.place.SetValue("")
	c.matches, c.placeSel, c.note, c.pickAt = nil, 0, "", ""
	c.focus = focusWish
	if c.editMark > 0 {
		c.wish.SetValue(c.markWas.Wish)
		c.category, c.catManual, c.catStems = c.markWas.Category, c.markWas.Category != "", false
		c.note = tr(c.lang, i18n.FormMarkEditing, c.editMark)
	}
	return c
}

// clock is how a recent response's time is shown.
func clock(t time.Time) string { return t.Local().Format("15:04") }

package tui

import (
	"slices"
)

// The form's own history: every change of what it holds is a step, and
// ctrl+z takes back the newest (ctrl+y brings it again). Typing in one
// field is one step however many letters it takes, as is moving through
// the category list; taking a place, adding, changing or removing a mark,
// choosing an age group are a step each.

// stepKind says what a step changed, so that typing runs together.
type stepKind int

const (
	stepOther    stepKind = iota // a mark, the age, the stage: never run together
	stepPlace                    // the place field's text only
	stepWish                     // the wish field's text (and the category it suggests)
	stepCategory                 // the category only
)

// maxSteps bounds the history kept.
const maxSteps = 200

// stepFrom records before as a step when c holds something else than it
// did; a step of the same kind as the newest (more typing in the same
// field) runs into it.
func (c Capture) stepFrom(before Capture) Capture {
	if sameForm(before, c) {
		return c
	}
	kind := stepKindOf(before, c)
	if kind == stepOther || kind != before.lastStep {
		c.past = append(slices.Clip(before.past), before.snapshot())
		if len(c.past) > maxSteps {
			c.past = c.past[len(c.past)-maxSteps:]
		}
	}
	c.future, c.lastStep = nil, kind
	return c
}

// snapshot is the form without its history, sharing nothing with it.
func (c Capture) snapshot() Capture {
	c.past, c.future = nil, nil
	c.marks = slices.Clone(c.marks)
	return c
}

// Undo takes back the form's newest step; ok is false when there is none.
func (c Capture) Undo() (Capture, bool) {
	n := len(c.past)
	if n == 0 {
		return c, false
	}
	prev := c.past[n-1].snapshot()
	prev.past, prev.future = c.past[:n-1:n-1], append(slices.Clip(c.future), c.snapshot())
	return prev.keep(c), true
}

// Redo brings back the step Undo took; ok is false when there is none.
func (c Capture) Redo() (Capture, bool) {
	n := len(c.future)
	if n == 0 {
		return c, false
	}
	next := c.future[n-1].snapshot()
	next.past, next.future = append(slices.Clip(c.past), c.snapshot()), c.future[:n-1:n-1]
	return next.keep(c), true
}

// keep gives a form taken from the history what is not history: the
// newest wish groups, and a fresh start for typing.
func (c Capture) keep(now Capture) Capture {
	c.groups, c.lastStep, c.note, c.wishEsc = now.groups, stepOther, "", false
	return c
}

// sameForm reports whether a and b hold the same: marks, fields, the
// stage, category, age group, the response and mark being changed.
// Selections, suggestions and messages are not part of it.
func sameForm(a, b Capture) bool {
	return a.place.Value() == b.place.Value() && a.wish.Value() == b.wish.Value() &&
		a.wishFor == b.wishFor && a.stage() == b.stage() && a.category == b.category &&
		a.catManual == b.catManual && a.age == b.age && a.editMark == b.editMark &&
		a.editing.ID == b.editing.ID && slices.Equal(a.marks, b.marks)
}

// stepKindOf says what changed from a to b.
func stepKindOf(a, b Capture) stepKind {
	if a.wishFor != b.wishFor || a.stage() != b.stage() || a.age != b.age || a.editMark != b.editMark ||
		a.editing.ID != b.editing.ID || !slices.Equal(a.marks, b.marks) {
		return stepOther
	}
	switch {
	case a.place.Value() != b.place.Value():
		if a.wish.Value() != b.wish.Value() || a.category != b.category {
			return stepOther
		}
		return stepPlace
	case a.wish.Value() != b.wish.Value():
		return stepWish
	}
	return stepCategory
}

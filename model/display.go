package model

// DisplayState is what a facilitator decides the room's projections show:
// shared by every screen of an event, so that hiding the results on one
// hides them on all.
type DisplayState struct {
	// Hidden shows only the number of answers (and how to join).
	Hidden bool
	// Frozen holds newer snapshots back until it is unset.
	Frozen bool
	// RevealAt is when results will be shown, e.g. "15:00" (empty: unsaid).
	RevealAt string
}

package model

// Snapshot is everything a board draws, computed once per change and
// shared read-only by every screen. Nothing in it may be modified.
type Snapshot struct {
	Tally
	// Version increases with every snapshot of a hub whose counts may
	// differ from the one before (not when only Display does).
	Version uint64
	// Counts maps each neighbourhood's name to its tally.
	Counts map[string]int
	// MaxCount is the highest neighbourhood tally (0 when none).
	MaxCount int
	// ByNeighbourhood holds the ranked wish groups per neighbourhood name;
	// the key "" holds the city-wide wishes.
	ByNeighbourhood map[string][]WishCount
	// Held holds the wishes waiting for a facilitator's approval (by
	// key, ranked): for the facilitator's eyes, never for a board.
	Held []WishCount
	// Recent holds the newest responses, newest first.
	Recent []Response
	// Display is what the facilitator lets the room's screens show
	// (hidden, frozen), shared by every screen of the event. A hub sends
	// a snapshot again when only Display changes, under the same
	// Version.
	Display DisplayState
}

// Snapshot returns the current counts as a Snapshot (without Recent,
// Version and Display, which the caller fills in).
func (t *Tallier) Snapshot() *Snapshot {
	s := &Snapshot{
		Tally:           t.Tally(),
		Counts:          make(map[string]int, t.gaz.Len()),
		ByNeighbourhood: make(map[string][]WishCount, t.gaz.Len()+1),
		Held:            t.Held(),
	}
	for _, n := range s.Neighbourhoods {
		s.Counts[n.Name] = n.Count
		if n.Count > s.MaxCount {
			s.MaxCount = n.Count
		}
		if ws := t.WishesIn(n.Name); len(ws) > 0 {
			s.ByNeighbourhood[n.Name] = ws
		}
	}
	if ws := t.WishesIn(""); len(ws) > 0 {
		s.ByNeighbourhood[""] = ws
	}
	return s
}

// SameCounts reports whether s and o are the same snapshot, or a hub's
// snapshots of one Version (not 0), which differ in Display at the most:
// a screen need not count or draw their tallies again.
func (s *Snapshot) SameCounts(o *Snapshot) bool {
	return s == o || s != nil && o != nil && s.Version != 0 && s.Version == o.Version
}
